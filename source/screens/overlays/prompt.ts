import type { AppServices, Screen, ScreenContext } from '../screen.js';

/**
 * A one-line question in the status line: the command to exec, a log search, a file to save to, a
 * step of the commit or copy form. It carries what Enter does with the answer: close it and act,
 * ask again with the reason (`ctx.update` with an error), or go on to the next step.
 */
export interface PromptState {
	readonly label: string;
	readonly value: string;
	/** Why the last answer was not taken, shown on a line above the prompt. */
	readonly error?: string;
	readonly accept: (value: string, ctx: ScreenContext<PromptState>) => void;
	/** Hears every change of the answer (the log search highlights as it is typed). */
	readonly change?: (value: string, app: AppServices) => void;
	/** Esc: what to undo besides closing. */
	readonly cancel?: (app: AppServices) => void;
}

/** A prompt that asks `label`, starting with `value`. */
export function prompt(
	label: string,
	value: string,
	accept: PromptState['accept'],
	more: Pick<PromptState, 'change' | 'cancel' | 'error'> = {},
): PromptState {
	return { label, value, accept, ...more };
}

const edit = (ctx: ScreenContext<PromptState>, value: string) => {
	ctx.update(s => ({ ...s, value, error: undefined }));
	ctx.state.change?.(value, ctx.app);
};

/** The prompt on the status line; typing goes into it, Enter answers, Esc cancels. */
export const promptScreen: Screen<PromptState, 'prompt'> = {
	name: 'prompt',
	layer: 'status',
	scopes: () => ['prompt'],
	stacks: [['always', 'prompt']],
	close: 'prompt.cancel',
	keys: {
		'prompt.accept': ctx => ctx.state.accept(ctx.state.value, ctx),
		'prompt.cancel': ctx => {
			ctx.state.cancel?.(ctx.app);
			ctx.close();
		},
		'prompt.clear': ctx => edit(ctx, ''),
	},
	type: (ctx, text, erase) => {
		if (erase) edit(ctx, [...ctx.state.value].slice(0, -1).join(''));
		else if (text) edit(ctx, ctx.state.value + text);
	},
	prompt: state => state,
};
