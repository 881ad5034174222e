import type Docker from 'dockerode';
import type { ContainerUsage, DiskUsage, ImageUsage, UsageLine } from '../model/usage.js';

interface DfJson {
	LayersSize?: number;
	Images?: { Id: string; Size: number; SharedSize: number; Containers: number }[] | null;
	Containers?: { Id: string; State?: string; SizeRw?: number; SizeRootFs?: number; ImageID?: string }[] | null;
	Volumes?: { UsageData?: { Size?: number; RefCount?: number } | null }[] | null;
	BuildCache?: { InUse?: boolean; Shared?: boolean; Size?: number }[] | null;
}

/** `GET /system/df?type=image` (API 1.42 and later): the images' split alone, without sizing every container. */
export async function readImageUsage(docker: Docker): Promise<ReadonlyMap<string, ImageUsage>> {
	const df = (await docker.df({ type: ['image'] } as never)) as unknown as DfJson;
	return imageUsageOf(df.Images ?? []);
}

function imageUsageOf(images: NonNullable<DfJson['Images']>): Map<string, ImageUsage> {
	const usage = new Map<string, ImageUsage>();
	for (const i of images) {
		const shared = Math.max(0, i.SharedSize);
		usage.set(i.Id, { size: i.Size, shared, unique: Math.max(0, i.Size - shared), containers: Math.max(0, i.Containers) });
	}
	return usage;
}

/**
 * `GET /system/df`, reduced the way `docker system df` and `docker system df -v` show it. The
 * engine sizes every container's writable layer for this, which is slow on big hosts: the store
 * reads it only while sizes are on screen.
 */
export async function readDiskUsage(docker: Docker): Promise<DiskUsage> {
	const df = (await docker.df()) as DfJson;
	const images = df.Images ?? [];
	const containers = df.Containers ?? [];
	const volumes = df.Volumes ?? [];
	const cache = df.BuildCache ?? [];
	const imageUsage = imageUsageOf(images);
	const containerUsage = new Map<string, ContainerUsage>(
		containers.map(c => [c.Id, { sizeRw: c.SizeRw ?? 0, sizeRootFs: c.SizeRootFs ?? 0 }]),
	);
	// the docker CLI's sums, so the figures agree with `docker system df`: an image is active when a
	// container uses it, and everything but the active images' unique bytes counts as reclaimable
	const activeImages = images.filter(i => i.Containers > 0);
	// a container is active while it is up (running, paused or restarting), as the CLI counts it:
	// container prune removes only the rest, so only their bytes are reclaimable
	const up = containers.filter(c => c.State === 'running' || c.State === 'paused' || c.State === 'restarting');
	const usedVolumes = volumes.filter(v => (v.UsageData?.RefCount ?? 0) > 0);
	const sum = <T>(list: readonly T[], size: (x: T) => number) => list.reduce((n, x) => n + Math.max(0, size(x)), 0);
	const layersSize = df.LayersSize ?? sum(images, i => i.Size - Math.max(0, i.SharedSize));
	const summary: UsageLine[] = [
		{
			type: 'Images',
			total: images.length,
			active: activeImages.length,
			size: layersSize,
			reclaimable: Math.max(0, layersSize - sum(activeImages, i => i.Size - Math.max(0, i.SharedSize))),
		},
		{
			type: 'Containers',
			total: containers.length,
			active: up.length,
			size: sum(containers, c => c.SizeRw ?? 0),
			reclaimable: sum(
				containers.filter(c => !up.includes(c)),
				c => c.SizeRw ?? 0,
			),
		},
		{
			type: 'Local Volumes',
			total: volumes.length,
			active: usedVolumes.length,
			size: sum(volumes, v => v.UsageData?.Size ?? 0),
			reclaimable: sum(
				volumes.filter(v => !usedVolumes.includes(v)),
				v => v.UsageData?.Size ?? 0,
			),
		},
		{
			type: 'Build Cache',
			total: cache.length,
			active: cache.filter(c => c.InUse).length,
			size: sum(
				cache.filter(c => !c.Shared),
				c => c.Size ?? 0,
			),
			reclaimable: sum(
				cache.filter(c => !c.InUse && !c.Shared),
				c => c.Size ?? 0,
			),
		},
	];
	return { images: imageUsage, containers: containerUsage, summary, at: Date.now() };
}
