import { listContainers, inspectContainer } from '../docker/containers.js';
import type { Engine } from '../docker/client.js';
import { engineMessage } from '../docker/errors.js';
import { watchEvents, type StreamState } from '../docker/events.js';
import { inspectImage, listImages } from '../docker/images.js';
import { readDiskUsage, type DiskUsage } from '../docker/usage.js';
import { imageLayers } from '../docker/layers.js';
import type { ContainerDetail, ContainerRunFacts, ContainerSummary, EngineEvent, EngineInfo, ImageDetail, ImageLayers, ImageRow } from '../docker/types.js';
import { coalesce } from './debounce.js';
import { T } from '../i18n/index.js';

/** A value fetched on demand: kept while it is refreshed, so the screen never blanks. */
export interface Resource<T> {
	readonly value?: T;
	readonly error?: string;
	/** The object changed since this was fetched: shown until the refetch lands. */
	readonly stale?: boolean;
}

export type DetailKind = 'container' | 'image' | 'layers';
type DetailValue = ContainerDetail | ImageDetail | ImageLayers;

/** Everything the panels read, replaced (never mutated) on each change. */
export interface Snapshot {
	readonly engine: EngineInfo;
	readonly connection: StreamState | { readonly status: 'connecting' };
	readonly containers: readonly ContainerSummary[];
	readonly images: readonly ImageRow[];
	readonly loaded: boolean;
	readonly facts: ReadonlyMap<string, ContainerRunFacts>;
	readonly details: ReadonlyMap<string, Resource<DetailValue>>;
	/** When the lists were last read from the engine (ms since epoch); 0 before the first read. */
	readonly syncedAt: number;
	/** The last failed refresh, shown in the status line until the next success. */
	readonly refreshError?: string;
	/** Disk usage (`docker system df`), read in the background after the lists change. */
	readonly usage?: DiskUsage;
	/** Each image's filesystem layers (diff IDs, oldest first), to see which images share a layer. */
	readonly layerIndex: ReadonlyMap<string, readonly string[]>;
}

const LIVE_STATES = new Set<ContainerSummary['state']>(['running', 'paused', 'restarting']);
const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>) => a.size === b.size && [...a].every(x => b.has(x));
const CONTAINER_FACT_ACTIONS = new Set(['start', 'die', 'restart', 'pause', 'unpause', 'kill', 'stop', 'oom']);
const MAX_DETAILS = 200;
const INSPECT_CONCURRENCY = 4;

/** The live model of one engine, fed by /events. */
export class Store {
	private snapshot: Snapshot;
	private readonly listeners = new Set<() => void>();
	private readonly detailRevision = new Map<string, number>();
	private readonly detailsInFlight = new Set<string>();
	private readonly factQueue: string[] = [];
	private readonly factQueued = new Set<string>();
	/** Being inspected, or inspected and waiting to be published. */
	private readonly factInFlight = new Set<string>();
	private readonly factAgain = new Set<string>();
	/** Containers whose facts were asked for since the last list, so a failing inspect is not retried on every render. */
	private readonly factAsked = new Set<string>();
	/** Containers an event said changed: inspected again once the list that follows the events is in. */
	private readonly factsDue = new Set<string>();
	private containerIds = new Set<string>();
	private imageIds = new Set<string>();
	private states = new Map<string, ContainerSummary['state']>();
	private factWorkers = 0;
	private containersLoaded = false;
	private imagesLoaded = false;
	private stopEvents?: () => void;
	private readonly containerRefresh = coalesce(() => this.refreshContainers(), 80, 400);
	private readonly imageRefresh = coalesce(() => this.refreshImages(), 80, 400);
	private readonly usageRefresh = coalesce(() => this.refreshUsage(), 300, 1500);
	private readonly layerIndexRefresh = coalesce(() => this.refreshLayerIndex(), 50, 400);

	constructor(private readonly engine: Engine) {
		this.snapshot = { engine: engine.info, connection: { status: 'connecting' }, containers: [], images: [], loaded: false, syncedAt: 0, facts: new Map(), details: new Map(), layerIndex: new Map() };
	}

