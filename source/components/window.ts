/**
 * The first visible row of a list window: moves only when the cursor would leave the window, so a
 * cursor step rewrites two lines, not the whole list.
 */
export function windowStart(previous: number, cursor: number, height: number, total: number): number {
	if (height <= 0 || total <= height) return 0;
	let start = Math.min(Math.max(previous, 0), total - height);
	if (cursor < start) start = cursor;
	else if (cursor >= start + height) start = cursor - height + 1;
	return Math.max(0, Math.min(start, total - height));
}

/** Keeps a cursor inside 0..total-1 (0 for an empty list). */
export function clampCursor(cursor: number, total: number): number {
	return total === 0 ? 0 : Math.max(0, Math.min(cursor, total - 1));
}
