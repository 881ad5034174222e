// A host that has lived: what an engine looks like after weeks of use, not only what one feature
// needs. Images made by docker commit with and without file changes and with --change, one image
// with many tags, dangling images (an untagged commit, and a tag moved by a rebuild), an image
// saved and loaded back (it forgets its parents), a two-stage build; containers created, running,
// paused, restarting in a loop, exited 0 and 137, one unhealthy and one healthy with a 1 s
// healthcheck. Every engine test runs against it, and the benchmark seeds the same at scale.
import fsp from 'node:fs/promises';
import path from 'node:path';

/** Names of the lived-in objects, for tests that look for them. */
export const LIVED_IN = {
	manyTags: ['lived/base:1', 'lived/base:2', 'lived/base:stable', 'lived/base:latest', 'mirror.example.com:5000/lived/base:1'],
	committedWithFiles: 'lived/writer-snap:1',
	committedWithChange: 'lived/changed:1',
	committedIdle: 'lived/idle-snap:1',
	reloaded: 'lived/reloaded:1',
	twoStage: 'lived/two-stage:1',
	rebuilt: 'lived/app:1',
	created: 'lived-created',
	running: 'lived-idle',
	writer: 'lived-writer',
	paused: 'lived-paused',
	loop: 'lived-loop',
	done: 'lived-done',
	killed: 'lived-killed',
	unhealthy: 'lived-unhealthy',
	healthy: 'lived-healthy',
} as const;

type Docker = (args: readonly string[], options?: { input?: string; env?: NodeJS.ProcessEnv }) => Promise<string>;

/** Builds with the legacy builder from a folder made of `files`. */
async function build(docker: Docker, dir: string, tag: string, files: Readonly<Record<string, string>>): Promise<void> {
	await fsp.rm(dir, { recursive: true, force: true });
	await fsp.mkdir(dir, { recursive: true });
	for (const [name, body] of Object.entries(files)) await fsp.writeFile(path.join(dir, name), body);
	await docker(['build', '-q', '-t', tag, dir], { env: { DOCKER_BUILDKIT: '0' } });
}

/**
 * The lived-in objects made from `base` alone, seeded before the fixtures most tests use: those stay
 * the newest containers, at the top of the list as on a host where one just ran them.
 */
export async function seedLivedIn(docker: Docker, dir: string, base: string): Promise<void> {
	const L = LIVED_IN;
	const work = path.join(dir, 'lived-in');
	const run = (...args: string[]) => docker(['run', '-d', '--stop-timeout', '1', ...args]);
	// a two-stage build, and a rebuild whose tag moves on, leaving the first build dangling
	await build(docker, work, L.twoStage, {
		Dockerfile: `FROM ${base} AS build\nRUN echo compiled > /out\nFROM ${base}\nCOPY --from=build /out /app/out\nCMD ["cat", "/app/out"]\n`,
	});
	for (const version of ['1', '2'])
		await build(docker, work, L.rebuilt, {
			Dockerfile: `FROM ${base}\nCOPY version /version\nCMD ["cat", "/version"]\n`,
			version: `${version}\n`,
		});
	for (const tag of L.manyTags) await docker(['tag', base, tag]);

	// containers in every state, some of them committed
	await docker(['create', '--name', L.created, base, 'sleep', '600']);
	await run('--name', L.running, base, 'sleep', '86400');
	await run('--name', L.writer, base, 'sh', '-c', 'echo written > /written.txt; sleep 86400');
	await run('--name', L.paused, base, 'sleep', '86400');
	await docker(['pause', L.paused]);
	await run('--name', L.loop, '--restart', 'always', base, 'sh', '-c', 'sleep 1; exit 1');
	await docker(['run', '--name', L.done, base, 'true']);
	await run('--name', L.killed, base, 'sleep', '86400');
	await docker(['kill', L.killed]);
	await run(
		'--name',
		L.unhealthy,
		'--health-cmd',
		'echo "probe: connection refused"; exit 1',
		'--health-interval',
		'1s',
		'--health-retries',
		'1',
		base,
		'sleep',
		'86400',
	);
	await run('--name', L.healthy, '--health-cmd', 'true', '--health-interval', '1s', base, 'sleep', '86400');
	await docker(['commit', L.writer, L.committedWithFiles]);
	await docker(['commit', '--change', 'ENV MODE=lived', '--change', 'CMD ["sh"]', L.running, L.committedWithChange]);
	// an untagged commit: dangling from the start
	await docker(['commit', L.running]);
}

/** The lived-in images made from `demo`, the newest images of the engine. */
export async function seedLivedInOnDemo(docker: Docker, dir: string, demo: string): Promise<void> {
	const L = LIVED_IN;
	// saved and loaded back: the engine forgets its parent images, so its history names none
	const tar = path.join(dir, 'reloaded.tar');
	const container = await docker(['create', demo, 'true']);
	await docker(['commit', container, L.reloaded]);
	await docker(['rm', container]);
	await docker(['save', '-o', tar, L.reloaded]);
	await docker(['rmi', L.reloaded]);
	await docker(['load', '-q', '-i', tar]);
	await fsp.rm(tar, { force: true });
	// last, so it is the newest image and heads the images panel: a commit that changed no file,
	// whose history alone cannot say which steps made layers
	await docker(['commit', L.running, L.committedIdle]);
}
