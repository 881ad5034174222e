/** A form field: text typed at the end, an on/off switch, or one of a few choices. */
export interface FieldSpec {
	readonly id: string;
	readonly label: string;
	readonly kind: 'text' | 'toggle' | 'choice';
	readonly choices?: readonly string[];
}

/** An open form (run, build): its fields, what is typed, which field has the cursor. */
export interface FormState {
	readonly kind: 'run' | 'build';
	readonly fields: readonly FieldSpec[];
	/** Text as typed; a toggle is "on" or ""; a choice is one of its choices. */
	readonly values: Readonly<Record<string, string>>;
	readonly focus: number;
	/** Enter was pressed with errors: every error shows, not just the focused field's. */
	readonly tried: boolean;
}

export type FormAction =
	| { type: 'focus'; step: number }
	| { type: 'type'; text: string }
	| { type: 'backspace' }
	| { type: 'clear' }
	| { type: 'cycle'; step: 1 | -1 }
	| { type: 'tried' }
	| { type: 'set'; values: Readonly<Record<string, string>> };

export const ON = 'on';

function cycle(field: FieldSpec, value: string, step: 1 | -1): string {
	if (field.kind === 'toggle') return value === ON ? '' : ON;
	const choices = field.choices ?? [];
	const at = Math.max(0, choices.indexOf(value));
	return choices[(at + step + choices.length) % choices.length] ?? value;
}

/**
 * What a key does to a form: Tab and the arrows move between fields, typing edits a text field,
 * Space (or ←/→) flips a switch or steps through a choice.
 */
export function formReducer(form: FormState, action: FormAction): FormState {
	const field = form.fields[form.focus]!;
	const value = form.values[field.id] ?? '';
	const put = (next: string) => (next === value ? form : { ...form, values: { ...form.values, [field.id]: next } });
	switch (action.type) {
		case 'focus': {
			const focus = (form.focus + action.step + form.fields.length) % form.fields.length;
			return focus === form.focus ? form : { ...form, focus };
		}
		case 'type':
			if (field.kind === 'text') return put(value + action.text);
			return action.text === ' ' ? put(cycle(field, value, 1)) : form;
		case 'backspace':
			return field.kind === 'text' ? put([...value].slice(0, -1).join('')) : form;
		case 'clear':
			return field.kind === 'text' ? put('') : form;
		case 'cycle':
			return field.kind === 'text' ? form : put(cycle(field, value, action.step));
		case 'tried':
			return form.tried ? form : { ...form, tried: true };
		case 'set':
			return { ...form, values: { ...form.values, ...action.values } };
	}
}

/** A note beside a field: a hint, or why its value will not do. */
export interface FieldNote {
	readonly text: string;
	readonly tone: 'muted' | 'warn' | 'bad' | 'good' | 'info';
}

/** What a form shows besides its fields: a title, a note per field, the equivalent command, extra lines. */
export interface FormModel {
	readonly title: string;
	readonly notes: Readonly<Record<string, FieldNote | undefined>>;
	readonly errors: Readonly<Record<string, string | undefined>>;
	readonly command: string;
	readonly lines: readonly FieldNote[];
	readonly submitLabel: string;
	/** Still reading what the form checks against (the folder, the image's config): said instead of "ready", and Enter waits for it. */
	readonly waiting?: string;
}
