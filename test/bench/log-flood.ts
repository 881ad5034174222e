// npm run bench -- log-flood: a container prints as fast as it can while the logs view follows it.
// Measures lines per second the view ingests, resident memory over the run, CPU, and key-to-screen
// latency during the flood. BENCH_SECONDS sets the flood length (default 60).
import { FIXTURES, type TestEngine } from '../support/engine.js';
import { dockerCli } from '../support/engine.js';
import { Screen } from '../support/pty.js';
import { cpuSeconds, median, percentile, rssMb } from './stats.js';

export interface FloodResult {
	readonly seconds: number;
	readonly linesPerSecond: number;
	readonly rssStartMb: number;
	readonly rssMaxMb: number;
	readonly rssEndMb: number;
	readonly cpuPercentOfCore: number;
	readonly keyLatencyMs: { readonly p50: number; readonly p95: number; readonly p99: number; readonly samples: number };
}

const receivedOf = (screen: string) => Number(/following · ([\d,]+) lines/.exec(screen)?.[1]?.replace(/,/g, '') ?? NaN);

/** Waits for the screen to satisfy `check`, polling every millisecond; returns the ms it took. */
async function timeUntil(screen: Screen, check: (s: string) => boolean, timeoutMs = 2000): Promise<number> {
	const start = performance.now();
	while (performance.now() - start < timeoutMs) {
		if (check(await screen.text())) return performance.now() - start;
		await new Promise(r => setTimeout(r, 1));
	}
	return timeoutMs;
}

export async function logFlood(engine: TestEngine, seconds: number): Promise<FloodResult> {
	const name = `bench-flood-${process.pid}`;
	await dockerCli(engine.host, ['rm', '-f', name]).catch(() => undefined);
	await dockerCli(engine.host, ['run', '-d', '--name', name, '--log-opt', 'max-size=20m', '--log-opt', 'max-file=2', FIXTURES.demoImage, 'sh', '-c', 'yes "flood line with some text to make it about sixty characters long 0123456789"']);
	const screen = new Screen(['--host', engine.host], { cols: 120, rows: 40 });
	try {
		await screen.waitFor(name, 10_000);
		await screen.select(name);
		await screen.press('l');
		await screen.waitFor(s => receivedOf(s) > 1000, 10_000);
		const pid = screen.pid;
		const rssStart = rssMb(pid);
		const cpu0 = cpuSeconds(pid);
		const t0 = performance.now();
		const r0 = receivedOf(await screen.text());
		let rssMax = rssStart;
		const latencies: number[] = [];
		const stamped = /\d\d:\d\d:\d\d\.\d{3} flood line/;
		let on = false;
		while (performance.now() - t0 < seconds * 1000) {
			// toggle timestamps and time how long until the screen shows the change
			await screen.press('t');
			on = !on;
			latencies.push(await timeUntil(screen, s => stamped.test(s) === on));
			rssMax = Math.max(rssMax, rssMb(pid));
			await new Promise(r => setTimeout(r, 250));
		}
		const elapsed = (performance.now() - t0) / 1000;
		const received = receivedOf(await screen.waitFor(s => !Number.isNaN(receivedOf(s)))) - r0;
		const cpu = cpuSeconds(pid) - cpu0;
		const result = {
			seconds: Math.round(elapsed),
			linesPerSecond: Math.round(received / elapsed),
			rssStartMb: Math.round(rssStart),
			rssMaxMb: Math.round(rssMax),
			rssEndMb: Math.round(rssMb(pid)),
			cpuPercentOfCore: Math.round((cpu / elapsed) * 100),
			keyLatencyMs: { p50: Math.round(median(latencies)), p95: Math.round(percentile(latencies, 95)), p99: Math.round(percentile(latencies, 99)), samples: latencies.length },
		};
		await screen.press('\u001b', 'q');
		await Promise.race([screen.exited, new Promise(r => setTimeout(r, 5000))]);
		return result;
	} finally {
		screen.kill('SIGKILL');
		await dockerCli(engine.host, ['rm', '-f', name]).catch(() => undefined);
	}
}
