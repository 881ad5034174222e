import { useEffect, useMemo, useReducer, useRef, useState, useSyncExternalStore } from 'react';
import { Box, useApp, useInput, useWindowSize, type Key } from 'ink';
import { attach } from './actions/attach.js';
import { suspendToShell } from './actions/suspend.js';
import type { ActionContext, Notice } from './actions/context.js';
import { defaultShellLabel, exec } from './actions/exec.js';
import { tagAction } from './actions/images.js';
import { COMMIT_STEPS } from './actions/commit.js';
import { copyPrompt, handlePrompt } from './accept-prompt.js';
import { readOnlyCopy } from './actions/copy.js';
import type { ContainerDetail } from './model/types.js';

import { ConfirmDialog } from './components/confirm-dialog.js';
import { refusedReadOnly } from './actions/lifecycle.js';
import { ConnectionBanner } from './components/banner.js';
import { StatusLine } from './components/status-line.js';
import { Header } from './components/header.js';
import { helpRows, HelpOverlay, helpPageSize } from './components/help-overlay.js';
import { listContexts } from './docker/endpoint.js';
import { MIN_COLUMNS, MIN_ROWS, TooSmall } from './components/too-small.js';
import { DashboardBody, useDashboard } from './dashboard.js';
import type { Engine } from './docker/client.js';
import { formatDateTime } from './format/age.js';
import type { DetachKeys } from './format/detach-keys.js';
import { activeScopes, lookup, type ActionId } from './keymap/keymap.js';
import { keyName, splitKeys } from './keymap/key-name.js';
import { maxDetailOffset } from './panels/detail-panel.js';
import { LogsView } from './panels/logs-view.js';
import { LogSession } from './store/log-session.js';
import { countMatches, scrollLogs } from './store/logs-ui.js';
import type { Store } from './store/store.js';
import { initialUi, uiReducer, type UiAction } from './store/ui.js';
import { useActions } from './use-actions.js';
import { usePrune } from './use-prune.js';
import { pruneDialog } from './actions/prune.js';
import { PruneView } from './panels/prune-view.js';
import { ChangesView, type ChangesState } from './panels/changes-view.js';
import { UsageView } from './panels/usage-view.js';
import { engineMessage } from './docker/errors.js';
import { logsActions, pruneActions } from './view-actions.js';
import { useContainerSize, useSizesShown, useSnapshot } from './store/use-store.js';
import { useMinuteClock } from './use-clock.js';
import { useForms } from './use-forms.js';
import { T } from './i18n/index.js';

export interface AppProps {
	readonly store: Store;
	readonly engine: Engine;
	readonly readOnly: boolean;
	/** The engine is marked production in the config. */
	readonly production?: boolean;
	/** The docker context the engine came from. */
	readonly dockerContext?: string;
	/** Connects to another docker context and shows it (: key); resolves with a problem, or undefined once switched. */
	readonly onSwitchContext?: (name: string) => Promise<string | undefined>;
	readonly detachKeys: DetachKeys;
	readonly logBuffer: number;
	/** A warning to show once at start (a bad setting that was replaced by its default). */
	readonly startupNotice?: Notice;
	/** `dockdeck build PATH`: the build form's values; the build starts once they check out. */
	readonly initialBuild?: Readonly<Record<string, string>>;
	/** --learn: start with the learn pane open. */
	readonly learn?: boolean;
}

const CONTROL = /[\u0000-\u001f\u007f]/;

