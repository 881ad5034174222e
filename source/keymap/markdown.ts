import { displayKey, KEYMAP, type Binding, type Scope } from './keymap.js';

const SCOPE_NAMES: Record<Scope, string> = {
	always: 'always',
	views: 'dashboard and views',
	global: 'dashboard',
	list: 'any list',
	panels: 'any panel',
	containers: 'containers',
	images: 'images',
	layers: 'layers',
	filter: 'typing a filter',
	prompt: 'at a prompt',
	confirm: 'in a dialog',
	logs: 'logs view',
	prune: 'prune view',
	changes: 'changes view',
	usage: 'disk usage view',
	events: 'events view',
	form: 'in a form',
	build: 'build view',
	help: 'key help',
};

/** The scope's name as the help overlay and README show it. */
export function scopeName(scope: Scope): string {
	return SCOPE_NAMES[scope];
}

/** The keys of a binding, for display: "↑ / k". */
export function keysText(binding: Binding): string {
	return binding.keys.map(displayKey).join(' / ');
}

/** The README's key table, generated from the key map (a test keeps the README in step). */
export function keyTableMarkdown(keymap: readonly Binding[] = KEYMAP): string {
	const rows = keymap.map(
		b =>
			`| ${keysText(b).replaceAll('|', '\\|')} | ${scopeName(b.scope)} | ${b.description}${b.dangerous || b.asks ? ' (asks first)' : ''}${b.writes ? ' (off with --read-only)' : ''} |`,
	);
	return ['| Key | Where | What it does |', '| --- | --- | --- |', ...rows].join('\n');
}
