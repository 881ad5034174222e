import { refusedReadOnly } from './actions/lifecycle.js';
import { useEffect, useRef, useState, useSyncExternalStore, type RefObject } from 'react';
import { BUILD_FIELDS, buildDefaults, checkBuild, fullTag, scanKey, type ContextScan } from './actions/build-form.js';
import type { ActionContext, Notice } from './actions/context.js';
import { runContainer } from './actions/run.js';
import { checkRun, imageArgument, RUN_FIELDS, runDefaults } from './actions/run-form.js';
import { FormView } from './components/form-view.js';
import { ContextError, scanContext } from './copy/context.js';
import { engineMessage } from './docker/errors.js';
import type { ImageDetail, ImageRow } from './model/types.js';
import type { ActionId } from './keymap/keymap.js';
import { BuildView, buildLines, type BuildScroll } from './panels/build-view.js';
import { BuildSession, type BuildRequest } from './store/build-session.js';
import type { FormModel, FormState } from './store/form.js';
import type { Snapshot } from './store/store.js';
import type { UiAction, UiState } from './store/ui.js';
import { T } from './i18n/index.js';

type Handlers = Partial<Record<ActionId, UiAction | (() => void)>>;

interface FormDeps {
	readonly context: ActionContext;
	readonly snapshot: Snapshot;
	readonly uiRef: RefObject<UiState>;
	readonly dispatch: (action: UiAction) => void;
	readonly setNotice: (notice: Notice | undefined) => void;
	readonly perform: (task: (report: (progress: string) => void) => Promise<Notice | undefined>) => void;
	/** `dockdeck build PATH`: the build form's values, sent as soon as the folder is read and valid. */
	readonly initialBuild?: Readonly<Record<string, string>>;
	/** The image selected in the images panel: what r runs. */
	readonly image?: ImageRow;
}

/**
 * The run form (r on an image), the build form (b) and the build view: their state, the keys that
 * drive them, and what they render. The build goes on in the background when the view is left.
 */
