import type { EngineApi } from '../docker/api.js';
import type { StreamState } from '../docker/events.js';
import type { ContainerUsage, DiskUsage } from '../model/usage.js';
import type {
	ContainerDetail,
	ContainerRunFacts,
	ContainerSummary,
	EngineInfo,
	ImageDetail,
	ImageLayers,
	ImageRow,
} from '../model/types.js';

/** A value fetched on demand: kept while it is refreshed, so the screen never blanks. */
export interface Resource<T> {
	readonly value?: T;
	readonly error?: string;
	/** The object changed since this was fetched: shown until the refetch lands. */
	readonly stale?: boolean;
}

export type DetailKind = 'container' | 'image' | 'layers';
export type DetailValue = ContainerDetail | ImageDetail;

/** Everything the panels read, replaced (never mutated) on each change. */
export interface Snapshot {
	readonly engine: EngineInfo;
	readonly connection: StreamState | { readonly status: 'connecting' };
	readonly containers: readonly ContainerSummary[];
	readonly images: readonly ImageRow[];
	readonly loaded: boolean;
	readonly facts: ReadonlyMap<string, ContainerRunFacts>;
	/** Inspects of containers and images, by "container:<id>" or "image:<id>"; an event marks one stale. */
	readonly details: ReadonlyMap<string, Resource<DetailValue>>;
	/** Each image's layers mapped to its history, by image id: an id names its content, so never refetched. */
	readonly layers: ReadonlyMap<string, Resource<ImageLayers>>;
	/** When the lists were last read from the engine (ms since epoch); 0 before the first read. */
	readonly syncedAt: number;
	/** The last failed refresh, shown in the status line until the next success. */
	readonly refreshError?: string;
	/** Disk usage (`docker system df`), read while sizes are on screen. */
	readonly usage?: DiskUsage;
	/** Each container's thin writable layer, measured for that container when it is looked at (or by a df). */
	readonly sizes: ReadonlyMap<string, ContainerUsage>;
	/** Each image's filesystem layers (diff IDs, oldest first), to see which images share a layer. */
	readonly layerIndex: ReadonlyMap<string, readonly string[]>;
	/** The index has been read for the images listed at start: until then, counts of sharing would be partial. */
	readonly layerIndexReady: boolean;
}

/** What the parts of the store share: the engine's client and the snapshot they read and replace. */
export interface StoreCore {
	readonly api: EngineApi;
	snapshot(): Snapshot;
	update(patch: Partial<Snapshot>): void;
}
