import type { ContainerRunFacts } from '../model/types.js';

const CONCURRENCY = 4;
const FLUSH_MS = 100;

/** Why a container is inspected: `background` ones wait their turn; `shown` and `changed` ones go first. */
export type FactReason = 'background' | 'shown' | 'changed';

/**
 * Inspects containers a few at a time to learn how each one runs, and hands the answers over in
 * batches: at once when the last container asked for the screen is in, else at most every 100 ms,
 * so a host with hundreds of running containers costs a few renders, not one per inspect. A
 * `changed` container (an event said so) is inspected again even when an inspect is under way,
 * whose answer may predate the change.
 */
export class FactQueue {
	private readonly queue: string[] = [];
	private readonly queued = new Set<string>();
	/** Being inspected, or inspected and waiting to be published. */
	private readonly inFlight = new Set<string>();
	private readonly again = new Set<string>();
	/** Asked for the screen (`shown`, `changed`) and not in yet: their answers are published without waiting. */
	private readonly urgent = new Set<string>();
	private readonly batch = new Map<string, ContainerRunFacts>();
	private flushTimer?: NodeJS.Timeout;
	private workers = 0;
	private stopped = false;

	constructor(
		private readonly inspect: (id: string) => Promise<ContainerRunFacts>,
		private readonly publish: (facts: ReadonlyMap<string, ContainerRunFacts>) => void,
	) {}

	add(ids: readonly string[], reason: FactReason): void {
		const first = reason !== 'background';
		for (const id of first ? [...ids].reverse() : ids) {
			if (first) this.urgent.add(id);
			if (this.inFlight.has(id)) {
				if (reason === 'changed') this.again.add(id);
				continue;
			}
			if (this.queued.has(id)) {
				if (!first) continue;
				this.queue.splice(this.queue.indexOf(id), 1);
			}
			this.queued.add(id);
			if (first) this.queue.unshift(id);
			else this.queue.push(id);
		}
		while (!this.stopped && this.workers < CONCURRENCY && this.queue.length > 0) {
			this.workers++;
			void this.work();
		}
	}

	/** Asked for and not answered yet (queued, or being inspected). */
	pending(id: string): boolean {
		return this.queued.has(id) || this.inFlight.has(id);
	}

	/** Forgets a container (destroyed): queued inspects of it are dropped. */
	drop(id: string): void {
		this.urgent.delete(id);
		if (!this.queued.delete(id)) return;
		this.queue.splice(this.queue.indexOf(id), 1);
	}

	stop(): void {
		this.stopped = true;
		this.queue.length = 0;
		this.queued.clear();
		this.urgent.clear();
		if (this.flushTimer) clearTimeout(this.flushTimer);
	}

	private async work(): Promise<void> {
		try {
			for (let id = this.queue.shift(); id !== undefined && !this.stopped; id = this.queue.shift()) {
				this.queued.delete(id);
				this.inFlight.add(id);
				try {
					this.batch.set(id, await this.inspect(id));
				} catch {
					// removed meanwhile, or the engine is down: the next read or event brings it back
					this.settled(id);
				}
				const wasUrgent = this.urgent.delete(id);
				if (wasUrgent && this.urgent.size === 0) this.flush();
				else this.flushTimer ??= setTimeout(() => this.flush(), FLUSH_MS);
			}
		} finally {
			this.workers--;
			if (this.workers === 0) this.flush();
		}
	}

	private flush(): void {
		if (this.flushTimer) clearTimeout(this.flushTimer);
		this.flushTimer = undefined;
		if (this.batch.size === 0 || this.stopped) return;
		const facts = new Map(this.batch);
		this.batch.clear();
		// settled before they are published: whoever hears of them finds them answered
		for (const id of facts.keys()) this.settled(id);
		this.publish(facts);
	}

	/** An inspect is in (published) or failed: inspects it again if it changed meanwhile. */
	private settled(id: string): void {
		this.inFlight.delete(id);
		if (this.again.delete(id)) this.add([id], 'changed');
	}
}
