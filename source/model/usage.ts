/** Disk usage as dockdeck shows it: what `docker system df -v` says, per object and in total. */

/** An image's bytes as `docker system df -v` splits them. */
export interface ImageUsage {
	readonly size: number;
	/** Bytes in layers other local images also have. */
	readonly shared: number;
	/** Bytes only this image holds: what removing it (all its tags) would free. */
	readonly unique: number;
	readonly containers: number;
}

/** A container's thin writable layer next to the image below it. */
export interface ContainerUsage {
	readonly sizeRw: number;
	readonly sizeRootFs: number;
}

/** One line of the `docker system df` summary. */
export interface UsageLine {
	readonly type: 'Images' | 'Containers' | 'Local Volumes' | 'Build Cache';
	readonly total: number;
	readonly active: number;
	readonly size: number;
	readonly reclaimable: number;
}

/** What the disk-usage endpoint says, per object and in total. */
export interface DiskUsage {
	readonly images: ReadonlyMap<string, ImageUsage>;
	readonly containers: ReadonlyMap<string, ContainerUsage>;
	readonly summary: readonly UsageLine[];
	/** When it was read (ms since epoch). */
	readonly at: number;
}
