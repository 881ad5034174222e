import type { Notice } from '../../actions/context.js';
import type { Confirmation } from '../../actions/lifecycle.js';
import { ConfirmDialog } from '../../components/confirm-dialog.js';
import type { ContainerSummary, ImageRow } from '../../model/types.js';
import { T } from '../../i18n/index.js';
import type { AppServices, Screen, ScreenContext } from '../screen.js';

/** The choices a dialog offers before it is confirmed. */
export interface Toggles {
	readonly force: boolean;
	readonly volumes: boolean;
}

/**
 * A dialog: it is made again from the live snapshot each time it is drawn or confirmed, so a
 * container removed meanwhile, or one whose state changed so that the action no longer applies,
 * gets a dialog that says so and does nothing.
 */
export interface ConfirmState {
	readonly make: (app: AppServices, toggles: Toggles) => Confirmation;
	readonly toggles: Toggles;
	/** What the status line says when it is cancelled. */
	readonly cancelled: string;
}

/** What a dialog's builder may answer: the dialog, a notice (no longer possible), or the action itself (no question needed). */
export type DialogAnswer = Confirmation | Notice | (() => Promise<Notice>);

/** A dialog that only says why nothing will happen. */
function sayOnly(title: string, why: string, label: string, result: Notice): Confirmation {
	return { title, lines: [why], command: '', toggles: [], confirmLabel: label, run: async () => result };
}

/** A dialog about a container, found again by id whenever it is shown. */
export function containerDialog(
	id: string,
	name: string,
	build: (container: ContainerSummary, toggles: Toggles, app: AppServices) => DialogAnswer,
): ConfirmState['make'] {
	return (app, toggles) => {
		const container = app.snapshot().containers.find(c => c.id === id);
		return container ? settle(name, build(container, toggles, app)) : vanished(name);
	};
}

/** A dialog about an images panel row, found again by its key whenever it is shown. */
export function imageDialog(
	key: string,
	name: string,
	build: (image: ImageRow, toggles: Toggles, app: AppServices) => DialogAnswer,
): ConfirmState['make'] {
	return (app, toggles) => {
		const image = app.snapshot().images.find(i => i.key === key);
		return image ? settle(name, build(image, toggles, app)) : vanished(name);
	};
}

function vanished(name: string): Confirmation {
	const V = T.actions.vanished;
	return sayOnly(V.title(name), V.line, V.confirm, { text: V.result(name), tone: 'warn' });
}

/** The state changed under the dialog so that the action no longer applies: it says why. */
function settle(name: string, answer: DialogAnswer): Confirmation {
	if ('run' in answer) return answer;
	const why = typeof answer === 'function' ? T.misc.stale.changed : answer.text;
	return sayOnly(T.misc.stale.title(name), why, T.misc.stale.close, { text: why, tone: 'warn' });
}

/** Opens a dialog on top of the screen `ctx` belongs to. */
export function openConfirm(ctx: Pick<ScreenContext<unknown>, 'open'>, make: ConfirmState['make'], cancelled: string): void {
	ctx.open(confirmScreen, { make, toggles: { force: false, volumes: false }, cancelled });
}

const flip = (ctx: ScreenContext<ConfirmState>, key: 'f' | 'v', toggle: keyof Toggles) => {
	const { state, app } = ctx;
	if (!state.make(app, state.toggles).toggles.some(t => t.key === key)) return;
	ctx.update(s => ({ ...s, toggles: { ...s.toggles, [toggle]: !s.toggles[toggle] } }));
};

/** Asks before anything that interrupts or removes: what happens, the docker command, the choices. */
export const confirmScreen: Screen<ConfirmState, 'confirm'> = {
	name: 'confirm',
	layer: 'body',
	scopes: () => ['confirm'],
	stacks: [['always', 'confirm']],
	close: 'confirm.cancel',
	keys: {
		'confirm.accept': ctx => {
			const current = ctx.state.make(ctx.app, ctx.state.toggles);
			// the dialog says why; it stays open for the choice or Esc
			if (current.refusal) return;
			ctx.close();
			ctx.app.perform(report => current.run(report));
		},
		'confirm.cancel': ctx => {
			ctx.close();
			ctx.app.notice({ text: ctx.state.cancelled, tone: 'info' });
		},
		'confirm.force': ctx => flip(ctx, 'f', 'force'),
		'confirm.volumes': ctx => flip(ctx, 'v', 'volumes'),
	},
	render: ({ state, app, width, height }) => <ConfirmDialog confirmation={state.make(app, state.toggles)} width={width} height={height} />,
};
