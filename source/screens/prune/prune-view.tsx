import { Box, Text } from 'ink';
import { wrapText } from '../../format/text.js';
import { Frame } from '../../components/frame.js';
import { Table, type Column, type Row } from '../../components/table.js';
import { formatBytes } from '../../format/bytes.js';
import { estimate, type PruneState } from './prune-state.js';
import { perLanguage, T } from '../../i18n/index.js';

const columns = perLanguage((c = T.prune.columns): readonly Column[] => [
	{ title: '', width: 3 },
	{ title: c.what, width: 18 },
	{ title: c.name, flex: 2, min: 12 },
	{ title: c.frees, width: 8, align: 'right' },
	{ title: c.result, flex: 1, min: 8, optional: true },
]);

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
				T.prune.groups[item.group] ?? item.group,
				item.label,
				formatBytes(item.size),
				o
					? o.removed
						? { text: T.prune.removed, tone: 'good' as const }
						: { text: T.prune.skipped(o.reason ?? ''), tone: 'warn' as const }
					: ticked
						? T.prune.willGo
						: T.prune.kept,
			],
		};
	});
}

/** The prune view (p): the preview, to untick, then the outcome with the space actually freed. */
export function PruneView({
	state,
	width,
	height,
	learn = false,
}: {
	readonly state: PruneState;
	readonly width: number;
	readonly height: number;
	readonly learn?: boolean;
}) {
	const ticked = state.items.filter(i => state.ticked.has(i.id)).length;
	const info =
		state.status === 'done'
			? T.prune.done(formatBytes(state.freed), formatBytes(state.estimate))
			: state.status === 'ready'
				? T.prune.ready(ticked, state.items.length, formatBytes(estimate(state)))
				: (T.prune.status[state.status] ?? state.status);
	const empty =
		state.status === 'loading' ? T.prune.loading : state.status === 'error' ? T.prune.cannot(state.error ?? '') : T.prune.nothing;
	// learn mode: what a prune is, in a few lines above the list
	const lesson = learn ? wrapText(T.learn.prune, Math.max(10, width - 2)).slice(0, Math.max(0, Math.floor((height - 6) / 2))) : [];
	return (
		<Frame title={T.prune.title} info={info} width={width} height={height} focused>
			<Box flexDirection="column">
				{lesson.map((line, i) => (
					<Text key={i} color="magenta" wrap="truncate">
						{line}
					</Text>
				))}
				<Table
					columns={columns()}
					rows={pruneRows(state)}
					cursor={state.cursor}
					width={width - 2}
					height={height - 3 - lesson.length}
					focused
					empty={empty}
				/>
			</Box>
		</Frame>
	);
}
