/**
 * Where a binding works: always (even while typing), in the dashboard and the logs view ('views'),
 * in the dashboard ('global'), in any list, in one panel or view, or in an overlay.
 */
export type Scope =
	| 'always'
	| 'views'
	| 'global'
	| 'list'
	| 'panels'
	| 'containers'
	| 'images'
	| 'layers'
	| 'filter'
	| 'prompt'
	| 'confirm'
	| 'form'
	| 'logs'
	| 'prune'
	| 'changes'
	| 'usage'
	| 'build'
	| 'events'
	| 'help';

/** One row of the key table as written: the single source for the dispatcher, the help overlay, the footer and the README. */
interface BindingRow {
	readonly id: string;
	readonly scope: Scope;
	/** Canonical key names, see keyName(): "j", "G", "up", "pagedown", "shift+tab", "ctrl+c". */
	readonly keys: readonly string[];
	readonly description: string;
	/** A short label for the footer; bindings without one stay out of it. */
	readonly hint?: string;
	/** How the footer shows the keys, when the first key alone would not say it (e.g. "↑↓"). */
	readonly hintKeys?: string;
	/** Removes something: asks first. */
	readonly dangerous?: boolean;
	/** Interrupts running processes: asks first. */
	readonly asks?: boolean;
	/**
	 * Changes the engine or a container: the docker command it amounts to. Under --read-only the
	 * dispatcher refuses it before its handler runs, saying so with this command.
	 */
	readonly writes?: string;
}

