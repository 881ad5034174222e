/** What `coalesce` returns: ask for a run, run now, or stop for good. */
export interface Coalesced {
	/** A run soon: after `quietMs` without another trigger, at most `maxWaitMs` after the first (and not within `cooldownMs` of the last run). */
	trigger(): void;
	/** Runs without waiting (still never twice at once). */
	now(): void;
	cancel(): void;
}

/**
 * Runs `task` once after events stop arriving for `quietMs`, but no later than `maxWaitMs` after the
 * first one, and never twice at once: a call during a run queues exactly one more run. With
 * `cooldownMs`, a triggered run also waits until that long after the previous run ended.
 */
export function coalesce(task: () => Promise<void>, quietMs: number, maxWaitMs: number, cooldownMs = 0): Coalesced {
	let timer: NodeJS.Timeout | undefined;
	let firstAt = 0;
	let running = false;
	let again = false;
	let cancelled = false;
	let endedAt = -Infinity;
	const run = async () => {
		timer = undefined;
		firstAt = 0;
		if (running) {
			again = true;
			return;
		}
		running = true;
		try {
			await task();
		} finally {
			running = false;
			endedAt = Date.now();
			if (again && !cancelled) {
				again = false;
				if (cooldownMs > 0) schedule();
				else void run();
			}
		}
	};
	const schedule = () => {
		const now = Date.now();
		if (!firstAt) firstAt = now;
		if (timer) clearTimeout(timer);
		const wait = Math.max(0, Math.min(quietMs, firstAt + maxWaitMs - now), endedAt + cooldownMs - now);
		timer = setTimeout(() => void run(), wait);
	};
	return {
		trigger() {
			if (!cancelled) schedule();
		},
		now() {
			if (cancelled) return;
			if (timer) clearTimeout(timer);
			void run();
		},
		cancel() {
			cancelled = true;
			if (timer) clearTimeout(timer);
		},
	};
}
