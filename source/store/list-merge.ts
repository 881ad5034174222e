import type { ContainerHealth, ContainerSummary, ImageRow } from '../model/types.js';

/**
 * Applies a re-read of some containers to the list: each answered row replaces its old one where it
 * stands, a new one goes in by creation time (newest first, as `docker ps`), and an asked id the
 * engine did not answer is gone. Ids in `skip` changed again while the request was out: their old
 * rows stay (or their absence, after a destroy) until the next read.
 */
export function mergeContainers(
	current: readonly ContainerSummary[],
	asked: ReadonlySet<string>,
	fresh: readonly ContainerSummary[],
	skip: ReadonlySet<string> = new Set(),
): ContainerSummary[] {
	const answered = new Map(fresh.filter(c => asked.has(c.id) && !skip.has(c.id)).map(c => [c.id, c]));
	const next: ContainerSummary[] = [];
	for (const c of current) {
		if (!asked.has(c.id) || skip.has(c.id)) next.push(c);
		else if (answered.has(c.id)) {
			next.push(answered.get(c.id)!);
			answered.delete(c.id);
		}
	}
	for (const c of answered.values()) {
		const at = next.findIndex(o => o.created <= c.created);
		next.splice(at < 0 ? next.length : at, 0, c);
	}
	return next;
}

/** The list with one container's health replaced; the same array when nothing changed. */
export function withHealth(current: readonly ContainerSummary[], id: string, health: ContainerHealth): readonly ContainerSummary[] {
	const at = current.findIndex(c => c.id === id);
	if (at < 0 || current[at]!.health === health) return current;
	const next = [...current];
	next[at] = { ...current[at]!, health };
	return next;
}

/** What a re-read of one image found: its rows, or that it is gone or hidden. */
export interface ImageChange {
	readonly id: string;
	/** The rows `docker images` shows for it; empty when it is gone or hidden (untagged with a child image). */
	readonly rows: readonly ImageRow[];
	readonly parentId?: string;
}

/**
 * Applies re-read images to the list. An untagged image that gains a child (the next step of a
 * legacy build, a commit on it) is hidden, as `docker images` hides intermediate images. New
 * images go in by creation time, newest first; the rows of one image stay together.
 */
export function mergeImages(
	current: readonly ImageRow[],
	changes: readonly ImageChange[],
	gone: ReadonlySet<string> = new Set(),
): ImageRow[] {
	const changed = new Map(changes.map(c => [c.id, c]));
	const parents = new Set(changes.filter(c => c.rows.length && c.parentId).map(c => c.parentId!));
	const hidden = (row: ImageRow) => row.dangling && !row.digests.length && parents.has(row.id) && !changed.has(row.id);
	const next: ImageRow[] = [];
	const placed = new Set<string>();
	for (const row of current) {
		if (gone.has(row.id) || hidden(row)) continue;
		const change = changed.get(row.id);
		if (!change) next.push(row);
		else if (!placed.has(row.id)) {
			next.push(...change.rows);
			placed.add(row.id);
		}
	}
	for (const change of changes) {
		if (placed.has(change.id) || gone.has(change.id) || !change.rows.length) continue;
		const created = change.rows[0]!.created;
		const at = next.findIndex(o => o.created <= created);
		next.splice(at < 0 ? next.length : at, 0, ...change.rows);
	}
	return next;
}
