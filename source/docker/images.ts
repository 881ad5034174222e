import type Docker from 'dockerode';
import { parseDockerTime } from '../format/age.js';
import type { ImageDetail, ImageRow } from '../model/types.js';

const NONE = '<none>:<none>';

/** Splits "registry:5000/team/app:1.2" into repository and tag at the last colon after the last slash. */
export function splitTag(reference: string): { repository: string; tag: string } {
	const slash = reference.lastIndexOf('/');
	const colon = reference.lastIndexOf(':');
	return colon > slash
		? { repository: reference.slice(0, colon), tag: reference.slice(colon + 1) }
		: { repository: reference, tag: 'latest' };
}

/** What a row is made of: the fields `GET /images/json` and `GET /images/{id}/json` both have. */
export type ImageRowSource = Pick<Docker.ImageInfo, 'Id' | 'Size' | 'Created' | 'RepoTags' | 'RepoDigests'> & {
	readonly ParentId?: string;
};

/** One row per tag, and one `<none>` row for an untagged (dangling) image. Exported for unit tests. */
export function toImageRows(image: ImageRowSource): ImageRow[] {
	const tags = (image.RepoTags ?? []).filter(t => t !== NONE);
	const base = {
		id: image.Id,
		size: image.Size,
		created: image.Created * 1000,
		digests: (image.RepoDigests ?? []).filter(d => !d.startsWith('<none>@')),
		...(image.ParentId ? { parentId: image.ParentId } : {}),
	};
	if (tags.length === 0) {
		const fromDigest = base.digests[0]?.split('@')[0];
		return [{ ...base, key: `${image.Id}#`, repository: fromDigest ?? '<none>', tag: '<none>', dangling: true }];
	}
	return tags.map(t => ({ ...base, key: `${image.Id}#${t}`, ...splitTag(t), dangling: false }));
}

/** Newest first, as `docker images` lists them; the rows of one image stay together. */
export function byImageCreated(a: ImageRow, b: ImageRow): number {
	return b.created - a.created || a.id.localeCompare(b.id);
}

/** The top-level images, like `docker images`, newest first. */
export async function listImages(docker: Docker): Promise<ImageRow[]> {
	const images = await docker.listImages({ all: false });
	return images.sort((a, b) => b.Created - a.Created || a.Id.localeCompare(b.Id)).flatMap(toImageRows);
}

/**
 * One image's rows as `docker images` would show them, read with one inspect (an event named it),
 * or null when it is gone. An image with neither tag nor digest is returned with `untagged`: only
 * the engine's dangling list says whether `docker images` shows it (no child) or hides it.
 */
export async function readImageRows(
	docker: Docker,
	idOrName: string,
): Promise<{ id: string; rows: ImageRow[]; untagged: boolean; parentId?: string; layers: readonly string[] } | null> {
	let info: Docker.ImageInspectInfo;
	try {
		info = await docker.getImage(idOrName).inspect();
	} catch (error) {
		if ((error as { statusCode?: number }).statusCode === 404) return null;
		throw error;
	}
	const created = Math.floor((parseDockerTime(info.Created) ?? 0) / 1000);
	const rows = toImageRows({
		Id: info.Id,
		Size: info.Size,
		Created: created,
		RepoTags: info.RepoTags ?? [],
		RepoDigests: info.RepoDigests ?? [],
		ParentId: info.Parent || undefined,
	});
	return {
		id: info.Id,
		rows,
		untagged: !(info.RepoTags ?? []).length && !(info.RepoDigests ?? []).length,
		...(info.Parent ? { parentId: info.Parent } : {}),
		layers: info.RootFS?.Layers ?? [],
	};
}

/** The ids of the dangling images: untagged and with no child image (`docker images -f dangling=true`). */
export async function danglingImageIds(docker: Docker): Promise<Set<string>> {
	const list = await docker.listImages({ all: false, filters: { dangling: ['true'] } });
	return new Set(list.map(i => i.Id));
}

function argv(value: unknown): string[] | null {
	if (Array.isArray(value)) return value.map(String);
	return typeof value === 'string' && value ? [value] : null;
}

/** `docker image inspect`, reduced to what the detail pane shows. */
export async function inspectImage(docker: Docker, id: string): Promise<ImageDetail> {
	const info = await docker.getImage(id).inspect();
	const config = info.Config ?? ({} as Docker.ImageInspectInfo['Config']);
	return {
		id: info.Id,
		tags: (info.RepoTags ?? []).filter(t => t !== NONE),
		digests: info.RepoDigests ?? [],
		cmd: argv(config.Cmd),
		entrypoint: argv(config.Entrypoint),
		env: config.Env ?? [],
		workingDir: config.WorkingDir ?? '',
		user: config.User ?? '',
		exposedPorts: Object.keys(config.ExposedPorts ?? {}),
		labels: config.Labels ?? {},
		size: info.Size,
		created: parseDockerTime(info.Created) ?? 0,
		architecture: info.Architecture ?? '',
		os: info.Os ?? '',
		layers: info.RootFS?.Layers ?? [],
	};
}
