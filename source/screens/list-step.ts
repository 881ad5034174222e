import type { Step } from './screen.js';

/** The rows a list key moves: one, a page (the screen's height less its frame), or to an end (±Infinity). */
export function stepDelta(step: Step, page = Math.max(1, step.height - 3)): number {
	switch (step.kind) {
		case 'up':
			return -1;
		case 'down':
			return 1;
		case 'pageUp':
			return -page;
		case 'pageDown':
			return page;
		case 'first':
			return -Infinity;
		case 'last':
			return Infinity;
	}
}

/** A cursor moved by a list key within `count` rows. */
export function stepCursor(cursor: number, step: Step, count: number, page?: number): number {
	return Math.max(0, Math.min(count - 1, cursor + stepDelta(step, page)));
}
