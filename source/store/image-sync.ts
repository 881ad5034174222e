import { engineMessage } from '../docker/errors.js';
import type { ImageRow } from '../model/types.js';
import { T } from '../i18n/index.js';
import { coalesce } from './debounce.js';
import { Hold } from './hold.js';
import { mergeImages, type ImageChange } from './list-merge.js';
import type { StoreCore } from './snapshot.js';

/** More changed images than this at once are read with one full list instead. */
const MAX_PARTIAL = 20;
const INSPECT_CONCURRENCY = 4;

/** What the images list tells the rest of the store after each read. */
export interface ImageSyncHooks {
	/** These images' tags or digests may have changed: their cached inspects are out of date. */
	changed(ids: readonly string[]): void;
	/** The set of images changed (one came or went): sizes and shared layers are out of date. */
	setChanged(): void;
	/** A read is in (the first one tells the store the lists are loaded). */
	listed(): void;
}

/** Runs `task` over `items`, `width` at a time. */
async function inBatches<T, R>(items: readonly T[], width: number, task: (item: T) => Promise<R>): Promise<R[]> {
	const out: R[] = [];
	for (let i = 0; i < items.length; i += width) out.push(...(await Promise.all(items.slice(i, i + width).map(task))));
	return out;
}

/**
 * Keeps the images list current from events: an image an event names is read with one inspect,
 * a deleted one is dropped at once, and the whole list is read only at start and after a
 * reconnect. Also keeps the index of every listed image's layers (an id's layers never change).
 */
export class ImageSync {
	private full = true;
	private readonly dirty = new Set<string>();
	private readonly deleted = new Set<string>();
	private loaded = false;
	private readonly sync = coalesce(() => this.read(), 80, 400);
	private readonly indexing = coalesce(() => this.index(), 50, 400);
	/** Holders of the index (the first frame's reads): while held it waits, and is read when let go. */
	private readonly hold = new Hold();
	private indexWaiting = false;

	constructor(
		private readonly core: StoreCore,
		private readonly hooks: ImageSyncHooks,
	) {}

	get isLoaded(): boolean {
		return this.loaded;
	}

	relist(): void {
		this.full = true;
		this.sync.now();
	}

	/**
	 * An event named this image (an id, or a reference for pull and push). With `name`, the tag it
	 * got: the image that held that tag before is read again too, since no event says it lost it.
	 */
	changed(idOrName: string, name?: string): void {
		this.dirty.add(idOrName);
		if (name) {
			const wanted = name.includes(':', name.lastIndexOf('/') + 1) ? name : `${name}:latest`;
			for (const row of this.core.snapshot().images) if (!row.dangling && `${row.repository}:${row.tag}` === wanted) this.dirty.add(row.id);
		}
		this.sync.trigger();
	}

	gone(id: string): void {
		this.deleted.add(id);
		this.dirty.delete(id);
		const { images } = this.core.snapshot();
		const row = images.find(i => i.id === id);
		if (!row) return;
		this.core.update({ images: images.filter(i => i.id !== id) });
		this.hooks.setChanged();
		// an untagged parent that `docker images` hid may have lost its last child
		if (row.parentId && !images.some(i => i.id === row.parentId)) this.changed(row.parentId);
	}

	cancel(): void {
		this.sync.cancel();
		this.indexing.cancel();
	}

	/**
	 * Holds the layer index back until the function it returns is called. At start it is one
	 * inspect per image (hundreds on a busy host), which the engine answers beside the disk usage
	 * the first frame waits for: on an engine older than API 1.42 that read took twice as long
	 * (~360 -> ~690 ms at 1,000 containers and 350 images).
	 */
	holdIndex(): () => void {
		return this.hold.take(() => {
			if (!this.indexWaiting) return;
			this.indexWaiting = false;
			this.indexing.trigger();
		});
	}

