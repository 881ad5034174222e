import type Docker from 'dockerode';

/** What `docker rmi` did: the names it removed and the layers it deleted. */
export interface RemovedImage {
	readonly untagged: readonly string[];
	readonly deleted: readonly string[];
}

/** `docker rmi [-f] <reference or id>`. */
export async function removeImage(docker: Docker, reference: string, force: boolean): Promise<RemovedImage> {
	const result = ((await docker.getImage(reference).remove({ force })) ?? []) as { Untagged?: string; Deleted?: string }[];
	return {
		untagged: result.flatMap(r => (r.Untagged ? [r.Untagged] : [])),
		deleted: result.flatMap(r => (r.Deleted ? [r.Deleted] : [])),
	};
}

/** `docker tag <id> <repository>:<tag>`. */
export async function tagImage(docker: Docker, id: string, repository: string, tag: string): Promise<void> {
	await docker.getImage(id).tag({ repo: repository, tag });
}

/** What `docker commit` takes besides the container: each option only when given. */
export interface CommitOptions {
	readonly repository: string;
	readonly tag: string;
	readonly message?: string;
	readonly author?: string;
	/** Dockerfile instructions (`--change`), one per entry. */
	readonly changes?: readonly string[];
}

/**
 * `docker commit`: the container's writable layer becomes the top layer of a new image; the
 * container is paused meanwhile, as docker does, so the copy is consistent. Options left empty are
 * not sent at all: an empty `changes` parameter is read by the engine as an empty Dockerfile
 * ("file with no instructions"). Resolves with the new image id.
 */
export async function commitContainer(docker: Docker, id: string, options: CommitOptions): Promise<string> {
	const query: Record<string, string | boolean> = { repo: options.repository, tag: options.tag, pause: true };
	if (options.message) query['comment'] = options.message;
	if (options.author) query['author'] = options.author;
	if (options.changes?.length) query['changes'] = options.changes.join('\n');
	const result = (await docker.getContainer(id).commit(query)) as { Id?: string };
	return result.Id ?? '';
}
