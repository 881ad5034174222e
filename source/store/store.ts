import type { Engine } from '../docker/client.js';
import { engineMessage } from '../docker/errors.js';
import { type StreamState } from '../docker/events.js';
import type { ContainerRunFacts, ContainerSummary, EngineEvent, ImageLayers } from '../model/types.js';
import { ContainerSync } from './container-sync.js';
import { eventEffect } from './event-effects.js';
import { FactQueue } from './fact-queue.js';
import { ImageSync } from './image-sync.js';
import { Sizes, type SizeKind } from './sizes.js';
import type { DetailKind, DetailValue, Resource, Snapshot, StoreCore } from './snapshot.js';

export type { DetailKind, Resource, Snapshot } from './snapshot.js';

const LIVE_STATES = new Set<ContainerSummary['state']>(['running', 'paused', 'restarting']);
const MAX_DETAILS = 200;

/**
 * The live model of one engine, fed by /events. Each event costs work in proportion to what it
 * changed: the container or image it names is read again on its own (see event-effects.ts for the
 * events that change nothing shown), the whole lists only at start and after a reconnect.
 */
export class Store {
	private snapshot: Snapshot;
	private readonly listeners = new Set<() => void>();
	private readonly eventWatchers = new Set<(event: EngineEvent) => void>();
	private readonly detailRevision = new Map<string, number>();
	private readonly detailsInFlight = new Set<string>();
	/** Containers whose facts were asked for since their last read, so a failing inspect is not retried on every render. */
	private readonly factAsked = new Set<string>();
	/** Containers an event said changed how they run: inspected once their row is read again. */
	private readonly factsDue = new Set<string>();
	/** Layer counts of images that are not listed (a legacy build's intermediate steps), by id. */
	private readonly layerCounts = new Map<string, Promise<number | undefined>>();
	private indexed: readonly ContainerSummary[] = [];
	private indexById = new Map<string, ContainerSummary>();
	private stopEvents?: () => void;
	private readonly core: StoreCore;
	private readonly containers: ContainerSync;
	private readonly images: ImageSync;
	private readonly sizes: Sizes;
	private readonly facts: FactQueue;

	constructor(private readonly engine: Engine) {
		this.snapshot = {
			engine: engine.info,
			connection: { status: 'connecting' },
			containers: [],
			images: [],
			loaded: false,
			syncedAt: 0,
			facts: new Map(),
			details: new Map(),
			layers: new Map(),
			sizes: new Map(),
			layerIndex: new Map(),
			layerIndexReady: false,
		};
		this.core = { api: engine.api, snapshot: () => this.snapshot, update: patch => this.update(patch) };
		const ready = () => this.containers.isLoaded && this.images.isLoaded;
		this.sizes = new Sizes(this.core, ready);
		this.facts = new FactQueue(
			id =>
				engine.api
					.inspectContainer(id)
					.then(({ tty, openStdin, attachStdout, startedAt, finishedAt, exitCode, restartCount }): ContainerRunFacts => ({
						tty,
						openStdin,
						attachStdout,
						startedAt,
						finishedAt,
						exitCode,
						restartCount,
					})),
			batch => this.update({ facts: new Map([...this.snapshot.facts, ...batch]) }),
		);
		this.containers = new ContainerSync(this.core, {
			listed: (containers, changed) => this.containersListed(containers, changed),
			setChanged: () => this.sizes.containersChanged(),
		});
		this.images = new ImageSync(this.core, {
			changed: ids => ids.forEach(id => this.invalidate(`image:${id}`)),
			setChanged: () => this.sizes.imagesChanged(),
			listed: () => this.markLoaded(),
		});
	}

