// npm run bench -- busy-host: the seeded engine (1,000 containers, 300 images, 50 commits tagged
// three times each, and the lived-in fixtures: healthchecks every second, a restart loop, a commit
// that changed no file at the head of the images). The selection walks over every container and
// every image, then nothing is pressed: API requests per second, dockdeck's and the engine's CPU,
// bytes to the terminal, and how often the config fallback exported an image, over BENCH_IDLE_SECONDS.
import fs from 'node:fs';
import path from 'node:path';
import { changesWhatIsShown, watchEngineEvents } from '../support/engine-events.js';
import { dockerCli, type TestEngine } from '../support/engine.js';
import { Screen } from '../support/pty.js';
import { countingProxy } from './proxy.js';
import { cpuSeconds } from './stats.js';

export interface BusyHostResult {
	readonly walked: { readonly containers: number; readonly images: number; readonly seconds: number };
	readonly idle: {
		readonly seconds: number;
		readonly requestsPerSecond: number;
		readonly cpuPercentOfCore: number;
		readonly engineCpuPercentOfCore: number;
		readonly bytesPerSecond: number;
		readonly requests: readonly string[];
		/** Events that change what is shown (the restart loop), and reads that do not (healthcheck execs). */
		readonly changingEvents: number;
		readonly execEvents: number;
	};
	/** docker save reads by the config fallback over the whole run, and the bytes each read. */
	readonly exports: readonly number[];
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
const percent = (seconds: number, elapsed: number) => Math.round((seconds / elapsed) * 10000) / 100;

/** The engine's own process: dockerd, from its pid file. */
export const enginePid = (engine: TestEngine) => Number(fs.readFileSync(path.join(engine.dir, 'pid'), 'utf8'));

export async function busyHostRun(engine: TestEngine, idleSeconds: number): Promise<BusyHostResult> {
	const proxy = await countingProxy(engine.socket, path.join(engine.dir, 'busy.sock'));
	const watcher = watchEngineEvents(engine.host);
	let screen: Screen | undefined;
	try {
		const containers = (await dockerCli(engine.host, ['ps', '-aq'])).split('\n').filter(Boolean).length;
		const images = (await dockerCli(engine.host, ['images', '--format', '{{.ID}}'])).split('\n').filter(Boolean).length;
		screen = new Screen(['--host', proxy.host], { cols: 120, rows: 40 });
		const s = screen;
		const deadline = Date.now() + 30_000;
		while (!(await s.text()).includes(`${containers} · `) && Date.now() < deadline) await sleep(100);
		await sleep(3000);
		const walkStart = performance.now();
		s.type('1g');
		for (let i = 1; i < containers; i++) {
			s.type('j');
			await sleep(15);
		}
		s.type('2g');
		for (let i = 1; i < images; i++) {
			s.type('j');
			await sleep(15);
		}
		s.type('g');
		const walked = { containers, images, seconds: Math.round((performance.now() - walkStart) / 100) / 10 };
		await sleep(5000);

		const dockerd = enginePid(engine);
		const [cpu0, engine0, req0, bytes0, t0] = [cpuSeconds(s.pid), cpuSeconds(dockerd), proxy.requests.length, s.written, performance.now()];
		await sleep(idleSeconds * 1000);
		const elapsed = (performance.now() - t0) / 1000;
		const events = watcher.events.filter(e => e.at >= t0);
		const idle = {
			seconds: Math.round(elapsed),
			requestsPerSecond: Math.round(((proxy.requests.length - req0) / elapsed) * 100) / 100,
			cpuPercentOfCore: percent(cpuSeconds(s.pid) - cpu0, elapsed),
			engineCpuPercentOfCore: percent(cpuSeconds(dockerd) - engine0, elapsed),
			bytesPerSecond: Math.round(((s.written - bytes0) / elapsed) * 10) / 10,
			requests: proxy.requests.slice(req0).map(r => r.line),
			changingEvents: events.filter(changesWhatIsShown).length,
			execEvents: events.filter(e => e.action.startsWith('exec_')).length,
		};
		const exports = proxy.requests.filter(r => /\/images\/[^/]+\/get$/.test(r.line.split(' ')[1]!.split('?')[0]!)).map(r => r.bytes);
		s.type('q');
		await Promise.race([s.exited, sleep(5000)]);
		return { walked, idle, exports };
	} finally {
		screen?.kill('SIGKILL');
		watcher.stop();
		await proxy.close();
	}
}
