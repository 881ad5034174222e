/** What the learn texts and the detail pane are made of: values read from the engine, no text. A leaf: it imports nothing. */

/** A parsed image reference, with the parts Docker fills in when they are left out. */
export interface ReferenceFacts {
	readonly text: string;
	readonly registry: string;
	readonly registryDefaulted: boolean;
	readonly namespace: string;
	readonly namespaceDefaulted: boolean;
	readonly name: string;
	readonly tag: string;
	readonly tagDefaulted: boolean;
}

/** What the learn pane says about a container, read from the engine: no text, only values. */
export interface ContainerFacts {
	readonly name: string;
	readonly mode: 'detached' | 'interactive' | 'attached' | 'running' | 'exited' | 'created' | 'paused' | 'other';
	readonly exitCode?: number;
	readonly image: string;
	/** Filesystem layers of its image, once the image's detail is read. */
	readonly imageLayers?: number;
	/** Other local images that share at least one of those layers. */
	readonly sharingImages?: number;
	/** Other containers made from the same image. */
	readonly siblings: number;
	/** What it wrote to its own layer, formatted, once disk usage is read. */
	readonly written?: string;
	readonly wroteNothing?: boolean;
	/** What docker run set or changed, against the image's config. */
	readonly overrides?: { readonly env: number; readonly cmd: boolean; readonly entrypoint: boolean };
	/** The detach keys in force, as a person types them ("ctrl-p ctrl-q"). */
	readonly detachKeys: string;
}

/** What the learn pane says about an image. */
export interface ImageFacts {
	readonly label: string;
	readonly dangling: boolean;
	readonly reference?: ReferenceFacts;
	/** "name@sha256:…", when a registry gave the image a digest. */
	readonly digestReference?: string;
	readonly layers?: number;
	readonly size: string;
	/** Other local images sharing at least one layer with it. */
	readonly sharingImages: number;
	readonly containers: number;
	readonly running: number;
	/** Other tags of the same image. */
	readonly otherTags: number;
	/** What removing it would free now, once disk usage is read. */
	readonly frees?: string;
}

/** What the learn pane says about one step of an image's history. */
export interface LayerFacts {
	readonly image: string;
	readonly position: number;
	readonly total: number;
	readonly instruction: string;
	/** The Dockerfile keyword of the step (RUN, COPY, ENV, CMD, …), or '' when not known. */
	readonly keyword: string;
	readonly empty: boolean;
	readonly size: string;
	readonly sharingImages?: number;
	/** The local image the step came from with FROM. */
	readonly base?: string;
	/** Steps after this one, which a change here would run again. */
	readonly later: number;
}

/** One docker command equivalent to a key, with the real arguments. */
export interface Equivalent {
	readonly key: string;
	readonly command: string;
}
