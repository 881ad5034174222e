import type { Notice } from '../../actions/context.js';
import type { EngineApi } from '../../docker/api.js';
import { engineMessage } from '../../docker/errors.js';
import type { PruneItem, PruneOutcome } from '../../docker/prune.js';
import { formatBytes } from '../../format/bytes.js';
import { T } from '../../i18n/index.js';

/** The prune view's data: the preview, what is ticked, and after a run what happened. */
export interface PruneState {
	readonly status: 'loading' | 'ready' | 'running' | 'done' | 'error';
	readonly items: readonly PruneItem[];
	readonly ticked: ReadonlySet<string>;
	readonly cursor: number;
	readonly outcomes?: readonly PruneOutcome[];
	/** Bytes freed, measured with docker system df before and after. */
	readonly freed?: number;
	readonly estimate?: number;
	readonly error?: string;
}

const DEFAULT_TICKED = new Set<PruneItem['group']>(['stopped containers', 'dangling images', 'build cache']);

export const loadingPrune: PruneState = { status: 'loading', items: [], ticked: new Set(), cursor: 0 };

/** Total of what the ticked items should free. */
export function estimate(state: PruneState): number {
	return state.items.filter(i => state.ticked.has(i.id)).reduce((n, i) => n + i.size, 0);
}

/** Reads what a prune would remove now: stopped containers, dangling images and build cache ticked. */
export async function loadPreview(api: EngineApi): Promise<PruneState> {
	try {
		const items = await api.prunePreview();
		return { status: 'ready', items, ticked: new Set(items.filter(i => DEFAULT_TICKED.has(i.group)).map(i => i.id)), cursor: 0 };
	} catch (error) {
		return { ...loadingPrune, status: 'error', error: engineMessage(error) };
	}
}

/** Ticks or unticks the item under the cursor, or its whole group. */
export function toggle(state: PruneState, group: boolean): PruneState {
	const item = state.items[state.cursor];
	if (state.status !== 'ready' || !item) return state;
	const ticked = new Set(state.ticked);
	const members = group ? state.items.filter(i => i.group === item.group) : [item];
	const on = !ticked.has(item.id);
	for (const m of members) {
		if (on) ticked.add(m.id);
		else ticked.delete(m.id);
	}
	return { ...state, ticked };
}

/**
 * Removes exactly the ticked items, each on its own and never forced, and measures what it freed.
 * `progress` hears the state as it goes (running, then done or failed).
 */
export async function runPrune(api: EngineApi, state: PruneState, progress: (state: PruneState) => void): Promise<Notice> {
	if (state.status !== 'ready') return { text: T.actions.prune.nothingYet, tone: 'warn' };
	const chosen = state.items.filter(i => state.ticked.has(i.id));
	const guess = estimate(state);
	progress({ ...state, status: 'running' });
	try {
		const before = await api.diskInUse();
		const outcomes = await api.removeItems(chosen);
		const freed = Math.max(0, before - (await api.diskInUse()));
		progress({ ...state, status: 'done', outcomes, freed, estimate: guess });
		const skipped = outcomes.filter(o => !o.removed).length;
		// an image's layers can stay on disk as build cache, or under an image built from the same steps
		const held = !skipped && guess - freed > Math.max(4096, guess / 10);
		return {
			text: T.actions.prune.result(outcomes.length - skipped, chosen.length, skipped, formatBytes(freed), formatBytes(guess), held),
			tone: skipped ? 'warn' : 'good',
		};
	} catch (error) {
		progress({ ...state, status: 'error', error: engineMessage(error) });
		return { text: T.actions.prune.failed(engineMessage(error)), tone: 'bad' };
	}
}
