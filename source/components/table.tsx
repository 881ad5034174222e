import { memo, useEffect, useRef } from 'react';
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

/**
 * The rows of a table: an array, or rows made on demand (`at` is called only for the rows on
 * screen, so a list of a thousand containers costs a screenful per render).
 */
export interface RowList {
	readonly length: number;
	at(index: number): Row | undefined;
}

/** Rows made on demand from a list of items. */
export function lazyRows<T>(items: readonly T[], toRow: (item: T) => Row): RowList {
	return { length: items.length, at: index => (index >= 0 && index < items.length ? toRow(items[index]!) : undefined) };
}

interface TableProps {
	readonly columns: readonly Column[];
	readonly rows: RowList;
	readonly cursor: number;
	readonly width: number;
	/** Lines for rows, header excluded. */
	readonly height: number;
	readonly focused: boolean;
	readonly empty: string;
	/** Hears which rows are on screen (start inclusive, end exclusive) whenever that changes. */
	readonly onWindow?: (start: number, end: number) => void;
}

const sameCell = (a: string | Cell, b: string | Cell) =>
	typeof a === 'string' || typeof b === 'string' ? a === b : a.text === b.text && a.tone === b.tone;

interface TableLineProps {
	readonly row: Row;
	readonly widths: readonly number[];
	readonly columns: readonly Column[];
	readonly selected: boolean;
	readonly focused: boolean;
}

/** One row; re-rendered only when what it shows changes, so moving the cursor redraws two rows. */
const TableLine = memo(
	function TableLine({ row, widths, columns, selected, focused }: TableLineProps) {
		const cells = row.cells.map((cell, i) => {
			const raw = typeof cell === 'string' ? cell : cell.text;
			const text = row.mark && i === 0 ? `▸ ${raw}` : raw;
			const w = widths[i] ?? 0;
			if (w === 0) return null;
			const tone = row.mark && i === 0 ? 'info' : typeof cell === 'string' ? undefined : cell.tone;
			const sep = widths.slice(i + 1).some(x => x > 0) ? ' ' : '';
			return (
				<Text key={i} color={tone ? TONE_COLOR[tone] : undefined}>
					{fit(text, w, columns[i]?.align)}
					{sep}
				</Text>
			);
		});
		return (
			<Text
				wrap="truncate"
				inverse={selected && focused}
				bold={(selected && !focused) || row.mark}
				dimColor={row.dim && !selected && !row.mark}
				underline={selected && !focused}
			>
				{cells}
			</Text>
		);
	},
	(a, b) =>
		a.selected === b.selected &&
		a.focused === b.focused &&
		a.columns === b.columns &&
		a.widths.length === b.widths.length &&
		a.widths.every((w, i) => w === b.widths[i]) &&
		a.row.dim === b.row.dim &&
		a.row.mark === b.row.mark &&
		a.row.cells.length === b.row.cells.length &&
		a.row.cells.every((c, i) => sameCell(c, b.row.cells[i]!)),
);

/** A windowed table: makes and renders only the rows that fit, each one line, cut to the width. */
export function Table({ columns, rows, cursor, width, height, focused, empty, onWindow }: TableProps) {
	const start = useRef(0);
	start.current = windowStart(start.current, cursor, height, rows.length);
	const first = start.current;
	const end = Math.min(rows.length, first + Math.max(0, height));
	useEffect(() => onWindow?.(first, end), [onWindow, first, end, rows]);
	const widths = columnWidths(columns, width);
	const visible: Row[] = [];
	for (let i = first; i < end; i++) visible.push(rows.at(i)!);
	return (
		<Box flexDirection="column" width={width} height={height + 1} overflow="hidden">
			<Text bold color="gray" wrap="truncate">
				{columns
					.map((c, i) => fit(c.title, widths[i] ?? 0, c.align))
					.filter((_, i) => (widths[i] ?? 0) > 0)
					.join(' ')}
			</Text>
			{rows.length === 0 ? (
				<Text color="gray" wrap="truncate">
					{fit(empty, width)}
				</Text>
			) : null}
			{visible.map((row, i) => (
				<TableLine key={row.key} row={row} widths={widths} columns={columns} selected={first + i === cursor} focused={focused} />
			))}
		</Box>
	);
}