	readonly subscribe = (listener: () => void): (() => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	readonly getSnapshot = (): Snapshot => this.snapshot;

	/** Subscribes to /events; every (re)connect re-lists everything. */
	start(): void {
		this.stopEvents = watchEvents(this.engine.streams, event => this.onEvent(event), state => this.onStreamState(state));
	}

	stop(): void {
		this.stopEvents?.();
		this.containerRefresh.cancel();
		this.imageRefresh.cancel();
		this.usageRefresh.cancel();
		this.layerIndexRefresh.cancel();
	}

	/**
	 * Asks for a detail (inspect, layers) of one object; cached until an event says it changed. While
	 * it loads nothing is published (the screen already says "Loading…" where there is no value), so
	 * a cursor step costs one frame for the step and one when the detail lands.
	 */
	request(kind: DetailKind, id: string): void {
		const key = `${kind}:${id}`;
		const current = this.snapshot.details.get(key);
		if (this.detailsInFlight.has(key) || (current && !current.stale)) return;
		this.detailsInFlight.add(key);
		const revision = this.detailRevision.get(id) ?? 0;
		const load = (): Promise<DetailValue> => {
			const docker = this.engine.api;
			if (kind === 'container') return inspectContainer(docker, id);
			if (kind === 'image') return inspectImage(docker, id);
			return inspectImage(docker, id).then(image => imageLayers(docker, id, image.layers));
		};
		load().then(
			value => this.settleDetail(key, id, revision, { value }),
			(error: unknown) => this.settleDetail(key, id, revision, { error: engineMessage(error) }),
		);
	}

	private settleDetail(key: string, id: string, revision: number, resource: Resource<DetailValue>): void {
		this.detailsInFlight.delete(key);
		// changed while loading: keep the result but mark it stale, so the next request fetches again
		const stale = (this.detailRevision.get(id) ?? 0) !== revision;
		this.setDetail(key, stale ? { ...resource, stale } : resource);
	}

	private setDetail(key: string, resource: Resource<DetailValue>): void {
		const details = new Map(this.snapshot.details);
		details.delete(key);
		details.set(key, resource);
		while (details.size > MAX_DETAILS) details.delete(details.keys().next().value as string);
		this.update({ details });
	}

	/** Marks an object's cached details stale: kept on screen, refetched when next requested. */
	private invalidate(id: string): void {
		this.detailRevision.set(id, (this.detailRevision.get(id) ?? 0) + 1);
		let details: Map<string, Resource<DetailValue>> | undefined;
		for (const [key, value] of this.snapshot.details) {
			if (key.endsWith(`:${id}`) && !value.stale) {
				details ??= new Map(this.snapshot.details);
				details.set(key, { ...value, stale: true });
			}
		}
		if (details) this.update({ details });
	}

	/**
	 * Asks how some containers run (the containers panel calls this with the rows on screen): the
	 * ones not known yet are inspected first. Created containers need no inspect to be shown.
	 */
	readonly wantFacts = (ids: readonly string[]): void => {
		const missing = ids.filter(id => !this.snapshot.facts.has(id) && !this.factAsked.has(id) && this.states.has(id) && this.states.get(id) !== 'created');
		for (const id of missing) this.factAsked.add(id);
		if (missing.length) this.queueFacts(missing, 'shown');
	};

	private onEvent(event: EngineEvent): void {
		if (event.type === 'container') {
			if (CONTAINER_FACT_ACTIONS.has(event.action)) this.factsDue.add(event.id);
			if (event.action === 'destroy') {
				this.factsDue.delete(event.id);
				this.dropFacts(event.id);
			}
			this.invalidate(event.id);
			this.containerRefresh.trigger();
		} else if (event.type === 'image') {
			this.invalidate(event.id);
			this.imageRefresh.trigger();
		}
	}

	private onStreamState(state: StreamState): void {
		this.update({ connection: state });
		if (state.status === 'live') {
			// at once: the first frame waits on these, and after a reconnect the lists may be stale
			this.containerRefresh.now();
			this.imageRefresh.now();
		}
	}

	private async refreshContainers(): Promise<void> {
		try {
			const containers = await listContainers(this.engine.api);
			this.containersLoaded = true;
			const ids = new Set(containers.map(c => c.id));
			const changedSet = !sameSet(ids, this.containerIds);
			this.containerIds = ids;
			this.states = new Map(containers.map(c => [c.id, c.state]));
			this.factAsked.clear();
			this.update({ containers, loaded: this.containersLoaded && this.imagesLoaded, syncedAt: Date.now(), refreshError: undefined });
			const due = [...this.factsDue].filter(id => ids.has(id));
			this.factsDue.clear();
			this.queueFacts(due, 'changed');
			// in the background, how each running container runs (its mode badge and uptime); stopped
			// ones are inspected when they come on screen
			this.queueFacts(containers.filter(c => LIVE_STATES.has(c.state) && !this.snapshot.facts.has(c.id)).map(c => c.id), 'background');
			// sizes change when containers come or go, not when one starts or stops (a stopped one
			// that is looked at is read again by the dashboard: useFreshUsage)
			if (changedSet) this.usageChanged();
		} catch (error) {
			this.update({ refreshError: T.misc.streams.listContainers(engineMessage(error)) });
		}
	}

	private async refreshImages(): Promise<void> {
		try {
			const images = await listImages(this.engine.api);
			this.imagesLoaded = true;
			const ids = new Set(images.map(i => i.id));
			const changedSet = !sameSet(ids, this.imageIds);
			this.imageIds = ids;
			this.update({ images, loaded: this.containersLoaded && this.imagesLoaded, syncedAt: Date.now(), refreshError: undefined });
			if (changedSet) {
				this.usageChanged();
				this.layerIndexRefresh.trigger();
			}
		} catch (error) {
			this.update({ refreshError: T.misc.streams.listImages(engineMessage(error)) });
		}
	}

	/**
	 * The sizes may have changed: read again soon, or at once when the first lists are in (the
	 * engine computes every container's size for this, so it waits for the lists, not beside them).
	 */
	private usageChanged(): void {
		if (!this.snapshot.usage && this.containersLoaded && this.imagesLoaded) this.usageRefresh.now();
		else this.usageRefresh.trigger();
	}

	/** Reads disk usage again now (the usage view's reload). */
	refreshUsageNow(): void {
		this.usageRefresh.trigger();
	}

	private async refreshUsage(): Promise<void> {
		try {
			this.update({ usage: await readDiskUsage(this.engine.api) });
		} catch {
			// kept as it was: the sizes are extra, the lists are what matters
		}
	}

	/** Learns the layers of images not seen before (an image id's layers never change). */
	private async refreshLayerIndex(): Promise<void> {
		const ids = new Set(this.snapshot.images.map(i => i.id));
		const known = this.snapshot.layerIndex;
		const missing = [...ids].filter(id => !known.has(id));
		const next = new Map([...known].filter(([id]) => ids.has(id)));
		for (let i = 0; i < missing.length; i += INSPECT_CONCURRENCY) {
			const batch = await Promise.all(missing.slice(i, i + INSPECT_CONCURRENCY).map(id => inspectImage(this.engine.api, id).then(d => [id, d.layers] as const, () => undefined)));
			for (const entry of batch) if (entry) next.set(entry[0], entry[1]);
		}
		if (missing.length || next.size !== known.size) this.update({ layerIndex: next });
	}


	/**
	 * Inspects containers a few at a time to learn how each one runs. `background` ones wait their
	 * turn, `shown` ones (on screen) go first, and `changed` ones (an event said so) go first and are
	 * inspected again even when an inspect is already under way, whose answer may predate the change.
	 */
	private queueFacts(ids: readonly string[], kind: 'background' | 'shown' | 'changed'): void {
		const first = kind !== 'background';
		for (const id of first ? [...ids].reverse() : ids) {
			if (this.factInFlight.has(id)) {
				if (kind === 'changed') this.factAgain.add(id);
				continue;
			}
			if (this.factQueued.has(id)) {
				if (!first) continue;
				this.factQueue.splice(this.factQueue.indexOf(id), 1);
			}
			this.factQueued.add(id);
			if (first) this.factQueue.unshift(id);
			else this.factQueue.push(id);
		}
		while (this.factWorkers < INSPECT_CONCURRENCY && this.factQueue.length > 0) {
			this.factWorkers++;
			void this.factWorker();
		}
	}

	private async factWorker(): Promise<void> {
		const batch = new Map<string, ContainerRunFacts>();
		let lastFlush = Date.now();
		const flush = () => {
			if (batch.size === 0) return;
			const facts = new Map(this.snapshot.facts);
			for (const [id, value] of batch) facts.set(id, value);
			const done = [...batch.keys()];
			batch.clear();
			lastFlush = Date.now();
			this.update({ facts });
			for (const id of done) this.factSettled(id);
		};
		try {
			for (let id = this.factQueue.shift(); id !== undefined; id = this.factQueue.shift()) {
				this.factQueued.delete(id);
				this.factInFlight.add(id);
				try {
					const detail = await inspectContainer(this.engine.api, id);
					const { tty, openStdin, attachStdout, startedAt, finishedAt, exitCode, restartCount } = detail;
					batch.set(id, { tty, openStdin, attachStdout, startedAt, finishedAt, exitCode, restartCount });
				} catch {
					// removed meanwhile, or the engine is down: the next list or event brings it back
					this.factSettled(id);
				}
				if (Date.now() - lastFlush > 100) flush();
			}
		} finally {
			flush();
			this.factWorkers--;
		}
	}

	/** An inspect is in (published) or failed: inspects it again if it changed meanwhile. */
	private factSettled(id: string): void {
		this.factInFlight.delete(id);
		if (this.factAgain.delete(id)) this.queueFacts([id], 'changed');
	}

	private dropFacts(id: string): void {
		if (!this.snapshot.facts.has(id)) return;
		const facts = new Map(this.snapshot.facts);
		facts.delete(id);
		this.update({ facts });
	}

	private update(patch: Partial<Snapshot>): void {
		this.snapshot = { ...this.snapshot, ...patch };
		for (const listener of this.listeners) listener();
	}
}
