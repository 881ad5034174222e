import { appendFileSync } from 'node:fs';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';

/**
 * Diagnostics for the benchmark. DOCKDECK_TRACE_KEYS=<file>: for each key, appends the ms from the
 * moment its bytes were read to the first write to the terminal after it (the frame that answers it).
 */
export function traceKeys(file: string | undefined): void {
	if (!file) return;
	let keyAt = 0;
	process.stdin.prependListener('data', () => (keyAt = performance.now()));
	const write = process.stdout.write.bind(process.stdout) as (...args: unknown[]) => boolean;
	process.stdout.write = ((...args: unknown[]) => {
		if (keyAt) {
			appendFileSync(file, `${(performance.now() - keyAt).toFixed(1)}\n`);
			keyAt = 0;
		}
		return write(...args);
	}) as typeof process.stdout.write;
}

/**
 * DOCKDECK_MEMORY_LOG=<file>: appends process.memoryUsage() once a second, with the heap's limit
 * (the heap flags at work) and the garbage collections of that second: how many, their total and
 * longest pause in ms, young (scavenge) and old (mark-compact) apart.
 */
export function logMemory(file: string | undefined): void {
	if (!file) return;
	const heapLimit = getHeapStatistics().heap_size_limit;
	const empty = () => ({ young: [0, 0, 0], old: [0, 0, 0] });
	let gc = empty();
	new PerformanceObserver(list => {
		for (const entry of list.getEntries()) {
			const detail = (entry as { detail?: { kind?: number } }).detail;
			const kind = detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR ? gc.young : gc.old;
			kind[0]! += 1;
			kind[1]! += entry.duration;
			kind[2] = Math.max(kind[2]!, entry.duration);
		}
	}).observe({ entryTypes: ['gc'] });
	setInterval(() => {
		const round = (a: number[]) => a.map(n => Math.round(n * 10) / 10);
		appendFileSync(
			file,
			`${JSON.stringify({ t: Date.now(), ...process.memoryUsage(), heapLimit, gcYoung: round(gc.young), gcOld: round(gc.old) })}\n`,
		);
		gc = empty();
	}, 1000).unref();
}

/**
 * DOCKDECK_FAULT=uncaught: throws from a timer 1.5 s after start, so a test can check that an
 * internal error still leaves the terminal as it was and says what happened in one line.
 */
export function injectFault(fault: string | undefined): void {
	if (fault !== 'uncaught') return;
	setTimeout(() => {
		throw new Error('injected fault');
	}, 1500);
}

/** Read when used, not when the module loads (the executable's startup snapshot loads it at build time). */
const startTrace = () => process.env['DOCKDECK_TRACE_START'];

/**
 * DOCKDECK_TRACE_START=<file>: appends `<ms since the process started> <step>` for the steps of
 * start-up (the benchmark's breakdown of the time to the first frame), then each write to the
 * terminal for the first two seconds.
 */
export function startStep(step: string): void {
	const file = startTrace();
	if (file) appendFileSync(file, `${performance.now().toFixed(1)} ${step}\n`);
}

export function traceStartWrites(): void {
	if (!startTrace()) return;
	const write = process.stdout.write.bind(process.stdout) as (...args: unknown[]) => boolean;
	process.stdout.write = ((...args: unknown[]) => {
		const chunk = args[0];
		if (performance.now() < 2000) startStep(`write ${typeof chunk === 'string' ? Buffer.byteLength(chunk) : 0} B`);
		return write(...args);
	}) as typeof process.stdout.write;
}
