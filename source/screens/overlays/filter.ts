import { T } from '../../i18n/index.js';
import { dashboardReducer, type DashboardAction } from '../dashboard/dashboard-state.js';
import type { AppServices, Screen, ScreenContext } from '../screen.js';

/** The filter being typed belongs to the dashboard's focused panel: this screen only takes the keys. */
export type FilterState = Record<string, never>;

const dashboard = (app: AppServices, action: DashboardAction) => app.dashboard.update(state => dashboardReducer(state, action));

/** Ends typing: the row highlighted in the filtered list stays selected, whether the filter stays or goes. */
function end(ctx: ScreenContext<FilterState>, keep: boolean): void {
	const { panel } = ctx.app.dashboard.state();
	dashboard(ctx.app, { type: 'move', keys: ctx.app.model().keys[panel], delta: 0 });
	dashboard(ctx.app, { type: 'filterEnd', keep });
	ctx.close();
}

/** Typing a filter for the focused panel: the list narrows as it is typed. */
export const filterScreen: Screen<FilterState, 'filter'> = {
	name: 'filter',
	layer: 'status',
	scopes: () => ['filter'],
	stacks: [['always', 'filter']],
	close: 'filter.cancel',
	keys: {
		'filter.accept': ctx => end(ctx, true),
		'filter.cancel': ctx => end(ctx, false),
	},
	type: (ctx, text, erase) => {
		if (erase) dashboard(ctx.app, { type: 'filterBackspace' });
		else if (text) dashboard(ctx.app, { type: 'filterType', text });
	},
	status: (_, app) => {
		const state = app.dashboard.state();
		return state.filterFresh ? T.actions.filterReplacing(state.filters[state.panel]) : T.actions.filterTyping;
	},
};
