import { keyConflicts, type ActionId, type Binding } from '../keymap/keymap.js';
import { buildFormScreen, buildScreen } from './build/build-screen.js';
import { changesScreen } from './changes/changes-screen.js';
import { dashboardScreen } from './dashboard/dashboard-screen.js';
import { eventsScreen } from './events/events-screen.js';
import { runFormScreen } from './forms/run-form-screen.js';
import { logsScreen } from './logs/logs-screen.js';
import { confirmScreen } from './overlays/confirm.js';
import { filterScreen } from './overlays/filter.js';
import { helpScreen } from './overlays/help.js';
import { promptScreen } from './overlays/prompt.js';
import { pruneScreen } from './prune/prune-screen.js';
import type { AnyScreen } from './screen.js';
import { usageScreen } from './usage/usage-screen.js';

/** Every screen dockdeck has. A new screen is one line here; the rest below follows from it. */
export const SCREENS: readonly AnyScreen[] = [
	dashboardScreen,
	logsScreen,
	pruneScreen,
	usageScreen,
	changesScreen,
	buildScreen,
	buildFormScreen,
	runFormScreen,
	confirmScreen,
	promptScreen,
	filterScreen,
	helpScreen,
	eventsScreen,
];

/** The scope lists a person can be in, one per screen (three for the dashboard's panels): what the key conflict checks walk. */
export const SCOPE_STACKS = SCREENS.flatMap(screen => screen.stacks);

/** Hints the footer keeps however narrow the terminal: how to learn the rest, how to quit, and how to leave each screen. */
export const ALWAYS_SHOWN: ReadonlySet<ActionId> = new Set<ActionId>([
	'help.toggle',
	'app.quit',
	...SCREENS.flatMap(screen => (screen.close ? [screen.close as ActionId] : [])),
]);

/**
 * The user's key table, checked against every scope list: a remapping that makes two actions share
 * a key where both are in force is dropped whole (the default keys stay), each conflict said.
 */
export function checkKeymap(
	candidate: readonly Binding[],
	defaults: readonly Binding[],
	say: (key: string, a: string, b: string) => string,
): { keymap: readonly Binding[]; conflicts: string[] } {
	const conflicts = candidate === defaults ? [] : keyConflicts(candidate, SCOPE_STACKS, say);
	return { keymap: conflicts.length ? defaults : candidate, conflicts };
}
