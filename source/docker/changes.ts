import type Docker from 'dockerode';

/** One `docker diff` line: what the container did to a path, relative to its image. */
export interface Change {
	readonly kind: 'A' | 'C' | 'D';
	readonly path: string;
}

const KINDS = ['C', 'A', 'D'] as const;

/** `docker diff`: what the container added, changed and deleted in its writable layer, sorted by path. */
export async function containerChanges(docker: Docker, id: string): Promise<Change[]> {
	// with no changes the engine answers `null`, which docker-modem hands back unparsed, as a Buffer
	const answer: unknown = await docker.getContainer(id).changes();
	const parsed: unknown = Buffer.isBuffer(answer) ? JSON.parse(answer.toString('utf8').trim() || 'null') : answer;
	const raw = (Array.isArray(parsed) ? parsed : []) as { Path: string; Kind: number }[];
	return raw.map(c => ({ kind: KINDS[c.Kind] ?? 'C', path: c.Path })).sort((a, b) => a.path.localeCompare(b.path));
}
