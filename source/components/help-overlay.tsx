import { Box, Text } from 'ink';
import { Table } from '@alcalzone/ink-table';
import { activeKeymap } from '../keymap/keymap.js';
import { keysText, scopeName } from '../keymap/markdown.js';
import { inert, truncate } from '../format/text.js';

/** All help rows, from the key table in force. */
export function helpRows() {
	return activeKeymap().map(b => ({ Key: keysText(b), Where: scopeName(b.scope), Action: inert(b.description) }));
}

/** How many help rows fit: ink-table spends two lines per row plus four for its frame. */
export function helpPageSize(height: number): number {
	return Math.max(1, Math.floor((height - 6) / 2));
}

/** The `?` overlay: every key from the key table, a page at a time. */
export function HelpOverlay({ width, height, offset }: { readonly width: number; readonly height: number; readonly offset: number }) {
	const size = helpPageSize(height);
	const HELP_ROWS = helpRows();
	const start = Math.max(0, Math.min(offset, HELP_ROWS.length - size));
	// ink-table sizes columns by their content: cut the descriptions so a row never wraps
	const page = HELP_ROWS.slice(start, start + size);
	const keyWidth = Math.max(3, ...page.map(r => r.Key.length));
	const whereWidth = Math.max(5, ...page.map(r => r.Where.length));
	const room = Math.max(10, width - keyWidth - whereWidth - 10);
	const rows = page.map(r => ({ ...r, Action: truncate(r.Action, room) }));
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Text bold color="cyan" wrap="truncate">
				Keys {start + 1}-{start + page.length} of {HELP_ROWS.length} · ↑↓ scroll · Esc or ? closes
			</Text>
			<Table data={rows} />
		</Box>
	);
}
