import { engineMessage } from '../docker/errors.js';
import { type LifecycleVerb } from '../docker/lifecycle.js';
import type { ContainerSummary } from '../model/types.js';
import type { ActionContext, Notice } from './context.js';
import { T } from '../i18n/index.js';

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

/** Why a verb makes no sense for a container's state, if it does not. */
const NEEDS: Record<LifecycleVerb, (c: ContainerSummary) => string | undefined> = {
	start: c => (c.state === 'running' || c.state === 'paused' ? T.actions.alreadyRunning : undefined),
	stop: c => (c.state !== 'running' && c.state !== 'paused' && c.state !== 'restarting' ? T.actions.notRunning(c.state) : undefined),
	restart: () => undefined,
	pause: c => (c.state !== 'running' ? T.actions.notRunning(c.state) : undefined),
	unpause: c => (c.state !== 'paused' ? T.actions.notPaused : undefined),
	kill: c => (c.state !== 'running' && c.state !== 'paused' ? T.actions.notRunning(c.state) : undefined),
};

/** Verbs that interrupt running processes ask first; start and unpause do not. */
export const CONFIRMED_VERBS: ReadonlySet<LifecycleVerb> = new Set(['stop', 'restart', 'pause', 'kill']);

/** The notice for an action that --read-only turns off. */
export function refusedReadOnly(what: string): Notice {
	return { text: T.actions.readOnly(what), tone: 'warn' };
}

async function doLifecycle(ctx: ActionContext, container: ContainerSummary, verb: LifecycleVerb): Promise<Notice> {
	try {
		await ctx.engine.api.changeState(container.id, verb);
		return { text: T.actions.done(container.name, T.actions.verbs[verb]!.done, `docker ${verb} ${container.name}`), tone: 'good' };
	} catch (error) {
		return { text: T.actions.failed(`docker ${verb} ${container.name}`, engineMessage(error)), tone: 'bad' };
	}
}

/**
 * A lifecycle key: refused when it makes no sense for the container's state or under --read-only;
 * start and unpause run at once, the others come back as a confirmation to show.
 */
export function lifecycle(
	ctx: ActionContext,
	container: ContainerSummary,
	verb: LifecycleVerb,
): Notice | Confirmation | (() => Promise<Notice>) {
	const text = T.actions.verbs[verb]!;
	if (ctx.readOnly) return refusedReadOnly(`docker ${verb}`);
	const why = NEEDS[verb](container);
	if (why) return { text: T.actions.notDone(text.done, container.name, why), tone: 'warn' };
	if (!CONFIRMED_VERBS.has(verb)) return () => doLifecycle(ctx, container, verb);
	return {
		title: T.actions.confirmTitle(text.doing, container.name),
		lines: [text.warn ?? ''],
		command: `docker ${verb} ${container.name}`,
		toggles: [],
		confirmLabel: text.confirm,
		run: () => doLifecycle(ctx, container, verb),
	};
}

/** The rm dialog: force is needed (and must be chosen) for a running container; volumes optional. */
export function removeDialog(
	ctx: ActionContext,
	container: ContainerSummary,
	toggles: { force: boolean; volumes: boolean },
): Confirmation | Notice {
	if (ctx.readOnly) return refusedReadOnly('docker rm');
	const running = container.state === 'running' || container.state === 'paused' || container.state === 'restarting';
	const flags = `${toggles.force ? ' -f' : ''}${toggles.volumes ? ' -v' : ''}`;
	const R = T.actions.remove;
	return {
		title: R.title(container.name),
		lines: [
			R.layerGoes,
			running ? R.needsForce(container.state) : R.state(container.state),
			toggles.volumes ? R.volumesToo : R.volumesKept,
		],
		command: `docker rm${flags} ${container.name}`,
		toggles: [
			{ key: 'f', label: R.force, on: toggles.force },
			{ key: 'v', label: R.volumes, on: toggles.volumes },
		],
		refusal: running && !toggles.force ? R.refusal(container.name, container.state) : undefined,
		confirmLabel: R.confirm,
		run: async () => {
			try {
				await ctx.engine.api.removeContainer(container.id, toggles);
				return { text: R.removed(container.name, `docker rm${flags} ${container.name}`), tone: 'good' };
			} catch (error) {
				const message = engineMessage(error);
				if (/no such container/i.test(message)) return { text: R.gone(container.name), tone: 'warn' };
				return { text: T.actions.failed(`docker rm${flags} ${container.name}`, message), tone: 'bad' };
			}
		},
	};
}
