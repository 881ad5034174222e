import { Box, Text } from 'ink';
import { Table } from '@alcalzone/ink-table';
import { activeKeymap } from '../keymap/keymap.js';
import { keysText } from '../keymap/markdown.js';
import { displayWidth, graphemes, inert, truncate } from '../format/text.js';
import { T } from '../i18n/index.js';

// ink-table sizes and pads cells by String.length, which is one for a Hangul syllable that takes two
// cells: each wide character is followed by zero-width spaces so length and width agree, and the
// cell components drop them before anything reaches the terminal.
const FILLER = '\u200B';
const widthSafe = (text: string) =>
	graphemes(text)
		.map(segment => segment + FILLER.repeat(Math.max(0, displayWidth(segment) - segment.length)))
		.join('');
const shown = (children: unknown) => String(children).replaceAll(FILLER, '');
const HelpCell = ({ children }: { readonly children?: unknown }) => <Text>{shown(children)}</Text>;
const HelpHeader = ({ children }: { readonly children?: unknown }) => (
	<Text bold color="blue">
		{shown(children)}
	</Text>
);

/** All help rows, from the key table in force, in the interface's language. */
export function helpRows() {
	return activeKeymap().map(b => ({ key: keysText(b), where: T.scopes[b.scope], action: inert(T.keys[b.id][0]) }));
}

/** How many help rows fit: ink-table spends two lines per row plus four for its frame. */
export function helpPageSize(height: number): number {
	return Math.max(1, Math.floor((height - 6) / 2));
}

/** The `?` overlay: every key from the key table, a page at a time. */
export function HelpOverlay({ width, height, offset }: { readonly width: number; readonly height: number; readonly offset: number }) {
	const size = helpPageSize(height);
	const all = helpRows();
	const start = Math.max(0, Math.min(offset, all.length - size));
	const page = all.slice(start, start + size);
	const { key, where, action } = T.help.columns;
	const keyWidth = Math.max(displayWidth(key), ...page.map(r => displayWidth(r.key)));
	const whereWidth = Math.max(displayWidth(where), ...page.map(r => displayWidth(r.where)));
	// cut the descriptions so a row never wraps
	const room = Math.max(10, width - keyWidth - whereWidth - 10);
	const rows = page.map(r => ({
		[widthSafe(key)]: widthSafe(r.key),
		[widthSafe(where)]: widthSafe(r.where),
		[widthSafe(action)]: widthSafe(truncate(r.action, room)),
	}));
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Text bold color="cyan" wrap="truncate">
				{T.help.title(start + 1, start + page.length, all.length)}
			</Text>
			<Table data={rows} cell={HelpCell} header={HelpHeader} />
		</Box>
	);
}
