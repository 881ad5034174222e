import { Box, Text } from 'ink';
import type { Confirmation } from '../actions/lifecycle.js';
import { inert } from '../format/text.js';
import { T } from '../i18n/index.js';

/** Asks before anything that interrupts or removes: what happens, the docker command, the choices. */
export function ConfirmDialog({
	confirmation,
	width,
	height,
}: {
	readonly confirmation: Confirmation;
	readonly width: number;
	readonly height: number;
}) {
	const boxWidth = Math.min(width, 96);
	return (
		<Box width={width} height={height} justifyContent="center" alignItems="center">
			<Box flexDirection="column" borderStyle="round" borderColor="yellow" width={boxWidth} paddingX={1}>
				<Text bold color="yellow" wrap="truncate">
					{inert(confirmation.title)}
				</Text>
				{confirmation.lines.filter(Boolean).map(line => (
					<Text key={line}>{inert(line)}</Text>
				))}
				<Text color="cyan" wrap="truncate">
					$ {inert(confirmation.command)}
				</Text>
				{confirmation.toggles.map(t => (
					<Text key={t.key} wrap="truncate">
						<Text bold color="cyan">
							{t.key}
						</Text>
						{` ${t.label}: `}
						<Text bold color={t.on ? 'yellow' : 'gray'}>
							{t.on ? T.confirm.on : T.confirm.off}
						</Text>
					</Text>
				))}
				{confirmation.refusal ? <Text color="red">{inert(confirmation.refusal)}</Text> : null}
				<Text wrap="truncate">
					<Text bold color="cyan">
						Enter
					</Text>
					<Text>{confirmation.refusal ? T.confirm.notYet : ` ${confirmation.confirmLabel}`}</Text>
					<Text>{'   '}</Text>
					<Text bold color="cyan">
						Esc
					</Text>
					<Text>{T.confirm.cancel}</Text>
				</Text>
			</Box>
		</Box>
	);
}
