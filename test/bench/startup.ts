// npm run bench -- startup: launch to the first full frame on the same engine at several sizes
// (as the engine comes: ~12 containers; then the seeded 1,000; then 5,000), side by side in one
// run: the docker CLI (`docker ps -a` then `docker images`), the installed command (dist/cli.js
// read by /bin/sh, which starts node with the heap flags), `node dist/cli.js` (which replaces
// itself once to set them) and the single executable (npm run dist), if built. Each launcher is
// started BENCH_STARTUP_RUNS times (default 7), in turn, in a pseudo-terminal at 120x40; the time
// runs from the spawn to the last byte of the first frame in which every visible row is filled
// (the images' UNIQUE column apart: the time until it is filled too is recorded beside it).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dockerCli, type TestEngine } from '../support/engine.js';
import { Screen } from '../support/pty.js';
import { cliListMs, firstFrameFilled } from './first-frame.js';
import { median } from './stats.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface Launcher {
	readonly name: string;
	/** A shell command line that starts dockdeck (the engine's --host is appended). */
	readonly command: string;
}

/** The ways dockdeck is started, those that are built. */
export function launchers(): Launcher[] {
	const all = [
		{ name: 'installed command (dist/cli.js via /bin/sh)', command: path.join(ROOT, 'dist/cli.js') },
		{ name: 'node dist/cli.js', command: `${process.execPath} ${path.join(ROOT, 'dist/cli.js')}` },
		{ name: 'single executable', command: path.join(ROOT, `dist/dockdeck-linux-${process.arch}`) },
	];
	return process.env.DOCKDECK_BENCH_CLI
		? [{ name: 'DOCKDECK_BENCH_CLI', command: `${process.execPath} ${process.env.DOCKDECK_BENCH_CLI}` }]
		: all.filter(l => fs.existsSync(l.command.split(' ').at(-1)!));
}

/** Spawn to the full first frame, and to the frame with the images' unique sizes too, in ms. */
async function firstFrameMs(launcher: Launcher, host: string, containers: number): Promise<{ frame: number; sizes: number }> {
	const t0 = performance.now();
	const screen = new Screen([], { cols: 120, rows: 40, shell: `exec ${launcher.command} --host ${host}` });
	try {
		const deadline = t0 + 60_000;
		let frame: number | undefined;
		while (performance.now() < deadline) {
			const seen = screen.written;
			const text = await screen.text();
			if (frame === undefined && firstFrameFilled(text, containers, { unique: false })) frame = screen.lastDataAt - t0;
			if (frame !== undefined && firstFrameFilled(text, containers)) return { frame, sizes: screen.lastDataAt - t0 };
			await screen.nextOutput(seen, 100);
		}
		throw new Error(`${launcher.name}: no full frame within 60 s:\n${await screen.text()}`);
	} finally {
		screen.kill('SIGKILL');
		await screen.exited;
	}
}

export interface StartupResult {
	readonly containers: number;
	readonly images: number;
	readonly cliMs: number;
	readonly launchers: {
		readonly name: string;
		readonly firstFrameMs: number;
		readonly runs: readonly number[];
		/** Until the images' UNIQUE column is filled too (the same as firstFrameMs where the frame waits for it). */
		readonly sizesInMs: number;
		readonly sizesRuns: readonly number[];
	}[];
}

/** Every launcher and the CLI, `runs` times each, in turn; medians. */
export async function startupAt(engine: TestEngine, runs: number): Promise<StartupResult> {
	const containers = (await dockerCli(engine.host, ['ps', '-aq'])).split('\n').filter(Boolean).length;
	const images = (await dockerCli(engine.host, ['images', '-q'])).split('\n').filter(Boolean).length;
	const list = launchers();
	const times = new Map<string, number[]>(list.map(l => [l.name, []]));
	const sizes = new Map<string, number[]>(list.map(l => [l.name, []]));
	const cli: number[] = [];
	// a first start of each warms the caches (the compile cache, the engine's): not counted
	for (const l of list) await firstFrameMs(l, engine.host, containers);
	for (let i = 0; i < runs; i++) {
		cli.push(await cliListMs(engine.host));
		for (const l of list) {
			const ms = await firstFrameMs(l, engine.host, containers);
			times.get(l.name)!.push(Math.round(ms.frame));
			sizes.get(l.name)!.push(Math.round(ms.sizes));
		}
	}
	return {
		containers,
		images,
		cliMs: Math.round(median(cli)),
		launchers: list.map(l => ({
			name: l.name,
			firstFrameMs: Math.round(median(times.get(l.name)!)),
			runs: times.get(l.name)!,
			sizesInMs: Math.round(median(sizes.get(l.name)!)),
			sizesRuns: sizes.get(l.name)!,
		})),
	};
}
