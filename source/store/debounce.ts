/**
 * Runs `task` once after events stop arriving for `quietMs`, but no later than `maxWaitMs` after the
 * first one, and never twice at once: a call during a run queues exactly one more run.
 */
export function coalesce(task: () => Promise<void>, quietMs: number, maxWaitMs: number): { trigger(): void; now(): void; cancel(): void } {
	let timer: NodeJS.Timeout | undefined;
	let firstAt = 0;
	let running = false;
	let again = false;
	let cancelled = false;
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
			if (again && !cancelled) {
				again = false;
				void run();
			}
		}
	};
	return {
		trigger() {
			if (cancelled) return;
			const now = Date.now();
			if (!firstAt) firstAt = now;
			if (timer) clearTimeout(timer);
			const wait = Math.max(0, Math.min(quietMs, firstAt + maxWaitMs - now));
			timer = setTimeout(() => void run(), wait);
		},
		/** Runs without waiting (still never twice at once). */
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
