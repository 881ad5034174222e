import { engineMessage } from '../../docker/errors.js';
import type { ContainerSummary } from '../../model/types.js';
import { useContainerSize } from '../../store/use-store.js';
import { stepCursor } from '../list-step.js';
import type { RenderProps, Screen, ScreenContext } from '../screen.js';
import { ChangesView, type ChangesState } from './changes-view.js';

/** Reads the container's changes (again); the answer is dropped if the view was closed meanwhile. */
function load(ctx: Pick<ScreenContext<ChangesState>, 'update' | 'app' | 'state'>): void {
	const { id } = ctx.state;
	ctx.update(s => ({ ...s, status: 'loading', items: [], cursor: 0 }));
	ctx.app.engine.api.containerChanges(id).then(
		items => ctx.update(s => ({ ...s, status: 'ready', items })),
		(error: unknown) => ctx.update(s => ({ ...s, status: 'error', error: engineMessage(error) })),
	);
}

/** Opens what a container changed on top of its image (`docker diff`). */
export function openChanges(ctx: Pick<ScreenContext<unknown>, 'open'>, container: ContainerSummary): void {
	load(ctx.open(changesScreen, { id: container.id, name: container.name, status: 'loading', items: [], cursor: 0 }));
}

function ChangesBody({ state, width, height, app }: RenderProps<ChangesState>) {
	// its thin layer's size, measured for it alone while the view is open
	useContainerSize(app.store, state.id);
	return <ChangesView state={{ ...state, sizeRw: app.snapshot().sizes.get(state.id)?.sizeRw }} width={width} height={height} />;
}

/** `D`: what a container added, changed and deleted on top of its image. */
export const changesScreen: Screen<ChangesState, 'changes'> = {
	name: 'changes',
	layer: 'body',
	scopes: () => ['changes', 'list', 'views'],
	stacks: [['always', 'changes', 'list', 'views']],
	close: 'changes.close',
	keys: {
		'changes.reload': ctx => load(ctx),
		'changes.close': ctx => ctx.close(),
	},
	move: (ctx, step) => ctx.update(s => ({ ...s, cursor: stepCursor(s.cursor, step, s.items.length) })),
	render: props => <ChangesBody {...props} />,
};
