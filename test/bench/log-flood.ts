// npm run bench -- log-flood: a container prints as fast as it can while the logs view follows it.
// Measures lines per second the view ingests, resident memory over the run, CPU, and key-to-screen
// latency during the flood. BENCH_SECONDS sets the flood length (default 60).
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { dockerCli, FIXTURES, type TestEngine } from '../support/engine.js';
import { Screen } from '../support/pty.js';
import fs from 'node:fs';
import { appLatencies, cpuSeconds, latencyStats, rssMb, type LatencyStats } from './stats.js';

export interface FloodResult {
	readonly seconds: number;
	readonly linesPerSecond: number;
	readonly rssStartMb: number;
	readonly rssMaxMb: number;
	readonly rssEndMb: number;
	/** Resident memory at the end minus at the middle of the flood: flat is about 0. */
	readonly rssGrowthLastHalfMb: number;
	/** What the docker CLI's `docker logs -f` takes in from the same container, for comparison. */
	readonly cliLinesPerSecond: number;
	readonly cpuPercentOfCore: number;
	/** Key sent to the change seen in the terminal. */
	readonly keyLatencyMs: LatencyStats;
	/** Inside dockdeck: key read to the frame written (DOCKDECK_TRACE_KEYS). */
	readonly appKeyLatencyMs: LatencyStats;
	/** Garbage collection while keys were timed (DOCKDECK_MEMORY_LOG): per second, and the longest pause. */
	readonly gc: {
		readonly youngPerSecond: number;
		readonly oldPerSecond: number;
		readonly youngMsPerSecond: number;
		readonly oldMsPerSecond: number;
		readonly longestMs: number;
	};
}

/** Sums the memory log's GC figures over the lines written after `from` (Date.now()). */
function gcOf(file: string, from: number): FloodResult['gc'] {
	const lines = fs.existsSync(file)
		? fs
				.readFileSync(file, 'utf8')
				.split('\n')
				.filter(Boolean)
				.map(l => JSON.parse(l) as { t: number; gcYoung: number[]; gcOld: number[] })
				.filter(l => l.t > from)
		: [];
	const n = Math.max(1, lines.length);
	const sum = (f: (l: (typeof lines)[number]) => number) => lines.reduce((a, l) => a + f(l), 0);
	const r = (x: number) => Math.round(x * 10) / 10;
	return {
		youngPerSecond: r(sum(l => l.gcYoung[0]!) / n),
		oldPerSecond: r(sum(l => l.gcOld[0]!) / n),
		youngMsPerSecond: r(sum(l => l.gcYoung[1]!) / n),
		oldMsPerSecond: r(sum(l => l.gcOld[1]!) / n),
		longestMs: r(Math.max(0, ...lines.map(l => Math.max(l.gcYoung[2]!, l.gcOld[2]!)))),
	};
}

const receivedOf = (screen: string) => Number(/following · ([\d,]+) lines/.exec(screen)?.[1]?.replace(/,/g, '') ?? NaN);

/** Lines per second `docker logs -f` receives from a container over `seconds`. */
async function cliFollowRate(host: string, name: string, seconds: number): Promise<number> {
	const child = spawn('docker', ['-H', host, 'logs', '-f', '--since', '1s', name], {
		env: { ...process.env, DOCKER_CONFIG: path.join(os.tmpdir(), 'dockdeck-test-cli') },
		stdio: ['ignore', 'pipe', 'ignore'],
	});
	let lines = 0;
	let counting = false;
	child.stdout.on('data', (chunk: Buffer) => {
		if (!counting) return;
		for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
	});
	await new Promise(r => setTimeout(r, 1000));
	counting = true;
	await new Promise(r => setTimeout(r, seconds * 1000));
	child.kill('SIGKILL');
	return Math.round(lines / seconds);
}

