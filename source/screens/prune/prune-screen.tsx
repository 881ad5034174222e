import { T } from '../../i18n/index.js';
import { stepCursor } from '../list-step.js';
import { openConfirm } from '../overlays/confirm.js';
import type { Screen, ScreenContext } from '../screen.js';
import { pruneDialog } from './prune-dialog.js';
import { loadingPrune, loadPreview, runPrune, toggle, type PruneState } from './prune-state.js';
import { PruneView } from './prune-view.js';

type Ctx = ScreenContext<PruneState>;

/** Reads the preview again; its answer is dropped if the view was closed meanwhile. */
function load(ctx: Pick<Ctx, 'update' | 'app'>): void {
	ctx.update(() => loadingPrune);
	void loadPreview(ctx.app.engine.api).then(state => ctx.update(() => state));
}

/** Opens the prune preview (p on the dashboard, or from the disk usage view). */
export function openPrune(ctx: Pick<ScreenContext<unknown>, 'open' | 'app'>): void {
	load(ctx.open(pruneScreen, loadingPrune));
}

/** `p`: what a prune would remove now, each item with what it frees; untick, then Enter. */
export const pruneScreen: Screen<PruneState, 'prune'> = {
	name: 'prune',
	layer: 'body',
	scopes: () => ['prune', 'list', 'views'],
	stacks: [['always', 'prune', 'list', 'views']],
	close: 'prune.close',
	keys: {
		'prune.toggle': ctx => ctx.update(s => toggle(s, false)),
		'prune.toggleGroup': ctx => ctx.update(s => toggle(s, true)),
		'prune.reload': ctx => load(ctx),
		'prune.close': ctx => ctx.close(),
		'prune.run': ctx => {
			const { status } = ctx.state;
			if (status !== 'ready')
				return ctx.app.notice({ text: status === 'done' ? T.actions.prune.doneReload : T.actions.prune.notReady, tone: 'warn' });
			// the dialog reads the ticks as they are when it is drawn and confirmed
			openConfirm(
				ctx,
				() => pruneDialog(ctx.state, () => runPrune(ctx.app.engine.api, ctx.state, state => ctx.update(() => state))),
				T.actions.cancelled.prune,
			);
		},
	},
	move: (ctx, step) => ctx.update(s => ({ ...s, cursor: stepCursor(s.cursor, step, s.items.length) })),
	render: ({ state, width, height, app }) => <PruneView state={state} width={width} height={height} learn={app.dashboard.state().learn} />,
};
