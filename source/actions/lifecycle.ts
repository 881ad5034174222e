import { engineMessage } from '../docker/errors.js';
import { changeState, removeContainer, type LifecycleVerb } from '../docker/lifecycle.js';
import type { ContainerSummary } from '../docker/types.js';
import type { ActionContext, Notice } from './context.js';

/** What a confirmation dialog shows and what it does when confirmed. */
export interface Confirmation {
	readonly title: string;
	/** What will happen, in plain words, one line each. */
	readonly lines: readonly string[];
	/** The equivalent docker command, for learners. */
	readonly command: string;
	/** Toggles the user can flip before confirming, keyed by the letter that flips them. */
	readonly toggles: readonly Toggle[];
	/** Why confirming would be refused with the toggles as they are, if it would. */
	readonly refusal?: string;
	readonly confirmLabel: string;
	/** Does it; a long action tells how far it got through `report`. */
	run(report?: (progress: string) => void): Promise<Notice>;
}

export interface Toggle {
	readonly key: string;
	readonly label: string;
	readonly on: boolean;
}

const VERB_TEXT: Record<LifecycleVerb, { doing: string; done: string; needs: (c: ContainerSummary) => string | undefined; warn?: string }> = {
	start: { doing: 'Start', done: 'started', needs: c => (c.state === 'running' || c.state === 'paused' ? 'it is already running' : undefined) },
	stop: { doing: 'Stop', done: 'stopped', needs: c => (c.state !== 'running' && c.state !== 'paused' && c.state !== 'restarting' ? `it is not running (${c.state})` : undefined), warn: 'Its main process gets SIGTERM, then SIGKILL after the stop timeout (10 s by default).' },
	restart: { doing: 'Restart', done: 'restarted', needs: () => undefined, warn: 'Its main process is stopped (SIGTERM, then SIGKILL) and started again.' },
	pause: { doing: 'Pause', done: 'paused', needs: c => (c.state !== 'running' ? `it is not running (${c.state})` : undefined), warn: 'Every process in it is frozen until it is unpaused.' },
	unpause: { doing: 'Unpause', done: 'unpaused', needs: c => (c.state !== 'paused' ? 'it is not paused' : undefined) },
	kill: { doing: 'Kill', done: 'killed', needs: c => (c.state !== 'running' && c.state !== 'paused' ? `it is not running (${c.state})` : undefined), warn: 'Its main process gets SIGKILL at once: no chance to clean up.' },
};

/** Verbs that interrupt running processes ask first; start and unpause do not. */
export const CONFIRMED_VERBS: ReadonlySet<LifecycleVerb> = new Set(['stop', 'restart', 'pause', 'kill']);

function refusedReadOnly(what: string): Notice {
	return { text: `${what} is off under --read-only: dockdeck does not change the engine.`, tone: 'warn' };
}

async function doLifecycle(ctx: ActionContext, container: ContainerSummary, verb: LifecycleVerb): Promise<Notice> {
	try {
		await changeState(ctx.engine.api, container.id, verb);
		return { text: `${container.name} ${VERB_TEXT[verb].done} (docker ${verb} ${container.name}).`, tone: 'good' };
	} catch (error) {
		return { text: `docker ${verb} ${container.name} failed: ${engineMessage(error)}`, tone: 'bad' };
	}
}

/**
 * A lifecycle key: refused when it makes no sense for the container's state or under --read-only;
 * start and unpause run at once, the others come back as a confirmation to show.
 */
export function lifecycle(ctx: ActionContext, container: ContainerSummary, verb: LifecycleVerb): Notice | Confirmation | (() => Promise<Notice>) {
	const text = VERB_TEXT[verb];
	if (ctx.readOnly) return refusedReadOnly(`docker ${verb}`);
	const why = text.needs(container);
	if (why) return { text: `Not ${text.done}: ${container.name} ${why}.`, tone: 'warn' };
	if (!CONFIRMED_VERBS.has(verb)) return () => doLifecycle(ctx, container, verb);
	return {
		title: `${text.doing} container ${container.name}?`,
		lines: [text.warn ?? ''],
		command: `docker ${verb} ${container.name}`,
		toggles: [],
		confirmLabel: text.doing.toLowerCase(),
		run: () => doLifecycle(ctx, container, verb),
	};
}

/** The rm dialog: force is needed (and must be chosen) for a running container; volumes optional. */
export function removeDialog(ctx: ActionContext, container: ContainerSummary, toggles: { force: boolean; volumes: boolean }): Confirmation | Notice {
	if (ctx.readOnly) return refusedReadOnly('docker rm');
	const running = container.state === 'running' || container.state === 'paused' || container.state === 'restarting';
	const flags = `${toggles.force ? ' -f' : ''}${toggles.volumes ? ' -v' : ''}`;
	return {
		title: `Remove container ${container.name}?`,
		lines: [
			`Its writable layer goes with it: files changed inside it are lost unless committed or kept in a volume.`,
			running ? `It is ${container.state}: removing it needs force, which kills its processes first.` : `It is ${container.state}.`,
			toggles.volumes ? 'Its anonymous volumes are removed too (named volumes are kept).' : 'Its volumes are kept.',
		],
		command: `docker rm${flags} ${container.name}`,
		toggles: [
			{ key: 'f', label: 'force (kill it if running)', on: toggles.force },
			{ key: 'v', label: 'also remove anonymous volumes', on: toggles.volumes },
		],
		refusal: running && !toggles.force ? `${container.name} is ${container.state}: press f to choose force, or Esc to keep it.` : undefined,
		confirmLabel: 'remove',
		run: async () => {
			try {
				await removeContainer(ctx.engine.api, container.id, toggles);
				return { text: `Removed ${container.name} (docker rm${flags} ${container.name}).`, tone: 'good' };
			} catch (error) {
				const message = engineMessage(error);
				if (/no such container/i.test(message)) return { text: `${container.name} was already gone: nothing removed.`, tone: 'warn' };
				return { text: `docker rm${flags} ${container.name} failed: ${message}`, tone: 'bad' };
			}
		},
	};
}
