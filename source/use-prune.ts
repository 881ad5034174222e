import { useState } from 'react';
import type { Notice } from './actions/context.js';
import type { Engine } from './docker/client.js';
import { engineMessage } from './docker/errors.js';
import { type PruneItem, type PruneOutcome } from './docker/prune.js';
import { formatBytes } from './format/bytes.js';
import { T } from './i18n/index.js';

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

/** Total of what the ticked items should free. */
export function estimate(state: PruneState): number {
	return state.items.filter(i => state.ticked.has(i.id)).reduce((n, i) => n + i.size, 0);
}

/** The prune preview and run: loads what would go, lets the user untick, removes exactly the rest. */
export function usePrune(engine: Engine) {
	const [prune, setPrune] = useState<PruneState | null>(null);
	const load = () => {
		setPrune({ status: 'loading', items: [], ticked: new Set(), cursor: 0 });
		engine.api.prunePreview().then(
			items => setPrune({ status: 'ready', items, ticked: new Set(items.filter(i => DEFAULT_TICKED.has(i.group)).map(i => i.id)), cursor: 0 }),
			(error: unknown) => setPrune({ status: 'error', items: [], ticked: new Set(), cursor: 0, error: engineMessage(error) }),
		);
	};
	const update = (fn: (state: PruneState) => PruneState) => setPrune(state => (state && state.status === 'ready' ? fn(state) : state));
	const toggle = (group: boolean) =>
		update(state => {
			const item = state.items[state.cursor];
			if (!item) return state;
			const ticked = new Set(state.ticked);
			const members = group ? state.items.filter(i => i.group === item.group) : [item];
			const on = !ticked.has(item.id);
			for (const m of members) if (on) ticked.add(m.id); else ticked.delete(m.id);
			return { ...state, ticked };
		});
	const move = (delta: number) => setPrune(state => (state ? { ...state, cursor: Math.max(0, Math.min(state.items.length - 1, state.cursor + delta)) } : state));
	const run = async (): Promise<Notice> => {
		const state = prune;
		if (!state || state.status !== 'ready') return { text: T.actions.prune.nothingYet, tone: 'warn' };
		const chosen = state.items.filter(i => state.ticked.has(i.id));
		const guess = estimate(state);
		setPrune({ ...state, status: 'running' });
		try {
			const before = await engine.api.diskInUse();
			const outcomes = await engine.api.removeItems(chosen);
			const freed = Math.max(0, before - (await engine.api.diskInUse()));
			setPrune({ ...state, status: 'done', outcomes, freed, estimate: guess });
			const skipped = outcomes.filter(o => !o.removed).length;
			// an image's layers can stay on disk as build cache, or under an image built from the same steps
			const held = !skipped && guess - freed > Math.max(4096, guess / 10);
			return {
				text: T.actions.prune.result(outcomes.length - skipped, chosen.length, skipped, formatBytes(freed), formatBytes(guess), held),
				tone: skipped ? 'warn' : 'good',
			};
		} catch (error) {
			setPrune({ ...state, status: 'error', error: engineMessage(error) });
			return { text: T.actions.prune.failed(engineMessage(error)), tone: 'bad' };
		}
	};
	return { prune, load, toggle, move, run, close: () => setPrune(null) };
}
