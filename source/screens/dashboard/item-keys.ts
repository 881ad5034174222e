import { attach } from '../../actions/attach.js';
import { exec } from '../../actions/exec.js';
import { imageRemoveDialog } from '../../actions/images.js';
import { lifecycle, removeDialog } from '../../actions/lifecycle.js';
import type { LifecycleVerb } from '../../docker/lifecycle.js';
import { T } from '../../i18n/index.js';
import type { ContainerSummary, ImageRow } from '../../model/types.js';
import { openChanges } from '../changes/changes-screen.js';
import { openRunForm } from '../forms/run-form-screen.js';
import { openLogs } from '../logs/logs-screen.js';
import { containerDialog, imageDialog, openConfirm } from '../overlays/confirm.js';
import { promptScreen } from '../overlays/prompt.js';
import type { AppServices, Handlers, ScreenContext } from '../screen.js';
import { commitPrompt, copyPrompt, execPrompt, tagPrompt, workdirOf } from './container-prompts.js';
import { dashboardReducer, type DashboardState } from './dashboard-state.js';

type Ctx = ScreenContext<DashboardState>;

/** Runs `fn` with the selected container, or says there is none. */
const withContainer = (fn: (ctx: Ctx, container: ContainerSummary) => void) => (ctx: Ctx) => {
	const container = ctx.app.model().container;
	if (!container) return ctx.app.notice({ text: T.actions.noContainer, tone: 'warn' });
	fn(ctx, container);
};

/** Runs `fn` with the selected image, or says there is none. */
const withImage = (fn: (ctx: Ctx, image: ImageRow) => void) => (ctx: Ctx) => {
	const image = ctx.app.model().image;
	if (!image) return ctx.app.notice({ text: T.actions.noImage, tone: 'warn' });
	fn(ctx, image);
};

/**
 * A lifecycle key: start and unpause at once, the others after a dialog, refused (in a notice) when
 * the container's state does not allow it. The dialog finds the container again each time it is drawn.
 */
function lifecycleKey(verb: LifecycleVerb) {
	return withContainer((ctx, container) => {
		const effective = verb === 'pause' && container.state === 'paused' ? 'unpause' : verb;
		const result = lifecycle(ctx.app.action, container, effective);
		if (typeof result === 'function') ctx.app.perform(result);
		else if ('run' in result)
			openConfirm(
				ctx,
				containerDialog(container.id, container.name, (c, _, app) => lifecycle(app.action, c, effective)),
				T.actions.cancelled.other(container.name),
			);
		else ctx.app.notice(result);
	});
}

/** The other tags of an image and the containers that use it, as they are now. */
function imageRemoval(app: AppServices, image: ImageRow, force: boolean) {
	const { images, containers } = app.snapshot();
	const tags = images.filter(i => i.id === image.id && i.key !== image.key && !i.dangling).map(i => `${i.repository}:${i.tag}`);
	return imageRemoveDialog(
		app.action,
		image,
		tags,
		containers.filter(c => c.imageId === image.id),
		force,
	);
}

/** The keys of the containers panel. */
export const containerKeys: Handlers<DashboardState, 'containers'> = {
	'container.attach': withContainer((ctx, c) => ctx.app.perform(() => attach(ctx.app.action, c, { start: false }))),
	'container.startAttach': withContainer((ctx, c) => ctx.app.perform(() => attach(ctx.app.action, c, { start: true }))),
	'container.exec': withContainer((ctx, c) => {
		// a stopped container gets exec's own reason, no prompt
		if (c.state !== 'running') return ctx.app.perform(() => exec(ctx.app.action, c, ''));
		ctx.open(promptScreen, execPrompt(c));
	}),
	'container.logs': withContainer((ctx, c) => openLogs(ctx, c)),
	'container.start': lifecycleKey('start'),
	'container.stop': lifecycleKey('stop'),
	'container.restart': lifecycleKey('restart'),
	'container.pause': lifecycleKey('pause'),
	'container.kill': lifecycleKey('kill'),
	'container.remove': withContainer((ctx, container) => {
		const result = removeDialog(ctx.app.action, container, { force: false, volumes: false });
		if ('run' in result)
			openConfirm(
				ctx,
				containerDialog(container.id, container.name, (c, toggles, app) => removeDialog(app.action, c, toggles)),
				T.actions.cancelled.other(container.name),
			);
		else ctx.app.notice(result);
	}),
	'container.commit': withContainer((ctx, c) => ctx.open(promptScreen, commitPrompt(c))),
	'container.copy': withContainer((ctx, c) => ctx.open(promptScreen, copyPrompt(c, 0, {}, workdirOf(ctx.app, c.id)))),
	'container.changes': withContainer((ctx, c) => openChanges(ctx, c)),
};

/** The keys of the images panel. */
export const imageKeys: Handlers<DashboardState, 'images'> = {
	'image.remove': withImage((ctx, image) => {
		const result = imageRemoval(ctx.app, image, false);
		const name = image.dangling ? image.id.slice(7, 19) : `${image.repository}:${image.tag}`;
		if ('run' in result)
			openConfirm(
				ctx,
				imageDialog(image.key, name, (i, toggles, app) => imageRemoval(app, i, toggles.force)),
				T.actions.cancelled.other(name),
			);
		else ctx.app.notice(result);
	}),
	'image.tag': withImage((ctx, image) => ctx.open(promptScreen, tagPrompt(image))),
	'image.run': withImage((ctx, image) => openRunForm(ctx, image)),
};

/** The keys of the layers panel. */
export const layerKeys: Handlers<DashboardState, 'layers'> = {
	'layers.names': ctx => ctx.update(s => dashboardReducer(s, { type: 'toggleLayerNames' })),
};
