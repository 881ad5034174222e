import { helpPageSize, helpRows, HelpOverlay } from '../../components/help-overlay.js';
import { stepDelta } from '../list-step.js';
import type { Screen } from '../screen.js';

/** How far the key help is scrolled. */
export interface HelpState {
	readonly offset: number;
}

/** `?`: every key of the key table in force, a page at a time; the list keys scroll it. */
export const helpScreen: Screen<HelpState, 'help'> = {
	name: 'help',
	layer: 'body',
	fullScreen: true,
	scopes: () => ['help', 'list'],
	stacks: [['always', 'help', 'list']],
	close: 'help.close',
	keys: {
		'help.close': ctx => ctx.close(),
	},
	move: (ctx, step) => {
		const page = helpPageSize(step.height);
		const max = Math.max(0, helpRows().length - page);
		ctx.update(s => ({ offset: Math.max(0, Math.min(max, s.offset + stepDelta(step, page))) }));
	},
	render: ({ state, width, height }) => <HelpOverlay width={width} height={height} offset={state.offset} />,
};
