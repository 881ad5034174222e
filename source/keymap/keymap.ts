/** Where a binding works: always (even in overlays), in the dashboard, in any list panel, in one panel, or in an overlay. */
export type Scope = 'always' | 'global' | 'list' | 'containers' | 'images' | 'layers' | 'filter' | 'help';

export type ActionId =
	| 'app.quit' | 'app.interrupt' | 'help.toggle' | 'help.close'
	| 'focus.next' | 'focus.prev' | 'focus.containers' | 'focus.images' | 'focus.layers'
	| 'cursor.up' | 'cursor.down' | 'cursor.pageUp' | 'cursor.pageDown' | 'cursor.first' | 'cursor.last'
	| 'detail.scrollUp' | 'detail.scrollDown'
	| 'filter.start' | 'filter.clear' | 'filter.accept' | 'filter.cancel';

/** One row of the key table: the single source for the dispatcher, the help overlay, the footer and the README. */
export interface Binding {
	readonly id: ActionId;
	readonly scope: Scope;
	/** Canonical key names, see keyName(): "j", "G", "up", "pagedown", "shift+tab", "ctrl+c". */
	readonly keys: readonly string[];
	readonly description: string;
	/** A short label for the footer; bindings without one stay out of it. */
	readonly hint?: string;
	/** How the footer shows the keys, when the first key alone would not say it (e.g. "↑↓"). */
	readonly hintKeys?: string;
	/** Changes or removes something on the engine: asks first and is refused under --read-only. */
	readonly dangerous?: boolean;
}

/** The key table. Order is the order of the help overlay and the README. */
export const KEYMAP: readonly Binding[] = [
	{ id: 'focus.next', scope: 'global', keys: ['tab'], description: 'Focus the next panel', hint: 'panel' },
	{ id: 'focus.prev', scope: 'global', keys: ['shift+tab'], description: 'Focus the previous panel' },
	{ id: 'focus.containers', scope: 'global', keys: ['1'], description: 'Focus the containers panel' },
	{ id: 'focus.images', scope: 'global', keys: ['2'], description: 'Focus the images panel' },
	{ id: 'focus.layers', scope: 'global', keys: ['3'], description: 'Focus the layers panel' },
	{ id: 'cursor.up', scope: 'list', keys: ['up', 'k'], description: 'Move up', hint: 'move', hintKeys: '↑↓/jk' },
	{ id: 'cursor.down', scope: 'list', keys: ['down', 'j'], description: 'Move down' },
	{ id: 'cursor.pageUp', scope: 'list', keys: ['pageup'], description: 'Move up one page' },
	{ id: 'cursor.pageDown', scope: 'list', keys: ['pagedown'], description: 'Move down one page' },
	{ id: 'cursor.first', scope: 'list', keys: ['g', 'home'], description: 'Jump to the first row' },
	{ id: 'cursor.last', scope: 'list', keys: ['G', 'end'], description: 'Jump to the last row' },
	{ id: 'detail.scrollUp', scope: 'global', keys: ['['], description: 'Scroll the detail pane up' },
	{ id: 'detail.scrollDown', scope: 'global', keys: [']'], description: 'Scroll the detail pane down', hint: 'detail' },
	{ id: 'filter.start', scope: 'list', keys: ['/'], description: 'Filter the focused panel by text', hint: 'filter' },
	{ id: 'filter.clear', scope: 'list', keys: ['escape'], description: 'Clear the filter of the focused panel' },
	{ id: 'filter.accept', scope: 'filter', keys: ['return'], description: 'Keep the filter and go back to the list' },
	{ id: 'filter.cancel', scope: 'filter', keys: ['escape'], description: 'Drop the filter and go back to the list' },
	{ id: 'help.toggle', scope: 'global', keys: ['?'], description: 'Show all keys', hint: 'help' },
	{ id: 'help.close', scope: 'help', keys: ['escape', '?', 'q'], description: 'Close the key help' },
	{ id: 'app.quit', scope: 'global', keys: ['q'], description: 'Quit and restore the terminal', hint: 'quit' },
	{ id: 'app.interrupt', scope: 'always', keys: ['ctrl+c'], description: 'Quit from anywhere, even while typing' },
];

/** Display form of a key name: "shift+tab" -> "Shift-Tab", "ctrl+c" -> "Ctrl-C", "G" -> "G". */
export function displayKey(name: string): string {
	const special: Record<string, string> = {
		up: '↑', down: '↓', left: '←', right: '→', pageup: 'PgUp', pagedown: 'PgDn', home: 'Home', end: 'End',
		escape: 'Esc', return: 'Enter', tab: 'Tab', backspace: 'Backspace', delete: 'Delete', space: 'Space',
	};
	return name
		.split('+')
		.map((part, i, all) => (i < all.length - 1 ? part[0]!.toUpperCase() + part.slice(1) : (special[part] ?? (part.length === 1 ? part : part.toUpperCase()))))
		.join('-');
}

/** The scopes in force, most specific first: an overlay shadows the rest. */
export function activeScopes(state: { overlay: 'help' | 'filter' | null; panel: 'containers' | 'images' | 'layers' }): Scope[] {
	if (state.overlay === 'help') return ['always', 'help'];
	if (state.overlay === 'filter') return ['always', 'filter'];
	return ['always', state.panel, 'list', 'global'];
}

/** Finds the binding for a key in the given scopes, first scope first. */
export function lookup(key: string, scopes: readonly Scope[], keymap: readonly Binding[] = KEYMAP): Binding | undefined {
	for (const scope of scopes) {
		const binding = keymap.find(b => b.scope === scope && b.keys.includes(key));
		if (binding) return binding;
	}
	return undefined;
}
