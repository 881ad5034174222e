import { Box, Text } from 'ink';
import { Frame } from '../components/frame.js';
import { TONE_COLOR } from '../components/table.js';
import { fit } from '../format/text.js';
import type { DetailLine } from './detail-lines.js';
import { T } from '../i18n/index.js';

const LABEL_WIDTH = 12;

interface DetailPanelProps {
	readonly title: string;
	readonly lines: readonly DetailLine[];
	readonly message?: string;
	readonly offset: number;
	readonly width: number;
	readonly height: number;
}

/** Largest useful scroll offset of the detail pane for a given height. */
export function maxDetailOffset(lines: number, height: number): number {
	return Math.max(0, lines - Math.max(1, height - 2));
}

/** The detail pane: the selected object's inspect output, scrolled with [ and ]. */
export function DetailPanel({ title, lines, message, offset, width, height }: DetailPanelProps) {
	const inner = Math.max(1, width - 2);
	const rows = Math.max(1, height - 2);
	const start = Math.min(offset, maxDetailOffset(lines.length, height));
	const visible = lines.slice(start, start + rows);
	const more = lines.length > rows ? T.detail.scroll(start + 1, start + visible.length, lines.length) : '';
	return (
		<Frame title={title} info={more} width={width} height={height} focused={false}>
			{message ? (
				<Text color="gray" wrap="truncate">
					{fit(message, inner)}
				</Text>
			) : null}
			{visible.map((line, i) => (
				<Box key={i} width={inner} height={1}>
					{line.value === undefined ? (
						<Text bold wrap="truncate">
							{fit(line.label, inner)}
						</Text>
					) : (
						<Text wrap="truncate">
							<Text color="gray">{fit(line.label, LABEL_WIDTH)} </Text>
							<Text color={line.tone ? TONE_COLOR[line.tone] : undefined}>{fit(line.value, Math.max(0, inner - LABEL_WIDTH - 1))}</Text>
						</Text>
					)}
				</Box>
			))}
		</Frame>
	);
}