/** The dashboard and the logs view, the status line, and the one key dispatcher. */
export function App({ store, engine, readOnly, production, dockerContext, onSwitchContext, detachKeys, logBuffer, startupNotice, initialBuild, learn }: AppProps) {
	const { exit, suspendTerminal } = useApp();
	const { columns, rows } = useWindowSize();
	const snapshot = useSnapshot(store);
	const now = useMinuteClock();
	// The UI state lives in a ref that each action updates at once, so every key of a burst (a paste,
	// or keys that arrive in one read) sees the state the key before it left.
	const uiRef = useRef(learn ? { ...initialUi, learn: true } : initialUi);
	const [, repaint] = useReducer((n: number) => n + 1, 0);
	const dispatch = (action: UiAction) => {
		const next = uiReducer(uiRef.current, action);
		if (next !== uiRef.current) {
			uiRef.current = next;
			repaint();
		}
	};
	const ui = uiRef.current;
	const [logs, setLogs] = useState<LogSession | null>(null);
	useSyncExternalStore(logs?.subscribe ?? noSubscribe, logs?.getVersion ?? zero);
	useEffect(() => () => logs?.stop(), [logs]);

	// a prompt's error gets a line of its own above the prompt
	const banner = (snapshot.connection.status === 'down' ? 1 : 0) + (ui.prompt?.error ? 1 : 0);
	const model = useDashboard(store, snapshot, ui, columns, rows - 2 - banner, dispatch, detachKeys.display);
	const tooSmall = columns < MIN_COLUMNS || rows < MIN_ROWS;
	const logsHeight = rows - 2 - banner;
	const context: ActionContext = {
		engine,
		terminal: { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr },
		suspend: fn => suspendTerminal(fn),
		detachKeys,
		readOnly,
	};
	// Ctrl-Z, or a SIGTSTP sent from elsewhere (in raw mode the terminal sends none itself); while a
	// container has the terminal, the signal is its business
	const suspend = () => void suspendToShell(context).catch(() => undefined);
	useEffect(() => {
		const onStop = () => suspend();
		process.on('SIGTSTP', onStop);
		return () => void process.off('SIGTSTP', onStop);
	}, []);
	const pruning = usePrune(engine);
	const { prune } = pruning;
	const pruneConfirmation = () => (prune?.status === 'ready' ? pruneDialog(prune, pruning.run) : undefined);
	const { notice, setNotice, perform, confirmation, containerAction, imageRemove, acceptConfirm } = useActions(context, snapshot, model.container, uiRef, dispatch, pruneConfirmation, startupNotice);

	const forms = useForms({ context, snapshot, uiRef, dispatch, setNotice, perform, initialBuild, image: model.image });
	const [changes, setChanges] = useState<ChangesState | null>(null);
	const [usageCursor, setUsageCursor] = useState(0);
	useSizesShown(store, 'all', ui.view === 'usage');
	useContainerSize(store, ui.view === 'changes' ? changes?.id : undefined);
	const loadChanges = (id: string, name: string) => {
		setChanges({ id, name, status: 'loading', items: [], cursor: 0 });
		engine.api.containerChanges(id).then(
			items => setChanges(c => (c?.id === id ? { ...c, status: 'ready', items, sizeRw: store.getSnapshot().sizes.get(id)?.sizeRw } : c)),
			(error: unknown) => setChanges(c => (c?.id === id ? { ...c, status: 'error', error: engineMessage(error) } : c)),
		);
	};

	const openLogs = () => {
		const container = model.container;
		if (!container) return setNotice({ text: T.actions.noContainer, tone: 'warn' });
		const session = new LogSession(engine, store, container.id, container.name, logBuffer);
		void session.start();
		setLogs(session);
		dispatch({ type: 'view', view: 'logs' });
	};
	const closeLogs = () => {
		logs?.stop();
		setLogs(null);
		dispatch({ type: 'view', view: 'dashboard' });
	};

	const workdirOf = (id: string | undefined) => (id ? (snapshot.details.get(`container:${id}`)?.value as ContainerDetail | undefined)?.workingDir : undefined) || '/';
	const acceptPrompt = () => {
		const prompt = uiRef.current.prompt;
		dispatch({ type: 'promptEnd' });
		if (!prompt) return;
		// what the prompt was opened for, as it is now: it may have been removed meanwhile
		const live = store.getSnapshot();
		const container = prompt.target ? live.containers.find(c => c.id === prompt.target!.id) : model.container;
		const image = prompt.target ? live.images.find(i => i.key === prompt.target!.id) : model.image;
		handlePrompt(prompt, { context, container, image, logs, perform, dispatch, workdir: workdirOf(container?.id), switchContext: onSwitchContext });
	};

	const run = (id: ActionId) => {
		const ui = uiRef.current;
		const page = ui.view === 'logs' ? Math.max(1, logsHeight - 3) : Math.max(1, model.layout[ui.panel].height - 3);
		const keys = model.keys[ui.panel];
		const move = (delta: number, to?: 'first' | 'last'): UiAction | (() => void) =>
			ui.view === 'build'
				? () => forms.scrollBuild(delta, to)
				: ui.view === 'prune'
				? () => pruning.move(to === 'first' ? -Infinity : to === 'last' ? Infinity : delta)
				: ui.view === 'usage'
				? () => setUsageCursor(c => Math.max(0, Math.min(3, to === 'first' ? 0 : to === 'last' ? 3 : c + delta)))
				: ui.view === 'changes'
				? () => setChanges(c => (c ? { ...c, cursor: Math.max(0, Math.min(c.items.length - 1, to === 'first' ? 0 : to === 'last' ? c.items.length - 1 : c.cursor + delta)) } : c))
				: ui.view === 'logs' && logs
				? { type: 'logs', update: l => (to === 'last' ? { ...l, follow: true } : to === 'first' ? scrollLogs(l, logs.buffer, -Infinity) : scrollLogs(l, logs.buffer, delta)) }
				: { type: 'move', keys, delta, to };
		// the pane [ and ] scroll: the detail pane, or the learn pane where it takes its place
		const scrolled = model.layout.detail.height > 0 || !model.layout.learn ? { lines: model.detail.lines.length, height: model.layout.detail.height } : { lines: model.learn?.length ?? 0, height: model.layout.learn.height };
		const detailMax = maxDetailOffset(scrolled.lines, scrolled.height);
		const actions: Partial<Record<ActionId, UiAction | (() => void)>> = {
			...logsActions({ ui, logs, dispatch, setNotice, close: closeLogs }),
			...pruneActions({ prune, pruning, readOnly, dispatch, setNotice }),
			...forms.handlers,
			'app.quit': () => exit(),
			'app.interrupt': () => exit(),
			'app.suspend': suspend,
			'help.toggle': { type: 'help', open: ui.overlay !== 'help' },
			'help.close': { type: 'help', open: false },
			'focus.next': { type: 'focusStep', step: 1 },
			'focus.prev': { type: 'focusStep', step: -1 },
			'focus.containers': { type: 'focus', panel: 'containers' },
			'focus.images': { type: 'focus', panel: 'images' },
			'focus.layers': { type: 'focus', panel: 'layers' },
			'cursor.up': move(-1),
			'cursor.down': move(1),
			'cursor.pageUp': move(-page),
			'cursor.pageDown': move(page),
			'cursor.first': move(0, 'first'),
			'cursor.last': move(0, 'last'),
			'context.switch': () => {
				if (!onSwitchContext) return;
				const names = listContexts().map(c => c.name);
				dispatch({ type: 'promptStart', prompt: { kind: 'context', label: T.actions.prompts.context(names.join(', '), dockerContext ?? 'default'), value: '' } });
			},
			'detail.reveal': () => {
				const id = ui.panel === 'containers' ? model.container?.id : ui.panel === 'images' ? model.image?.id : undefined;
				if (id) dispatch({ type: 'reveal', key: `${ui.panel}:${id}` });
			},
			'detail.scrollUp': { type: 'detailScroll', delta: -Math.max(1, scrolled.height - 3), max: detailMax },
			'detail.scrollDown': { type: 'detailScroll', delta: Math.max(1, scrolled.height - 3), max: detailMax },
			'learn.toggle': { type: 'learn' },
			'filter.start': { type: 'filterStart' },
			// the row highlighted in the filtered list stays selected when the filter goes
			'filter.clear': () => {
				dispatch({ type: 'move', keys, delta: 0 });
				dispatch({ type: 'filterClear' });
			},
			'filter.accept': () => {
				dispatch({ type: 'move', keys, delta: 0 });
				dispatch({ type: 'filterEnd', keep: true });
			},
			'filter.cancel': () => {
				dispatch({ type: 'move', keys, delta: 0 });
				dispatch({ type: 'filterEnd', keep: false });
			},
			'container.attach': () => model.container && perform(() => attach(context, model.container!, { start: false })),
			'container.startAttach': () => model.container && perform(() => attach(context, model.container!, { start: true })),
			'container.exec': () => {
				if (!model.container) return;
				if (readOnly || model.container.state !== 'running') perform(() => exec(context, model.container!, ''));
				else dispatch({ type: 'promptStart', prompt: { kind: 'exec', label: T.actions.prompts.exec(model.container.name, defaultShellLabel()), value: '', target: { id: model.container.id, name: model.container.name } } });
			},
			'container.logs': openLogs,
			'container.start': () => containerAction('lifecycle', 'start'),
			'container.stop': () => containerAction('lifecycle', 'stop'),
			'container.restart': () => containerAction('lifecycle', 'restart'),
			'container.pause': () => containerAction('lifecycle', 'pause'),
			'container.kill': () => containerAction('lifecycle', 'kill'),
			'container.remove': () => containerAction('remove'),
			'image.remove': () => imageRemove(model.image),
			'container.commit': () => {
				if (!model.container) return;
				if (readOnly) return setNotice(refusedReadOnly('docker commit'));
				dispatch({ type: 'promptStart', prompt: { kind: 'commit', label: COMMIT_STEPS[0].label(model.container.name), value: '', step: 0, form: {}, target: { id: model.container.id, name: model.container.name } } });
			},
			'layers.names': { type: 'toggleLayerNames' },
			'container.changes': () => {
				if (!model.container) return;
				loadChanges(model.container.id, model.container.name);
				dispatch({ type: 'view', view: 'changes' });
			},
			'changes.reload': () => changes && loadChanges(changes.id, changes.name),
			'usage.open': () => {
				store.refreshUsageNow();
				dispatch({ type: 'view', view: 'usage' });
			},
			'usage.reload': () => store.refreshUsageNow(),
			'usage.close': { type: 'view', view: 'dashboard' },
			'usage.prune': () => {
				pruning.load();
				dispatch({ type: 'view', view: 'prune' });
			},
			'changes.close': () => {
				setChanges(null);
				dispatch({ type: 'view', view: 'dashboard' });
			},
			'container.copy': () => {
				if (!model.container) return;
				if (readOnly) return setNotice(readOnlyCopy());
				dispatch({ type: 'promptStart', prompt: copyPrompt({ id: model.container.id, name: model.container.name }, 0, {}, workdirOf(model.container.id)) });
			},
			'image.tag': () => {
				if (!model.image) return;
				if (readOnly) return perform(() => tagAction(context, model.image!, ''));
				{
					const name = model.image.dangling ? model.image.id.slice(7, 19) : `${model.image.repository}:${model.image.tag}`;
					dispatch({ type: 'promptStart', prompt: { kind: 'tag', label: T.actions.prompts.tag(name), value: '', target: { id: model.image.key, name } } });
				}
			},
			'confirm.accept': acceptConfirm,
			'confirm.cancel': () => {
				const pending = ui.confirm;
				dispatch({ type: 'confirmClose' });
				if (pending) setNotice({ text: pending.kind === 'prune' ? T.actions.cancelled.prune : pending.kind === 'copy' ? T.actions.cancelled.copy : T.actions.cancelled.other(pending.name), tone: 'info' });
			},
			'confirm.force': () => ui.confirm && ui.confirm.kind !== 'lifecycle' && dispatch({ type: 'confirmToggle', toggle: 'force' }),
			'confirm.volumes': () => ui.confirm?.kind === 'remove' && dispatch({ type: 'confirmToggle', toggle: 'volumes' }),
			'prompt.accept': acceptPrompt,
			'prompt.clear': { type: 'promptClear' },
			'prompt.cancel': () => {
				if (ui.prompt?.kind === 'search') dispatch({ type: 'logs', update: l => ({ ...l, search: '' }) });
				dispatch({ type: 'promptEnd' });
			},
		};
		const action = actions[id];
		if (typeof action === 'function') action();
		else if (action) dispatch(action);
	};

	const typeText = (name: string | undefined, input: string, key: Key) => {
		const ui = uiRef.current;
		const erase = name === 'backspace' || name === 'delete';
		const text = !erase && input && !key.ctrl && !key.meta && !CONTROL.test(input) ? input : '';
		if (ui.overlay === 'form') {
			forms.type(erase, text);
		} else if (ui.overlay === 'filter') {
			if (erase) dispatch({ type: 'filterBackspace' });
			else if (text) dispatch({ type: 'filterType', text });
		} else if (ui.overlay === 'prompt') {
			if (erase) dispatch({ type: 'promptBackspace' });
			else if (text) dispatch({ type: 'promptType', text });
			const prompt = uiRef.current.prompt;
			if (prompt?.kind === 'search') dispatch({ type: 'logs', update: l => ({ ...l, search: prompt.value }) });
		}
	};

	const handleKey = (name: string | undefined, input: string, key: Key) => {
		const ui = uiRef.current;
		if (tooSmall) {
			if (name === 'q' || name === 'ctrl+c') exit();
			if (name === 'ctrl+z') suspend();
			return;
		}
		if (notice && ui.overlay === null) setNotice(undefined);
		const binding = name ? lookup(name, activeScopes(ui)) : undefined;
		if (ui.overlay === 'help' && binding?.scope === 'list') {
			const page = helpPageSize(rows - 1);
			const total = helpRows().length;
			const steps: Partial<Record<ActionId, number>> = { 'cursor.up': -1, 'cursor.down': 1, 'cursor.pageUp': -page, 'cursor.pageDown': page, 'cursor.first': -total, 'cursor.last': total };
			dispatch({ type: 'helpScroll', delta: steps[binding.id] ?? 0, max: Math.max(0, total - page) });
			return;
		}
		if (binding) run(binding.id);
		else typeText(name, input, key);
	};

	// Keys that arrive together (a paste, fast typing over a slow link) are taken one per render,
	// so each one acts on what the key before it left on screen: the filter typed before `l`
	// decides which container's logs open.
	const queued = useRef<[string | undefined, string, Key][]>([]);
	const [, kick] = useReducer((n: number) => n + 1, 0);
	useEffect(() => {
		const next = queued.current.shift();
		if (!next) return;
		handleKey(...next);
		if (queued.current.length) kick();
	});
	useInput((input, key) => {
		let keys: [string | undefined, string, Key][];
		// dockdeck binds no Alt keys: ESC and a key read together (a fast Esc then q, or a slow link) are both pressed
		if (key.meta && !key.ctrl && [...input].length === 1) keys = [['escape', '', { ...PLAIN_KEY, escape: true }], [keyName(input, PLAIN_KEY), input, PLAIN_KEY]];
		else keys = (key.meta ? undefined : splitKeys(input))?.map(([name, text]) => [name || undefined, text, PLAIN_KEY]) ?? [[keyName(input, key), input, key]];
		if (queued.current.length === 0) handleKey(...keys.shift()!);
		queued.current.push(...keys);
		if (queued.current.length) kick();
	});

	// recounted only when lines arrive or the search changes, not on every key
	const pushed = logs?.buffer.pushed ?? 0;
	const matches = useMemo(() => (logs ? countMatches(logs.buffer, ui.logs.search) : 0), [logs, pushed, ui.logs.search]);

	if (tooSmall) return <TooSmall columns={columns} rows={rows} />;

	const dialog = ui.overlay === 'confirm' ? confirmation(ui.confirm) : undefined;
	const formOrBuild = forms.render(columns, logsHeight);
	const header = (
		<Header
			engine={snapshot.engine}
			width={columns}
			containers={snapshot.containers.length}
			running={snapshot.containers.filter(c => c.state === 'running').length}
			unhealthy={snapshot.containers.filter(c => c.state === 'running' && c.health === 'unhealthy').length}
			restarting={snapshot.containers.filter(c => c.state === 'restarting').length}
			images={snapshot.images.length}
			readOnly={readOnly}
			production={production}
			context={dockerContext}
		/>
	);
	if (ui.overlay === 'help') {
		return (
			<Box flexDirection="column" width={columns} height={rows}>
				{header}
				<HelpOverlay width={columns} height={rows - 1} offset={ui.helpOffset} />
			</Box>
		);
	}
	const bottom = <StatusLine prompt={ui.prompt} notice={notice} width={columns} scopes={activeScopes(ui)} status={ui.overlay === 'filter' ? (ui.filterFresh ? T.actions.filterReplacing(ui.filters[ui.panel]) : T.actions.filterTyping) : snapshot.refreshError} />;
	return (
		<Box flexDirection="column" width={columns} height={rows}>
			{header}
			{snapshot.connection.status === 'down' ? <ConnectionBanner state={snapshot.connection} width={columns} since={snapshot.syncedAt ? formatDateTime(snapshot.syncedAt) : T.banner.never} /> : null}
			{dialog ? (
				<ConfirmDialog confirmation={dialog} width={columns} height={logsHeight} />
			) : formOrBuild ? (
				formOrBuild
			) : ui.view === 'usage' ? (
				<UsageView usage={snapshot.usage} width={columns} height={logsHeight} cursor={usageCursor} />
			) : ui.view === 'changes' && changes ? (
				<ChangesView state={{ ...changes, sizeRw: snapshot.sizes.get(changes.id)?.sizeRw ?? changes.sizeRw }} width={columns} height={logsHeight} />
			) : ui.view === 'prune' && prune ? (
				<PruneView state={prune} width={columns} height={logsHeight} learn={ui.learn} />
			) : ui.view === 'logs' && logs ? (
				<LogsView session={logs} ui={ui.logs} width={columns} height={logsHeight} matches={matches} />
			) : (
				<DashboardBody model={model} snapshot={snapshot} ui={ui} now={now} />
			)}
			{bottom}
		</Box>
	);
}

const PLAIN_KEY = { upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false } as Key;

const noSubscribe = () => () => undefined;
const zero = () => 0;
