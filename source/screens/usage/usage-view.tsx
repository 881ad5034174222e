import { TableView } from '../../components/table-view.js';
import { type Column, type Row } from '../../components/table.js';
import type { DiskUsage } from '../../model/usage.js';
import { formatBytes } from '../../format/bytes.js';
import { perLanguage, T } from '../../i18n/index.js';

const columns = perLanguage((c = T.usage.columns): readonly Column[] => [
	{ title: c.type, width: 14 },
	{ title: c.total, width: 6, align: 'right' },
	{ title: c.active, width: 6, align: 'right' },
	{ title: c.size, width: 9, align: 'right' },
	{ title: c.reclaimable, width: 16, align: 'right' },
	{ title: c.meaning, flex: 1, min: 10, optional: true },
]);

/** `docker system df` as rows: totals, what is in use, and what a prune could give back. */
export function usageRows(usage: DiskUsage): Row[] {
	return usage.summary.map(line => {
		const share = line.size > 0 ? ` (${Math.round((100 * line.reclaimable) / line.size)}%)` : '';
		return {
			key: line.type,
			cells: [
				T.usage.types[line.type] ?? line.type,
				String(line.total),
				String(line.active),
				formatBytes(line.size),
				{ text: `${formatBytes(line.reclaimable)}${share}`, tone: line.reclaimable > 0 ? ('warn' as const) : ('muted' as const) },
				{ text: T.usage.meaning[line.type] ?? '', tone: 'muted' as const },
			],
		};
	});
}

/** The disk usage view (u): like `docker system df`, with the way to the prune preview. */
export function UsageView({
	usage,
	width,
	height,
	cursor,
}: {
	readonly usage?: DiskUsage;
	readonly width: number;
	readonly height: number;
	readonly cursor: number;
}) {
	return (
		<TableView
			title={T.usage.title}
			info={usage ? T.usage.read(new Date(usage.at).toLocaleTimeString('en-GB')) : T.usage.reading}
			note={T.usage.note}
			columns={columns()}
			rows={usage ? usageRows(usage) : []}
			cursor={cursor}
			empty={T.usage.readingUsage}
			width={width}
			height={height}
			tableHeight={Math.min(4, height - 4)}
		/>
	);
}
