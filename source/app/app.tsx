import { useEffect, useReducer, useRef } from 'react';
import { Box, useApp, useWindowSize } from 'ink';
import type { ActionContext, Notice } from '../actions/context.js';
import { suspendToShell } from '../actions/suspend.js';
import { ConnectionBanner } from '../components/banner.js';
import { Header } from '../components/header.js';
import { StatusLine } from '../components/status-line.js';
import { MIN_COLUMNS, MIN_ROWS, TooSmall } from '../components/too-small.js';
import type { Engine } from '../docker/client.js';
import { formatDateTime } from '../format/age.js';
import type { DetachKeys } from '../format/detach-keys.js';
import { T } from '../i18n/index.js';
import { lookup, type Scope } from '../keymap/keymap.js';
import { openBuildForm } from '../screens/build/build-screen.js';
import { useDashboard, type DashboardModel } from '../screens/dashboard/dashboard-model.js';
import { dashboardScreen } from '../screens/dashboard/dashboard-screen.js';
import { dashboardReducer, initialDashboard, type DashboardState } from '../screens/dashboard/dashboard-state.js';
import { helpScreen } from '../screens/overlays/help.js';
import { ALWAYS_SHOWN } from '../screens/registry.js';
import type { AppServices } from '../screens/screen.js';
import type { Store } from '../store/store.js';
import { useSnapshot } from '../store/use-store.js';
import { GLOBAL_KEYS, LIST_STEPS, readOnlyRefusal } from './global-keys.js';
import { useKeyQueue, type KeyPress } from './key-queue.js';
import { ScreenStack } from './stack.js';
import { useTasks } from './tasks.js';

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

/**
 * The app keeps only what no screen can own: the stack of screens, the one input queue, the keys
 * of every screen (quit, suspend, help), and the frame (header, banner, the top screen, the status line).
 */
