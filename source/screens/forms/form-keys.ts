import { formReducer, type FormAction, type FormModel, type FormState } from '../../forms/form.js';
import { T } from '../../i18n/index.js';
import type { Handlers, ScreenContext } from '../screen.js';

/** What every form screen keeps: its fields, and whether Enter waits for what is being read. */
export interface FormScreenState {
	readonly form: FormState;
	/** Enter was pressed while the form was still reading (the folder, the image's config): it acts once that is done. */
	readonly queued: boolean;
}

/** A form's own reducer, applied to a form screen's state. */
export function formStep<S extends FormScreenState>(ctx: Pick<ScreenContext<S>, 'update'>, action: FormAction): void {
	ctx.update(s => {
		const form = formReducer(s.form, action);
		return form === s.form ? s : { ...s, form };
	});
}

/**
 * Enter on a form: a field with a problem gets the cursor, a form still reading waits, and a form
 * that checks out does what it says (`go`). `model` is the form as it stands.
 */
export function submitForm<S extends FormScreenState>(
	ctx: ScreenContext<S>,
	model: FormModel,
	waitingNotice: string,
	go: () => void,
): void {
	if (model.waiting) {
		ctx.update(s => ({ ...s, queued: true }));
		return ctx.app.notice({ text: waitingNotice, tone: 'info' });
	}
	ctx.update(s => (s.queued ? { ...s, queued: false } : s));
	const { form } = ctx.state;
	const firstError = form.fields.findIndex(field => model.errors[field.id]);
	if (firstError >= 0) {
		formStep(ctx, { type: 'tried' });
		formStep(ctx, { type: 'focus', step: firstError - form.focus });
		return;
	}
	go();
}

/** The keys every form has: move between fields, flip choices, clear, Enter, Esc. */
export function formKeys<S extends FormScreenState>(submit: (ctx: ScreenContext<S>) => void, building: boolean): Handlers<S, 'form'> {
	return {
		'form.next': ctx => formStep(ctx, { type: 'focus', step: 1 }),
		'form.prev': ctx => formStep(ctx, { type: 'focus', step: -1 }),
		'form.left': ctx => formStep(ctx, { type: 'cycle', step: -1 }),
		'form.right': ctx => formStep(ctx, { type: 'cycle', step: 1 }),
		'form.clear': ctx => formStep(ctx, { type: 'clear' }),
		'form.submit': submit,
		'form.cancel': ctx => {
			ctx.close();
			ctx.app.notice({ text: T.work.forms.cancelled(building), tone: 'info' });
		},
	};
}

/** Typing into the focused field of a form. */
export function typeIntoForm<S extends FormScreenState>(ctx: ScreenContext<S>, text: string, erase: boolean): void {
	if (erase) formStep(ctx, { type: 'backspace' });
	else if (text) formStep(ctx, { type: 'type', text });
}
