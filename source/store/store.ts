import { listContainers, inspectContainer } from '../docker/containers.js';
import type { Engine } from '../docker/client.js';
import { engineMessage } from '../docker/errors.js';
import { watchEvents, type StreamState } from '../docker/events.js';
import { inspectImage, listImages } from '../docker/images.js';
import { readDiskUsage, type DiskUsage } from '../docker/usage.js';
import { imageLayers } from '../docker/layers.js';
import type { ContainerDetail, ContainerRunFacts, ContainerSummary, EngineEvent, EngineInfo, ImageDetail, ImageLayers, ImageRow } from '../docker/types.js';
import { coalesce } from './debounce.js';

/** A value fetched on demand: kept while it is refreshed, so the screen never blanks. */
export interface Resource<T> {
	readonly value?: T;
	readonly error?: string;
	readonly loading: boolean;
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

const CONTAINER_FACT_ACTIONS = new Set(['start', 'die', 'restart', 'pause', 'unpause', 'kill', 'stop', 'oom']);
const MAX_DETAILS = 200;
const INSPECT_CONCURRENCY = 4;

/** The live model of one engine, fed by /events. */
export class Store {
	private snapshot: Snapshot;
	private readonly listeners = new Set<() => void>();
	private readonly detailRevision = new Map<string, number>();
	private readonly factQueue: string[] = [];
	private readonly factPending = new Set<string>();
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

	/** Asks for a detail (inspect, layers) of one object; cached until an event says it changed. */
	request(kind: DetailKind, id: string): void {
		const key = `${kind}:${id}`;
		const current = this.snapshot.details.get(key);
		if (current && (current.loading || !current.stale)) return;
		this.setDetail(key, { value: current?.value, loading: true });
		const revision = this.detailRevision.get(id) ?? 0;
		const load = (): Promise<DetailValue> => {
			const docker = this.engine.api;
			if (kind === 'container') return inspectContainer(docker, id);
			if (kind === 'image') return inspectImage(docker, id);
			return inspectImage(docker, id).then(image => imageLayers(docker, id, image.layers));
		};
		load().then(
			value => this.settleDetail(key, id, revision, { value, loading: false }),
			(error: unknown) => this.settleDetail(key, id, revision, { error: engineMessage(error), loading: false }),
		);
	}

	private settleDetail(key: string, id: string, revision: number, resource: Resource<DetailValue>): void {
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
			if (key.endsWith(`:${id}`) && !value.loading) {
				details ??= new Map(this.snapshot.details);
				details.set(key, { ...value, stale: true });
			}
		}
		if (details) this.update({ details });
	}

	private onEvent(event: EngineEvent): void {
		if (event.type === 'container') {
			if (CONTAINER_FACT_ACTIONS.has(event.action)) this.queueFacts([event.id], true);
			if (event.action === 'destroy') this.dropFacts(event.id);
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
			this.containerRefresh.trigger();
			this.imageRefresh.trigger();
		}
	}

	private async refreshContainers(): Promise<void> {
		try {
			const containers = await listContainers(this.engine.api);
			this.containersLoaded = true;
			this.update({ containers, loaded: this.containersLoaded && this.imagesLoaded, syncedAt: Date.now(), refreshError: undefined });
			const missing = containers.filter(c => !this.snapshot.facts.has(c.id)).map(c => c.id);
			this.queueFacts(missing, false);
			this.usageRefresh.trigger();
		} catch (error) {
			this.update({ refreshError: `Listing containers failed: ${engineMessage(error)}` });
		}
	}

	private async refreshImages(): Promise<void> {
		try {
			const images = await listImages(this.engine.api);
			this.imagesLoaded = true;
			this.update({ images, loaded: this.containersLoaded && this.imagesLoaded, syncedAt: Date.now(), refreshError: undefined });
			this.usageRefresh.trigger();
			this.layerIndexRefresh.trigger();
		} catch (error) {
			this.update({ refreshError: `Listing images failed: ${engineMessage(error)}` });
		}
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


	/** Inspects containers in the background, a few at a time, to learn how each one runs. */
	private queueFacts(ids: readonly string[], urgent: boolean): void {
		for (const id of ids) {
			if (this.factPending.has(id)) continue;
			this.factPending.add(id);
			if (urgent) this.factQueue.unshift(id);
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
			batch.clear();
			lastFlush = Date.now();
			this.update({ facts });
		};
		try {
			for (let id = this.factQueue.shift(); id !== undefined; id = this.factQueue.shift()) {
				this.factPending.delete(id);
				try {
					const detail = await inspectContainer(this.engine.api, id);
					const { tty, openStdin, attachStdout, startedAt, finishedAt, exitCode, restartCount } = detail;
					batch.set(id, { tty, openStdin, attachStdout, startedAt, finishedAt, exitCode, restartCount });
				} catch {
					// removed meanwhile, or the engine is down: the next list or event brings it back
				}
				if (Date.now() - lastFlush > 50) flush();
			}
		} finally {
			flush();
			this.factWorkers--;
		}
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