/** The key table as written: its literal types give the action ids and each scope's ids. */
const KEY_TABLE = [
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
	{
		id: 'container.attach',
		scope: 'containers',
		keys: ['a'],
		description: 'Attach to the main process (docker attach); detach keys leave it running',
		hint: 'attach',
	},
	{
		id: 'container.startAttach',
		scope: 'containers',
		keys: ['A'],
		description: 'Start a stopped container and attach (docker start -ai)',
		writes: 'docker start -ai',
	},
	{
		id: 'container.exec',
		scope: 'containers',
		keys: ['e'],
		description: 'Run a shell or a command in it (docker exec -it)',
		hint: 'exec',
		writes: 'docker exec',
	},
	{ id: 'container.logs', scope: 'containers', keys: ['l'], description: 'Follow its logs (docker logs -f)', hint: 'logs' },
	{
		id: 'container.start',
		scope: 'containers',
		keys: ['S'],
		description: 'Start a stopped container (docker start)',
		writes: 'docker start',
	},
	{
		id: 'container.stop',
		scope: 'containers',
		keys: ['s'],
		description: 'Stop it: SIGTERM, then SIGKILL after the timeout (docker stop)',
		hint: 'stop',
		writes: 'docker stop',
		asks: true,
	},
	{
		id: 'container.restart',
		scope: 'containers',
		keys: ['r'],
		description: 'Restart it (docker restart)',
		writes: 'docker restart',
		asks: true,
	},
	{
		id: 'container.pause',
		scope: 'containers',
		keys: ['P'],
		description: 'Pause it, or unpause a paused one (docker pause / unpause)',
		writes: 'docker pause',
		asks: true,
	},
	{
		id: 'container.kill',
		scope: 'containers',
		keys: ['K'],
		description: 'Kill its main process with SIGKILL (docker kill)',
		writes: 'docker kill',
		asks: true,
	},
	{
		id: 'container.remove',
		scope: 'containers',
		keys: ['d'],
		description: 'Remove it, with a force and a volumes choice (docker rm)',
		hint: 'rm',
		writes: 'docker rm',
		dangerous: true,
	},
	{
		id: 'container.commit',
		scope: 'containers',
		keys: ['C'],
		description: 'Save its writable layer as a new image (docker commit)',
		writes: 'docker commit',
	},
	{
		id: 'container.copy',
		scope: 'containers',
		keys: ['c'],
		description: 'Copy files out of it or into it, safely (docker cp)',
		hint: 'cp',
		writes: 'docker cp',
	},
	{
		id: 'container.changes',
		scope: 'containers',
		keys: ['D'],
		description: 'What it added, changed and deleted on top of its image (docker diff)',
		hint: 'diff',
	},
	{
		id: 'image.remove',
		scope: 'images',
		keys: ['d'],
		description: 'Remove the image, or just this tag when it has others (docker rmi)',
		hint: 'rmi',
		writes: 'docker rmi',
		dangerous: true,
	},
	{
		id: 'image.tag',
		scope: 'images',
		keys: ['t'],
		description: 'Give the image another name (docker tag)',
		hint: 'tag',
		writes: 'docker tag',
	},
	{
		id: 'image.run',
		scope: 'images',
		keys: ['r'],
		description: 'Run a container from it: name, detached or attached, -it, env, ports, command, --rm, restart (docker run)',
		hint: 'run',
		writes: 'docker run',
	},
	{
		id: 'build.open',
		scope: 'global',
		keys: ['b'],
		description: 'Build an image from a folder and watch each step: cached or run, its output (docker build); shows a build still running',
		hint: 'build',
		writes: 'docker build',
	},
	{
		id: 'layers.names',
		scope: 'layers',
		keys: ['o'],
		description: 'Name the other images that share each layer, or count them',
		hint: 'shared by',
	},
	{
		id: 'prune.open',
		scope: 'global',
		keys: ['p'],
		description: 'Prune: preview stopped containers, unused images and build cache, untick, then remove',
		hint: 'prune',
	},
	{
		id: 'context.switch',
		scope: 'global',
		keys: [':'],
		description: 'Switch to another docker context for this session (as docker context use, without changing the default)',
	},
	{
		id: 'learn.toggle',
		scope: 'global',
		keys: ['L'],
		description:
			'Learn mode: explain the selected container, image or layer in plain words, with its real values and the docker commands of its keys',
		hint: 'learn',
	},
	{
		id: 'usage.open',
		scope: 'global',
		keys: ['u'],
		description: 'Disk usage: images, containers, volumes, build cache (docker system df)',
		hint: 'disk',
	},
	{
		id: 'events.open',
		scope: 'global',
		keys: ['E'],
		description:
			'Engine events as they come (docker events), each marked: it changes what dockdeck shows, or it is a read that costs nothing',
		hint: 'events',
	},
	{ id: 'usage.prune', scope: 'usage', keys: ['p'], description: 'Open the prune preview from the disk usage view', hint: 'prune' },
	{ id: 'usage.reload', scope: 'usage', keys: ['R'], description: 'Read disk usage again', hint: 'reload' },
	{ id: 'usage.close', scope: 'usage', keys: ['escape', 'q'], description: 'Close the disk usage view', hint: 'back' },
	{
		id: 'events.pause',
		scope: 'events',
		keys: ['space'],
		description: 'Stop following new events, or follow them again',
		hint: 'pause',
		hintKeys: 'Space',
	},
	{ id: 'events.close', scope: 'events', keys: ['escape', 'q'], description: 'Close the events view', hint: 'back' },
	{ id: 'prune.toggle', scope: 'prune', keys: ['space'], description: 'Tick or untick the selected item', hint: 'tick', hintKeys: 'Space' },
	{ id: 'prune.toggleGroup', scope: 'prune', keys: ['x'], description: 'Tick or untick its whole group', hint: 'group' },
	{
		id: 'prune.run',
		scope: 'prune',
		keys: ['return'],
		description: 'Remove the ticked items',
		hint: 'remove',
		hintKeys: 'Enter',
		writes: 'docker rm / docker rmi',
		dangerous: true,
	},
	{ id: 'prune.reload', scope: 'prune', keys: ['R'], description: 'Read the preview again', hint: 'reload' },
	{ id: 'prune.close', scope: 'prune', keys: ['escape', 'q'], description: 'Close the prune view', hint: 'back' },
	{ id: 'changes.reload', scope: 'changes', keys: ['R'], description: 'Read its changes again', hint: 'reload' },
	{ id: 'changes.close', scope: 'changes', keys: ['escape', 'q'], description: 'Close the changes view', hint: 'back' },
	{ id: 'build.cancel', scope: 'build', keys: ['x'], description: 'Stop the running build: nothing gets tagged', hint: 'stop' },
	{ id: 'build.follow', scope: 'build', keys: ['f'], description: 'Follow the newest output again after scrolling up', hint: 'follow' },
	{ id: 'build.again', scope: 'build', keys: ['b'], description: 'Open the build form again, with the last values', hint: 'again' },
	{
		id: 'build.close',
		scope: 'build',
		keys: ['escape', 'q'],
		description: 'Back to the dashboard; a running build goes on and b shows it again',
		hint: 'back',
	},
	{ id: 'form.next', scope: 'form', keys: ['tab', 'down'], description: 'Go to the next field of a form' },
	{ id: 'form.prev', scope: 'form', keys: ['shift+tab', 'up'], description: 'Go to the previous field' },
	{ id: 'form.left', scope: 'form', keys: ['left'], description: 'Previous choice of a choice field (Space steps forward)' },
	{ id: 'form.right', scope: 'form', keys: ['right'], description: 'Next choice of a choice field, or flip a switch' },
	{
		id: 'form.submit',
		scope: 'form',
		keys: ['return'],
		description: 'Run or build what the form says; a field with a problem is shown first',
	},
	{ id: 'form.clear', scope: 'form', keys: ['ctrl+u'], description: 'Clear the field' },
	{ id: 'form.cancel', scope: 'form', keys: ['escape'], description: 'Close the form: nothing is created' },
	{ id: 'confirm.accept', scope: 'confirm', keys: ['return', 'y'], description: 'Do what the dialog says' },
	{ id: 'confirm.cancel', scope: 'confirm', keys: ['escape', 'n', 'q'], description: 'Cancel: nothing changes' },
	{ id: 'confirm.force', scope: 'confirm', keys: ['f'], description: 'Turn force on or off, where the dialog offers it' },
	{ id: 'confirm.volumes', scope: 'confirm', keys: ['v'], description: 'Turn removing anonymous volumes on or off, where offered' },
	{
		id: 'detail.reveal',
		scope: 'panels',
		keys: ['v'],
		description: 'Show or hide the secret values (passwords, tokens, keys, URL passwords) of the selected container or image',
		hint: 'secrets',
	},
	{ id: 'detail.scrollUp', scope: 'global', keys: ['['], description: 'Scroll the detail pane up' },
	{ id: 'detail.scrollDown', scope: 'global', keys: [']'], description: 'Scroll the detail pane down', hint: 'detail' },
	{ id: 'filter.start', scope: 'panels', keys: ['/'], description: 'Filter the focused panel by text', hint: 'filter' },
	{ id: 'filter.clear', scope: 'panels', keys: ['escape'], description: 'Clear the filter of the focused panel' },
	{ id: 'filter.accept', scope: 'filter', keys: ['return'], description: 'Keep the filter and go back to the list' },
	{ id: 'filter.cancel', scope: 'filter', keys: ['escape'], description: 'Drop the filter and go back to the list' },
	{ id: 'prompt.accept', scope: 'prompt', keys: ['return'], description: 'Accept what was typed at a prompt' },
	{ id: 'prompt.cancel', scope: 'prompt', keys: ['escape'], description: 'Cancel the prompt' },
	{ id: 'prompt.clear', scope: 'prompt', keys: ['ctrl+u'], description: 'Clear what was typed at a prompt' },
	{ id: 'logs.close', scope: 'logs', keys: ['escape', 'q'], description: 'Close the logs and go back (the stream stops)', hint: 'back' },
	{ id: 'logs.follow', scope: 'logs', keys: ['f'], description: 'Follow new lines again after scrolling up', hint: 'follow' },
	{ id: 'logs.timestamps', scope: 'logs', keys: ['t'], description: 'Show or hide timestamps', hint: 'time' },
	{ id: 'logs.wrap', scope: 'logs', keys: ['w'], description: 'Wrap long lines, or cut them and scroll sideways', hint: 'wrap' },
	{ id: 'logs.search', scope: 'logs', keys: ['/'], description: 'Search the loaded lines; matches are highlighted', hint: 'search' },
	{ id: 'logs.older', scope: 'logs', keys: ['n'], description: 'Go to the next match above (older)', hint: 'match', hintKeys: 'n/N' },
	{ id: 'logs.newer', scope: 'logs', keys: ['N'], description: 'Go to the next match below (newer)' },
	{ id: 'logs.save', scope: 'logs', keys: ['s'], description: 'Save the loaded lines to a file', hint: 'save' },
	{ id: 'logs.left', scope: 'logs', keys: ['left'], description: 'Scroll cut lines left' },
	{ id: 'logs.right', scope: 'logs', keys: ['right'], description: 'Scroll cut lines right' },
	{ id: 'help.toggle', scope: 'views', keys: ['?'], description: 'Show all keys', hint: 'help' },
	{ id: 'help.close', scope: 'help', keys: ['escape', '?', 'q'], description: 'Close the key help' },
	{ id: 'app.quit', scope: 'views', keys: ['q'], description: 'Quit and restore the terminal', hint: 'quit' },
	{ id: 'app.interrupt', scope: 'always', keys: ['ctrl+c'], description: 'Quit from anywhere, even while typing' },
	{
		id: 'app.suspend',
		scope: 'always',
		keys: ['ctrl+z'],
		description: 'Suspend to the shell, as vim and less do; fg brings the dashboard back',
	},
] as const satisfies readonly BindingRow[];

