import { Box, Text } from 'ink';
import { Frame } from '../components/frame.js';
import { displayWidth, fit, wrapText } from '../format/text.js';
import { T } from '../i18n/index.js';
import type { Lesson } from '../learn/explain.js';

/** One line of the learn pane: wrapped sentence text, the commands heading, or a key and its command. */
export interface LearnLine {
	readonly text: string;
	readonly kind: 'text' | 'heading' | 'command';
	readonly key?: string;
}

/** The lesson as lines of `width` cells: the sentences wrapped, then one line per docker command. */
export function learnLines(lesson: Lesson | undefined, width: number): LearnLine[] {
	if (!lesson) return wrapText(T.learn.nothing, width).map(text => ({ text, kind: 'text' }));
	const keyWidth = Math.max(0, ...lesson.commands.map(c => displayWidth(c.key)));
	return [
		...lesson.sentences.flatMap(s => wrapText(s, width).map((text): LearnLine => ({ text, kind: 'text' }))),
		...(lesson.commands.length
			? [
					{ text: '', kind: 'text' as const },
					{ text: T.learn.commands, kind: 'heading' as const },
				]
			: []),
		...lesson.commands.map((c): LearnLine => ({ key: fit(c.key, keyWidth), text: `$ ${c.command}`, kind: 'command' })),
	];
}

/** The learn pane (L or --learn): what the selected item is, in plain sentences with its real values. */
export function LearnPanel({
	lines,
	offset,
	width,
	height,
}: {
	readonly lines: readonly LearnLine[];
	readonly offset: number;
	readonly width: number;
	readonly height: number;
}) {
	const inner = Math.max(1, width - 2);
	const rows = Math.max(1, height - 2);
	const start = Math.max(0, Math.min(offset, lines.length - rows));
	const visible = lines.slice(start, start + rows);
	const more = lines.length > rows ? T.detail.scroll(start + 1, start + visible.length, lines.length) : '';
	return (
		<Frame title={T.learn.title} info={more} width={width} height={height} focused={false}>
			{visible.map((line, i) => (
				<Box key={i} width={inner} height={1}>
					{line.kind === 'command' ? (
						<Text wrap="truncate">
							<Text bold color="cyan">
								{line.key ? `${line.key} ` : ''}
							</Text>
							<Text color="green">{fit(line.text, Math.max(0, inner - (line.key ? displayWidth(line.key) + 1 : 0)))}</Text>
						</Text>
					) : (
						<Text bold={line.kind === 'heading'} color={line.kind === 'heading' ? 'magenta' : undefined} wrap="truncate">
							{fit(line.text, inner)}
						</Text>
					)}
				</Box>
			))}
		</Frame>
	);
}
