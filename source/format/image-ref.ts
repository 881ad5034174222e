import { T } from '../i18n/index.js';
import type { ReferenceFacts } from '../model/facts.js';
/** A parsed image reference: [registry/][namespace/]name[:tag][@digest]. */
export interface ImageReference {
	readonly registry?: string;
	/** Everything between the registry and the name, e.g. "team" in "registry:5000/team/app". */
	readonly path: string;
	readonly name: string;
	readonly tag?: string;
	readonly digest?: string;
}

// Docker's reference grammar (distribution/reference), in the parts a person types.
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-fA-F]{32,}$/;
const HOST = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:]+\])(?::\d+)?$/;

/**
 * Parses a reference the way docker does, throwing an Error with a one-line reason when it is
 * not valid: uppercase letters, a bad tag, an empty component, more than 255 characters.
 */
export function parseReference(text: string): ImageReference {
	const input = text.trim();
	const R = T.checks.ref;
	if (!input) throw new Error(R.empty);
	let rest = input;
	let digest: string | undefined;
	const at = rest.indexOf('@');
	if (at >= 0) {
		digest = rest.slice(at + 1);
		rest = rest.slice(0, at);
		if (!DIGEST.test(digest)) throw new Error(R.digest(digest));
	}
	let tag: string | undefined;
	const colon = rest.lastIndexOf(':');
	if (colon > rest.lastIndexOf('/')) {
		tag = rest.slice(colon + 1);
		rest = rest.slice(0, colon);
		if (!TAG.test(tag)) throw new Error(R.tag(tag));
	}
	if (rest.length > 255) throw new Error(R.long);
	const parts = rest.split('/');
	let registry: string | undefined;
	if (parts.length > 1 && (parts[0]!.includes('.') || parts[0]!.includes(':') || parts[0] === 'localhost')) {
		registry = parts.shift();
		if (!HOST.test(registry!)) throw new Error(R.registry(registry!));
	}
	for (const part of parts) {
		if (!part) throw new Error(R.emptyPart(input));
		if (part !== part.toLowerCase()) throw new Error(R.upper(part));
		if (!COMPONENT.test(part)) throw new Error(R.component(part));
	}
	const name = parts.pop()!;
	return { registry, path: parts.join('/'), name, tag, digest };
}

/** "registry/path/name" of a parsed reference, without tag or digest. */
export function repositoryOf(ref: ImageReference): string {
	return [ref.registry, ref.path || undefined, ref.name].filter(Boolean).join('/');
}

/** A reference as Docker completes it: docker.io, library/ for official images, the latest tag. */
export function referenceFacts(text: string): ReferenceFacts | undefined {
	let ref;
	try {
		ref = parseReference(text);
	} catch {
		return undefined;
	}
	const registryDefaulted = ref.registry === undefined;
	const namespaceDefaulted = !ref.path;
	return {
		text,
		registry: ref.registry ?? 'docker.io',
		registryDefaulted,
		namespace: ref.path || (registryDefaulted ? 'library' : ''),
		namespaceDefaulted,
		name: ref.name,
		tag: ref.tag ?? 'latest',
		tagDefaulted: ref.tag === undefined,
	};
}