export function useForms({ context, snapshot, uiRef, dispatch, setNotice, perform, initialBuild, image }: FormDeps) {
	const [runImage, setRunImage] = useState<{ image: ImageRow; detail?: ImageDetail } | null>(null);
	const [scan, setScan] = useState<ContextScan>();
	const [session, setSession] = useState<BuildSession | null>(null);
	const [scroll, setScroll] = useState<BuildScroll>({ follow: true, top: 0 });
	const lastValues = useRef<Readonly<Record<string, string>> | undefined>(undefined);
	const autoSubmit = useRef(Boolean(initialBuild));
	const seenEnd = useRef(false);
	useSyncExternalStore(session?.subscribe ?? noSubscribe, session?.getVersion ?? zero);

	const ui = uiRef.current;
	const form = ui.form;
	const key = form?.kind === 'build' ? scanKey(form.values) : undefined;
	useEffect(() => {
		if (!key || !form) return;
		let live = true;
		setScan({ key, status: 'scanning' });
		const timer = setTimeout(() => {
			scanContext(form.values.context || '.', form.values.dockerfile || 'Dockerfile').then(
				c => live && setScan({ key, status: 'ready', context: c }),
				(error: unknown) => live && setScan({ key, status: 'error', field: error instanceof ContextError ? error.field : 'context', message: error instanceof Error ? error.message : String(error) }),
			);
		}, 150);
		return () => {
			live = false;
			clearTimeout(timer);
		};
	}, [key]);

	const currentScan = scan?.key === key ? scan : undefined;
	const checked = (f: FormState) =>
		f.kind === 'run'
			? runImage?.detail
				? checkRun(f.values, { image: runImage.image, detail: runImage.detail, containers: snapshot.containers, detachKeys: context.detachKeys.display })
				: runImage
					? { model: { title: T.forms.run.title(imageArgument(runImage.image)), notes: {}, errors: {}, command: 'docker run …', lines: [{ text: T.work.forms.readingConfig, tone: 'muted' as const }], submitLabel: T.work.forms.waitConfig, waiting: T.work.forms.readingConfig } }
					: undefined
			: checkBuild(f.values, currentScan, snapshot.images);
	const model: FormModel | undefined = form ? checked(form)?.model : undefined;

	useEffect(() => {
		if (initialBuild) dispatch({ type: 'formOpen', form: { kind: 'build', fields: BUILD_FIELDS, values: initialBuild, focus: 0, tried: false } });
	}, []);
	// dockdeck build PATH, or Enter pressed while the folder or the image's config was still being
	// read: goes as soon as it is read, unless a field needs fixing
	useEffect(() => {
		if (autoSubmit.current && form && model && !model.waiting) {
			autoSubmit.current = false;
			submit();
		}
	});

	const readOnlyNotice = (verb: string) => setNotice(refusedReadOnly(`docker ${verb}`));

	const openRun = (image?: ImageRow) => {
		if (!image) return setNotice({ text: T.actions.noImage, tone: 'warn' });
		if (context.readOnly) return readOnlyNotice('run');
		const cached = snapshot.details.get(`image:${image.id}`)?.value as ImageDetail | undefined;
		autoSubmit.current = false;
		setRunImage({ image, detail: cached });
		// the form opens at once, so keys typed next go into it even while the config is read
		const placeholder = runDefaults(EMPTY_DETAIL);
		dispatch({ type: 'formOpen', form: { kind: 'run', fields: RUN_FIELDS, values: cached ? runDefaults(cached) : placeholder, focus: 0, tried: false } });
		if (cached) return;
		context.engine.api.inspectImage(image.id).then(
			detail => {
				setRunImage(r => (r?.image.key === image.key ? { image, detail } : r));
				const form = uiRef.current.form;
				if (form?.kind !== 'run') return;
				// what came from the image, in the fields not typed into meanwhile
				const defaults = runDefaults(detail);
				dispatch({ type: 'form', action: { type: 'set', values: Object.fromEntries(Object.entries(defaults).filter(([k]) => form.values[k] === placeholder[k])) } });
			},
			(error: unknown) => {
				dispatch({ type: 'formClose' });
				setNotice({ text: `Cannot read ${imageArgument(image)}: ${engineMessage(error)}`, tone: 'bad' });
			},
		);
	};

	/** b: the build view while a build runs or its end was not seen yet (it ended in the background); else the form. */
	const openBuild = () => {
		if (session && (session.running || !seenEnd.current)) return dispatch({ type: 'view', view: 'build' });
		openForm();
	};
	const openForm = () => {
		if (context.readOnly) return readOnlyNotice('build');
		autoSubmit.current = false;
		dispatch({ type: 'formOpen', form: { kind: 'build', fields: BUILD_FIELDS, values: lastValues.current ?? buildDefaults(process.cwd()), focus: 0, tried: false } });
	};

	const startBuild = (request: BuildRequest, values: Readonly<Record<string, string>>) => {
		lastValues.current = values;
		session?.cancel();
		const next = new BuildSession(context.engine.api, request);
		seenEnd.current = false;
		setSession(next);
		setScroll({ follow: true, top: 0 });
		dispatch({ type: 'formClose' });
		dispatch({ type: 'view', view: 'build' });
		void next.done().then(() => {
			if (next.phase !== 'done' || !next.imageId) {
				if (uiRef.current.view !== 'build') setNotice({ text: next.phase === 'cancelled' ? T.work.forms.buildStopped : T.work.forms.buildFailed, tone: next.phase === 'cancelled' ? 'warn' : 'bad' });
				return;
			}
			const label = request.tag ? fullTag(request.tag) : '';
			const previous = next.previous && next.previous.id !== next.imageId ? next.previous : undefined;
			dispatch({ type: 'lastBuild', build: { imageId: next.imageId, previousLayers: previous?.layers ?? [], previousLabel: previous ? T.work.forms.previous(label, previous.id.replace('sha256:', '').slice(0, 12)) : '' } });
			dispatch({ type: 'selectImage', key: `${next.imageId}#${label}` });
			if (uiRef.current.view !== 'build') setNotice({ text: T.work.forms.built(label || next.imageId.slice(7, 19)), tone: 'good' });
		});
	};

	/** Enter on a form: a field with a problem gets the cursor; otherwise it runs or builds. */
	const submit = () => {
		const f = uiRef.current.form;
		if (!f) return;
		const result = checked(f);
		if (!result) return;
		if (result.model.waiting) {
			autoSubmit.current = true;
			return setNotice({ text: f.kind === 'run' ? T.work.forms.stillConfig : T.work.forms.stillFolder, tone: 'info' });
		}
		const firstError = f.fields.findIndex(field => result.model.errors[field.id]);
		if (firstError >= 0) {
			dispatch({ type: 'form', action: { type: 'tried' } });
			dispatch({ type: 'form', action: { type: 'focus', step: firstError - f.focus } });
			return;
		}
		if (f.kind === 'run' && runImage && 'plan' in result && result.plan) {
			const plan = result.plan;
			dispatch({ type: 'formClose' });
			perform(() => runContainer(context, runImage.image, plan, id => dispatch({ type: 'selectContainer', id })));
		} else if (f.kind === 'build' && 'request' in result) {
			if (!result.request) return;
			startBuild(result.request, f.values);
		}
	};

	const scrollBuild = (delta: number, to?: 'first' | 'last') => {
		if (!session) return;
		if (to === 'last') return setScroll({ follow: true, top: 0 });
		const total = buildLines(session).length;
		setScroll(s => {
			const from = s.follow ? Math.max(0, total - 10) : s.top;
			return { follow: false, top: to === 'first' ? 0 : Math.max(0, Math.min(total - 1, from + delta)) };
		});
	};

	const handlers: Handlers = {
		'image.run': () => openRun(image),
		'build.open': openBuild,
		'build.again': () => (session?.running ? setNotice({ text: T.work.forms.buildRunning, tone: 'warn' }) : openForm()),
		'form.next': { type: 'form', action: { type: 'focus', step: 1 } },
		'form.prev': { type: 'form', action: { type: 'focus', step: -1 } },
		'form.left': { type: 'form', action: { type: 'cycle', step: -1 } },
		'form.right': { type: 'form', action: { type: 'cycle', step: 1 } },
		'form.clear': { type: 'form', action: { type: 'clear' } },
		'form.submit': submit,
		'form.cancel': () => {
			const kind = uiRef.current.form?.kind;
			autoSubmit.current = false;
			dispatch({ type: 'formClose' });
			setNotice({ text: T.work.forms.cancelled(kind === 'build'), tone: 'info' });
		},
		'build.cancel': () => (session?.running ? session.cancel() : setNotice({ text: T.work.forms.noBuild, tone: 'warn' })),
		'build.follow': () => setScroll({ follow: true, top: 0 }),
		'build.close': () => {
			dispatch({ type: 'view', view: 'dashboard' });
			if (session?.running) setNotice({ text: T.work.forms.goesOn, tone: 'info' });
		},
	};

	/** Typing into the focused field of a form. */
	const type = (erase: boolean, text: string) => {
		if (erase) dispatch({ type: 'form', action: { type: 'backspace' } });
		else if (text) dispatch({ type: 'form', action: { type: 'type', text } });
	};

	const render = (width: number, height: number) => {
		const current = uiRef.current;
		if (current.overlay === 'form' && current.form && model) return <FormView form={current.form} model={model} width={width} height={height} />;
		if (current.view === 'build' && session) {
			if (!session.running) seenEnd.current = true;
			return <BuildView session={session} scroll={scroll} width={width} height={height} />;
		}
		return undefined;
	};

	return { handlers, openRun, type, render, scrollBuild, building: session?.running ?? false };
}

/** What the run form assumes until the image's config is read. */
const EMPTY_DETAIL: ImageDetail = { id: '', tags: [], digests: [], cmd: null, entrypoint: null, env: [], workingDir: '', user: '', exposedPorts: [], labels: {}, size: 0, created: 0, architecture: '', os: '', layers: [] };

const noSubscribe = () => () => undefined;
const zero = () => 0;