export function App({
	store,
	engine,
	readOnly,
	production,
	dockerContext,
	onSwitchContext,
	detachKeys,
	logBuffer,
	startupNotice,
	initialBuild,
	learn,
}: AppProps) {
	const { exit, suspendTerminal } = useApp();
	const { columns, rows } = useWindowSize();
	const snapshot = useSnapshot(store);
	const [, repaint] = useReducer((n: number) => n + 1, 0);
	const stackRef = useRef<ScreenStack | null>(null);
	stackRef.current ??= new ScreenStack(dashboardScreen, { ...initialDashboard, learn: Boolean(learn) }, repaint);
	const stack = stackRef.current;
	useEffect(() => () => stack.disposeAll(), [stack]);
	const { notice, setNotice, perform } = useTasks(startupNotice);
	const kept = useRef(new Map<string, unknown>());
	const modelRef = useRef<DashboardModel | null>(null);

	const action: ActionContext = {
		engine,
		terminal: { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr },
		suspend: fn => suspendTerminal(fn),
		detachKeys,
		readOnly,
	};
	const app: AppServices = {
		store,
		engine,
		action,
		readOnly,
		detachKeys,
		logBuffer,
		dockerContext,
		switchContext: onSwitchContext,
		perform,
		notice: setNotice,
		snapshot: () => store.getSnapshot(),
		model: () => modelRef.current!,
		dashboard: { state: () => stack.bottom().state as DashboardState, update: fn => stack.update(stack.bottom().key, fn) },
		keep: <T,>(name: string, make: () => T) => {
			if (!kept.current.has(name)) kept.current.set(name, make());
			return kept.current.get(name) as T;
		},
	};

	const top = stack.top();
	const body = stack.topBody();
	const prompt = top.screen.prompt?.(top.state);
	// a prompt's error gets a line of its own above the prompt
	const banner = (snapshot.connection.status === 'down' ? 1 : 0) + (prompt?.error ? 1 : 0);
	const bodyHeight = rows - 2 - banner;
	const dispatch = (a: Parameters<typeof dashboardReducer>[1]) => app.dashboard.update(s => dashboardReducer(s, a));
	modelRef.current = useDashboard({
		store,
		snapshot,
		state: app.dashboard.state(),
		columns,
		bodyRows: bodyHeight,
		dispatch,
		detachKeys: detachKeys.display,
		shown: body.screen === dashboardScreen,
	});
	const tooSmall = columns < MIN_COLUMNS || rows < MIN_ROWS;

	// Ctrl-Z, or a SIGTSTP sent from elsewhere (in raw mode the terminal sends none itself); while a
	// container has the terminal, the signal is its business
	const suspend = () => void suspendToShell(action).catch(() => undefined);
	useEffect(() => {
		process.on('SIGTSTP', suspend);
		if (initialBuild) openBuildForm({ open: (screen, state) => stack.contextFor(stack.push(screen, state), app), app }, initialBuild);
		return () => void process.off('SIGTSTP', suspend);
	}, []);

	const handleKey = ([name, input, key]: KeyPress) => {
		if (tooSmall) {
			if (name === 'q' || name === 'ctrl+c') exit();
			if (name === 'ctrl+z') suspend();
			return;
		}
		const current = stack.top();
		const scopes: Scope[] = ['always', ...current.screen.scopes(current.state)];
		// a notice stays while a dialog, a form or a prompt is open, and goes with the next key on a view
		if (notice && scopes.includes('views')) setNotice(undefined);
		const binding = name ? lookup(name, scopes) : undefined;
		const ctx = stack.contextFor(current, app);
		if (!binding) {
			const erase = name === 'backspace' || name === 'delete';
			return current.screen.type?.(ctx, !erase && input && !key.ctrl && !key.meta && !CONTROL.test(input) ? input : '', erase);
		}
		if (binding.writes && readOnly) return setNotice(readOnlyRefusal(binding));
		if (binding.id in LIST_STEPS)
			return current.screen.move?.(ctx, {
				kind: LIST_STEPS[binding.id as keyof typeof LIST_STEPS],
				height: current.screen.fullScreen ? rows - 1 : bodyHeight,
			});
		if (binding.id in GLOBAL_KEYS)
			return GLOBAL_KEYS[binding.id as keyof typeof GLOBAL_KEYS]({
				quit: exit,
				suspend,
				help: () => stack.push(helpScreen, { offset: 0 }),
			});
		(current.screen.keys as Record<string, (c: typeof ctx) => void>)[binding.id]?.(ctx);
	};
	useKeyQueue(handleKey);

	if (tooSmall) return <TooSmall columns={columns} rows={rows} />;
	const running = snapshot.containers.filter(c => c.state === 'running');
	const header = (
		<Header
			engine={snapshot.engine}
			width={columns}
			containers={snapshot.containers.length}
			running={running.length}
			unhealthy={running.filter(c => c.health === 'unhealthy').length}
			restarting={snapshot.containers.filter(c => c.state === 'restarting').length}
			images={snapshot.images.length}
			readOnly={readOnly}
			production={production}
			context={dockerContext}
		/>
	);
	const draw = (height: number) =>
		body.screen.render?.({ state: body.state, width: columns, height, app, ctx: stack.contextFor(body, app) });
	if (body.screen.fullScreen) {
		return (
			<Box flexDirection="column" width={columns} height={rows}>
				{header}
				{draw(rows - 1)}
			</Box>
		);
	}
	const scopes: Scope[] = ['always', ...top.screen.scopes(top.state)];
	return (
		<Box flexDirection="column" width={columns} height={rows}>
			{header}
			{snapshot.connection.status === 'down' ? (
				<ConnectionBanner
					state={snapshot.connection}
					width={columns}
					since={snapshot.syncedAt ? formatDateTime(snapshot.syncedAt) : T.banner.never}
				/>
			) : null}
			{draw(bodyHeight)}
			<StatusLine
				prompt={prompt ?? null}
				notice={notice}
				width={columns}
				scopes={scopes}
				always={ALWAYS_SHOWN}
				status={top.screen.status?.(top.state, app) ?? snapshot.refreshError}
			/>
		</Box>
	);
}
