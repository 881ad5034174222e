import { listContexts } from '../../docker/endpoint.js';
import { T } from '../../i18n/index.js';
import { maxDetailOffset } from '../../panels/detail-panel.js';
import { openBuildForm, openBuildView } from '../build/build-screen.js';
import { buildsOf } from '../build/builds.js';
import { eventsScreen } from '../events/events-screen.js';
import { stepDelta } from '../list-step.js';
import { filterScreen } from '../overlays/filter.js';
import { prompt, promptScreen } from '../overlays/prompt.js';
import { openPrune } from '../prune/prune-screen.js';
import type { Handlers, RenderProps, Screen, ScreenContext } from '../screen.js';
import { usageScreen } from '../usage/usage-screen.js';
import { dashboardReducer, type DashboardAction, type DashboardState, type PanelId } from './dashboard-state.js';
import { DashboardBody } from './dashboard-view.js';
import { containerKeys, imageKeys, layerKeys } from './item-keys.js';
import { useMinuteClock } from './use-clock.js';

type Ctx = ScreenContext<DashboardState>;
type Own = 'global' | 'panels' | 'containers' | 'images' | 'layers';

const act = (ctx: Pick<Ctx, 'update'>, action: DashboardAction) => ctx.update(s => dashboardReducer(s, action));

/** [ and ]: the detail pane scrolls, or the learn pane where it takes the detail pane's place. */
function scrollDetail(ctx: Ctx, direction: 1 | -1): void {
	const model = ctx.app.model();
	const { detail, learn } = model.layout;
	const pane =
		detail.height > 0 || !learn
			? { lines: model.detail.lines.length, height: detail.height }
			: { lines: model.learn?.length ?? 0, height: learn.height };
	act(ctx, { type: 'detailScroll', delta: direction * Math.max(1, pane.height - 3), max: maxDetailOffset(pane.lines, pane.height) });
}

/** Ends a filter: the row highlighted in the filtered list stays selected. */
function keepHighlighted(ctx: Ctx): void {
	act(ctx, { type: 'move', keys: ctx.app.model().keys[ctx.state.panel], delta: 0 });
}

const globalKeys: Handlers<DashboardState, 'global' | 'panels'> = {
	'focus.next': ctx => act(ctx, { type: 'focusStep', step: 1 }),
	'focus.prev': ctx => act(ctx, { type: 'focusStep', step: -1 }),
	'focus.containers': ctx => act(ctx, { type: 'focus', panel: 'containers' }),
	'focus.images': ctx => act(ctx, { type: 'focus', panel: 'images' }),
	'focus.layers': ctx => act(ctx, { type: 'focus', panel: 'layers' }),
	// the build view while a build runs or its end was not seen yet (it ended in the background); else the form
	'build.open': ctx => {
		const builds = buildsOf(ctx.app);
		if (builds.session && (builds.running || !builds.seenEnd)) openBuildView(ctx);
		else openBuildForm(ctx);
	},
	'prune.open': ctx => openPrune(ctx),
	'context.switch': ctx => {
		const { switchContext, dockerContext } = ctx.app;
		if (!switchContext) return;
		const names = listContexts().map(c => c.name);
		ctx.open(
			promptScreen,
			prompt(T.actions.prompts.context(names.join(', '), dockerContext ?? 'default'), '', (value, p) => {
				const name = value.trim();
				if (!name) return;
				p.close();
				p.app.perform(async report => {
					report(T.work.context.connecting(name));
					const problem = await switchContext(name);
					return problem ? { text: problem, tone: 'bad' } : undefined;
				});
			}),
		);
	},
	'learn.toggle': ctx => act(ctx, { type: 'learn' }),
	'usage.open': ctx => {
		ctx.app.store.refreshUsageNow();
		ctx.open(usageScreen, { cursor: 0 });
	},
	'events.open': ctx => ctx.open(eventsScreen, { events: [], cursor: 0, paused: false }),
	'detail.scrollUp': ctx => scrollDetail(ctx, -1),
	'detail.scrollDown': ctx => scrollDetail(ctx, 1),
	'detail.reveal': ctx => {
		const { panel } = ctx.state;
		const model = ctx.app.model();
		const id = panel === 'containers' ? model.container?.id : panel === 'images' ? model.image?.id : undefined;
		if (id) act(ctx, { type: 'reveal', key: `${panel}:${id}` });
	},
	'filter.start': ctx => {
		act(ctx, { type: 'filterStart' });
		ctx.open(filterScreen, {});
	},
	'filter.clear': ctx => {
		keepHighlighted(ctx);
		act(ctx, { type: 'filterClear' });
	},
};

const scopesOf = (panel: PanelId) => [panel, 'list', 'panels', 'global', 'views'] as const;

function Dashboard({ state, app }: RenderProps<DashboardState>) {
	const now = useMinuteClock();
	return <DashboardBody model={app.model()} snapshot={app.snapshot()} state={state} now={now} editing={state.editing} />;
}

/** The three panels (containers, images, layers of the selected image) and the detail pane: the bottom of the stack. */
export const dashboardScreen: Screen<DashboardState, Own> = {
	name: 'dashboard',
	layer: 'body',
	scopes: state => scopesOf(state.panel),
	stacks: (['containers', 'images', 'layers'] as const).map(panel => ['always', ...scopesOf(panel)]),
	keys: { ...globalKeys, ...containerKeys, ...imageKeys, ...layerKeys },
	move: (ctx, step) => {
		const model = ctx.app.model();
		const { panel } = ctx.state;
		const delta = stepDelta(step, Math.max(1, model.layout[panel].height - 3));
		act(
			ctx,
			Number.isFinite(delta)
				? { type: 'move', keys: model.keys[panel], delta }
				: { type: 'move', keys: model.keys[panel], to: delta < 0 ? 'first' : 'last' },
		);
	},
	render: props => <Dashboard {...props} />,
};
