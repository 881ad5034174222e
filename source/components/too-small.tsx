import { Box, Text } from 'ink';
import { T } from '../i18n/index.js';

export const MIN_COLUMNS = 80;
export const MIN_ROWS = 24;

/** Shown instead of the dashboard when the terminal is below 80x24; whatever fits of it. */
export function TooSmall({ columns, rows }: { readonly columns: number; readonly rows: number }) {
	const lines = [T.tooSmall.title, T.tooSmall.size(columns, rows, MIN_COLUMNS, MIN_ROWS), T.tooSmall.hint];
	return (
		<Box flexDirection="column" width={Math.max(1, columns)} height={Math.max(1, rows)} overflow="hidden">
			{lines.slice(0, Math.max(1, rows)).map(line => (
				<Text key={line} wrap="truncate" color="yellow">
					{line}
				</Text>
			))}
		</Box>
	);
}