	private async read(): Promise<void> {
		const full = this.full || this.dirty.size > MAX_PARTIAL;
		const asked = [...this.dirty].filter(id => !this.deleted.has(id));
		this.dirty.clear();
		this.full = false;
		if (!full && asked.length === 0) return;
		const deletedBefore = new Set(this.deleted);
		const current = this.core.snapshot().images;
		let next: ImageRow[];
		let changedIds: string[];
		try {
			if (full) {
				next = await this.core.api.listImages();
				changedIds = retagged(current, next);
			} else {
				const changes = await this.readChanges(asked);
				next = mergeImages(current, changes, this.deleted);
				changedIds = changes.map(c => c.id);
			}
		} catch (error) {
			this.full = true;
			this.core.update({ refreshError: T.misc.streams.listImages(engineMessage(error)) });
			return;
		}
		// deleted while the request was out: dropped, whatever the answer said
		next = next.filter(i => !this.deleted.has(i.id));
		for (const id of deletedBefore) this.deleted.delete(id);
		// the first list is no change: the sizes read beside it already say what it holds
		const first = !this.loaded;
		this.loaded = true;
		const before = new Set(current.map(i => i.id));
		const after = new Set(next.map(i => i.id));
		this.core.update({ images: next, syncedAt: Date.now(), refreshError: undefined });
		if (changedIds.length) this.hooks.changed(changedIds);
		if (before.size !== after.size || [...after].some(id => !before.has(id))) {
			if (!first) this.hooks.setChanged();
			this.indexing.trigger();
		}
		this.hooks.listed();
	}

	/** Reads each named image; an untagged one is shown only if the engine lists it as dangling. */
	private async readChanges(asked: readonly string[]): Promise<ImageChange[]> {
		const read = await inBatches(asked, INSPECT_CONCURRENCY, id => this.core.api.readImageRows(id).then(r => ({ asked: id, read: r })));
		const untagged = read.some(r => r.read?.untagged);
		const dangling = untagged ? await this.core.api.danglingImageIds() : new Set<string>();
		const layerIndex = new Map(this.core.snapshot().layerIndex);
		const changes: ImageChange[] = [];
		for (const { asked: id, read: r } of read) {
			if (!r) {
				changes.push({ id, rows: [] });
				continue;
			}
			layerIndex.set(r.id, r.layers);
			const rows = r.untagged && !dangling.has(r.id) ? [] : r.rows;
			changes.push({ id: r.id, rows, ...(r.parentId ? { parentId: r.parentId } : {}) });
		}
		this.core.update({ layerIndex });
		return changes;
	}

	/** Learns the layers of listed images not seen before; forgets those no longer listed. */
	private async index(): Promise<void> {
		if (this.hold.held) {
			this.indexWaiting = true;
			return;
		}
		const ids = new Set(this.core.snapshot().images.map(i => i.id));
		const known = this.core.snapshot().layerIndex;
		const missing = [...ids].filter(id => !known.has(id));
		const found = await inBatches(missing, INSPECT_CONCURRENCY, id =>
			this.core.api.inspectImage(id).then(
				d => [id, d.layers] as const,
				() => undefined,
			),
		);
		const next = new Map([...this.core.snapshot().layerIndex].filter(([id]) => ids.has(id)));
		for (const entry of found) if (entry) next.set(entry[0], entry[1]);
		if (missing.length || next.size !== known.size || !this.core.snapshot().layerIndexReady)
			this.core.update({ layerIndex: next, layerIndexReady: true });
	}
}

/** Images listed before and after whose rows (tags, digests) differ. */
function retagged(before: readonly ImageRow[], after: readonly ImageRow[]): string[] {
	const keys = (rows: readonly ImageRow[]) => {
		const map = new Map<string, string>();
		for (const r of rows) map.set(r.id, `${map.get(r.id) ?? ''}|${r.key}|${r.digests.join(',')}`);
		return map;
	};
	const [a, b] = [keys(before), keys(after)];
	return [...b].filter(([id, k]) => a.has(id) && a.get(id) !== k).map(([id]) => id);
}
