// npm run bench -- scale: the dashboard on a seeded engine (by default 1,000 containers, 100 running,
// and 300 images), next to the docker CLI. One launch of the built CLI in a real pseudo-terminal at
// 120x40, talking to the engine through a counting proxy, measures in turn:
// - launch to the first frame with every visible row filled (counts, modes, sizes, detail);
// - resident memory once it has settled;
// - idle: CPU, API requests and bytes written to the terminal over BENCH_IDLE_SECONDS;
// - the bytes written when one visible container stops (and the API requests it caused);
// - key-to-screen latency while moving down the containers list.
// The CLI baseline (`docker ps -a` then `docker images`) goes through the same proxy.
import os from 'node:os';
import path from 'node:path';
import { dockerCli, type TestEngine } from '../support/engine.js';
import { Screen } from '../support/pty.js';
import { changesWhatIsShown, watchEngineEvents } from '../support/engine-events.js';
import { countingProxy, type CountingProxy } from './proxy.js';
import { cliListMs, firstFrameFilled } from './first-frame.js';
import { containerName, type Scale } from './seed.js';
import fs from 'node:fs';
import { appLatencies, cpuSeconds, latencyStats, median, rssMb, type LatencyStats } from './stats.js';

export interface ScaleResult {
	readonly cliMs: number;
	readonly firstFrameMs: number;
	readonly rssMb: number;
	readonly idle: {
		readonly seconds: number;
		readonly cpuPercentOfCore: number;
		readonly requestsPerSecond: number;
		readonly bytesPerSecond: number;
		readonly requests: readonly string[];
		/** Events meanwhile that change what is shown (the lived-in restart loop): they may cost a request or two and a few bytes. */
		readonly changingEvents: number;
	};
	readonly stateChange: { readonly bytes: number; readonly requests: readonly string[] };
	readonly keyLatencyMs: LatencyStats;
	readonly appKeyLatencyMs: LatencyStats;
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** Waits until the screen satisfies `check` and nothing more is written for `quietMs`; returns when the last byte came. */
async function settled(screen: Screen, check: (s: string) => boolean, timeoutMs: number): Promise<number> {
	const deadline = performance.now() + timeoutMs;
	while (performance.now() < deadline) {
		const seen = screen.written;
		if (check(await screen.text())) return screen.lastDataAt;
		await screen.nextOutput(seen, 100);
	}
	throw new Error(`the screen did not get there within ${timeoutMs} ms:\n${await screen.text()}`);
}

/** Waits until neither the terminal nor the API has seen anything for `quietMs`. */
async function quiet(screen: Screen, proxy: CountingProxy, quietMs: number, timeoutMs = 60_000): Promise<void> {
	const deadline = performance.now() + timeoutMs;
	while (performance.now() < deadline) {
		const last = Math.max(screen.lastDataAt, proxy.requests.at(-1)?.at ?? 0);
		if (performance.now() - last > quietMs) return;
		await sleep(50);
	}
	throw new Error('the dashboard never went quiet');
}

const selected = (screen: string) => /Container (bench-c-\d{4})/.exec(screen)?.[1];

export async function scaleRun(engine: TestEngine, scale: Scale, idleSeconds: number, keys: number): Promise<ScaleResult> {
	const proxy = await countingProxy(engine.socket, path.join(engine.dir, 'count.sock'));
	const trace = path.join(os.tmpdir(), `dockdeck-keys-${process.pid}.txt`);
	fs.rmSync(trace, { force: true });
	const watcher = watchEngineEvents(engine.host);
	let screen: Screen | undefined;
	try {
		const cliMs = median(await sequence(3, () => cliListMs(proxy.host)));
		const containers = (await dockerCli(engine.host, ['ps', '-aq'])).split('\n').filter(Boolean).length;
		const t0 = performance.now();
		screen = new Screen(['--host', proxy.host], { cols: 120, rows: 40, env: { DOCKDECK_TRACE_KEYS: trace } });
		const filledAt = await settled(screen, s => firstFrameFilled(s, containers, { unique: false }), 30_000);
		const firstFrameMs = filledAt - t0;
		await quiet(screen, proxy, 3000);
		const rss = rssMb(screen.pid);

		// idle
		const pid = screen.pid;
		const cpu0 = cpuSeconds(pid);
		const req0 = proxy.requests.length;
		const bytes0 = screen.written;
		const i0 = performance.now();
		await sleep(idleSeconds * 1000);
		const idleElapsed = (performance.now() - i0) / 1000;
		const idle = {
			seconds: Math.round(idleElapsed),
			cpuPercentOfCore: Math.round(((cpuSeconds(pid) - cpu0) / idleElapsed) * 10000) / 100,
			requestsPerSecond: Math.round(((proxy.requests.length - req0) / idleElapsed) * 100) / 100,
			bytesPerSecond: Math.round(((screen.written - bytes0) / idleElapsed) * 10) / 10,
			requests: proxy.requests.slice(req0).map(r => r.line),
			changingEvents: watcher.events.filter(e => e.at >= i0 && e.at <= i0 + idleElapsed * 1000 && changesWhatIsShown(e)).length,
		};

		// one container on screen, not the selected one, stops
		const top = containerName(scale.containers - 1 - 2);
		if (!(await screen.text()).includes(top)) throw new Error(`${top} is not on screen`);
		const b0 = screen.written;
		const r0 = proxy.requests.length;
		await dockerCli(engine.host, ['stop', '-t', '0', top]);
		await settled(screen, s => /exit 137/.test(s.split('\n').find(l => l.includes(`│${top} `)) ?? ''), 10_000);
		await quiet(screen, proxy, 1500);
		const stateChange = { bytes: screen.written - b0, requests: proxy.requests.slice(r0).map(r => r.line) };
		await dockerCli(engine.host, ['start', top]);
		await quiet(screen, proxy, 1500);

		// key latency moving down the list, at a brisk typing pace
		const latencies: number[] = [];
		for (let i = 0; i < keys; i++) {
			const before = selected(await screen.text());
			const sent = performance.now();
			await screen.press('j');
			const at = await settled(screen, s => selected(s) !== before, 2000);
			latencies.push(at - sent);
			await sleep(40);
		}
		await screen.press('q');
		await Promise.race([screen.exited, sleep(5000)]);
		return {
			cliMs: Math.round(cliMs),
			firstFrameMs: Math.round(firstFrameMs),
			rssMb: Math.round(rss),
			idle,
			stateChange,
			keyLatencyMs: latencyStats(latencies),
			appKeyLatencyMs: latencyStats(appLatencies(trace, latencies.length)),
		};
	} finally {
		screen?.kill('SIGKILL');
		watcher.stop();
		fs.rmSync(trace, { force: true });
		await proxy.close();
	}
}

async function sequence<T>(count: number, task: () => Promise<T>): Promise<T[]> {
	const out: T[] = [];
	for (let i = 0; i < count; i++) out.push(await task());
	return out;
}