	readonly subscribe = (listener: () => void): (() => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	readonly getSnapshot = (): Snapshot => this.snapshot;

	/** Subscribes to /events; every (re)connect re-lists everything. */
	start(): void {
		this.stopEvents = this.engine.api.watchEvents(
			event => this.onEvent(event),
			state => this.onStreamState(state),
		);
	}

	/**
	 * Start-up: reads ahead what the dashboard's first frame shows, so that it is drawn once and full
	 * rather than as "Loading…" and then again as each answer lands: both lists, how the first
	 * `rows` containers run, the first container, its image and its thin layer, the first image's
	 * layers, and the images' disk usage (the images panel shows it) where it is cheap: on API 1.42+
	 * (images are read alone), or with a few containers. An older engine sizes every container to
	 * answer (~250 ms at 1,000 containers, ~800 at 5,000, more than the lists): with more than
	 * CHEAP_USAGE_CONTAINERS (Sizes) it is asked for once the rest is in, the frame is drawn without it,
	 * and the UNIQUE and SHARED columns say "…" until it lands.
	 * `rows` is how many container rows the frame shows. Resolves when all of that is in, or after
	 * `capMs`, whichever comes first.
	 */
	firstFrame(rows: number, capMs: number): Promise<void> {
		const releaseSizes = this.sizes.show('images');
		const releaseIndex = this.images.holdIndex();
		const usage = this.sizes.startUp();
		let asked: { ids: readonly string[]; details: readonly string[]; layers?: string; size?: string; usage: boolean } | undefined;
		const ask = () => {
			const { containers, images } = this.snapshot;
			const first = containers[0];
			// noted before anything is asked: asking changes the snapshot, which calls `done` again
			asked = {
				ids: containers.slice(0, rows).map(c => c.id),
				details: first ? [`container:${first.id}`, `image:${first.imageId}`] : [],
				layers: images[0]?.id,
				size: first?.id,
				usage: usage.listed(containers.length),
			};
			this.wantFacts(asked.ids);
			if (first) {
				this.request('container', first.id);
				this.request('image', first.imageId);
				this.sizes.prefetchContainer(first.id);
			}
			if (images[0]) this.requestLayers(images[0].id);
			return asked;
		};
		const done = () => {
			if (!this.snapshot.loaded) return false;
			asked ??= ask();
			const layers = asked.layers ? this.snapshot.layers.get(asked.layers) : undefined;
			return (
				asked.ids.every(id => !this.facts.pending(id)) &&
				asked.details.every(key => !this.detailsInFlight.has(key)) &&
				(!asked.layers || Boolean(layers?.value || layers?.error)) &&
				(!asked.size || this.snapshot.sizes.has(asked.size)) &&
				(this.snapshot.usage !== undefined || !asked.usage)
			);
		};
		// the screen says it shows sizes from its first frame on
		return this.until(done, capMs).then(() => {
			// while the frame still shows sizes: an old engine's df goes out now
			usage.release();
			releaseSizes();
			// the layer index (an inspect per image) read beside a `system df` that sizes every
			// container doubles its time: it waits for the usage the frame went without
			void this.until(() => this.snapshot.usage !== undefined, capMs).then(releaseIndex);
		});
	}

	/**
	 * Resolves once both lists have been asked for and their requests are on their way (the event
	 * stream is live, and the event loop has turned so the sockets could connect and write), or
	 * after `capMs`.
	 */
	async listsAsked(capMs: number): Promise<void> {
		await this.until(() => this.snapshot.connection.status === 'live', capMs);
		for (let turn = 0; turn < 2; turn++) await new Promise(resolve => setImmediate(resolve));
	}

	/** Resolves when `condition` holds after some change of the snapshot (or already), or after `capMs`. */
	private until(condition: () => boolean, capMs: number): Promise<void> {
		return new Promise(resolve => {
			const finish = () => {
				clearTimeout(timer);
				unsubscribe();
				resolve();
			};
			const timer = setTimeout(finish, capMs);
			const unsubscribe = this.subscribe(() => {
				if (condition()) finish();
			});
			if (condition()) finish();
		});
	}

	stop(): void {
		this.stopEvents?.();
		this.containers.cancel();
		this.images.cancel();
		this.sizes.cancel();
		this.facts.stop();
	}

	/**
	 * Asks for a detail (inspect, layers) of one object; an inspect is cached until an event says it
	 * changed, layers for as long as dockdeck runs. While it loads nothing is published (the screen
	 * already says "Loading…" where there is no value), so a cursor step costs one frame for the step
	 * and one when the detail lands.
	 */
	request(kind: DetailKind, id: string): void {
		if (kind === 'layers') return this.requestLayers(id);
		const key = `${kind}:${id}`;
		const current = this.snapshot.details.get(key);
		if (this.detailsInFlight.has(key) || (current && !current.stale)) return;
		this.detailsInFlight.add(key);
		const revision = this.detailRevision.get(key) ?? 0;
		const load = (): Promise<DetailValue> =>
			kind === 'container' ? this.engine.api.inspectContainer(id) : this.engine.api.inspectImage(id);
		load().then(
			value => this.settleDetail(key, revision, { value }),
			(error: unknown) => this.settleDetail(key, revision, { error: engineMessage(error) }),
		);
	}

	/** Says a view shows sizes; the function it returns says it no longer does (see sizes.ts). */
	showSizes(kind: SizeKind): () => void {
		return this.sizes.show(kind);
	}

	/** Reads disk usage again now (the usage view opens, or its reload). */
	refreshUsageNow(): void {
		this.sizes.readNow();
	}

	/** A container's thin layer is on screen (detail, learn or changes pane): measured for it alone, again when it changes. */
	readonly watchContainerSize = (id: string): (() => void) => this.sizes.watchContainer(id);

	/**
	 * Asks how some containers run (the containers panel calls this with the rows on screen): the
	 * ones not known yet are inspected first. Created containers need no inspect to be shown.
	 */
	readonly wantFacts = (ids: readonly string[]): void => {
		const byId = this.byId();
		const missing = ids.filter(
			id => !this.snapshot.facts.has(id) && !this.factAsked.has(id) && byId.has(id) && byId.get(id)!.state !== 'created',
		);
		for (const id of missing) this.factAsked.add(id);
		if (missing.length) this.facts.add(missing, 'shown');
	};

	/** Hears every event of the engine as it arrives (the events view); the function it returns stops that. */
	readonly watchEvents = (watcher: (event: EngineEvent) => void): (() => void) => {
		this.eventWatchers.add(watcher);
		return () => this.eventWatchers.delete(watcher);
	};

	private onEvent(event: EngineEvent): void {
		for (const watcher of this.eventWatchers) watcher(event);
		const effect = eventEffect(event);
		switch (effect.kind) {
			case 'none':
				return;
			case 'container':
				if (effect.facts) {
					this.factsDue.add(effect.id);
					this.sizes.containerChanged(effect.id);
				}
				this.invalidate(`container:${effect.id}`);
				return this.containers.changed(effect.id);
			case 'containerGone':
				this.factsDue.delete(effect.id);
				this.facts.drop(effect.id);
				this.forget(effect.id);
				this.sizes.containerGone(effect.id);
				return this.containers.gone(effect.id);
			case 'health':
				this.invalidate(`container:${effect.id}`);
				return this.containers.health(effect.id, effect.health);
			case 'containerFiles':
				return this.sizes.containerChanged(effect.id);
			case 'image':
				this.invalidate(`image:${effect.id}`);
				return this.images.changed(effect.id, effect.name);
			case 'imageGone':
				return this.images.gone(effect.id);
		}
	}

	private onStreamState(state: StreamState): void {
		this.update({ connection: state });
		if (state.status !== 'live') return;
		// at once: the first frame waits on these, and after a reconnect events may have been missed
		this.containers.relist();
		this.images.relist();
		// what failed while the engine was away is asked again when next shown
		for (const [key, value] of this.snapshot.details) if (value.error) this.invalidate(key);
		this.retryFailedLayers();
	}

	/** The containers by id, rebuilt when the list changed. */
	private byId(): ReadonlyMap<string, ContainerSummary> {
		if (this.indexed !== this.snapshot.containers) {
			this.indexed = this.snapshot.containers;
			this.indexById = new Map(this.indexed.map(c => [c.id, c]));
		}
		return this.indexById;
	}

	private containersListed(containers: readonly ContainerSummary[], changed: ReadonlySet<string> | 'all'): void {
		const byId = this.byId();
		if (changed === 'all') this.factAsked.clear();
		else for (const id of changed) this.factAsked.delete(id);
		const due = [...this.factsDue].filter(id => byId.has(id));
		for (const id of due) this.factsDue.delete(id);
		this.facts.add(due, 'changed');
		// in the background, how each running container runs (its mode badge and uptime); stopped
		// ones are inspected when they come on screen
		this.facts.add(
			containers.filter(c => LIVE_STATES.has(c.state) && !this.snapshot.facts.has(c.id)).map(c => c.id),
			'background',
		);
		this.markLoaded();
	}

	/** Both lists are in: the screen can say what is there, and sizes on screen are read. */
	private markLoaded(): void {
		if (this.snapshot.loaded || !this.containers.isLoaded || !this.images.isLoaded) return;
		this.update({ loaded: true });
		this.sizes.listsReady();
	}

	/** An image's layers: asked once per id, ever; a failure is asked again after a reconnect. */
	private requestLayers(id: string): void {
		if (this.snapshot.layers.has(id)) return;
		const set = (resource: Resource<ImageLayers>) => this.update({ layers: new Map(this.snapshot.layers).set(id, resource) });
		set({});
		const diffIds = this.snapshot.layerIndex.get(id);
		const load = async () =>
			this.engine.api.imageLayers(id, diffIds ?? (await this.engine.api.inspectImage(id)).layers, image => this.layerCount(image));
		load().then(
			value => set({ value }),
			(error: unknown) => set({ error: engineMessage(error) }),
		);
	}

	private retryFailedLayers(): void {
		const failed = [...this.snapshot.layers].filter(([, r]) => r.error);
		if (!failed.length) return;
		const layers = new Map(this.snapshot.layers);
		for (const [id] of failed) layers.delete(id);
		this.update({ layers });
	}

	/** How many layers an image has: from the index when it is listed, else one inspect, remembered. */
	private layerCount(id: string): Promise<number | undefined> {
		const listed = this.snapshot.layerIndex.get(id);
		if (listed) return Promise.resolve(listed.length);
		let known = this.layerCounts.get(id);
		if (!known) {
			known = this.engine.api.inspectImage(id).then(
				d => d.layers.length,
				() => undefined,
			);
			this.layerCounts.set(id, known);
		}
		return known;
	}

	private settleDetail(key: string, revision: number, resource: Resource<DetailValue>): void {
		this.detailsInFlight.delete(key);
		// changed while loading: keep the result but mark it stale, so the next request fetches again
		const stale = (this.detailRevision.get(key) ?? 0) !== revision;
		const details = new Map(this.snapshot.details);
		details.delete(key);
		details.set(key, stale ? { ...resource, stale } : resource);
		while (details.size > MAX_DETAILS) details.delete(details.keys().next().value as string);
		this.update({ details });
	}

	/** Marks a cached detail stale: kept on screen, refetched when next requested. */
	private invalidate(key: string): void {
		this.detailRevision.set(key, (this.detailRevision.get(key) ?? 0) + 1);
		const value = this.snapshot.details.get(key);
		if (value && !value.stale) this.update({ details: new Map(this.snapshot.details).set(key, { ...value, stale: true }) });
	}

	/** Drops what is known of a destroyed container. */
	private forget(id: string): void {
		const key = `container:${id}`;
		this.detailRevision.delete(key);
		const facts = this.snapshot.facts.has(id) ? new Map(this.snapshot.facts) : undefined;
		facts?.delete(id);
		const details = this.snapshot.details.has(key) ? new Map(this.snapshot.details) : undefined;
		details?.delete(key);
		if (facts || details) this.update({ ...(facts ? { facts } : {}), ...(details ? { details } : {}) });
	}

	private update(patch: Partial<Snapshot>): void {
		this.snapshot = { ...this.snapshot, ...patch };
		for (const listener of this.listeners) listener();
	}
}
