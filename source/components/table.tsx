import { useRef } from 'react';
import { Box, Text } from 'ink';
import { fit } from '../format/text.js';
import type { Tone } from '../format/container-mode.js';
import { windowStart } from './window.js';

/** A column: fixed width, or a share of the space left (`flex`), with a minimum. */
export interface Column {
	readonly title: string;
	readonly width?: number;
	readonly flex?: number;
	readonly min?: number;
	readonly align?: 'left' | 'right';
	/** Dropped (width 0) when the table is too narrow for every column's minimum. */
	readonly optional?: boolean;
}

export interface Cell {
	readonly text: string;
	readonly tone?: Tone;
}

export interface Row {
	readonly key: string;
	readonly cells: readonly (string | Cell)[];
	/** Greyed out: stopped containers, metadata-only layers. */
	readonly dim?: boolean;
	/** Related to the selection in another panel (an image's containers, a container's image). */
	readonly mark?: boolean;
}

export const TONE_COLOR: Record<Tone, string> = { good: 'green', bad: 'red', muted: 'gray', warn: 'yellow', info: 'cyan' };

/** Splits `width` cells among the columns (one space between them); columns that do not fit get 0. */
export function columnWidths(all: readonly Column[], width: number): number[] {
	const need = (cols: readonly (Column | null)[]) => cols.reduce((sum, c) => sum + (c ? (c.width ?? c.min ?? 0) + 1 : 0), -1);
	const kept: (Column | null)[] = [...all];
	for (let i = kept.length - 1; i >= 0 && need(kept) > width; i--) if (kept[i]?.optional) kept[i] = null;
	const columns = kept.filter((c): c is Column => c !== null);
	const widths = fitWidths(columns, width);
	let next = 0;
	return kept.map(c => (c ? widths[next++]! : 0));
}

function fitWidths(columns: readonly Column[], width: number): number[] {
	const gaps = Math.max(0, columns.length - 1);
	const fixed = columns.reduce((sum, c) => sum + (c.width ?? c.min ?? 0), 0);
	let spare = Math.max(0, width - gaps - fixed);
	const flexTotal = columns.reduce((sum, c) => sum + (c.width === undefined ? (c.flex ?? 1) : 0), 0);
	const widths = columns.map(c => {
		if (c.width !== undefined) return c.width;
		return (c.min ?? 0) + Math.floor((spare * (c.flex ?? 1)) / Math.max(1, flexTotal));
	});
	spare = width - gaps - widths.reduce((a, b) => a + b, 0);
	const lastFlex = columns.map(c => c.width === undefined).lastIndexOf(true);
	if (spare > 0 && lastFlex >= 0) widths[lastFlex]! += spare;
	// too narrow: shrink from the right
	let over = widths.reduce((a, b) => a + b, 0) + gaps - width;
	for (let i = widths.length - 1; i >= 0 && over > 0; i--) {
		const cut = Math.min(widths[i]!, over);
		widths[i]! -= cut;
		over -= cut;
	}
	return widths;
}

interface TableProps {
	readonly columns: readonly Column[];
	readonly rows: readonly Row[];
	readonly cursor: number;
	readonly width: number;
	/** Lines for rows, header excluded. */
	readonly height: number;
	readonly focused: boolean;
	readonly empty: string;
}

/** A windowed table: renders only the rows that fit, each one line, cut to the width. */
export function Table({ columns, rows, cursor, width, height, focused, empty }: TableProps) {
	const start = useRef(0);
	start.current = windowStart(start.current, cursor, height, rows.length);
	const widths = columnWidths(columns, width);
	const line = (cells: readonly (string | Cell)[], mark?: boolean) =>
		cells.map((cell, i) => {
			const raw = typeof cell === 'string' ? cell : cell.text;
			const text = mark && i === 0 ? `▸ ${raw}` : raw;
			const w = widths[i] ?? 0;
			if (w === 0) return null;
			const tone = mark && i === 0 ? 'info' : typeof cell === 'string' ? undefined : cell.tone;
			const sep = widths.slice(i + 1).some(x => x > 0) ? ' ' : '';
			return (
				<Text key={i} color={tone ? TONE_COLOR[tone] : undefined}>
					{fit(text, w, columns[i]?.align)}
					{sep}
				</Text>
			);
		});
	const visible = rows.slice(start.current, start.current + height);
	return (
		<Box flexDirection="column" width={width} height={height + 1} overflow="hidden">
			<Text bold color="gray" wrap="truncate">
				{columns.map((c, i) => fit(c.title, widths[i] ?? 0, c.align)).filter((_, i) => (widths[i] ?? 0) > 0).join(' ')}
			</Text>
			{rows.length === 0 ? <Text color="gray" wrap="truncate">{fit(empty, width)}</Text> : null}
			{visible.map((row, i) => {
				const selected = start.current + i === cursor;
				return (
					<Text key={row.key} wrap="truncate" inverse={selected && focused} bold={(selected && !focused) || row.mark} dimColor={row.dim && !selected && !row.mark} underline={selected && !focused}>
						{line(row.cells, row.mark)}
					</Text>
				);
			})}
		</Box>
	);
}
