import type Docker from 'dockerode';
import { engineMessage } from './errors.js';
import { T } from '../i18n/index.js';

/** One thing a prune would remove, with what removing it should free. */
export interface PruneItem {
	readonly kind: 'container' | 'image' | 'build-cache';
	/** Container, image or build cache record id. */
	readonly id: string;
	readonly label: string;
	/** Bytes it alone holds: a container's writable layer, an image's unshared size. */
	readonly size: number;
	/** Image names to untag one by one (an image with several names cannot be removed by id without force). */
	readonly tags: readonly string[];
	readonly group: 'stopped containers' | 'dangling images' | 'unused images' | 'build cache';
}

interface DfImage {
	Id: string;
	Size: number;
	SharedSize: number;
	Containers: number;
	RepoTags: string[] | null;
	ParentId: string;
}

interface DfBuildCache {
	ID: string;
	Type?: string;
	Description?: string;
	InUse?: boolean;
	Shared?: boolean;
	Size?: number;
	LastUsedAt?: string | null;
}

interface Df {
	LayersSize?: number;
	Images?: DfImage[];
	Containers?: { Id: string; Names?: string[]; State?: string; SizeRw?: number; ImageID?: string }[];
	BuildCache?: DfBuildCache[] | null;
}

/** Build cache records only the cache holds (not shared with an image) and no build is using. */
const danglingCache = (df: Df) => (df.BuildCache ?? []).filter(r => !r.InUse && !r.Shared);

/**
 * Bytes held by image layers, writable layers and build cache no image shares, from
 * `docker system df`: the before/after measure.
 */
export async function diskInUse(docker: Docker): Promise<number> {
	const df = (await docker.df()) as Df;
	const cache = (df.BuildCache ?? []).filter(r => !r.Shared).reduce((n, r) => n + (r.Size ?? 0), 0);
	return (df.LayersSize ?? 0) + (df.Containers ?? []).reduce((n, c) => n + (c.SizeRw ?? 0), 0) + cache;
}

const untagged = (tags: readonly string[] | null) => !tags?.length || tags.every(t => t === '<none>:<none>');

/**
 * What `docker container prune`, `docker image prune [-a]` and `docker builder prune` would remove
 * now, computed the way moby does (no dry run exists): stopped containers; images no container
 * uses (running or not), dangling ones being untagged and without children; build cache records
 * not in use and not shared with an image. Images with children are left out.
 */
export async function prunePreview(docker: Docker): Promise<PruneItem[]> {
	// intermediate images of classic builds are parents too, and only the full list shows them
	const [df, all] = await Promise.all([docker.df() as Promise<Df>, docker.listImages({ all: true })]);
	const containers = df.Containers ?? [];
	const images = df.Images ?? [];
	const used = new Set(containers.map(c => c.ImageID));
	const parents = new Set([...images, ...all].map(i => i.ParentId).filter(Boolean));
	const items: PruneItem[] = containers
		.filter(c => c.State === 'exited' || c.State === 'created' || c.State === 'dead')
		.map(c => ({
			kind: 'container',
			id: c.Id,
			label: (c.Names?.[0] ?? c.Id.slice(0, 12)).replace(/^\//, ''),
			size: c.SizeRw ?? 0,
			tags: [],
			group: 'stopped containers',
		}));
	for (const image of images) {
		if (used.has(image.Id) || parents.has(image.Id)) continue;
		const tags = (image.RepoTags ?? []).filter(t => t !== '<none>:<none>');
		items.push({
			kind: 'image',
			id: image.Id,
			label: tags.length ? tags.join(', ') : `<none> ${image.Id.replace('sha256:', '').slice(0, 12)}`,
			size: Math.max(0, image.Size - Math.max(0, image.SharedSize)),
			tags,
			group: untagged(image.RepoTags) ? 'dangling images' : 'unused images',
		});
	}
	for (const record of danglingCache(df)) {
		const description = (record.Description ?? '')
			.replace(/^\[[^\]]*\]\s*/, '')
			.replace(/\s+/g, ' ')
			.trim();
		items.push({
			kind: 'build-cache',
			id: record.ID,
			label: `${record.Type ?? 'cache'} ${record.ID.slice(0, 12)}${description ? ` ${description}` : ''}`,
			size: record.Size ?? 0,
			tags: [],
			group: 'build cache',
		});
	}
	return items;
}

/** How each removal went: removed, or skipped with the engine's reason. */
export interface PruneOutcome {
	readonly item: PruneItem;
	readonly removed: boolean;
	readonly reason?: string;
}

/**
 * Removes exactly the given items, one by one and never with force: a container started or an
 * image put to use since the preview is refused by the engine, and reported as skipped.
 */
export async function removeItems(docker: Docker, items: readonly PruneItem[]): Promise<PruneOutcome[]> {
	const outcomes: PruneOutcome[] = [];
	let inUse: Set<string> | undefined;
	for (const item of [...items].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'container' ? -1 : 1))) {
		try {
			if (item.kind === 'image') {
				// untagging name by name could strip one name before the engine refuses the next: check first
				inUse ??= new Set((await docker.listContainers({ all: true })).map(c => c.ImageID));
				if (inUse.has(item.id)) {
					outcomes.push({ item, removed: false, reason: T.misc.pruneSkip.inUse });
					continue;
				}
			}
			if (item.kind === 'build-cache') {
				const deleted = await pruneCacheRecord(docker, item.id);
				outcomes.push(deleted ? { item, removed: true } : { item, removed: false, reason: T.misc.pruneSkip.cacheBusy });
				continue;
			}
			if (item.kind === 'container') await docker.getContainer(item.id).remove({ force: false });
			else if (item.tags.length) for (const tag of item.tags) await docker.getImage(tag).remove({ force: false });
			else await docker.getImage(item.id).remove({ force: false });
			outcomes.push({ item, removed: true });
		} catch (error) {
			outcomes.push({ item, removed: false, reason: engineMessage(error) });
		}
	}
	return outcomes;
}

/**
 * Removes one build cache record by its full id (`POST /build/prune` with an id filter; moby
 * matches that filter as a pattern, and a full id matches only itself). dockerode's
 * pruneBuilder() drops its options, which would prune all dangling cache: it is not used.
 */
async function pruneCacheRecord(docker: Docker, id: string): Promise<boolean> {
	const result = await new Promise<{ CachesDeleted?: string[] | null }>((resolve, reject) => {
		const modem = docker.modem as unknown as { dial(options: object, callback: (error: unknown, data: unknown) => void): void };
		modem.dial(
			{
				path: '/build/prune?',
				method: 'POST',
				options: { filters: { id: [id] } },
				statusCodes: { 200: true, 400: 'bad parameter', 500: 'server error' },
			},
			(error, data) => (error ? reject(error) : resolve((data ?? {}) as { CachesDeleted?: string[] | null })),
		);
	});
	return (result.CachesDeleted ?? []).includes(id);
}
