import { Box, Text } from 'ink';
import { Frame } from '../components/frame.js';
import { Table, type Column, type Row } from '../components/table.js';
import type { DiskUsage } from '../docker/usage.js';
import { formatBytes } from '../format/bytes.js';

const COLUMNS: readonly Column[] = [
	{ title: 'TYPE', width: 14 },
	{ title: 'TOTAL', width: 6, align: 'right' },
	{ title: 'ACTIVE', width: 6, align: 'right' },
	{ title: 'SIZE', width: 9, align: 'right' },
	{ title: 'RECLAIMABLE', width: 16, align: 'right' },
	{ title: 'WHAT THAT MEANS', flex: 1, min: 10, optional: true },
];

const MEANING: Record<string, string> = {
	Images: 'layers on disk; active = used by a container',
	Containers: 'thin writable layers; reclaimable = stopped ones',
	'Local Volumes': 'data kept apart from containers; active = mounted',
	'Build Cache': 'steps kept to speed up the next build',
};

/** `docker system df` as rows: totals, what is in use, and what a prune could give back. */
export function usageRows(usage: DiskUsage): Row[] {
	return usage.summary.map(line => {
		const share = line.size > 0 ? ` (${Math.round((100 * line.reclaimable) / line.size)}%)` : '';
		return {
			key: line.type,
			cells: [line.type, String(line.total), String(line.active), formatBytes(line.size), { text: `${formatBytes(line.reclaimable)}${share}`, tone: line.reclaimable > 0 ? ('warn' as const) : ('muted' as const) }, { text: MEANING[line.type] ?? '', tone: 'muted' as const }],
		};
	});
}

/** The disk usage view (u): like `docker system df`, with the way to the prune preview. */
export function UsageView({ usage, width, height, cursor }: { readonly usage?: DiskUsage; readonly width: number; readonly height: number; readonly cursor: number }) {
	return (
		<Frame title="Disk usage (docker system df)" info={usage ? `read ${new Date(usage.at).toLocaleTimeString('en-GB')}` : 'reading…'} width={width} height={height} focused>
			<Box flexDirection="column">
				<Table columns={COLUMNS} rows={usage ? usageRows(usage) : []} cursor={cursor} width={width - 2} height={Math.min(4, height - 4)} focused empty="Reading disk usage…" />
				<Text color="gray" wrap="truncate">
					Reclaimable is docker's own figure. p opens the prune preview, which lists exactly what would go and frees it item by item.
				</Text>
			</Box>
		</Frame>
	);
}
