import fs from 'node:fs';

/** The p-th percentile (0-100) of some numbers, by nearest rank. */
export function percentile(values: readonly number[], p: number): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const median = (values: readonly number[]) => percentile(values, 50);

/** Resident memory of a process in MB, from /proc. */
export function rssMb(pid: number): number {
	const match = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
	return match ? Number(match[1]) / 1024 : NaN;
}

/** CPU seconds (user + system) a process has used, from /proc. */
export function cpuSeconds(pid: number): number {
	const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
	return (Number(fields[11]) + Number(fields[12])) / 100;
}

export interface LatencyStats {
	readonly p50: number;
	readonly p95: number;
	readonly p99: number;
	readonly samples: number;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function latencyStats(values: readonly number[]): LatencyStats {
	return { p50: round1(median(values)), p95: round1(percentile(values, 95)), p99: round1(percentile(values, 99)), samples: values.length };
}

/** The last `count` key latencies dockdeck measured itself (DOCKDECK_TRACE_KEYS), in ms. */
export function appLatencies(file: string, count: number): number[] {
	const all = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n').map(Number) : [];
	return all.slice(-count);
}
