import { commit, COMMIT_STEPS } from './actions/commit.js';
import type { ActionContext, Notice } from './actions/context.js';
import { COPY_STEPS, planCopy, type CopyForm } from './actions/copy.js';
import { exec } from './actions/exec.js';
import { tagAction } from './actions/images.js';
import { saveLogs } from './actions/save-logs.js';
import type { ContainerSummary, ImageRow } from './model/types.js';
import type { LogSession } from './store/log-session.js';
import type { Prompt, UiAction } from './store/ui.js';
import { T } from './i18n/index.js';

export interface PromptDeps {
	readonly context: ActionContext;
	readonly container?: ContainerSummary;
	readonly image?: ImageRow;
	readonly logs: LogSession | null;
	readonly perform: (task: (report: (progress: string) => void) => Promise<Notice | undefined>) => void;
	/** The selected container's working directory, where a copy starts. */
	readonly workdir?: string;
	readonly dispatch: (action: UiAction) => void;
	/** Connects to another docker context; resolves with a problem to show, or undefined once switched. */
	readonly switchContext?: (name: string) => Promise<string | undefined>;
}

/**
 * What Enter at a prompt does: run the exec command, tag, save the logs, or take the next step
 * of the commit form (a value that fails its check re-opens the step with the reason).
 */
export function handlePrompt(prompt: Prompt, { context, container, image, logs, perform, dispatch, workdir, switchContext }: PromptDeps): void {
	if (prompt.kind === 'context' && switchContext) {
		const name = prompt.value.trim();
		if (!name) return;
		perform(async report => {
			report(T.work.context.connecting(name));
			const problem = await switchContext(name);
			return problem ? { text: problem, tone: 'bad' } : undefined;
		});
	} else if (prompt.target && !(prompt.kind === 'tag' ? image : container)) {
		const { name } = prompt.target;
		perform(async () => ({ text: prompt.kind === 'commit' ? T.work.commit.gone(name) : T.actions.vanished.result(name), tone: 'warn' }));
	} else if (prompt.kind === 'exec' && container) {
		perform(() => exec(context, container, prompt.value));
	} else if (prompt.kind === 'commit' && container) {
		const step = prompt.step ?? 0;
		const current = COMMIT_STEPS[step]!;
		const error = current.check(prompt.value);
		if (error) return dispatch({ type: 'promptStart', prompt: { ...prompt, error } });
		const form = { ...prompt.form, [current.field]: prompt.value.trim() };
		const next = COMMIT_STEPS[step + 1];
		if (next) return dispatch({ type: 'promptStart', prompt: { kind: 'commit', label: next.label(container.name), value: '', step: step + 1, form, target: prompt.target } });
		perform(async () => {
			const result = await commit(context, container, form);
			if (result.imageKey) dispatch({ type: 'selectImage', key: result.imageKey });
			return result.notice;
		});
	} else if (prompt.kind === 'copy' && container) {
		const step = prompt.step ?? 0;
		const current = COPY_STEPS[step]!;
		const form: CopyForm = prompt.form ?? {};
		const error = current.check(prompt.value, form);
		if (error) return dispatch({ type: 'promptStart', prompt: { ...prompt, error } });
		const next = { ...form, [current.field]: prompt.value.trim() };
		const target = { id: container.id, name: container.name };
		if (step + 1 < COPY_STEPS.length) return dispatch({ type: 'promptStart', prompt: copyPrompt(target, step + 1, next, workdir) });
		perform(async () => {
			const plan = await planCopy(context, container, next);
			if ('error' in plan) {
				// ask that step again, with what was typed and why it does not work
				dispatch({ type: 'promptStart', prompt: { ...copyPrompt(target, plan.step, next, workdir), error: plan.error } });
				return undefined;
			}
			dispatch({ type: 'confirmOpen', confirm: { kind: 'copy', targetId: container.id, name: container.name, force: false, volumes: false, copy: plan } });
			return undefined;
		});
	} else if (prompt.kind === 'tag' && image) {
		perform(() => tagAction(context, image, prompt.value));
	} else if (prompt.kind === 'save' && logs) {
		perform(() => saveLogs(logs.buffer, prompt.value));
	}
}

/** The prompt for one step of the cp form: what was answered before (when re-asked), else its default. */
export function copyPrompt(target: { id: string; name: string }, step: number, form: CopyForm, workdir = '/'): Prompt {
	const current = COPY_STEPS[step]!;
	return { kind: 'copy', label: current.label(target.name, form), value: form[current.field] ?? current.initial(workdir), step, form, target };
}
