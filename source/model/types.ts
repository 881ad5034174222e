/** Domain types: what the rest of dockdeck knows about the engine. Only docker/ sees raw API JSON. */

export type ContainerState = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

/** What a container's healthcheck last said; absent when it has none. */
export type ContainerHealth = 'starting' | 'healthy' | 'unhealthy';

/** One row of the containers list (`docker ps -a`). */
export interface ContainerSummary {
	readonly id: string;
	readonly name: string;
	readonly image: string;
	readonly imageId: string;
	readonly state: ContainerState;
	/** The engine's status text as of the last list, e.g. "Up 5 minutes", "Exited (3) 2 hours ago". */
	readonly status: string;
	readonly ports: string;
	/** ms since epoch */
	readonly created: number;
	readonly command: string;
	/** Parsed from the status text for exited containers. */
	readonly exitCode?: number;
	/** From the status text, then kept current by health_status events. */
	readonly health?: ContainerHealth;
}

/**
 * The parts of a container's config that tell how it runs. They never change for a container id,
 * except the times and exit code, which events refresh.
 */
export interface ContainerRunFacts {
	readonly tty: boolean;
	readonly openStdin: boolean;
	readonly attachStdout: boolean;
	readonly startedAt?: number;
	readonly finishedAt?: number;
	readonly exitCode: number;
	readonly restartCount: number;
}

export interface Mount {
	readonly type: string;
	readonly source: string;
	readonly destination: string;
	readonly readWrite: boolean;
}

/** Everything the detail pane shows for a container (`docker inspect`). */
export interface ContainerDetail extends ContainerRunFacts {
	readonly id: string;
	readonly name: string;
	readonly image: string;
	readonly imageId: string;
	readonly state: ContainerState;
	readonly error: string;
	readonly command: string;
	/** Config.Cmd and Config.Entrypoint as run: compared with the image's to show what docker run changed. */
	readonly cmd: readonly string[] | null;
	readonly entrypoint: readonly string[] | null;
	readonly env: readonly string[];
	readonly mounts: readonly Mount[];
	readonly ports: readonly string[];
	readonly created: number;
	readonly workingDir: string;
	readonly user: string;
	readonly restartPolicy: string;
	/** The healthcheck's verdict, how many probes failed in a row, and what the last probe printed. */
	readonly health?: { readonly status: ContainerHealth; readonly failingStreak: number; readonly lastOutput: string };
}

/** One row of the images list: one per tag, or one `<none>` row for an untagged image. */
export interface ImageRow {
	/** Unique per row: image id plus tag. */
	readonly key: string;
	readonly id: string;
	readonly repository: string;
	readonly tag: string;
	readonly dangling: boolean;
	readonly size: number;
	/** ms since epoch */
	readonly created: number;
	readonly digests: readonly string[];
	/** The image it was built or committed on, when the engine knows it locally (legacy builder, commit). */
	readonly parentId?: string;
}

/** Image config as `docker image inspect` shows it. */
export interface ImageDetail {
	readonly id: string;
	readonly tags: readonly string[];
	readonly digests: readonly string[];
	readonly cmd: readonly string[] | null;
	readonly entrypoint: readonly string[] | null;
	readonly env: readonly string[];
	readonly workingDir: string;
	readonly user: string;
	readonly exposedPorts: readonly string[];
	readonly labels: Readonly<Record<string, string>>;
	readonly size: number;
	readonly created: number;
	readonly architecture: string;
	readonly os: string;
	/** Uncompressed layer digests (diff IDs), oldest first. */
	readonly layers: readonly string[];
}

/** One `docker image history` entry, mapped onto the filesystem layer it produced (if any). */
export interface LayerRow {
	readonly instruction: string;
	readonly size: number;
	readonly created: number;
	/** True when the step only changed metadata and added no filesystem layer. */
	readonly empty: boolean;
	/** The diff ID this step produced; undefined for metadata steps or when the mapping is unknown. */
	readonly digest?: string;
}

export interface ImageLayers {
	/** Newest first, like `docker image history`. */
	readonly rows: readonly LayerRow[];
	/** How the rows were matched to digests: by the history alone, by the local parent images' layer counts, by the image config, or not at all. */
	readonly mapping: 'history' | 'parents' | 'config' | 'unknown';
}

/** What the header says about the engine. */
export interface EngineInfo {
	readonly address: string;
	readonly version: string;
	readonly apiVersion: string;
	readonly os: string;
	readonly arch: string;
}

/** A parsed event from /events, reduced to what the store needs. */
export interface EngineEvent {
	readonly type: string;
	readonly action: string;
	readonly id: string;
	readonly attributes: Readonly<Record<string, string>>;
}
