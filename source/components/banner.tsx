import { Box, Text } from 'ink';
import type { StreamState } from '../docker/events.js';
import { inert } from '../format/text.js';
import { T } from '../i18n/index.js';

/** The red line shown while the engine cannot be reached; the panels keep the last data, greyed. */
export function ConnectionBanner({ state, width, since }: { readonly state: StreamState; readonly width: number; readonly since: string }) {
	if (state.status !== 'down') return null;
	const retry = state.retryInMs >= 1000 ? `${(state.retryInMs / 1000).toFixed(0)}s` : `${state.retryInMs}ms`;
	return (
		<Box width={width} height={1}>
			<Text wrap="truncate" backgroundColor="red" color="white" bold>
				{T.banner.down(inert(state.reason), retry, state.attempt, since)}
			</Text>
		</Box>
	);
}
