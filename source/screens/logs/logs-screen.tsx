import { useMemo, useSyncExternalStore } from 'react';
import { defaultLogFile, saveLogs } from '../../actions/save-logs.js';
import type { ContainerSummary } from '../../model/types.js';
import { T } from '../../i18n/index.js';
import { LogSession } from '../../store/log-session.js';
import { promptScreen, prompt } from '../overlays/prompt.js';
import type { RenderProps, Screen, ScreenContext } from '../screen.js';
import { stepDelta } from '../list-step.js';
import { countMatches, findMatch, initialLogsUi, scrollLogs, type LogsUi } from './logs-state.js';
import { LogsView } from './logs-view.js';

/** A followed container's logs: the stream (a store of its own) and how they are read. */
export interface LogsState {
	readonly session: LogSession;
	readonly ui: LogsUi;
}

type Ctx = ScreenContext<LogsState>;

const view = (ctx: Ctx, fn: (ui: LogsUi) => LogsUi) => ctx.update(s => ({ ...s, ui: fn(s.ui) }));

/** The next match above (older) or below (newer) the bottom line; a notice when there is none. */
function jump(ctx: Ctx, direction: 1 | -1): void {
	const { session, ui } = ctx.state;
	const seq = findMatch(session.buffer, ui, direction);
	if (seq === undefined)
		ctx.app.notice({ text: ui.search ? T.actions.logs.noMore(ui.search, direction < 0) : T.actions.logs.searchFirst, tone: 'warn' });
	else view(ctx, l => ({ ...l, follow: false, anchor: seq }));
}

/** Opens the logs of a container, following them (`docker logs -f --tail 500`). */
export function openLogs(ctx: Pick<ScreenContext<unknown>, 'open' | 'app'>, container: ContainerSummary): void {
	const { engine, store, logBuffer } = ctx.app;
	const session = new LogSession(engine, store, container.id, container.name, logBuffer);
	void session.start();
	ctx.open(logsScreen, { session, ui: initialLogsUi });
}

function LogsBody({ state, width, height }: RenderProps<LogsState>) {
	const { session, ui } = state;
	useSyncExternalStore(session.subscribe, session.getVersion);
	// recounted only when lines arrive or the search changes, not on every key
	const pushed = session.buffer.pushed;
	const matches = useMemo(() => countMatches(session.buffer, ui.search), [session, pushed, ui.search]);
	return <LogsView session={session} ui={ui} width={width} height={height} matches={matches} />;
}

/** `l`: one container's logs, followed as they come: search, timestamps, wrap, save. */
export const logsScreen: Screen<LogsState, 'logs'> = {
	name: 'logs',
	layer: 'body',
	scopes: () => ['logs', 'list', 'views'],
	stacks: [['always', 'logs', 'list', 'views']],
	close: 'logs.close',
	keys: {
		'logs.close': ctx => ctx.close(),
		'logs.follow': ctx => view(ctx, l => ({ ...l, follow: true })),
		'logs.timestamps': ctx => view(ctx, l => ({ ...l, timestamps: !l.timestamps })),
		'logs.wrap': ctx => view(ctx, l => ({ ...l, wrap: !l.wrap, hscroll: 0 })),
		// the search is live: each key typed moves the highlight; Esc drops it
		'logs.search': ctx =>
			ctx.open(
				promptScreen,
				prompt(T.actions.prompts.search, ctx.state.ui.search, (_, p) => p.close(), {
					change: value => view(ctx, l => ({ ...l, search: value })),
					cancel: () => view(ctx, l => ({ ...l, search: '' })),
				}),
			),
		'logs.older': ctx => jump(ctx, -1),
		'logs.newer': ctx => jump(ctx, 1),
		'logs.save': ctx => {
			const { buffer, name } = ctx.state.session;
			ctx.open(
				promptScreen,
				prompt(T.actions.prompts.save(buffer.size), defaultLogFile(name), (value, p) => {
					p.close();
					p.app.perform(() => saveLogs(buffer, value));
				}),
			);
		},
		'logs.left': ctx => view(ctx, l => ({ ...l, hscroll: Math.max(0, l.hscroll - 8) })),
		'logs.right': ctx => view(ctx, l => (l.wrap ? l : { ...l, hscroll: l.hscroll + 8 })),
	},
	move: (ctx, step) => {
		const { buffer } = ctx.state.session;
		if (step.kind === 'last') return view(ctx, l => ({ ...l, follow: true }));
		view(ctx, l => scrollLogs(l, buffer, stepDelta(step)));
	},
	dispose: state => state.session.stop(),
	render: props => <LogsBody {...props} />,
};
