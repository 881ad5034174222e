import { knownTextWidth } from '../../format/known-width.js';
import { displayWidth, graphemes, inert } from '../../format/text.js';
import type { LogLine } from '../../store/log-session.js';
import type { StyleSpan } from '../../format/sgr.js';
import type { RingBuffer } from '../../store/ring-buffer.js';

/** How the person is reading the logs: following the end, or anchored at a line, and how lines show. */
export interface LogsUi {
	readonly follow: boolean;
	/** Sequence number of the bottom line while not following. */
	readonly anchor: number;
	readonly wrap: boolean;
	readonly timestamps: boolean;
	readonly search: string;
	/** Columns scrolled to the right when lines are not wrapped. */
	readonly hscroll: number;
}

export const initialLogsUi: LogsUi = { follow: true, anchor: 0, wrap: true, timestamps: false, search: '', hscroll: 0 };

/** At most this many screen rows for one wrapped line: a 100,000-character line must not freeze the view. */
export const MAX_ROWS_PER_LINE = 40;

/** The bottom line shown: the newest when following, else the anchor clamped to what is held. */
export function bottomSeq(ui: LogsUi, buffer: RingBuffer<LogLine>): number {
	if (ui.follow || buffer.size === 0) return buffer.pushed - 1;
	return Math.max(buffer.firstSeq, Math.min(ui.anchor, buffer.pushed - 1));
}

/** Moves the view by `delta` lines (negative: up, older). Reaching the end resumes following. */
export function scrollLogs(ui: LogsUi, buffer: RingBuffer<LogLine>, delta: number): LogsUi {
	if (buffer.size === 0) return ui;
	const target = bottomSeq(ui, buffer) + delta;
	if (target >= buffer.pushed - 1) return { ...ui, follow: true };
	return { ...ui, follow: false, anchor: Math.max(buffer.firstSeq, target) };
}

/** "10:31:15.123" from an RFC 3339 time; empty when there is none. */
export function shortTime(time: string): string {
	const match = /T(\d\d:\d\d:\d\d)(\.\d{1,3})?/.exec(time);
	return match ? `${match[1]}${(match[2] ?? '.').padEnd(4, '0')}` : '';
}

/** One screen row of the log view. */
export interface LogRow {
	readonly seq: number;
	readonly stream: LogLine['stream'];
	readonly text: string;
	readonly continuation: boolean;
	/** Where `text` starts in the line as shown (time included), and the line's styles in those terms. */
	readonly offset: number;
	readonly styles?: readonly StyleSpan[];
}

/** Cuts text into rows of at most `width` cells; at most `max` rows, the last saying what was left out. */
export function wrapText(text: string, width: number, max: number): string[] {
	const rows: string[] = [];
	// never look further than the rows could show: long lines cost the same as short ones
	const visible = text.length > width * max * 2 ? text.slice(0, width * max * 2) : text;
	if (knownTextWidth(visible) === visible.length) {
		// a cell per UTF-16 unit (ASCII, borders, Latin): the rows are slices
		for (let i = 0; i < visible.length && rows.length < max; i += width) rows.push(visible.slice(i, i + width));
	} else {
		let start = 0;
		let at = 0;
		let used = 0;
		for (const segment of graphemes(visible)) {
			const w = displayWidth(segment);
			if (used + w > width) {
				rows.push(visible.slice(start, at));
				if (rows.length === max) break;
				start = at;
				used = 0;
			}
			at += segment.length;
			used += w;
		}
		if (rows.length < max && at > start) rows.push(visible.slice(start, at));
	}
	const shown = rows.reduce((n, r) => n + r.length, 0);
	if (shown < text.length) {
		const note = ` … ${(text.length - shown).toLocaleString('en-US')} more characters`;
		const last = rows.length - 1;
		rows[last] = rows[last]!.slice(0, Math.max(0, rows[last]!.length - note.length)) + note;
	}
	return rows.length ? rows : [''];
}

/** What goes before a line: its time, when asked. */
function linePrefix(line: LogLine, ui: LogsUi): string {
	return ui.timestamps && line.time ? `${shortTime(line.time)} ` : '';
}

/** What a line shows: made inert (its length in UTF-16 units stays, so styles still line up), with its time in front when asked. */
export function lineText(line: LogLine, ui: LogsUi): string {
	return linePrefix(line, ui) + inert(line.text);
}

/** The rows that fill the view, oldest at the top, ending with the bottom line. */
export function visibleRows(buffer: RingBuffer<LogLine>, ui: LogsUi, width: number, height: number): LogRow[] {
	const rows: LogRow[] = [];
	for (let seq = bottomSeq(ui, buffer); seq >= buffer.firstSeq && rows.length < height; seq--) {
		const line = buffer.at(seq);
		if (!line) break;
		const prefix = linePrefix(line, ui).length;
		const text = lineText(line, ui);
		const styles = line.styles && prefix ? line.styles.map(s => ({ ...s, from: s.from + prefix, to: s.to + prefix })) : line.styles;
		const pieces = ui.wrap ? wrapText(text, width, MAX_ROWS_PER_LINE) : [[...text].slice(ui.hscroll, ui.hscroll + width * 2).join('')];
		const offsets = ui.wrap
			? pieces.map((_, i) => pieces.slice(0, i).reduce((n, p) => n + p.length, 0))
			: [[...text].slice(0, ui.hscroll).join('').length];
		for (let i = pieces.length - 1; i >= 0 && rows.length < height; i--)
			rows.push({ seq, stream: line.stream, text: pieces[i]!, continuation: i > 0, offset: offsets[i]!, ...(styles ? { styles } : {}) });
	}
	return rows.reverse();
}

/** The nearest line matching the search, going up (older, `-1`) or down (newer, `1`) from the bottom line. */
export function findMatch(buffer: RingBuffer<LogLine>, ui: LogsUi, direction: 1 | -1): number | undefined {
	if (!ui.search) return undefined;
	const needle = ui.search.toLowerCase();
	for (let seq = bottomSeq(ui, buffer) + direction; seq >= buffer.firstSeq && seq < buffer.pushed; seq += direction) {
		if (buffer.at(seq)?.text.toLowerCase().includes(needle)) return seq;
	}
	return undefined;
}

/** How many held lines match the search. */
export function countMatches(buffer: RingBuffer<LogLine>, search: string): number {
	if (!search) return 0;
	const needle = search.toLowerCase();
	let n = 0;
	for (let seq = buffer.firstSeq; seq < buffer.pushed; seq++) if (buffer.at(seq)?.text.toLowerCase().includes(needle)) n++;
	return n;
}
