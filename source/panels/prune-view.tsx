import { Frame } from '../components/frame.js';
import { Table, type Column, type Row } from '../components/table.js';
import { formatBytes } from '../format/bytes.js';
import { estimate, type PruneState } from '../use-prune.js';

const COLUMNS: readonly Column[] = [
	{ title: '', width: 3 },
	{ title: 'WHAT', width: 18 },
	{ title: 'NAME', flex: 2, min: 12 },
	{ title: 'FREES', width: 8, align: 'right' },
	{ title: 'RESULT', flex: 1, min: 8, optional: true },
];

/** Rows of the prune view: ticked or not, its group, name, what it frees, and after a run how it went. */
export function pruneRows(state: PruneState): Row[] {
	const outcome = new Map(state.outcomes?.map(o => [o.item.id, o]) ?? []);
	return state.items.map(item => {
		const o = outcome.get(item.id);
		const ticked = state.ticked.has(item.id);
		return {
			key: item.id,
			dim: !ticked,
			cells: [
				ticked ? '[x]' : '[ ]',
				item.group,
				item.label,
				formatBytes(item.size),
				o ? (o.removed ? { text: 'removed', tone: 'good' as const } : { text: `skipped: ${o.reason}`, tone: 'warn' as const }) : ticked ? 'will go' : 'kept',
			],
		};
	});
}

/** The prune view (p): the preview, to untick, then the outcome with the space actually freed. */
export function PruneView({ state, width, height }: { readonly state: PruneState; readonly width: number; readonly height: number }) {
	const ticked = state.items.filter(i => state.ticked.has(i.id)).length;
	const info =
		state.status === 'done'
			? `freed ${formatBytes(state.freed)} (estimated ${formatBytes(state.estimate)})`
			: state.status === 'ready'
				? `${ticked} of ${state.items.length} ticked · frees about ${formatBytes(estimate(state))}`
				: state.status;
	const empty =
		state.status === 'loading'
			? 'Reading what a prune would remove (docker system df)…'
			: state.status === 'error'
				? `Cannot preview: ${state.error}`
				: 'Nothing to prune: no stopped containers, no unused images, no build cache.';
	return (
		<Frame title="Prune: what would be removed" info={info} width={width} height={height} focused>
			<Table columns={COLUMNS} rows={pruneRows(state)} cursor={state.cursor} width={width - 2} height={height - 3} focused empty={empty} />
		</Frame>
	);
}
