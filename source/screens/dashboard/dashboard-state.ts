import { clampCursor } from '../../components/window.js';

export type PanelId = 'containers' | 'images' | 'layers';
export const PANELS: readonly PanelId[] = ['containers', 'images', 'layers'];

/** What the person is looking at on the dashboard: focus, selection (by row key, so it sticks to the object), filters. */
export interface DashboardState {
	readonly panel: PanelId;
	readonly selected: Readonly<Record<PanelId, string | undefined>>;
	/** The last cursor index per panel, used when the selected row vanishes. */
	readonly cursor: Readonly<Record<PanelId, number>>;
	readonly filters: Readonly<Record<PanelId, string>>;
	/** The focused panel's filter is being typed (the filter screen is open). */
	readonly editing: boolean;
	/** `/` was pressed on a panel that had a filter: the first key typed replaces it (as in less and vim). */
	readonly filterFresh: boolean;
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

export const initialDashboard: DashboardState = {
	panel: 'containers',
	selected: { containers: undefined, images: undefined, layers: undefined },
	cursor: { containers: 0, images: 0, layers: 0 },
	filters: { containers: '', images: '', layers: '' },
	editing: false,
	filterFresh: false,
	detailOffset: 0,
	revealed: null,
	layerNames: false,
	learn: false,
	lastBuild: null,
};

export type DashboardAction =
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
	| { type: 'selectImage'; key: string }
	| { type: 'selectContainer'; id: string }
	| { type: 'lastBuild'; build: DashboardState['lastBuild'] }
	| { type: 'detailScroll'; delta: number; max: number }
	| { type: 'reveal'; key: string };

/** Where the cursor of a panel is in its (filtered) row keys. */
export function cursorIndex(state: DashboardState, panel: PanelId, keys: readonly string[]): number {
	const selected = state.selected[panel];
	const at = selected === undefined ? -1 : keys.indexOf(selected);
	return at >= 0 ? at : clampCursor(state.cursor[panel], keys.length);
}

const set = <T>(record: Readonly<Record<PanelId, T>>, panel: PanelId, value: T) => ({ ...record, [panel]: value });

/** What a key does to the dashboard; the same state when nothing changed. */
export function dashboardReducer(state: DashboardState, action: DashboardAction): DashboardState {
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
			return {
				...state,
				selected: set(state.selected, state.panel, keys[to]),
				cursor: set(state.cursor, state.panel, to),
				detailOffset: 0,
				revealed: null,
			};
		}
		case 'learn':
			return { ...state, learn: !state.learn, detailOffset: 0 };
		case 'toggleLayerNames':
			return { ...state, layerNames: !state.layerNames };
		case 'resetLayers':
			return state.selected.layers === undefined && state.cursor.layers === 0
				? state
				: { ...state, selected: set(state.selected, 'layers', undefined), cursor: set(state.cursor, 'layers', 0) };
		case 'filterStart':
			return { ...state, editing: true, filterFresh: state.filters[state.panel] !== '' };
		case 'filterType':
			return {
				...state,
				filterFresh: false,
				filters: set(state.filters, state.panel, (state.filterFresh ? '' : state.filters[state.panel]) + action.text),
			};
		case 'filterBackspace':
			return {
				...state,
				filterFresh: false,
				filters: set(state.filters, state.panel, state.filterFresh ? '' : [...state.filters[state.panel]].slice(0, -1).join('')),
			};
		case 'filterEnd':
			return { ...state, editing: false, filterFresh: false, filters: action.keep ? state.filters : set(state.filters, state.panel, '') };
		case 'filterClear':
			return state.filters[state.panel] ? { ...state, filters: set(state.filters, state.panel, '') } : state;
		case 'selectImage':
			return {
				...state,
				panel: 'images',
				selected: set(state.selected, 'images', action.key),
				filters: set(state.filters, 'images', ''),
				detailOffset: 0,
			};
		case 'selectContainer':
			return {
				...state,
				panel: 'containers',
				selected: set(state.selected, 'containers', action.id),
				filters: set(state.filters, 'containers', ''),
				detailOffset: 0,
			};
		case 'lastBuild':
			return { ...state, lastBuild: action.build };
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
