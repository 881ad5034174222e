import { compareApiVersions } from '../docker/api-version.js';
import type { DiskUsage } from '../model/usage.js';
import { coalesce } from './debounce.js';
import { Hold } from './hold.js';
import type { StoreCore } from './snapshot.js';

/** Sizes on screen: the images' unique/shared split (the dashboard), or everything (the disk usage view). */
export type SizeKind = 'images' | 'all';

/** Disk usage is read again at most this often while its sizes are on screen and things change. */
export const USAGE_COOLDOWN_MS = 5000;
/** A container's thin layer looked at again after this long is measured again. */
const CONTAINER_SIZE_TTL_MS = 10_000;

/** Up to this many containers, an engine older than API 1.42 answers `system df` quickly enough for the first frame to wait for it. */
const CHEAP_USAGE_CONTAINERS = 100;

const EMPTY: DiskUsage = { images: new Map(), containers: new Map(), summary: [], at: 0 };

/**
 * Sizes cost the engine: `docker system df` measures every container's writable layer (170 ms at
 * 1,000 containers, 800 ms at 5,000). So it is read only while some size is on screen, only when
 * what it measures changed (images came or went; containers too for the disk usage view), and at
 * most every few seconds. A container's own thin layer is measured for that container alone, when
 * it is looked at. On API 1.42+ the images' split is read without sizing containers.
 */
export class Sizes {
	private readonly shown: Record<SizeKind, number> = { images: 0, all: 0 };
	private imagesStale = true;
	private summaryStale = true;
	private readonly measuredAt = new Map<string, number>();
	private readonly outdated = new Set<string>();
	private readonly measuring = new Set<string>();
	/** Containers whose thin layer is on screen now, by how many views show it. */
	private readonly watched = new Map<string, number>();
	/** Changed again while being measured: measured once more after. */
	private readonly again = new Set<string>();
	private readonly df = coalesce(() => this.read(), 300, 1500, USAGE_COOLDOWN_MS);
	/** Start-up holds the first read on an old engine (see startUp). */
	private readonly hold = new Hold();

	constructor(
		private readonly core: StoreCore,
		private readonly ready: () => boolean,
	) {}

	/** Says a view shows sizes of this kind; the function it returns says it no longer does. */
	show(kind: SizeKind): () => void {
		this.shown[kind]++;
		this.due();
		return () => {
			this.shown[kind]--;
		};
	}

	/** The lists are in: the first read, if sizes are on screen. */
	listsReady(): void {
		if (this.wanted() && !this.hold.held) this.df.now();
	}

	imagesChanged(): void {
		this.imagesStale = true;
		this.summaryStale = true;
		this.due();
	}

	containersChanged(): void {
		this.summaryStale = true;
		this.due();
	}

	/** Reads everything now (the disk usage view opens, or R). */
	readNow(): void {
		this.imagesStale = true;
		this.summaryStale = true;
		this.df.now();
	}

	/** The container's files changed (it ran, or something was copied in): measured again now if on screen, else when next looked at. */
	containerChanged(id: string): void {
		this.outdated.add(id);
		if (this.watched.has(id)) this.measure(id);
	}

	containerGone(id: string): void {
		this.outdated.delete(id);
		this.measuredAt.delete(id);
		const { sizes } = this.core.snapshot();
		if (!sizes.has(id)) return;
		const next = new Map(sizes);
		next.delete(id);
		this.core.update({ sizes: next });
	}

	/**
	 * A container's thin layer is on screen: measured unless a recent measure still holds, and again
	 * whenever an event says its files changed, until the function it returns says it left the screen.
	 */
	watchContainer(id: string): () => void {
		this.watched.set(id, (this.watched.get(id) ?? 0) + 1);
		const at = this.measuredAt.get(id);
		const fresh = at !== undefined && !this.outdated.has(id) && Date.now() - at < CONTAINER_SIZE_TTL_MS;
		if (!fresh) this.measure(id);
		return () => {
			const left = (this.watched.get(id) ?? 1) - 1;
			if (left > 0) this.watched.set(id, left);
			else this.watched.delete(id);
		};
	}

	private measure(id: string): void {
		if (this.measuring.has(id)) {
			this.again.add(id);
			return;
		}
		this.measuring.add(id);
		this.outdated.delete(id);
		const settled = () => {
			this.measuring.delete(id);
			if (this.again.delete(id)) this.measure(id);
		};
		this.core.api.containerSize(id).then(size => {
			this.measuredAt.set(id, Date.now());
			if (size) this.core.update({ sizes: new Map(this.core.snapshot().sizes).set(id, size) });
			settled();
		}, settled);
	}

	/**
	 * Start-up. On API 1.42+ the first read goes out beside the lists rather than after them, and
	 * the first frame waits for it. An older engine sizes every container to answer (~250 ms at
	 * 1,000, ~800 at 5,000), which slows the lists and inspects the first frame waits for: up to
	 * CHEAP_USAGE_CONTAINERS it goes out once the lists are in (`listed` says the frame waits for
	 * it), beyond that when `release` is called, once the first frame is read.
	 */
	startUp(): { listed(containers: number): boolean; release(): void } {
		if (this.imagesAlone()) {
			if (!this.core.snapshot().usage && this.wanted()) void this.read(true);
			return { listed: () => true, release: () => undefined };
		}
		const release = this.hold.take(() => this.due());
		return {
			listed: containers => {
				if (containers > CHEAP_USAGE_CONTAINERS) return false;
				release();
				return true;
			},
			release,
		};
	}

	/** Measures a container's thin layer now without keeping it on screen (start-up reads ahead). */
	prefetchContainer(id: string): void {
		this.measure(id);
	}

	cancel(): void {
		this.df.cancel();
	}

	/** API 1.42+ reads the images' unique/shared split on its own, without sizing every container. */
	private imagesAlone(): boolean {
		return compareApiVersions(this.core.snapshot().engine.apiVersion, '1.42') >= 0;
	}

	private wanted(): boolean {
		return (this.shown.all > 0 && (this.summaryStale || this.imagesStale)) || (this.shown.images > 0 && this.imagesStale);
	}

	private due(): void {
		if (!this.ready() || !this.wanted() || this.hold.held) return;
		if (!this.core.snapshot().usage) this.df.now();
		else this.df.trigger();
	}

	private async read(early = false): Promise<void> {
		if (!early && !this.ready()) return;
		const current = this.core.snapshot().usage ?? EMPTY;
		const imagesOnly = this.shown.all === 0 && this.imagesAlone();
		this.imagesStale = false;
		if (imagesOnly) {
			try {
				this.core.update({ usage: { ...current, images: await this.core.api.readImageUsage() } });
			} catch {
				this.imagesStale = true;
			}
			return;
		}
		this.summaryStale = false;
		try {
			const usage = await this.core.api.readDiskUsage();
			const now = Date.now();
			for (const id of usage.containers.keys()) this.measuredAt.set(id, now);
			this.outdated.clear();
			this.core.update({ usage, sizes: new Map([...this.core.snapshot().sizes, ...usage.containers]) });
		} catch {
			// kept as it was: the sizes are extra, the lists are what matters
			this.imagesStale = this.summaryStale = true;
		}
	}
}
