import { Box, Text } from 'ink';
import { displayWidth, fit, inert, truncate, truncateStart } from '../../format/text.js';
import { ON, type FieldNote, type FieldSpec, type FormModel, type FormState } from '../../forms/form.js';
import { Frame } from '../../components/frame.js';
import { TONE_COLOR } from '../../components/table.js';
import { T } from '../../i18n/index.js';

const LABEL = 17;

/** How a field's value reads: text as typed, a switch as [x]/[ ], a choice among its choices. */
function valueText(field: FieldSpec, value: string, width: number, focused: boolean): string {
	if (field.kind === 'toggle') return value === ON ? T.forms.on : T.forms.off;
	if (field.kind === 'choice') {
		const word = (c: string) => T.forms.choices[c] ?? c;
		const all = (field.choices ?? []).map(c => (c === value ? `‹${word(c)}›` : ` ${word(c)} `)).join('');
		return displayWidth(all) <= width ? all : `‹${word(value)}›`;
	}
	const text = inert(value);
	return focused ? truncateStart(text, width - 1) : truncate(text, width);
}

/** A note's line: the error when there is one, else the hint. */
function noteFor(model: FormModel, id: string): FieldNote | undefined {
	const error = model.errors[id];
	return error ? { text: `✗ ${error}`, tone: 'bad' } : model.notes[id];
}

/**
 * A form in a frame: a line per field (label, value, its hint or error), the focused field's note
 * in full, the docker command it amounts to, and the keys.
 */
export function FormView({
	form,
	model,
	width,
	height,
}: {
	readonly form: FormState;
	readonly model: FormModel;
	readonly width: number;
	readonly height: number;
}) {
	const inner = Math.max(10, width - 4);
	const valueWidth = Math.max(12, Math.min(48, Math.floor((inner - LABEL) * 0.5)));
	const noteWidth = Math.max(0, inner - LABEL - valueWidth - 2);
	const focused = form.fields[form.focus]!;
	const focusNote = noteFor(model, focused.id);
	const errorCount = Object.values(model.errors).filter(Boolean).length;
	const label = (field: FieldSpec) => T.forms.labels[field.id] ?? field.label;
	const submit = errorCount ? T.forms.fixFirst : ` ${model.submitLabel}`;
	return (
		<Frame
			title={model.title}
			info={errorCount ? T.forms.toFix(errorCount) : (model.waiting ?? T.forms.ready)}
			width={width}
			height={height}
			focused
		>
			<Box flexDirection="column" paddingX={1}>
				{form.fields.map((field, i) => {
					const on = i === form.focus;
					const value = form.values[field.id] ?? '';
					const note = noteFor(model, field.id);
					const shown = valueText(field, value, valueWidth, on);
					return (
						<Text key={field.id} wrap="truncate">
							<Text color={on ? 'cyan' : undefined} bold={on}>
								{fit(`${on ? '▸ ' : '  '}${label(field)}`, LABEL)}
							</Text>
							<Text inverse={on && field.kind !== 'text'}>{shown}</Text>
							{on && field.kind === 'text' ? <Text inverse> </Text> : null}
							<Text>{' '.repeat(Math.max(1, valueWidth - displayWidth(shown) - (on && field.kind === 'text' ? 1 : 0) + 1))}</Text>
							{note ? <Text color={TONE_COLOR[note.tone]}>{truncate(inert(note.text), noteWidth)}</Text> : null}
						</Text>
					);
				})}
				<Text> </Text>
				{focusNote && displayWidth(focusNote.text) > noteWidth ? (
					<Text color={TONE_COLOR[focusNote.tone]}>{inert(`${label(focused)}: ${focusNote.text}`)}</Text>
				) : null}
				<Text color="cyan">$ {inert(model.command)}</Text>
				{model.lines.map(line => (
					<Text key={line.text} color={TONE_COLOR[line.tone]}>
						{inert(line.text)}
					</Text>
				))}
				<Text wrap="truncate">
					<Text bold color="cyan">
						Enter
					</Text>
					<Text>{submit}</Text>
					<Text color="gray">{truncate(T.forms.keys, Math.max(0, inner - 8 - displayWidth(submit)))}</Text>
				</Text>
			</Box>
		</Frame>
	);
}
