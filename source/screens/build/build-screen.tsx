import { useEffect, useSyncExternalStore } from 'react';
import { ContextError, scanContext } from '../../copy/context.js';
import { BUILD_FIELDS, buildDefaults, checkBuild, scanKey, type ContextScan } from '../../forms/build-form.js';
import { T } from '../../i18n/index.js';
import { formKeys, submitForm, typeIntoForm, type FormScreenState } from '../forms/form-keys.js';
import { FormView } from '../forms/form-view.js';
import { stepDelta } from '../list-step.js';
import type { AppServices, RenderProps, Screen, ScreenContext } from '../screen.js';
import { BuildView, buildLines, type BuildScroll } from './build-view.js';
import { buildsOf } from './builds.js';

// The build form and the build view: each opens the other (submit shows the build, b in the view
// opens the form again), so they live together.

/** How the build's output is scrolled. */
export interface BuildViewState {
	readonly scroll: BuildScroll;
}

const noSubscribe = () => () => undefined;
const zero = () => 0;

/** Shows the build that runs or last ran. */
export function openBuildView(ctx: Pick<ScreenContext<unknown>, 'open'>): void {
	ctx.open(buildScreen, { scroll: { follow: true, top: 0 } });
}

function BuildBody({ state, width, height, app }: RenderProps<BuildViewState>) {
	const builds = buildsOf(app);
	const session = builds.session;
	useSyncExternalStore(session?.subscribe ?? noSubscribe, session?.getVersion ?? zero);
	// it is watched: its end needs no notice, and b opens the form next time
	useEffect(() => {
		builds.viewing = true;
		return () => void (builds.viewing = false);
	}, [builds]);
	useEffect(() => {
		if (session && !session.running) builds.seenEnd = true;
	});
	return session ? <BuildView session={session} scroll={state.scroll} width={width} height={height} /> : null;
}

/** The build view: each step as it runs, cached or run, its output; the build goes on when it is left. */
export const buildScreen: Screen<BuildViewState, 'build'> = {
	name: 'build',
	layer: 'body',
	scopes: () => ['build', 'list', 'views'],
	stacks: [['always', 'build', 'list', 'views']],
	close: 'build.close',
	keys: {
		'build.cancel': ctx => {
			const builds = buildsOf(ctx.app);
			if (builds.running) builds.session!.cancel();
			else ctx.app.notice({ text: T.work.forms.noBuild, tone: 'warn' });
		},
		'build.follow': ctx => ctx.update(() => ({ scroll: { follow: true, top: 0 } })),
		'build.again': ctx => {
			if (buildsOf(ctx.app).running) return ctx.app.notice({ text: T.work.forms.buildRunning, tone: 'warn' });
			ctx.close();
			openBuildForm(ctx);
		},
		'build.close': ctx => {
			ctx.close();
			if (buildsOf(ctx.app).running) ctx.app.notice({ text: T.work.forms.goesOn, tone: 'info' });
		},
	},
	move: (ctx, step) => {
		const session = buildsOf(ctx.app).session;
		if (!session) return;
		if (step.kind === 'last') return ctx.update(() => ({ scroll: { follow: true, top: 0 } }));
		const total = buildLines(session).length;
		ctx.update(({ scroll }) => {
			const from = scroll.follow ? Math.max(0, total - 10) : scroll.top;
			return { scroll: { follow: false, top: step.kind === 'first' ? 0 : Math.max(0, Math.min(total - 1, from + stepDelta(step))) } };
		});
	},
	render: props => <BuildBody {...props} />,
};

/** The build form, and what the folder it names holds (read again a moment after the folder changes). */
export interface BuildFormState extends FormScreenState {
	readonly scan?: ContextScan;
}

/** How long the folder must stay the same before it is read (typing a path reads nothing per key). */
const SCAN_AFTER_MS = 150;

const currentScan = (state: BuildFormState) => (state.scan?.key === scanKey(state.form.values) ? state.scan : undefined);
const check = (state: BuildFormState, app: AppServices) => checkBuild(state.form.values, currentScan(state), app.snapshot().images);

/** `b`: the build form, with the last build's values, or the current folder's. With `values` (dockdeck build PATH), it builds as soon as the folder checks out. */
export function openBuildForm(ctx: Pick<ScreenContext<unknown>, 'open' | 'app'>, values?: Readonly<Record<string, string>>): void {
	const start = values ?? buildsOf(ctx.app).lastValues ?? buildDefaults(process.cwd());
	ctx.open(buildFormScreen, {
		form: { kind: 'build', fields: BUILD_FIELDS, values: start, focus: 0, tried: false },
		queued: Boolean(values),
	});
}

function submit(ctx: ScreenContext<BuildFormState>): void {
	const { state, app } = ctx;
	const result = check(state, app);
	submitForm(ctx, result.model, T.work.forms.stillFolder, () => {
		if (!result.request) return;
		buildsOf(app).start(app, result.request, state.form.values);
		ctx.close();
		openBuildView(ctx);
	});
}

function BuildFormBody({ state, width, height, app, ctx }: RenderProps<BuildFormState>) {
	const key = scanKey(state.form.values);
	const { context, dockerfile } = state.form.values;
	useEffect(() => {
		let live = true;
		ctx.update(s => ({ ...s, scan: { key, status: 'scanning' } }));
		const timer = setTimeout(() => {
			scanContext(context || '.', dockerfile || 'Dockerfile').then(
				found => live && ctx.update(s => ({ ...s, scan: { key, status: 'ready', context: found } })),
				(error: unknown) =>
					live &&
					ctx.update(s => ({
						...s,
						scan: {
							key,
							status: 'error',
							field: error instanceof ContextError ? error.field : 'context',
							message: error instanceof Error ? error.message : String(error),
						},
					})),
			);
		}, SCAN_AFTER_MS);
		return () => {
			live = false;
			clearTimeout(timer);
		};
	}, [key]);
	const model = check(state, app).model;
	// Enter pressed while the folder was read (or dockdeck build PATH): it builds now, unless a field needs fixing
	useEffect(() => {
		if (state.queued && !model.waiting) submit(ctx);
	});
	return <FormView form={state.form} model={model} width={width} height={height} />;
}

/** The docker build form: what the folder holds, its Dockerfile's stages and ARGs, before anything is sent. */
export const buildFormScreen: Screen<BuildFormState, 'form'> = {
	name: 'build form',
	layer: 'body',
	scopes: () => ['form'],
	stacks: [['always', 'form']],
	close: 'form.cancel',
	keys: formKeys(submit, true),
	type: typeIntoForm,
	render: props => <BuildFormBody {...props} />,
};
