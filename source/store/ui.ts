import { clampCursor } from '../components/window.js';
import type { CopyPlan } from '../actions/copy.js';
import { formReducer, type FormAction, type FormState } from './form.js';
import { initialLogsUi, type LogsUi } from './logs-ui.js';

export type PanelId = 'containers' | 'images' | 'layers';
export const PANELS: readonly PanelId[] = ['containers', 'images', 'layers'];

/** What the person is looking at: focus, selection (by row key, so it sticks to the object), filters. */
export interface UiState {
	readonly panel: PanelId;
	readonly selected: Readonly<Record<PanelId, string | undefined>>;
	/** The last cursor index per panel, used when the selected row vanishes. */
	readonly cursor: Readonly<Record<PanelId, number>>;
	readonly filters: Readonly<Record<PanelId, string>>;
	/** `/` was pressed on a panel that had a filter: the first key typed replaces it (as in less and vim). */
	readonly filterFresh: boolean;
	readonly overlay: 'help' | 'filter' | 'prompt' | 'confirm' | 'form' | null;
	readonly confirm: PendingConfirm | null;
	readonly prompt: Prompt | null;
	readonly form: FormState | null;
	readonly view: View;
	readonly logs: LogsUi;
	readonly helpOffset: number;
	readonly detailOffset: number;
	/** The item whose secret values are shown ("containers:<id>" or "images:<id>"); cleared when the selection moves. */
	readonly revealed: string | null;
	/** The layers panel names the other images that share each layer, instead of counting them. */
	readonly layerNames: boolean;
	/** Learn mode (L or --learn): a pane explains the selected item in plain sentences. */
	readonly learn: boolean;
	/** After a build: the new image and the layers the tag's previous image had, for the layers panel. */
	readonly lastBuild: { readonly imageId: string; readonly previousLayers: readonly string[]; readonly previousLabel: string } | null;
}

export type View = 'dashboard' | 'logs' | 'prune' | 'changes' | 'usage' | 'build';

/** A dialog waiting for the user: for which container, what, and the choices so far. */
export interface PendingConfirm {
	readonly kind: 'lifecycle' | 'remove' | 'image-remove' | 'prune' | 'copy';
	/** The container id, or the images panel row key for image-remove. */
	readonly targetId: string;
	readonly name: string;
	readonly verb?: 'stop' | 'restart' | 'pause' | 'kill';
	readonly force: boolean;
	readonly volumes: boolean;
	/** For a copy: what was worked out from the form. */
	readonly copy?: CopyPlan;
}

/** A one-line question: the command to exec, a log search, a file to save to. */
export interface Prompt {
	readonly kind: 'exec' | 'search' | 'save' | 'tag' | 'commit' | 'copy' | 'context';
	readonly label: string;
	readonly value: string;
	/** Why the last value was not accepted, shown after the prompt. */
	readonly error?: string;
	/** For multi-step forms: the step and what earlier steps collected. */
	readonly step?: number;
	readonly form?: Readonly<Record<string, string>>;
	/** What it acts on (a container id, or an images panel row key) and its name, looked up again when accepted. */
	readonly target?: { readonly id: string; readonly name: string };
}

export const initialUi: UiState = {
	panel: 'containers',
	selected: { containers: undefined, images: undefined, layers: undefined },
	cursor: { containers: 0, images: 0, layers: 0 },
	filters: { containers: '', images: '', layers: '' },
	filterFresh: false,
	overlay: null,
	prompt: null,
	confirm: null,
	form: null,
	view: 'dashboard',
	logs: initialLogsUi,
	helpOffset: 0,
	detailOffset: 0,
	revealed: null,
	layerNames: false,
	learn: false,
	lastBuild: null,
};

export type UiAction =
	| { type: 'focus'; panel: PanelId }
	| { type: 'learn' }
	| { type: 'focusStep'; step: 1 | -1 }
	| { type: 'move'; keys: readonly string[]; delta?: number; to?: 'first' | 'last' }
	| { type: 'resetLayers' }
	| { type: 'toggleLayerNames' }
	| { type: 'filterStart' }
	| { type: 'filterType'; text: string }
	| { type: 'filterBackspace' }
	| { type: 'filterEnd'; keep: boolean }
	| { type: 'filterClear' }
	| { type: 'help'; open: boolean }
	| { type: 'confirmOpen'; confirm: PendingConfirm }
	| { type: 'confirmToggle'; toggle: 'force' | 'volumes' }
	| { type: 'confirmClose' }
	| { type: 'promptStart'; prompt: Prompt }
	| { type: 'promptType'; text: string }
	| { type: 'promptBackspace' }
	| { type: 'promptClear' }
	| { type: 'promptEnd' }
	| { type: 'selectImage'; key: string }
	| { type: 'selectContainer'; id: string }
	| { type: 'formOpen'; form: FormState }
	| { type: 'form'; action: FormAction }
	| { type: 'formClose' }
	| { type: 'lastBuild'; build: UiState['lastBuild'] }
	| { type: 'view'; view: View }
	| { type: 'logs'; update: (logs: LogsUi) => LogsUi }
	| { type: 'helpScroll'; delta: number; max: number }
	| { type: 'detailScroll'; delta: number; max: number }
	| { type: 'reveal'; key: string };