export async function logFlood(engine: TestEngine, seconds: number): Promise<FloodResult> {
	const name = `bench-flood-${process.pid}`;
	await dockerCli(engine.host, ['rm', '-f', name]).catch(() => undefined);
	await dockerCli(engine.host, [
		'run',
		'-d',
		'--name',
		name,
		'--log-opt',
		'max-size=20m',
		'--log-opt',
		'max-file=2',
		FIXTURES.demoImage,
		'sh',
		'-c',
		'yes "flood line with some text to make it about sixty characters long 0123456789"',
	]);
	const trace = path.join(os.tmpdir(), `dockdeck-keys-${process.pid}.txt`);
	const memory = path.join(os.tmpdir(), `dockdeck-memory-${process.pid}.txt`);
	fs.rmSync(trace, { force: true });
	fs.rmSync(memory, { force: true });
	const screen = new Screen(['--host', engine.host], {
		cols: 120,
		rows: 40,
		env: {
			DOCKDECK_TRACE_KEYS: trace,
			DOCKDECK_MEMORY_LOG: memory,
			...(process.env.BENCH_CLI_ENV ? JSON.parse(process.env.BENCH_CLI_ENV) : {}),
		},
	});
	try {
		await screen.waitFor(name, 10_000);
		await screen.select(name);
		await screen.press('l');
		await screen.waitFor(s => receivedOf(s) > 1000, 10_000);
		const pid = screen.pid;
		const rssStart = rssMb(pid);
		const cpu0 = cpuSeconds(pid);
		const t0 = performance.now();
		const wallStart = Date.now();
		const r0 = receivedOf(await screen.text());
		let rssMax = rssStart;
		let rssMid = NaN;
		const latencies: number[] = [];
		// The terminal emulator is left out while keys are timed (its parsing of the flood would take
		// CPU from the program measured): the change is found in the raw output. Ink rewrites a line
		// from its first changed character, so a timestamped line written ends "<digit> flood line",
		// and an unstamped one has no digit before "flood line".
		const stamped = /\d flood line/;
		const unstamped = /(?:^|[^0-9 ]) ?flood line/;
		screen.emulate = false;
		let on = false;
		while (performance.now() - t0 < seconds * 1000) {
			on = !on;
			const check = on ? stamped : unstamped;
			const shown = new Promise<number>(resolve => {
				const timer = setTimeout(() => (stop(), resolve(performance.now())), 2000);
				const stop = screen.onChunk((data, at) => {
					if (!check.test(data)) return;
					clearTimeout(timer);
					stop();
					resolve(at);
				});
			});
			const sent = performance.now();
			screen.type('t');
			latencies.push((await shown) - sent);
			const rss = rssMb(pid);
			rssMax = Math.max(rssMax, rss);
			if (Number.isNaN(rssMid) && performance.now() - t0 >= (seconds * 1000) / 2) rssMid = rss;
			await new Promise(r => setTimeout(r, 250));
		}
		// a resize makes Ink draw the whole screen again, which brings the emulator up to date
		screen.emulate = true;
		screen.resize(121, 40);
		const received = receivedOf(await screen.waitFor(s => receivedOf(s) > r0)) - r0;
		const elapsed = (performance.now() - t0) / 1000;
		const cpu = cpuSeconds(pid) - cpu0;
		const rssEnd = rssMb(pid);
		const result = {
			seconds: Math.round(elapsed),
			linesPerSecond: Math.round(received / elapsed),
			rssStartMb: Math.round(rssStart),
			rssMaxMb: Math.round(rssMax),
			rssEndMb: Math.round(rssEnd),
			rssGrowthLastHalfMb: Math.round(rssEnd - rssMid),
			cpuPercentOfCore: Math.round((cpu / elapsed) * 100),
			keyLatencyMs: latencyStats(latencies),
			appKeyLatencyMs: latencyStats(appLatencies(trace, latencies.length)),
			gc: gcOf(memory, wallStart),
		};
		await screen.press('\u001b', 'q');
		await Promise.race([screen.exited, new Promise(r => setTimeout(r, 5000))]);
		return { ...result, cliLinesPerSecond: await cliFollowRate(engine.host, name, Math.min(10, seconds)) };
	} finally {
		screen.kill('SIGKILL');
		fs.rmSync(trace, { force: true });
		fs.rmSync(memory, { force: true });
		await dockerCli(engine.host, ['rm', '-f', name]).catch(() => undefined);
	}
}
