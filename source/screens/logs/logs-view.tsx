import { Box, Text } from 'ink';
import { Frame } from '../../components/frame.js';
import { fit, truncate } from '../../format/text.js';
import type { LogSession, LogState } from '../../store/log-session.js';
import { visibleRows, type LogRow, type LogsUi } from './logs-state.js';
import { styledParts, type StyledPart } from '../../format/sgr.js';
import { T } from '../../i18n/index.js';

function stateText(state: LogState): string {
	switch (state.status) {
		case 'connecting':
			return T.logs.connecting;
		case 'following':
			return T.logs.live;
		case 'stopped':
			return T.logs.stopped(state.exitCode);
		case 'removed':
			return T.logs.removed;
		case 'error':
			return T.logs.error(state.message);
	}
}

/** A row fitted to the width, cut into parts by the program's colours and the search's matches. */
function rowParts(row: LogRow, width: number, search: string): StyledPart[] {
	const shown = fit(row.text, width);
	// what fit cut off ends in "…", which takes no colour
	const kept = shown.startsWith(row.text) ? row.text.length : shown.lastIndexOf('…');
	return styledParts(shown, row.offset, row.styles, search, kept);
}

/** The full-size log view of one container (`docker logs -f`), key l. */
export function LogsView({
	session,
	ui,
	width,
	height,
	matches,
}: {
	readonly session: LogSession;
	readonly ui: LogsUi;
	readonly width: number;
	readonly height: number;
	readonly matches: number;
}) {
	const inner = Math.max(1, width - 3); // border and a one-cell gutter that marks stderr
	const rowsHeight = Math.max(1, height - 2);
	const rows = visibleRows(session.buffer, ui, inner, rowsHeight);
	const { buffer, state } = session;
	const mode = ui.follow ? T.logs.following : T.logs.paused((rows.at(-1)?.seq ?? 0) + 1);
	const search = ui.search ? T.logs.search(ui.search, matches) : '';
	const kept = buffer.pushed > buffer.size ? T.logs.kept(buffer.size.toLocaleString('en-US')) : '';
	const info = `${stateText(state)} · ${mode} · ${T.logs.lines(buffer.pushed.toLocaleString('en-US'))}${kept}${search}`;
	const gone = state.status === 'removed' || state.status === 'stopped';
	return (
		<Frame title={T.logs.title(session.name)} info={info} width={width} height={height} focused>
			{rows.length === 0 ? (
				<Text color="gray">
					{truncate(state.status === 'following' || state.status === 'connecting' ? T.logs.empty : stateText(state), inner)}
				</Text>
			) : null}
			{rows.map((row, i) => (
				<Box key={i} height={1} width={width - 2}>
					<Text color={row.stream === 'err' ? 'red' : 'gray'}>{row.stream === 'err' ? '▌' : row.continuation ? '·' : ' '}</Text>
					<Text wrap="truncate" color={row.stream === 'err' ? 'redBright' : undefined} dimColor={gone}>
						{rowParts(row, inner, ui.search).map((part, j) =>
							part.match ? (
								<Text key={j} backgroundColor="yellow" color="black">
									{part.text}
								</Text>
							) : part.style ? (
								<Text key={j} {...part.style}>
									{part.text}
								</Text>
							) : (
								part.text
							),
						)}
					</Text>
				</Box>
			))}
		</Frame>
	);
}
