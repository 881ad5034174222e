/**
 * A fixed-capacity buffer that drops the oldest items. Every item keeps a sequence number (its
 * position among all items ever pushed), so a view can stay anchored while old items fall off.
 */
export class RingBuffer<T> {
	private readonly items: (T | undefined)[];
	private start = 0;
	private count = 0;
	/** How many items were ever pushed; the next item's sequence number. */
	pushed = 0;

	constructor(readonly capacity: number) {
		if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
		this.items = new Array<T | undefined>(capacity);
	}

	get size(): number {
		return this.count;
	}

	/** Sequence number of the oldest item still held. */
	get firstSeq(): number {
		return this.pushed - this.count;
	}

	push(item: T): void {
		const end = (this.start + this.count) % this.capacity;
		this.items[end] = item;
		if (this.count < this.capacity) this.count++;
		else this.start = (this.start + 1) % this.capacity;
		this.pushed++;
	}

	/** The item with sequence number `seq`, if still held. */
	at(seq: number): T | undefined {
		const i = seq - this.firstSeq;
		if (i < 0 || i >= this.count) return undefined;
		return this.items[(this.start + i) % this.capacity];
	}

	/** Items from `fromSeq` (inclusive) to `toSeq` (exclusive), clamped to what is held. */
	slice(fromSeq: number, toSeq: number): T[] {
		const out: T[] = [];
		for (let s = Math.max(fromSeq, this.firstSeq); s < Math.min(toSeq, this.pushed); s++) out.push(this.at(s) as T);
		return out;
	}

	clear(): void {
		this.items.fill(undefined);
		this.start = 0;
		this.count = 0;
	}
}