/** Every action of the key table, by id. */
export type ActionId = (typeof KEY_TABLE)[number]['id'];

/** The actions bound in a scope (or scopes): a screen's handlers are a record over exactly these. */
export type IdsOf<S extends Scope> = Extract<(typeof KEY_TABLE)[number], { readonly scope: S }>['id'];

/** A row of the key table in force (the user's remapping changes only its keys). */
export interface Binding extends BindingRow {
	readonly id: ActionId;
}

/** The key table. Order is the order of the help overlay and the README. */
export const KEYMAP: readonly Binding[] = KEY_TABLE;

/** Display form of a key name: "shift+tab" -> "Shift-Tab", "ctrl+c" -> "Ctrl-C", "G" -> "G". */
export function displayKey(name: string): string {
	const special: Record<string, string> = {
		up: '↑',
		down: '↓',
		left: '←',
		right: '→',
		pageup: 'PgUp',
		pagedown: 'PgDn',
		home: 'Home',
		end: 'End',
		escape: 'Esc',
		return: 'Enter',
		tab: 'Tab',
		backspace: 'Backspace',
		delete: 'Delete',
		space: 'Space',
	};
	return name
		.split('+')
		.map((part, i, all) =>
			i < all.length - 1 ? part[0]!.toUpperCase() + part.slice(1) : (special[part] ?? (part.length === 1 ? part : part.toUpperCase())),
		)
		.join('-');
}

