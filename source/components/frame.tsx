import { type ReactNode } from 'react';
import { Box, Text } from 'ink';
import { displayWidth, truncate } from '../format/text.js';

interface FrameProps {
	readonly title: string;
	/** Shown at the right end of the top border: counts, filter. */
	readonly info?: string;
	readonly width: number;
	readonly height: number;
	readonly focused: boolean;
	readonly children: ReactNode;
}

/** A bordered panel whose title sits in the top border, so no line is spent on it. */
export function Frame({ title, info, width, height, focused, children }: FrameProps) {
	const color = focused ? 'cyan' : 'gray';
	const inner = Math.max(0, width - 2);
	const head = truncate(` ${title} `, Math.max(0, inner - 2));
	const tail = info ? truncate(` ${info} `, Math.max(0, inner - 3 - displayWidth(head))) : '';
	const fill = Math.max(0, inner - 1 - displayWidth(head) - displayWidth(tail) - (tail ? 1 : 0));
	return (
		<Box flexDirection="column" width={width} height={height}>
			<Text color={color} wrap="truncate">
				╭─
				<Text bold={focused} color={focused ? 'cyanBright' : 'white'}>
					{head}
				</Text>
				{'─'.repeat(fill)}
				{tail ? <Text color={focused ? 'white' : 'gray'}>{tail}</Text> : null}
				{tail ? '─' : ''}╮
			</Text>
			<Box
				borderStyle="round"
				borderTop={false}
				borderColor={color}
				width={width}
				height={height - 1}
				flexDirection="column"
				overflow="hidden"
			>
				{children}
			</Box>
		</Box>
	);
}
