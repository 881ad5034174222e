import type { Notice } from '../actions/context.js';
import { T } from '../i18n/index.js';
import type { ActionId, Binding, IdsOf } from '../keymap/keymap.js';
import type { Step } from '../screens/screen.js';

/** What the app itself does for the keys that work on every screen. */
export interface GlobalActions {
	quit(): void;
	suspend(): void;
	help(): void;
}

/** The keys that work everywhere ('always') or on every view ('views'): the app's own. */
export const GLOBAL_KEYS: { readonly [Id in IdsOf<'always' | 'views'>]: (app: GlobalActions) => void } = {
	'app.quit': app => app.quit(),
	'app.interrupt': app => app.quit(),
	'app.suspend': app => app.suspend(),
	'help.toggle': app => app.help(),
};

/** The list keys, as the step a screen's move gets. */
export const LIST_STEPS: { readonly [Id in IdsOf<'list'>]: Step['kind'] } = {
	'cursor.up': 'up',
	'cursor.down': 'down',
	'cursor.pageUp': 'pageUp',
	'cursor.pageDown': 'pageDown',
	'cursor.first': 'first',
	'cursor.last': 'last',
};

/** Refusals that say more than "docker X is off under --read-only". */
const OWN_REFUSAL: Partial<Record<ActionId, () => string>> = {
	'container.exec': () => T.work.exec.readOnly,
	'container.copy': () => T.copy.readOnly,
	'prune.run': () => T.actions.prune.readOnly,
};

/** What --read-only says for a key that would change the engine: refused before its handler runs. */
export function readOnlyRefusal(binding: Binding): Notice {
	return { text: OWN_REFUSAL[binding.id]?.() ?? T.actions.readOnly(binding.writes ?? ''), tone: 'warn' };
}
