// npm run bench: starts the private test engine, seeds it, runs the scenarios, prints a table of
// medians beside the targets and writes JSON to test/bench/results.json.
// Usage: npm run bench [-- scenario...] with scenarios startup, scale, log-flood, busy-host and churn (default: all).
// BENCH_RUNS (3), BENCH_CONTAINERS (1000), BENCH_RUNNING (100), BENCH_IMAGES (300), BENCH_COMMITS (50),
// BENCH_IDLE_SECONDS (60), BENCH_KEYS (150), BENCH_SECONDS (flood length, 60), BENCH_CHURN_SECONDS (60),
// BENCH_STARTUP_RUNS (7), BENCH_BIG_CONTAINERS (5000: the startup scenario's largest engine).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEngine } from '../support/engine.js';
import { busyHostRun, type BusyHostResult } from './busy-host.js';
import { churnRun, type ChurnResult } from './churn.js';
import { logFlood, type FloodResult } from './log-flood.js';
import { scaleRun, type ScaleResult } from './scale.js';
import { growContainers, seed, type Scale } from './seed.js';
import { startupAt, type StartupResult } from './startup.js';
import { median } from './stats.js';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test/bench/results.json');
const env = (name: string, fallback: number) => {
	const value = Number(process.env[name] ?? fallback);
	if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a number, not ${process.env[name]}`);
	return value;
};
const runs = env('BENCH_RUNS', 3);
const scale: Scale = {
	containers: env('BENCH_CONTAINERS', 1000),
	running: env('BENCH_RUNNING', 100),
	images: env('BENCH_IMAGES', 300),
	commits: env('BENCH_COMMITS', 50),
};
const idleSeconds = env('BENCH_IDLE_SECONDS', 60);
const keys = env('BENCH_KEYS', 150);
const floodSeconds = env('BENCH_SECONDS', 60);
const churnSeconds = env('BENCH_CHURN_SECONDS', 60);
const startupRuns = env('BENCH_STARTUP_RUNS', 7);
const bigContainers = env('BENCH_BIG_CONTAINERS', 5000);
const scenarios = ['startup', 'scale', 'log-flood', 'busy-host', 'churn'];
const wanted = process.argv.slice(2);
for (const w of wanted) if (!scenarios.includes(w)) throw new Error(`unknown scenario ${w}: choose from ${scenarios.join(', ')}`);
const chosen = (name: string) => wanted.length === 0 || wanted.includes(name);

const log = (line: string) => console.log(`[bench] ${line}`);
const engine = await startEngine(log);
const results: Record<string, unknown> = {
	date: new Date().toISOString(),
	node: process.version,
	cpus: os.cpus().length,
	cpu: os.cpus()[0]?.model,
	scale,
};
interface Line {
	readonly measure: string;
	readonly value: string;
	readonly target: string;
	readonly met?: boolean;
}
const table: Line[] = [];
const add = (measure: string, value: number, unit: string, target?: { text: string; met: boolean }) =>
	table.push({ measure, value: `${value}${unit}`, target: target?.text ?? '', met: target?.met });

/** One startup measurement as table lines: the CLI, then each launcher with its ratio to the CLI. */
const startupLines = (r: StartupResult, targetMs?: number) => {
	add(`startup, ${r.containers} containers + ${r.images} images: docker ps -a + docker images (CLI)`, r.cliMs, ' ms');
	for (const l of r.launchers) {
		const ratio = Math.round((l.firstFrameMs / r.cliMs) * 100) / 100;
		add(
			`  ${l.name}: first full frame`,
			l.firstFrameMs,
			' ms',
			targetMs ? { text: `< ${targetMs} ms`, met: l.firstFrameMs < targetMs } : undefined,
		);
		add(`  ${l.name}: / CLI`, ratio, 'x', { text: '<= 1.5x', met: ratio <= 1.5 });
		if (l.sizesInMs !== l.firstFrameMs) add(`  ${l.name}: images' unique sizes in`, l.sizesInMs, ' ms');
	}
};
const startups: StartupResult[] = [];

