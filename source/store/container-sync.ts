import { engineMessage } from '../docker/errors.js';
import type { ContainerHealth, ContainerSummary } from '../model/types.js';
import { T } from '../i18n/index.js';
import { coalesce } from './debounce.js';
import { mergeContainers, withHealth } from './list-merge.js';
import type { StoreCore } from './snapshot.js';

/** More changed containers than this at once are read with one full list instead. */
const MAX_PARTIAL = 50;

/** What the container list tells the rest of the store after each read. */
export interface ContainerSyncHooks {
	/** The list is in (the first one, or after a reconnect: `full`). */
	listed(containers: readonly ContainerSummary[], changed: ReadonlySet<string> | 'all'): void;
	/** The set of containers changed (one came or went). */
	setChanged(): void;
}

/**
 * Keeps the containers list current from events: a changed container is read on its own (one
 * filtered list request, however many changed together), a destroyed one is dropped at once, a
 * health verdict is patched in. The whole list is read only at start, after a reconnect (events may
 * have been missed) or when more changed at once than a filtered request is worth.
 */
export class ContainerSync {
	private full = true;
	private readonly dirty = new Set<string>();
	/** Per container, the number of the last event about it: an answer older than that is not applied. */
	private readonly lastEvent = new Map<string, number>();
	private seq = 0;
	private loaded = false;
	private readonly sync = coalesce(() => this.read(), 80, 400);

	constructor(
		private readonly core: StoreCore,
		private readonly hooks: ContainerSyncHooks,
	) {}

	get isLoaded(): boolean {
		return this.loaded;
	}

	/** Reads the whole list now (start, reconnect). */
	relist(): void {
		this.full = true;
		this.sync.now();
	}

	changed(id: string): void {
		this.lastEvent.set(id, ++this.seq);
		this.dirty.add(id);
		this.sync.trigger();
	}

	gone(id: string): void {
		this.lastEvent.set(id, ++this.seq);
		this.dirty.delete(id);
		const { containers } = this.core.snapshot();
		if (!containers.some(c => c.id === id)) return;
		this.core.update({ containers: containers.filter(c => c.id !== id) });
		this.hooks.setChanged();
	}

	health(id: string, health: ContainerHealth): void {
		const { containers } = this.core.snapshot();
		const next = withHealth(containers, id, health);
		if (next !== containers) this.core.update({ containers: next });
	}

	cancel(): void {
		this.sync.cancel();
	}

	private async read(): Promise<void> {
		const full = this.full || this.dirty.size > MAX_PARTIAL;
		const asked = full ? undefined : new Set(this.dirty);
		if (asked?.size === 0) return;
		this.dirty.clear();
		this.full = false;
		const startedAt = this.seq;
		let fresh: ContainerSummary[];
		try {
			fresh = await this.core.api.listContainers(asked && [...asked]);
		} catch (error) {
			// the next event or the reconnect that follows a dead engine reads everything again
			this.full = true;
			this.core.update({ refreshError: T.misc.streams.listContainers(engineMessage(error)) });
			return;
		}
		const skip = new Set([...this.lastEvent].filter(([, seq]) => seq > startedAt).map(([id]) => id));
		for (const [id, seq] of this.lastEvent) if (seq <= startedAt) this.lastEvent.delete(id);
		const current = this.core.snapshot().containers;
		const before = new Set(current.map(c => c.id));
		const next = full ? fullList(current, fresh, skip) : mergeContainers(current, asked!, fresh, skip);
		// the first list is no change: the sizes read beside it already say what it holds
		const first = !this.loaded;
		this.loaded = true;
		this.core.update({ containers: next, syncedAt: Date.now(), refreshError: undefined });
		if (!first && (next.length !== before.size || next.some(c => !before.has(c.id)))) this.hooks.setChanged();
		this.hooks.listed(next, full ? 'all' : asked!);
	}
}

/** A full list, except that containers with newer events keep what those events left. */
function fullList(current: readonly ContainerSummary[], fresh: readonly ContainerSummary[], skip: ReadonlySet<string>): ContainerSummary[] {
	if (skip.size === 0) return [...fresh];
	const mine = new Map(current.map(c => [c.id, c]));
	return fresh.flatMap(c => (skip.has(c.id) ? (mine.has(c.id) ? [mine.get(c.id)!] : []) : [c]));
}
