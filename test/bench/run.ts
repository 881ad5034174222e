// npm run bench: starts the private test engine, runs the scenarios, prints a table and writes JSON
// to test/bench/results.json. Usage: npm run bench [-- scenario...]; BENCH_SECONDS, BENCH_RUNS.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEngine } from '../support/engine.js';
import { logFlood, type FloodResult } from './log-flood.js';
import { median } from './stats.js';

const OUT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test/bench/results.json');
const seconds = Number(process.env.BENCH_SECONDS ?? 60);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const wanted = process.argv.slice(2);
const scenarios = ['log-flood'];
for (const w of wanted) if (!scenarios.includes(w)) throw new Error(`unknown scenario ${w}: choose from ${scenarios.join(', ')}`);

const engine = await startEngine(line => console.log(`[bench] ${line}`));
const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, cpus: (await import('node:os')).cpus().length };
try {
	if (wanted.length === 0 || wanted.includes('log-flood')) {
		const all: FloodResult[] = [];
		for (let i = 0; i < runs; i++) {
			const r = await logFlood(engine, seconds);
			console.log(`[bench] log-flood run ${i + 1}/${runs}: ${JSON.stringify(r)}`);
			all.push(r);
		}
		const pick = (f: (r: FloodResult) => number) => median(all.map(f));
		const summary = {
			runs,
			seconds,
			linesPerSecond: pick(r => r.linesPerSecond),
			rssStartMb: pick(r => r.rssStartMb),
			rssMaxMb: pick(r => r.rssMaxMb),
			rssEndMb: pick(r => r.rssEndMb),
			cpuPercentOfCore: pick(r => r.cpuPercentOfCore),
			keyLatencyP50Ms: pick(r => r.keyLatencyMs.p50),
			keyLatencyP95Ms: pick(r => r.keyLatencyMs.p95),
			keyLatencyP99Ms: pick(r => r.keyLatencyMs.p99),
		};
		results['log-flood'] = { summary, runs: all };
		console.log('\nlog flood (medians of runs)');
		console.table(summary);
	}
} finally {
	await engine.stop();
}
fs.writeFileSync(OUT, JSON.stringify(results, null, 2) + '\n');
console.log(`wrote ${path.relative(process.cwd(), OUT)}`);
