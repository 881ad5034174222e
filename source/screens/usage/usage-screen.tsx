import { useSizesShown } from '../../store/use-store.js';
import { openPrune } from '../prune/prune-screen.js';
import { stepCursor } from '../list-step.js';
import type { RenderProps, Screen } from '../screen.js';
import { UsageView } from './usage-view.js';

/** The row the cursor is on (images, containers, local volumes, build cache). */
export interface UsageState {
	readonly cursor: number;
}

const ROWS = 4;

function UsageBody({ state, width, height, app }: RenderProps<UsageState>) {
	// while it is on screen, disk usage is read again when containers or images come or go
	useSizesShown(app.store, 'all');
	return <UsageView usage={app.snapshot().usage} width={width} height={height} cursor={state.cursor} />;
}

/** `u`: images, containers, volumes and build cache, as `docker system df` counts them. */
export const usageScreen: Screen<UsageState, 'usage'> = {
	name: 'usage',
	layer: 'body',
	scopes: () => ['usage', 'list', 'views'],
	stacks: [['always', 'usage', 'list', 'views']],
	close: 'usage.close',
	keys: {
		'usage.prune': ctx => openPrune(ctx),
		'usage.reload': ctx => ctx.app.store.refreshUsageNow(),
		'usage.close': ctx => ctx.close(),
	},
	move: (ctx, step) => ctx.update(s => ({ cursor: stepCursor(s.cursor, step, ROWS) })),
	render: props => <UsageBody {...props} />,
};