try {
	if (chosen('startup')) {
		const r = await startupAt(engine, startupRuns);
		log(`startup at ${r.containers} containers: ${JSON.stringify(r)}`);
		startups.push(r);
		startupLines(r, 200);
	}
	await seed(engine, scale, log);
	if (chosen('scale')) {
		const all: ScaleResult[] = [];
		for (let i = 0; i < runs; i++) {
			const r = await scaleRun(engine, scale, idleSeconds, keys);
			log(`scale run ${i + 1}/${runs}: ${JSON.stringify({ ...r, idle: { ...r.idle, requests: r.idle.requests.length } })}`);
			all.push(r);
		}
		const pick = (f: (r: ScaleResult) => number) => median(all.map(f));
		const first = pick(r => r.firstFrameMs);
		const cli = pick(r => r.cliMs);
		const ratio = Math.round((first / cli) * 100) / 100;
		add(`first full frame, ${scale.containers} containers + ${scale.images} images`, first, ' ms', {
			text: '< 1000 ms',
			met: first < 1000,
		});
		add('docker ps -a + docker images (CLI)', cli, ' ms');
		add('first frame / CLI', ratio, 'x', { text: '<= 1.5x', met: ratio <= 1.5 });
		add(
			'key latency p50, moving through containers',
			pick(r => r.keyLatencyMs.p50),
			' ms',
		);
		add(
			'key latency p95, moving through containers',
			pick(r => r.keyLatencyMs.p95),
			' ms',
			{ text: '< 30 ms', met: pick(r => r.keyLatencyMs.p95) < 30 },
		);
		add(
			'key latency p99, moving through containers',
			pick(r => r.keyLatencyMs.p99),
			' ms',
			{ text: '< 50 ms', met: pick(r => r.keyLatencyMs.p99) < 50 },
		);
		add(
			'  inside dockdeck (key read -> frame written), p95',
			pick(r => r.appKeyLatencyMs.p95),
			' ms',
		);
		add(
			'idle CPU (% of one core)',
			pick(r => r.idle.cpuPercentOfCore),
			' %',
			{ text: '< 0.5 %', met: pick(r => r.idle.cpuPercentOfCore) < 0.5 },
		);
		// the lived-in host's restart loop changes the header now and then: a request or two and a
		// few bytes for each such event are the dashboard doing its job, anything else is not
		const quietRuns = all.filter(r => r.idle.changingEvents === 0);
		add(
			'idle API requests per second',
			pick(r => r.idle.requestsPerSecond),
			'/s',
			{
				text: 'only for events that change the screen',
				met: all.every(r => r.idle.requests.length <= 2 * r.idle.changingEvents),
			},
		);
		add(
			'idle bytes to the terminal per second',
			pick(r => r.idle.bytesPerSecond),
			' B/s',
			{ text: '0 B/s without such an event', met: quietRuns.every(r => r.idle.bytesPerSecond === 0) },
		);
		add(
			'  events that changed the screen while idle (runs with none)',
			pick(r => r.idle.changingEvents),
			` (${quietRuns.length} of ${all.length})`,
		);
		add(
			'bytes to the terminal when one container stops',
			pick(r => r.stateChange.bytes),
			' B',
			{ text: '< 2048 B', met: pick(r => r.stateChange.bytes) < 2048 },
		);
		add(
			'API requests when one container stops',
			pick(r => r.stateChange.requests.length),
			'',
		);
		add(
			`resident memory, ${scale.containers} containers`,
			pick(r => r.rssMb),
			' MB',
			{ text: '< 150 MB', met: pick(r => r.rssMb) < 150 },
		);
		results['scale'] = { runs: all };
	}
	if (chosen('log-flood')) {
		const all: FloodResult[] = [];
		for (let i = 0; i < runs; i++) {
			const r = await logFlood(engine, floodSeconds);
			log(`log-flood run ${i + 1}/${runs}: ${JSON.stringify(r)}`);
			all.push(r);
		}
		const pick = (f: (r: FloodResult) => number) => median(all.map(f));
		add(
			'log lines per second ingested (following a flood)',
			pick(r => r.linesPerSecond),
			'/s',
			{ text: '>= 50000/s', met: pick(r => r.linesPerSecond) >= 50_000 },
		);
		add(
			'docker logs -f, same container (CLI to /dev/null)',
			pick(r => r.cliLinesPerSecond),
			'/s',
		);
		add(
			'key latency p50 during the flood',
			pick(r => r.keyLatencyMs.p50),
			' ms',
		);
		add(
			'key latency p95 during the flood',
			pick(r => r.keyLatencyMs.p95),
			' ms',
			{ text: '< 30 ms', met: pick(r => r.keyLatencyMs.p95) < 30 },
		);
		add(
			'key latency p99 during the flood',
			pick(r => r.keyLatencyMs.p99),
			' ms',
			{ text: '< 50 ms', met: pick(r => r.keyLatencyMs.p99) < 50 },
		);
		add(
			'  inside dockdeck (key read -> frame written), p95',
			pick(r => r.appKeyLatencyMs.p95),
			' ms',
		);
		add(
			'resident memory when the flood starts',
			pick(r => r.rssStartMb),
			' MB',
		);
		add(
			`resident memory, most during ${floodSeconds} s of flood`,
			pick(r => r.rssMaxMb),
			' MB',
			{ text: '< 200 MB', met: pick(r => r.rssMaxMb) < 200 },
		);
		add(
			'resident memory growth over the last half of the flood',
			pick(r => r.rssGrowthLastHalfMb),
			' MB',
			{ text: 'flat', met: pick(r => r.rssGrowthLastHalfMb) <= 5 },
		);
		add(
			'CPU during the flood (% of one core)',
			pick(r => r.cpuPercentOfCore),
			' %',
		);
		add(
			'  garbage collection during the flood: ms per second (young / old)',
			pick(r => r.gc.youngMsPerSecond),
			` / ${pick(r => r.gc.oldMsPerSecond)}`,
		);
		add(
			'  longest collection pause',
			pick(r => r.gc.longestMs),
			' ms',
		);
		results['log-flood'] = { runs: all };
	}
	if (chosen('busy-host')) {
		const all: BusyHostResult[] = [];
		for (let i = 0; i < runs; i++) {
			const r = await busyHostRun(engine, Math.min(idleSeconds, 30));
			log(`busy-host run ${i + 1}/${runs}: ${JSON.stringify({ ...r, idle: { ...r.idle, requests: r.idle.requests.length } })}`);
			all.push(r);
		}
		const pick = (f: (r: BusyHostResult) => number) => median(all.map(f));
		add(
			`busy host, walked ${all[0]!.walked.containers} containers and ${all[0]!.walked.images} image rows, then idle: API requests per second`,
			pick(r => r.idle.requestsPerSecond),
			'/s',
			{
				text: 'only for events that change the screen',
				met: all.every(r => r.idle.requests.length <= 2 * r.idle.changingEvents),
			},
		);
		add(
			'  events that change the screen meanwhile (the restart loop), and healthcheck execs',
			pick(r => r.idle.changingEvents),
			` / ${pick(r => r.idle.execEvents)}`,
		);
		add(
			'  dockdeck CPU (% of one core)',
			pick(r => r.idle.cpuPercentOfCore),
			' %',
			{ text: '< 0.5 %', met: pick(r => r.idle.cpuPercentOfCore) < 0.5 },
		);
		add(
			'  engine CPU (% of one core)',
			pick(r => r.idle.engineCpuPercentOfCore),
			' %',
		);
		add(
			'  bytes to the terminal per second',
			pick(r => r.idle.bytesPerSecond),
			' B/s',
		);
		add(
			'  docker save reads by the config fallback (whole run)',
			pick(r => r.exports.length),
			'',
			{ text: '<= 1 (the loaded image)', met: all.every(r => r.exports.length <= 1) },
		);
		add(
			'  bytes each such read took',
			pick(r => r.exports[0] ?? 0),
			' B',
			{ text: '<= 4 MiB', met: all.every(r => r.exports.every(b => b <= 4.25 * 1024 * 1024)) },
		);
		results['busy-host'] = { runs: all };
	}
	if (chosen('churn')) {
		const all: ChurnResult[] = [];
		for (let i = 0; i < runs; i++) {
			const r = await churnRun(engine, churnSeconds);
			log(`churn run ${i + 1}/${runs}: ${JSON.stringify(r)}`);
			all.push(r);
		}
		const pick = (f: (r: ChurnResult) => number) => median(all.map(f));
		add(
			`churn: one docker run --rm every 1.2 s for ${churnSeconds} s; engine CPU without dockdeck`,
			pick(r => r.engineCpuWithoutPercent),
			' %',
		);
		add(
			'  engine CPU with dockdeck open',
			pick(r => r.engineCpuWithPercent),
			' %',
		);
		add(
			'  engine CPU with / without',
			pick(r => r.engineCpuRatio),
			'x',
			{ text: '<= 1.5x', met: pick(r => r.engineCpuRatio) <= 1.5 },
		);
		add(
			'  dockdeck CPU (% of one core)',
			pick(r => r.cpuPercentOfCore),
			' %',
		);
		add(
			'  API requests per event (create, start, die, destroy)',
			pick(r => r.requestsPerEvent),
			'',
		);
		add(
			'  docker system df requests',
			pick(r => r.diskUsageRequests),
			'',
			{ text: '0 (no size on screen changed)', met: all.every(r => r.diskUsageRequests === 0) },
		);
		results['churn'] = { runs: all };
	}
	if (chosen('startup')) {
		let r = await startupAt(engine, startupRuns);
		log(`startup at ${r.containers} containers: ${JSON.stringify(r)}`);
		startups.push(r);
		startupLines(r, 500);
		if (bigContainers > scale.containers) {
			await growContainers(engine, scale.containers, bigContainers, log);
			r = await startupAt(engine, startupRuns);
			log(`startup at ${r.containers} containers: ${JSON.stringify(r)}`);
			startups.push(r);
			startupLines(r);
		}
		results['startup'] = startups;
	}
} finally {
	await engine.stop();
}
results['summary'] = table;
fs.writeFileSync(OUT, JSON.stringify(results, null, 2) + '\n');
console.log(`\nmedians of ${runs} run${runs === 1 ? '' : 's'} (${os.cpus().length} cores, node ${process.version})`);
const width = (f: (l: Line) => string, title: string) => Math.max(title.length, ...table.map(l => f(l).length));
const [wm, wv, wt] = [width(l => l.measure, 'measure'), width(l => l.value, 'value'), width(l => l.target, 'target')];
console.log(`${'measure'.padEnd(wm)}  ${'value'.padStart(wv)}  ${'target'.padEnd(wt)}  met`);
for (const l of table)
	console.log(
		`${l.measure.padEnd(wm)}  ${l.value.padStart(wv)}  ${l.target.padEnd(wt)}  ${l.met === undefined ? '' : l.met ? 'yes' : 'NO'}`,
	);
console.log(`wrote ${path.relative(process.cwd(), OUT)}`);
