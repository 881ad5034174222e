import { healthFromEvent } from '../docker/containers.js';
import type { ContainerHealth, EngineEvent } from '../model/types.js';

/**
 * What one engine event changes in what dockdeck shows. Reads make events too (`image save` from a
 * `docker save`, `exec_*` from every healthcheck probe, `attach`, `top`, `resize`, `export`,
 * `archive-path` from a copy out): reacting to those would turn a read into a loop, so they change
 * nothing. Unknown actions change nothing either: an engine that adds one does not add load.
 */
export type EventEffect =
	| { readonly kind: 'none' }
	/** Read this container's row again; `facts` when how it runs changed (start, die, pause...). */
	| { readonly kind: 'container'; readonly id: string; readonly facts: boolean }
	| { readonly kind: 'containerGone'; readonly id: string }
	/** The healthcheck changed its verdict: patched into the row as it is, no request. */
	| { readonly kind: 'health'; readonly id: string; readonly health: ContainerHealth }
	/** The container's files changed (a copy into it): its thin-layer size is out of date. */
	| { readonly kind: 'containerFiles'; readonly id: string }
	/**
	 * Read this image's rows again (tags, digests, a new image): `id` may be a reference for pull and
	 * push. `name` is the reference the event gave it: whichever image held it before lost it silently.
	 */
	| { readonly kind: 'image'; readonly id: string; readonly name?: string }
	| { readonly kind: 'imageGone'; readonly id: string };

const NONE: EventEffect = { kind: 'none' };

/** Container actions whose row changes, and whether how the container runs changed with it. */
const CONTAINER_ROW: Readonly<Record<string, { facts: boolean }>> = {
	create: { facts: false },
	rename: { facts: false },
	update: { facts: false },
	start: { facts: true },
	die: { facts: true },
	pause: { facts: true },
	unpause: { facts: true },
};

/** Image actions that change an image's rows. `save`, `prune` (each removal has its own delete) change nothing. */
const IMAGE_ROW = new Set(['tag', 'untag', 'pull', 'push', 'import', 'load', 'create']);

/** Classifies one event; see EventEffect. */
export function eventEffect(event: EngineEvent): EventEffect {
	// "exec_create: sh -c true", "health_status: healthy": the action is the part before ": "
	const action = event.action.split(':')[0]!.trim();
	if (event.type === 'container') {
		if (action === 'destroy') return { kind: 'containerGone', id: event.id };
		if (action === 'health_status') {
			const health = healthFromEvent(event.action);
			return health ? { kind: 'health', id: event.id, health } : NONE;
		}
		if (action === 'extract-to-dir') return { kind: 'containerFiles', id: event.id };
		// a commit makes an image; the container itself is as it was
		if (action === 'commit') return event.attributes['imageID'] ? { kind: 'image', id: event.attributes['imageID'] } : NONE;
		const row = CONTAINER_ROW[action];
		return row ? { kind: 'container', id: event.id, facts: row.facts } : NONE;
	}
	if (event.type === 'image') {
		if (action === 'delete') return { kind: 'imageGone', id: event.id };
		if (!IMAGE_ROW.has(action)) return NONE;
		const name = event.attributes['name'];
		// a tag that moves (docker tag, build -t, pull, load) says so only for the image it moves to
		return name && !name.startsWith('sha256:') && action !== 'untag'
			? { kind: 'image', id: event.id, name }
			: { kind: 'image', id: event.id };
	}
	return NONE;
}
