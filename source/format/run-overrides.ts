import type { ContainerDetail, ImageDetail } from '../model/types.js';

/** Where a container's setting came from: its image, or `docker run` (new, or a changed value). */
export type Origin = 'image' | 'run' | 'changed' | 'engine';

const nameOf = (entry: string) => (entry.includes('=') ? entry.slice(0, entry.indexOf('=')) : entry);
const same = (a: readonly string[] | null, b: readonly string[] | null) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * Compares a container's Env, Cmd and Entrypoint with its image's config: what the image gave it
 * and what `docker run` (-e, a command, --entrypoint) set or changed.
 */
export function runOverrides(
	container: Pick<ContainerDetail, 'env' | 'cmd' | 'entrypoint'>,
	image: Pick<ImageDetail, 'env' | 'cmd' | 'entrypoint'>,
): { env: Origin[]; cmd: Origin; entrypoint: Origin } {
	const fromImage = new Map(image.env.map(e => [nameOf(e), e]));
	const env = container.env.map((entry): Origin => {
		const name = nameOf(entry);
		const given = fromImage.get(name);
		// an image without PATH gets the engine's default one
		if (given === undefined) return name === 'PATH' ? 'engine' : 'run';
		return given === entry ? 'image' : 'changed';
	});
	return {
		env,
		cmd: same(container.cmd, image.cmd) ? 'image' : 'changed',
		entrypoint: same(container.entrypoint, image.entrypoint) ? 'image' : 'changed',
	};
}
