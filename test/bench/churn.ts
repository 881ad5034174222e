// npm run bench -- churn: containers come and go on the seeded engine (one `docker run --rm` every
// 1.2 s, as on a CI runner or a cron host) for BENCH_CHURN_SECONDS, first with no dockdeck open,
// then with the dashboard open and idle. Reports the engine's CPU both ways, dockdeck's, and the API
// requests each event cost (and how many were `docker system df`: none, while no size changed).
import Docker from 'dockerode';
import path from 'node:path';
import { changesWhatIsShown, watchEngineEvents } from '../support/engine-events.js';
import { dockerCli, FIXTURES, type TestEngine } from '../support/engine.js';
import { Screen } from '../support/pty.js';
import { enginePid } from './busy-host.js';
import { countingProxy } from './proxy.js';
import { cpuSeconds } from './stats.js';

export interface ChurnResult {
	readonly seconds: number;
	readonly runs: number;
	readonly engineCpuWithoutPercent: number;
	readonly engineCpuWithPercent: number;
	readonly engineCpuRatio: number;
	readonly cpuPercentOfCore: number;
	readonly events: number;
	readonly requests: number;
	readonly requestsPerEvent: number;
	readonly diskUsageRequests: number;
	readonly requestKinds: Readonly<Record<string, number>>;
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
const percent = (seconds: number, elapsed: number) => Math.round((seconds / elapsed) * 10000) / 100;

/** Runs `docker run --rm base true` every 1.2 s for `seconds`; resolves with how many ran. */
async function churn(docker: Docker, seconds: number): Promise<number> {
	const end = performance.now() + seconds * 1000;
	let runs = 0;
	while (performance.now() < end) {
		const next = performance.now() + 1200;
		const container = await docker.createContainer({
			Image: FIXTURES.baseImage,
			Cmd: ['true'],
			HostConfig: { AutoRemove: true, NetworkMode: 'none' },
		});
		await container.start();
		runs++;
		await sleep(Math.max(0, next - performance.now()));
	}
	return runs;
}

/** The engine's CPU while `during` runs. */
async function engineCpu(engine: TestEngine, during: () => Promise<unknown>): Promise<{ percent: number; elapsed: number }> {
	const pid = enginePid(engine);
	const [c0, t0] = [cpuSeconds(pid), performance.now()];
	await during();
	const elapsed = (performance.now() - t0) / 1000;
	return { percent: percent(cpuSeconds(pid) - c0, elapsed), elapsed };
}

export async function churnRun(engine: TestEngine, seconds: number): Promise<ChurnResult> {
	const docker = new Docker({ socketPath: engine.socket });
	const without = await engineCpu(engine, () => churn(docker, seconds));
	await sleep(2000);

	const proxy = await countingProxy(engine.socket, path.join(engine.dir, 'churn.sock'));
	const watcher = watchEngineEvents(engine.host);
	let screen: Screen | undefined;
	try {
		const total = (await dockerCli(engine.host, ['ps', '-aq'])).split('\n').filter(Boolean).length;
		screen = new Screen(['--host', proxy.host], { cols: 120, rows: 40 });
		const s = screen;
		const deadline = Date.now() + 30_000;
		while (!(await s.text()).includes(`${total} · `) && Date.now() < deadline) await sleep(100);
		await sleep(5000);
		const [req0, cpu0, t0] = [proxy.requests.length, cpuSeconds(s.pid), performance.now()];
		let runs = 0;
		const withOpen = await engineCpu(engine, async () => (runs = await churn(docker, seconds)));
		await sleep(2000);
		const elapsed = (performance.now() - t0) / 1000;
		const cpu = percent(cpuSeconds(s.pid) - cpu0, elapsed);
		const requests = proxy.requests.slice(req0);
		const events = watcher.events.filter(e => e.at >= t0 && changesWhatIsShown(e)).length;
		const kinds: Record<string, number> = {};
		for (const r of requests) {
			const [p = '', q = ''] = r.line.split(' ')[1]!.split('?');
			const key = `${p.replace(/^\/v[\d.]+/, '').replace(/[0-9a-f]{64}/g, '<id>')}${q.includes('filters') ? '?filters' : ''}`;
			kinds[key] = (kinds[key] ?? 0) + 1;
		}
		s.type('q');
		await Promise.race([s.exited, sleep(5000)]);
		return {
			seconds,
			runs,
			engineCpuWithoutPercent: without.percent,
			engineCpuWithPercent: withOpen.percent,
			engineCpuRatio: Math.round((withOpen.percent / Math.max(0.01, without.percent)) * 100) / 100,
			cpuPercentOfCore: cpu,
			events,
			requests: requests.length,
			requestsPerEvent: Math.round((requests.length / Math.max(1, events)) * 100) / 100,
			diskUsageRequests: requests.filter(r => r.line.includes('/system/df')).length,
			requestKinds: kinds,
		};
	} finally {
		screen?.kill('SIGKILL');
		watcher.stop();
		await proxy.close();
	}
}
