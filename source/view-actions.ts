import type { Notice } from './actions/context.js';
import { defaultLogFile } from './actions/save-logs.js';
import type { ActionId } from './keymap/keymap.js';
import type { LogSession } from './store/log-session.js';
import { findMatch } from './store/logs-ui.js';
import type { UiAction, UiState } from './store/ui.js';
import type { PruneState, usePrune } from './use-prune.js';
import { T } from './i18n/index.js';

type Handlers = Partial<Record<ActionId, UiAction | (() => void)>>;

/** The keys of the logs view: follow, timestamps, wrap, search and its matches, save, sideways. */
export function logsActions({ ui, logs, dispatch, setNotice, close }: { ui: UiState; logs: LogSession | null; dispatch: (a: UiAction) => void; setNotice: (n: Notice) => void; close: () => void }): Handlers {
	const jump = (direction: 1 | -1) => {
		if (!logs) return;
		const seq = findMatch(logs.buffer, ui.logs, direction);
		if (seq === undefined) setNotice({ text: ui.logs.search ? T.actions.logs.noMore(ui.logs.search, direction < 0) : T.actions.logs.searchFirst, tone: 'warn' });
		else dispatch({ type: 'logs', update: l => ({ ...l, follow: false, anchor: seq }) });
	};
	return {
		'logs.close': close,
		'logs.follow': { type: 'logs', update: l => ({ ...l, follow: true }) },
		'logs.timestamps': { type: 'logs', update: l => ({ ...l, timestamps: !l.timestamps }) },
		'logs.wrap': { type: 'logs', update: l => ({ ...l, wrap: !l.wrap, hscroll: 0 }) },
		'logs.search': { type: 'promptStart', prompt: { kind: 'search', label: T.actions.prompts.search, value: ui.logs.search } },
		'logs.older': () => jump(-1),
		'logs.newer': () => jump(1),
		'logs.save': () => logs && dispatch({ type: 'promptStart', prompt: { kind: 'save', label: T.actions.prompts.save(logs.buffer.size), value: defaultLogFile(logs.name) } }),
		'logs.left': { type: 'logs', update: l => ({ ...l, hscroll: Math.max(0, l.hscroll - 8) }) },
		'logs.right': { type: 'logs', update: l => (l.wrap ? l : { ...l, hscroll: l.hscroll + 8 }) },
	};
}

/** The keys of the prune view: open, tick, reload, close, and run (which asks first). */
export function pruneActions({ prune, pruning, readOnly, dispatch, setNotice }: { prune: PruneState | null; pruning: ReturnType<typeof usePrune>; readOnly: boolean; dispatch: (a: UiAction) => void; setNotice: (n: Notice) => void }): Handlers {
	return {
		'prune.open': () => {
			pruning.load();
			dispatch({ type: 'view', view: 'prune' });
		},
		'prune.toggle': () => pruning.toggle(false),
		'prune.toggleGroup': () => pruning.toggle(true),
		'prune.reload': () => pruning.load(),
		'prune.close': () => {
			pruning.close();
			dispatch({ type: 'view', view: 'dashboard' });
		},
		'prune.run': () => {
			if (readOnly) return setNotice({ text: T.actions.prune.readOnly, tone: 'warn' });
			if (prune?.status !== 'ready') return setNotice({ text: prune?.status === 'done' ? T.actions.prune.doneReload : T.actions.prune.notReady, tone: 'warn' });
			dispatch({ type: 'confirmOpen', confirm: { kind: 'prune', targetId: '', name: 'prune', force: false, volumes: false } });
		},
	};
}
