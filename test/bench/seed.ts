// Seeds a test engine at scale: N images (each `docker import`ed from a one-file tarball, so each has
// its own layer) and M containers from the base image, R of them running. Created through the API
// a few at a time: the CLI would take minutes for a thousand containers.
import Docker from 'dockerode';
import tar from 'tar-stream';
import { FIXTURES, type TestEngine } from '../support/engine.js';

export interface Scale {
	readonly containers: number;
	readonly running: number;
	readonly images: number;
	/** Images made with docker commit of stopped containers (half of them with no file changes), each tagged three times. */
	readonly commits: number;
}

export const BENCH_LABEL = 'dockdeck.bench';
export const containerName = (i: number) => `bench-c-${String(i).padStart(4, '0')}`;
export const imageName = (i: number) => `bench/img-${String(i).padStart(3, '0')}`;
export const commitName = (i: number) => `bench/commit-${String(i).padStart(2, '0')}`;

/** Runs `task` for 0..count-1, `width` at a time. */
async function pool(count: number, width: number, task: (i: number) => Promise<void>): Promise<void> {
	let next = 0;
	await Promise.all(
		Array.from({ length: Math.min(width, count) }, async () => {
			while (next < count) await task(next++);
		}),
	);
}

function oneFileTar(name: string, body: string): NodeJS.ReadableStream {
	const pack = tar.pack();
	pack.entry({ name }, body);
	pack.finalize();
	return pack as unknown as NodeJS.ReadableStream;
}

export async function seed(engine: TestEngine, scale: Scale, log: (line: string) => void): Promise<void> {
	const docker = new Docker({ socketPath: engine.socket });
	const started = Date.now();
	await pool(scale.images, 6, async i => {
		const stream = (await docker.importImage(
			oneFileTar(`seed-${i}.txt`, `image ${i}\n`) as never,
			{ repo: imageName(i), tag: '1', changes: [`LABEL ${BENCH_LABEL}=1`, `CMD ["/bin/sh"]`] } as never,
		)) as unknown as NodeJS.ReadableStream;
		await new Promise<void>((resolve, reject) =>
			docker.modem.followProgress(stream, (error: Error | null) => (error ? reject(error) : resolve())),
		);
	});
	log(`${scale.images} images in ${Date.now() - started} ms`);
	// the stopped ones first, so the newest (top of the list, as in docker ps) are the running ones
	const stopped = scale.containers - scale.running;
	await pool(scale.containers, 8, async i => {
		const running = i >= stopped;
		const container = await docker.createContainer({
			name: containerName(i),
			Image: FIXTURES.baseImage,
			Cmd: running ? ['sleep', '86400'] : ['true'],
			Labels: { [BENCH_LABEL]: '1' },
			StopTimeout: 1,
			HostConfig: { NetworkMode: 'none' },
		});
		if (running) await container.start();
	});
	log(`${scale.containers} containers (${scale.running} running) in ${Date.now() - started} ms`);
	// commits of stopped containers, the newest images: the even ones wrote a file first, the odd
	// ones changed nothing (a commit whose history alone cannot say which steps made layers)
	await pool(scale.commits, 4, async i => {
		const container = await docker.createContainer({
			Image: FIXTURES.baseImage,
			Cmd: i % 2 === 0 ? ['sh', '-c', `echo ${i} > /commit.txt`] : ['true'],
			Labels: { [BENCH_LABEL]: '1' },
			HostConfig: { NetworkMode: 'none' },
		});
		await container.start();
		await container.wait();
		const { Id } = (await container.commit({ repo: commitName(i), tag: '1' })) as { Id: string };
		for (const tag of ['2', 'stable']) await docker.getImage(Id).tag({ repo: commitName(i), tag });
		await container.remove();
	});
	log(`${scale.commits} commits, 3 tags each, in ${Date.now() - started} ms`);
}

/** More stopped containers, bench-c-<from> to bench-c-<to - 1> (the startup scenario's big engine). */
export async function growContainers(engine: TestEngine, from: number, to: number, log: (line: string) => void): Promise<void> {
	const docker = new Docker({ socketPath: engine.socket });
	const started = Date.now();
	await pool(to - from, 8, async i => {
		await docker.createContainer({
			name: containerName(from + i),
			Image: FIXTURES.baseImage,
			Cmd: ['true'],
			Labels: { [BENCH_LABEL]: '1' },
			HostConfig: { NetworkMode: 'none' },
		});
	});
	log(`${to - from} more containers in ${Date.now() - started} ms`);
}
