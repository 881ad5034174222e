import { Box, Text } from 'ink';
import { Frame } from '../components/frame.js';
import { fit, truncate } from '../format/text.js';
import type { LogSession, LogState } from '../store/log-session.js';
import { highlight, visibleRows, type LogsUi } from '../store/logs-ui.js';

function stateText(state: LogState): string {
	switch (state.status) {
		case 'connecting':
			return 'connecting…';
		case 'following':
			return 'live';
		case 'stopped':
			return `container stopped (exit ${state.exitCode}); follows again if it restarts`;
		case 'removed':
			return 'container removed: no more lines will come';
		case 'error':
			return `error: ${state.message}`;
	}
}

/** The full-size log view of one container (`docker logs -f`), key l. */
export function LogsView({ session, ui, width, height, matches }: { readonly session: LogSession; readonly ui: LogsUi; readonly width: number; readonly height: number; readonly matches: number }) {
	const inner = Math.max(1, width - 3); // border and a one-cell gutter that marks stderr
	const rowsHeight = Math.max(1, height - 2);
	const rows = visibleRows(session.buffer, ui, inner, rowsHeight);
	const { buffer, state } = session;
	const mode = ui.follow ? 'following' : `paused at line ${(rows.at(-1)?.seq ?? 0) + 1} (f follows)`;
	const search = ui.search ? ` · /${ui.search}: ${matches} lines` : '';
	const kept = buffer.pushed > buffer.size ? ` · last ${buffer.size.toLocaleString('en-US')} kept` : '';
	const info = `${stateText(state)} · ${mode} · ${buffer.pushed.toLocaleString('en-US')} lines${kept}${search}`;
	const gone = state.status === 'removed' || state.status === 'stopped';
	return (
		<Frame title={`Logs of ${session.name}`} info={info} width={width} height={height} focused>
			{rows.length === 0 ? (
				<Text color="gray">{truncate(state.status === 'following' || state.status === 'connecting' ? 'No output yet. New lines appear here as the container writes them.' : stateText(state), inner)}</Text>
			) : null}
			{rows.map((row, i) => (
				<Box key={i} height={1} width={width - 2}>
					<Text color={row.stream === 'err' ? 'red' : 'gray'}>{row.stream === 'err' ? '▌' : row.continuation ? '·' : ' '}</Text>
					<Text wrap="truncate" color={row.stream === 'err' ? 'redBright' : undefined} dimColor={gone}>
						{highlight(fit(row.text, inner), ui.search).map((part, j) =>
							part.match ? (
								<Text key={j} backgroundColor="yellow" color="black">
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
