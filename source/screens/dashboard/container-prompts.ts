import { commit, COMMIT_STEPS, type CommitForm } from '../../actions/commit.js';
import { copyDialog, COPY_STEPS, planCopy, type CopyForm } from '../../actions/copy.js';
import { defaultShellLabel, exec } from '../../actions/exec.js';
import { tagAction } from '../../actions/images.js';
import type { ContainerDetail, ContainerSummary, ImageRow } from '../../model/types.js';
import { T } from '../../i18n/index.js';
import { containerDialog, openConfirm } from '../overlays/confirm.js';
import { prompt, promptScreen, type PromptState } from '../overlays/prompt.js';
import type { AppServices, ScreenContext } from '../screen.js';
import { dashboardReducer } from './dashboard-state.js';

type PromptCtx = ScreenContext<PromptState>;

/** A container as it is now, by id: undefined once it is removed. */
const live = (app: AppServices, id: string) => app.snapshot().containers.find(c => c.id === id);

/** The container a prompt was opened for, as it is now; when it is gone the prompt closes saying so. */
function stillThere(ctx: PromptCtx, target: { id: string; name: string }, gone: string): ContainerSummary | undefined {
	const container = live(ctx.app, target.id);
	if (container) return container;
	ctx.close();
	ctx.app.notice({ text: gone, tone: 'warn' });
	return undefined;
}

/** `e`: the command to run in a container (Enter: bash, else sh). */
export function execPrompt(container: ContainerSummary): PromptState {
	const target = { id: container.id, name: container.name };
	return prompt(T.actions.prompts.exec(container.name, defaultShellLabel()), '', (value, ctx) => {
		const found = stillThere(ctx, target, T.actions.vanished.result(target.name));
		if (!found) return;
		ctx.close();
		ctx.app.perform(() => exec(ctx.app.action, found, value));
	});
}

/** One step of the commit form (name, message, author, changes); the last one commits and selects the new image. */
export function commitPrompt(container: ContainerSummary, step = 0, form: CommitForm = {}): PromptState {
	const target = { id: container.id, name: container.name };
	const current = COMMIT_STEPS[step]!;
	return prompt(current.label(container.name), '', (value, ctx) => {
		const found = stillThere(ctx, target, T.work.commit.gone(target.name));
		if (!found) return;
		const error = current.check(value);
		if (error) return ctx.update(s => ({ ...s, error }));
		const next = { ...form, [current.field]: value.trim() };
		if (COMMIT_STEPS[step + 1]) return ctx.update(() => commitPrompt(found, step + 1, next));
		ctx.close();
		ctx.app.perform(async () => {
			const result = await commit(ctx.app.action, found, next);
			if (result.imageKey) ctx.app.dashboard.update(s => dashboardReducer(s, { type: 'selectImage', key: result.imageKey! }));
			return result.notice;
		});
	});
}

/** One step of the cp form: what was answered before (when asked again), else its default. */
export function copyPrompt(container: ContainerSummary, step = 0, form: CopyForm = {}, workdir = '/', error?: string): PromptState {
	const target = { id: container.id, name: container.name };
	const current = COPY_STEPS[step]!;
	return prompt(
		current.label(container.name, form),
		form[current.field] ?? current.initial(workdir),
		(value, ctx) => {
			const found = stillThere(ctx, target, T.actions.vanished.result(target.name));
			if (!found) return;
			const problem = current.check(value, form);
			if (problem) return ctx.update(s => ({ ...s, error: problem }));
			const next = { ...form, [current.field]: value.trim() };
			if (step + 1 < COPY_STEPS.length) return ctx.update(() => copyPrompt(found, step + 1, next, workdir));
			ctx.close();
			ctx.app.perform(async () => {
				const plan = await planCopy(ctx.app.action, found, next);
				// that step is asked again, with what was typed and why it does not work
				if ('error' in plan) ctx.open(promptScreen, copyPrompt(found, plan.step, next, workdir, plan.error));
				else
					openConfirm(
						ctx,
						containerDialog(found.id, found.name, (c, toggles, app) => copyDialog(app.action, c, plan, toggles.force)),
						T.actions.cancelled.copy,
					);
				return undefined;
			});
		},
		error ? { error } : {},
	);
}

/** Where a copy starts in the container: its working directory, once its detail is read. */
export function workdirOf(app: AppServices, id: string): string {
	return (app.snapshot().details.get(`container:${id}`)?.value as ContainerDetail | undefined)?.workingDir || '/';
}

/** `t`: a new name for an image. */
export function tagPrompt(image: ImageRow): PromptState {
	const name = image.dangling ? image.id.slice(7, 19) : `${image.repository}:${image.tag}`;
	return prompt(T.actions.prompts.tag(name), '', (value, ctx) => {
		const found = ctx.app.snapshot().images.find(i => i.key === image.key);
		ctx.close();
		if (!found) return ctx.app.notice({ text: T.actions.vanished.result(name), tone: 'warn' });
		ctx.app.perform(() => tagAction(ctx.app.action, found, value));
	});
}
