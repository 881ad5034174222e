import { Box, Text } from 'ink';
import type { Notice } from '../actions/context.js';
import { displayWidth, fit, inert, truncate, truncateStart } from '../format/text.js';
import type { ActionId, Scope } from '../keymap/keymap.js';
import { Footer } from './footer.js';
import { TONE_COLOR } from './table.js';

/** A prompt as the status line shows it: the question, what is typed, and why the last answer was not taken. */
export interface PromptLine {
	readonly label: string;
	readonly value: string;
	readonly error?: string;
}

interface StatusLineProps {
	readonly prompt: PromptLine | null;
	readonly notice?: Notice;
	readonly width: number;
	readonly scopes: readonly Scope[];
	/** Key hints kept however narrow (help, quit, how to leave each screen). */
	readonly always: ReadonlySet<ActionId>;
	readonly status?: string;
}

/** The bottom line: a prompt being typed (its error on a line above), else the last notice, else the key hints. */
export function StatusLine({ prompt, notice, width, scopes, always, status }: StatusLineProps) {
	if (prompt) {
		// the label gets what the value does not need (a one-letter answer leaves it nearly all);
		// the end of a long value stays in view, where the typing happens
		const room = Math.min(displayWidth(inert(prompt.value)) + 2, 40);
		const label = truncate(`${inert(prompt.label)}: `, Math.max(10, width - Math.max(3, room)));
		const value = truncateStart(inert(prompt.value), width - displayWidth(label) - 1);
		return (
			<Box width={width} height={prompt.error ? 2 : 1} flexDirection="column">
				{prompt.error ? <Text color="red" wrap="truncate">{`✗ ${inert(prompt.error)}`}</Text> : null}
				<Text wrap="truncate">
					<Text bold color="cyan">
						{label}
					</Text>
					<Text>{value}</Text>
					<Text inverse> </Text>
				</Text>
			</Box>
		);
	}
	if (notice) {
		return (
			<Box width={width} height={1}>
				<Text color={TONE_COLOR[notice.tone]} wrap="truncate">
					{fit(notice.text, width)}
				</Text>
			</Box>
		);
	}
	return <Footer scopes={scopes} width={width} always={always} status={status} />;
}
