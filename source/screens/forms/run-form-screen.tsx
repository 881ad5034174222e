import { useEffect } from 'react';
import { runContainer } from '../../actions/run.js';
import { engineMessage } from '../../docker/errors.js';
import type { FormModel } from '../../forms/form.js';
import { checkRun, imageArgument, RUN_FIELDS, runDefaults, type RunPlan } from '../../forms/run-form.js';
import { T } from '../../i18n/index.js';
import type { ImageDetail, ImageRow } from '../../model/types.js';
import { dashboardReducer } from '../dashboard/dashboard-state.js';
import type { AppServices, RenderProps, Screen, ScreenContext } from '../screen.js';
import { formKeys, submitForm, typeIntoForm, type FormScreenState } from './form-keys.js';
import { FormView } from './form-view.js';

/** The run form: the image it runs, and its config once read (the form opens before that, to take keys at once). */
export interface RunFormState extends FormScreenState {
	readonly image: ImageRow;
	readonly detail?: ImageDetail;
}

/** What the run form assumes until the image's config is read. */
const EMPTY_DETAIL: ImageDetail = {
	id: '',
	tags: [],
	digests: [],
	cmd: null,
	entrypoint: null,
	env: [],
	workingDir: '',
	user: '',
	exposedPorts: [],
	labels: {},
	size: 0,
	created: 0,
	architecture: '',
	os: '',
	layers: [],
};

/** The form as it stands: checked against the image and the engine, or waiting for the image's config. */
function check(state: RunFormState, app: AppServices): { plan?: RunPlan; model: FormModel } {
	if (state.detail)
		return checkRun(state.form.values, {
			image: state.image,
			detail: state.detail,
			containers: app.snapshot().containers,
			detachKeys: app.detachKeys.display,
		});
	const W = T.work.forms;
	return {
		model: {
			title: T.forms.run.title(imageArgument(state.image)),
			notes: {},
			errors: {},
			command: 'docker run …',
			lines: [{ text: W.readingConfig, tone: 'muted' }],
			submitLabel: W.waitConfig,
			waiting: W.readingConfig,
		},
	};
}

/** `r` on an image: the docker run form, filled from the image's config. */
export function openRunForm(ctx: Pick<ScreenContext<unknown>, 'open' | 'app'>, image: ImageRow): void {
	const cached = ctx.app.snapshot().details.get(`image:${image.id}`)?.value as ImageDetail | undefined;
	const placeholder = runDefaults(EMPTY_DETAIL);
	const form = { kind: 'run' as const, fields: RUN_FIELDS, values: cached ? runDefaults(cached) : placeholder, focus: 0, tried: false };
	const opened = ctx.open(runFormScreen, { form, queued: false, image, ...(cached ? { detail: cached } : {}) });
	if (cached) return;
	ctx.app.engine.api.inspectImage(image.id).then(
		detail => {
			// what came from the image, in the fields not typed into meanwhile
			const defaults = runDefaults(detail);
			opened.update(s => ({
				...s,
				detail,
				form: {
					...s.form,
					values: {
						...s.form.values,
						...Object.fromEntries(Object.entries(defaults).filter(([k]) => s.form.values[k] === placeholder[k])),
					},
				},
			}));
		},
		(error: unknown) => {
			opened.close();
			ctx.app.notice({ text: T.work.forms.cannotRead(imageArgument(image), engineMessage(error)), tone: 'bad' });
		},
	);
}

function submit(ctx: ScreenContext<RunFormState>): void {
	const { state, app } = ctx;
	const result = check(state, app);
	submitForm(ctx, result.model, T.work.forms.stillConfig, () => {
		const { plan } = result;
		if (!plan) return;
		ctx.close();
		app.perform(() =>
			runContainer(app.action, state.image, plan, id => app.dashboard.update(s => dashboardReducer(s, { type: 'selectContainer', id }))),
		);
	});
}

function RunFormBody({ state, width, height, app, ctx }: RenderProps<RunFormState>) {
	const model = check(state, app).model;
	// Enter pressed while the config was read: it runs now
	useEffect(() => {
		if (state.queued && !model.waiting) submit(ctx);
	});
	return <FormView form={state.form} model={model} width={width} height={height} />;
}

/** The docker run form: every problem flagged on its field before anything is created. */
export const runFormScreen: Screen<RunFormState, 'form'> = {
	name: 'run form',
	layer: 'body',
	scopes: () => ['form'],
	stacks: [['always', 'form']],
	close: 'form.cancel',
	keys: formKeys(submit, false),
	type: typeIntoForm,
	render: props => <RunFormBody {...props} />,
};
