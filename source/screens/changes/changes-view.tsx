import { TableView } from '../../components/table-view.js';
import { type Column, type Row } from '../../components/table.js';
import type { Change } from '../../docker/changes.js';
import { formatBytes } from '../../format/bytes.js';
import { perLanguage, T } from '../../i18n/index.js';

/** The changes view's data: whose changes, and the list once read. */
export interface ChangesState {
	readonly id: string;
	readonly name: string;
	readonly status: 'loading' | 'ready' | 'error';
	readonly items: readonly Change[];
	readonly cursor: number;
	readonly error?: string;
	/** The writable layer's size, when disk usage has been read. */
	readonly sizeRw?: number;
}

const columns = perLanguage((c = T.changes.columns): readonly Column[] => [
	{ title: '', width: 1 },
	{ title: c.what, width: 8 },
	{ title: c.path, flex: 1, min: 10 },
]);

const TONE = { A: 'good', C: 'warn', D: 'bad' } as const;

/** One row per change: its letter, the word for it, the path. */
export function changeRows(items: readonly Change[]): Row[] {
	return items.map((c, i) => ({
		key: `${i}`,
		cells: [{ text: c.kind, tone: TONE[c.kind] }, { text: T.changes.kinds[c.kind], tone: TONE[c.kind] }, c.path],
	}));
}

/** What a container changed on top of its image (`docker diff`), with what that means for rm. */
export function ChangesView({ state, width, height }: { readonly state: ChangesState; readonly width: number; readonly height: number }) {
	const count = (k: Change['kind']) => state.items.filter(c => c.kind === k).length;
	const info =
		state.status === 'ready'
			? `${T.changes.counts(count('A'), count('C'), count('D'))}${state.sizeRw !== undefined ? ` · ${formatBytes(state.sizeRw)}` : ''}`
			: T.changes.status[state.status];
	const empty =
		state.status === 'loading' ? T.changes.loading : state.status === 'error' ? T.changes.cannot(state.error ?? '') : T.changes.none;
	return (
		<TableView
			title={T.changes.title(state.name)}
			info={info}
			note={T.changes.note}
			noteAbove
			columns={columns()}
			rows={changeRows(state.items)}
			cursor={state.cursor}
			empty={empty}
			width={width}
			height={height}
			tableHeight={height - 4}
		/>
	);
}
