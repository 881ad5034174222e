import type { Engine } from '../docker/client.js';
import type { DetachKeys } from '../format/detach-keys.js';
import type { Tone } from '../format/container-mode.js';
import type { Terminal } from './handoff.js';

/** What every action gets: the engine, the terminal, and the settings in force. */
export interface ActionContext {
	readonly engine: Engine;
	readonly terminal: Terminal;
	/** Runs `fn` with the terminal handed over (Ink's suspendTerminal). */
	readonly suspend: (fn: () => Promise<void>) => Promise<void>;
	readonly detachKeys: DetachKeys;
	readonly readOnly: boolean;
}

/** The one line an action leaves in the status bar. */
export interface Notice {
	readonly text: string;
	readonly tone: Tone;
}