/** Where the cursor of a panel is in its (filtered) row keys. */
export function cursorIndex(state: UiState, panel: PanelId, keys: readonly string[]): number {
	const selected = state.selected[panel];
	const at = selected === undefined ? -1 : keys.indexOf(selected);
	return at >= 0 ? at : clampCursor(state.cursor[panel], keys.length);
}

const set = <T,>(record: Readonly<Record<PanelId, T>>, panel: PanelId, value: T) => ({ ...record, [panel]: value });

/** The UI reducer: every key press becomes one of these actions. */
export function uiReducer(state: UiState, action: UiAction): UiState {
	switch (action.type) {
		case 'focus':
			return { ...state, panel: action.panel, detailOffset: 0, revealed: null };
		case 'focusStep': {
			const next = PANELS[(PANELS.indexOf(state.panel) + action.step + PANELS.length) % PANELS.length]!;
			return { ...state, panel: next, detailOffset: 0, revealed: null };
		}
		case 'reveal':
			return { ...state, revealed: state.revealed === action.key ? null : action.key };
		case 'move': {
			const { keys } = action;
			if (keys.length === 0) return state;
			const from = cursorIndex(state, state.panel, keys);
			const to = action.to === 'first' ? 0 : action.to === 'last' ? keys.length - 1 : clampCursor(from + (action.delta ?? 0), keys.length);
			if (to === from && state.selected[state.panel] === keys[to]) return state;
			return { ...state, selected: set(state.selected, state.panel, keys[to]), cursor: set(state.cursor, state.panel, to), detailOffset: 0, revealed: null };
		}
		case 'learn':
			return { ...state, learn: !state.learn, detailOffset: 0 };
		case 'toggleLayerNames':
			return { ...state, layerNames: !state.layerNames };
		case 'resetLayers':
			return { ...state, selected: set(state.selected, 'layers', undefined), cursor: set(state.cursor, 'layers', 0) };
		case 'filterStart':
			return { ...state, overlay: 'filter', filterFresh: state.filters[state.panel] !== '' };
		case 'filterType':
			return { ...state, filterFresh: false, filters: set(state.filters, state.panel, (state.filterFresh ? '' : state.filters[state.panel]) + action.text) };
		case 'filterBackspace':
			return { ...state, filterFresh: false, filters: set(state.filters, state.panel, state.filterFresh ? '' : [...state.filters[state.panel]].slice(0, -1).join('')) };
		case 'filterEnd':
			return { ...state, overlay: null, filterFresh: false, filters: action.keep ? state.filters : set(state.filters, state.panel, '') };
		case 'filterClear':
			return state.filters[state.panel] ? { ...state, filters: set(state.filters, state.panel, '') } : state;
		case 'confirmOpen':
			return { ...state, overlay: 'confirm', confirm: action.confirm };
		case 'confirmToggle':
			return state.confirm ? { ...state, confirm: { ...state.confirm, [action.toggle]: !state.confirm[action.toggle] } } : state;
		case 'confirmClose':
			return { ...state, overlay: null, confirm: null };
		case 'promptStart':
			return { ...state, overlay: 'prompt', prompt: action.prompt };
		case 'promptType':
			return state.prompt ? { ...state, prompt: { ...state.prompt, value: state.prompt.value + action.text, error: undefined } } : state;
		case 'promptBackspace':
			return state.prompt ? { ...state, prompt: { ...state.prompt, value: [...state.prompt.value].slice(0, -1).join(''), error: undefined } } : state;
		case 'promptClear':
			return state.prompt ? { ...state, prompt: { ...state.prompt, value: '', error: undefined } } : state;
		case 'selectImage':
			return { ...state, panel: 'images', selected: set(state.selected, 'images', action.key), filters: set(state.filters, 'images', ''), detailOffset: 0 };
		case 'selectContainer':
			return { ...state, panel: 'containers', selected: set(state.selected, 'containers', action.id), filters: set(state.filters, 'containers', ''), detailOffset: 0 };
		case 'formOpen':
			return { ...state, overlay: 'form', form: action.form, prompt: null };
		case 'form': {
			if (!state.form) return state;
			const form = formReducer(state.form, action.action);
			return form === state.form ? state : { ...state, form };
		}
		case 'formClose':
			return { ...state, overlay: null, form: null };
		case 'lastBuild':
			return { ...state, lastBuild: action.build };
		case 'promptEnd':
			return { ...state, overlay: null, prompt: null };
		case 'view':
			return { ...state, view: action.view, logs: initialLogsUi, overlay: null, prompt: null };
		case 'logs': {
			const logs = action.update(state.logs);
			return logs === state.logs ? state : { ...state, logs };
		}
		case 'help':
			return { ...state, overlay: action.open ? 'help' : null, helpOffset: 0 };
		case 'helpScroll':
			return { ...state, helpOffset: Math.max(0, Math.min(action.max, state.helpOffset + action.delta)) };
		case 'detailScroll':
			return { ...state, detailOffset: Math.max(0, Math.min(action.max, state.detailOffset + action.delta)) };
	}
}

/** Case-insensitive match of a filter against any of a row's texts. */
export function matchesFilter(filter: string, texts: readonly string[]): boolean {
	if (!filter) return true;
	const needle = filter.toLowerCase();
	return texts.some(t => t.toLowerCase().includes(needle));
}
