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
