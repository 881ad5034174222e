// The dashboard drawn once, in memory, while the executable's startup snapshot is built
// (snapshot.ts): V8 keeps the code it compiled for it in the snapshot, so the first frame at each
// start runs code that is compiled already instead of compiling React's, Ink's and the screens'
// functions as it first calls them. Nothing of it is left when the heap is written: the app is
// unmounted, the store stopped, and yoga's WebAssembly let go (bundle.mjs).
import { render } from 'ink';
import { App } from './app/app.js';
import { MemoryStdin, MemoryStdout, plainContainer, plainEngine, plainImage } from './app/plain-engine.js';
import { DEFAULT_DETACH_KEYS } from './format/detach-keys.js';
import type { ContainerSummary } from './model/types.js';
import { Store } from './store/store.js';
import { DRAWING } from './ui.js';

/** A host with a bit of everything the dashboard draws: each kind of container and image. */
function host() {
	const states: Partial<ContainerSummary>[] = [
		{ state: 'running', status: 'Up 2 hours (healthy)', health: 'healthy', ports: '0.0.0.0:8080->80/tcp' },
		{ state: 'running', status: 'Up 3 minutes (unhealthy)', health: 'unhealthy' },
		{ state: 'exited', status: 'Exited (0) 5 minutes ago', exitCode: 0 },
		{ state: 'exited', status: 'Exited (137) 1 hour ago', exitCode: 137 },
		{ state: 'paused', status: 'Up 1 hour (Paused)' },
		{ state: 'restarting', status: 'Restarting (1) 2 seconds ago' },
		{ state: 'created', status: 'Created' },
	];
	const images = [
		plainImage('web', 'latest'),
		plainImage('web', '1.2', 'sha256:web'),
		plainImage('postgres', '16'),
		plainImage('redis', '7'),
		{ ...plainImage('<none>', '<none>', 'sha256:dangling'), dangling: true },
		...Array.from({ length: 10 }, (_, i) => plainImage(`tools/t${i}`, String(i))),
	];
	const containers = Array.from({ length: 40 }, (_, i) =>
		plainContainer(`app-${i}`, { ...states[i % states.length], image: images[i % 4]!.repository, imageId: images[i % 4]!.id }),
	);
	return { containers, images };
}

const tick = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** Draws the dashboard in a 120x40 terminal of memory, moves through its panels, and takes it all down. */
export async function warmUp(): Promise<void> {
	const { engine } = plainEngine(host(), []);
	const store = new Store(engine);
	store.start();
	await store.firstFrame(40, 2000);
	const stdout = new MemoryStdout(120, 40, false);
	const stdin = new MemoryStdin();
	const instance = render(<App store={store} engine={engine} readOnly={false} detachKeys={DEFAULT_DETACH_KEYS} logBuffer={1000} />, {
		...DRAWING,
		stdout: stdout as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
		stderr: new MemoryStdout(120, 40, false) as unknown as NodeJS.WriteStream,
		patchConsole: false,
	});
	try {
		for (let i = 0; i < 100 && !(stdout.frame.includes('Containers') && !stdout.frame.includes('Loading')); i++) await tick(10);
		// the keys a first minute has: down and up the lists, the other panels, the key help
		for (const key of ['j', 'j', 'k', '\t', 'j', '\t', 'j', '1', 'G', 'g', '?', '\u001b']) {
			stdin.write(key);
			await tick(20);
		}
	} finally {
		instance.unmount();
		instance.cleanup();
		store.stop();
	}
}
