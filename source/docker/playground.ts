import type Docker from 'dockerode';

/** The label every practice container carries; --clean removes exactly the containers that have it. */
export const PLAYGROUND_LABEL = 'io.dockdeck.playground';

/** The three practice containers: what each one shows a learner. */
export type PracticeRole = 'ticker' | 'shell' | 'exited';

/** A practice container's name, and how `docker run` would have made it. */
export interface Practice {
	readonly role: PracticeRole;
	readonly name: string;
	readonly create: (image: string) => Docker.ContainerCreateOptions;
}

const TICKER = 'i=0; while true; do i=$((i+1)); echo "tick $i $(date +%T)"; sleep 2; done';
const labels = (role: PracticeRole) => ({ [PLAYGROUND_LABEL]: role });

/** docker run -d, docker run -dit, and docker run -it … then exit: one container of each. */
export const PRACTICES: readonly Practice[] = [
	{ role: 'ticker', name: 'playground-ticker', create: image => ({ Image: image, Cmd: ['sh', '-c', TICKER], Labels: labels('ticker') }) },
	{
		role: 'shell',
		name: 'playground-shell',
		create: image => ({ Image: image, Cmd: ['sh'], Tty: true, OpenStdin: true, Labels: labels('shell') }),
	},
	{
		role: 'exited',
		name: 'playground-exited',
		create: image => ({
			Image: image,
			Cmd: ['sh'],
			Tty: true,
			OpenStdin: true,
			StdinOnce: true,
			AttachStdin: true,
			AttachStdout: true,
			AttachStderr: true,
			Labels: labels('exited'),
		}),
	},
];

/** A local image a practice container could be made from. */
export interface LocalImage {
	readonly reference: string;
	readonly size: number;
}

/** The tagged local images, newest first. */
export async function localImages(docker: Docker): Promise<LocalImage[]> {
	const images = await docker.listImages();
	return images
		.sort((a, b) => b.Created - a.Created)
		.flatMap(i => (i.RepoTags ?? []).filter(t => t !== '<none>:<none>').map(reference => ({ reference, size: i.Size })));
}

/** True when the engine has the image (by name or id). */
export async function hasImage(docker: Docker, reference: string): Promise<boolean> {
	try {
		await docker.getImage(reference).inspect();
		return true;
	} catch (error) {
		if ((error as { statusCode?: number }).statusCode === 404) return false;
		throw error;
	}
}

/** `docker pull`, waiting for the end; only after the user agreed to it. */
export async function pullImage(docker: Docker, reference: string): Promise<void> {
	const stream = await docker.pull(reference);
	await new Promise<void>((resolve, reject) => docker.modem.followProgress(stream, error => (error ? reject(error) : resolve())));
}

/** The containers that carry the playground label, whatever their state. */
export async function playgroundContainers(docker: Docker): Promise<{ id: string; name: string; role: string; state: string }[]> {
	const list = await docker.listContainers({ all: true, filters: { label: [PLAYGROUND_LABEL] } });
	return list.map(c => ({
		id: c.Id,
		name: (c.Names[0] ?? c.Id).replace(/^\//, ''),
		role: c.Labels[PLAYGROUND_LABEL] ?? '',
		state: c.State,
	}));
}

/** The containers that already use a practice name (playground's own or not). */
export async function takenNames(docker: Docker): Promise<{ name: string; labelled: boolean }[]> {
	const list = await docker.listContainers({ all: true });
	const names = new Set(PRACTICES.map(p => p.name));
	return list.flatMap(c =>
		c.Names.map(n => n.replace(/^\//, ''))
			.filter(n => names.has(n))
			.map(name => ({ name, labelled: PLAYGROUND_LABEL in (c.Labels ?? {}) })),
	);
}

/**
 * Creates and starts one practice container. The "exited" one runs a shell, is sent `exit` through
 * an attach, and waits until it has stopped: an -it container that ran once, as after `docker run -it`.
 */
export async function createPractice(docker: Docker, practice: Practice, image: string): Promise<string> {
	const container = await docker.createContainer({ name: practice.name, ...practice.create(image) });
	if (practice.role !== 'exited') {
		await container.start();
		return container.id;
	}
	const stream = await container.attach({ stream: true, stdin: true, stdout: true, stderr: true, hijack: true });
	stream.resume();
	await container.start();
	stream.write('exit 0\n');
	const stopped = container.wait();
	const timer = setTimeout(() => void container.kill().catch(() => undefined), 10_000);
	try {
		await stopped;
	} finally {
		clearTimeout(timer);
		(stream as NodeJS.ReadWriteStream & { destroy?: () => void }).destroy?.();
	}
	return container.id;
}

/** `docker rm -f` of one playground container: refused for a container without the label. */
export async function removePractice(docker: Docker, id: string): Promise<void> {
	const info = await docker.getContainer(id).inspect();
	if (!(PLAYGROUND_LABEL in (info.Config.Labels ?? {}))) throw new Error(`${info.Name.replace(/^\//, '')} is not a playground container`);
	await docker.getContainer(id).remove({ force: true, v: true });
}