let active: readonly Binding[] = KEYMAP;

/** The key table in force: KEYMAP with the user's remapping (config.json "keys") applied. */
export function activeKeymap(): readonly Binding[] {
	return active;
}

/** Puts a key table in force; done once at start, before the screen is drawn. */
export function setActiveKeymap(keymap: readonly Binding[]): void {
	active = keymap;
}

/**
 * Keys that do two things where both are in force: "x is bound to both A and B". A more specific
 * scope may shadow a wider one on purpose (Esc closes a view before it clears a filter); the same
 * scope twice, or a key that makes another binding unreachable, is a conflict.
 */
export function keyConflicts(
	keymap: readonly Binding[],
	stacks: readonly (readonly Scope[])[],
	say: (key: string, a: string, b: string) => string = (key, a, b) => `${key} is bound to both ${a} and ${b}`,
): string[] {
	const found = new Set<string>();
	for (const scopes of stacks) {
		const seen = new Map<string, Binding>();
		for (const binding of keymap.filter(b => scopes.includes(b.scope))) {
			for (const key of binding.keys) {
				const earlier = seen.get(key);
				if (earlier && earlier.scope === binding.scope && earlier.id !== binding.id)
					found.add(say(displayKey(key), earlier.id, binding.id));
				if (!earlier) seen.set(key, binding);
			}
		}
	}
	for (const binding of keymap) {
		const stack = stacks.find(scopes => scopes.includes(binding.scope));
		if (stack && !binding.keys.some(k => lookup(k, stack, keymap)?.id === binding.id)) {
			const takenBy = lookup(binding.keys[0]!, stack, keymap);
			found.add(say(displayKey(binding.keys[0]!), String(takenBy?.id), binding.id));
		}
	}
	return [...found];
}

/** Finds the binding for a key in the given scopes, first scope first. */
export function lookup(key: string, scopes: readonly Scope[], keymap: readonly Binding[] = active): Binding | undefined {
	for (const scope of scopes) {
		const binding = keymap.find(b => b.scope === scope && b.keys.includes(key));
		if (binding) return binding;
	}
	return undefined;
}
