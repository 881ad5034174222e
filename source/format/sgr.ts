/**
 * Colour and style in log lines. Programs colour their logs with SGR sequences (ESC [ … m); those
 * become styles on the plain text. Every other escape (cursor moves, screen clears, titles and other
 * OSC sequences) stays in the text, to be shown inert (␛) like any control character.
 */

/** How a stretch of text looks: colours as Ink takes them (a name, "ansi256(n)" or "#rrggbb"). */
export interface TextStyle {
	readonly color?: string;
	readonly backgroundColor?: string;
	readonly bold?: boolean;
	readonly dimColor?: boolean;
	readonly italic?: boolean;
	readonly underline?: boolean;
	readonly inverse?: boolean;
	readonly strikethrough?: boolean;
}

/** A style over text[from, to) (UTF-16 offsets into the plain text). */
export interface StyleSpan {
	readonly from: number;
	readonly to: number;
	readonly style: TextStyle;
}

/** A line cannot make more spans than this: a hostile line costs the view no more than a coloured one. */
export const MAX_SPANS = 64;

const NAMES = ['black', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white'] as const;
const BRIGHT = ['gray', 'redBright', 'greenBright', 'yellowBright', 'blueBright', 'magentaBright', 'cyanBright', 'whiteBright'] as const;
// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[([0-9;:]*)m/g;

const hex = (n: number) => Math.max(0, Math.min(255, n)).toString(16).padStart(2, '0');

/** An extended colour (38;5;n or 38;2;r;g;b), taking its numbers from `params` at `i`; returns it and how many numbers it used. */
function extended(params: readonly number[], i: number): [string | undefined, number] {
	if (params[i] === 5 && params[i + 1] !== undefined) {
		const n = params[i + 1]!;
		return [n < 8 ? NAMES[n] : n < 16 ? BRIGHT[n - 8] : `ansi256(${Math.min(255, n)})`, 2];
	}
	if (params[i] === 2 && params[i + 3] !== undefined) return [`#${hex(params[i + 1]!)}${hex(params[i + 2]!)}${hex(params[i + 3]!)}`, 4];
	return [undefined, 1];
}

/** The style after one SGR sequence's parameters. */
export function applySgr(style: TextStyle, text: string): TextStyle {
	const params = text === '' ? [0] : text.split(/[;:]/).map(p => (p === '' ? 0 : Number(p)));
	let next: { -readonly [K in keyof TextStyle]: TextStyle[K] } = { ...style };
	for (let i = 0; i < params.length; i++) {
		const p = params[i]!;
		if (p === 0) next = {};
		else if (p === 1) next.bold = true;
		else if (p === 2) next.dimColor = true;
		else if (p === 3) next.italic = true;
		else if (p === 4) next.underline = true;
		else if (p === 7) next.inverse = true;
		else if (p === 9) next.strikethrough = true;
		else if (p === 22) {
			delete next.bold;
			delete next.dimColor;
		} else if (p === 23) delete next.italic;
		else if (p === 24) delete next.underline;
		else if (p === 27) delete next.inverse;
		else if (p === 29) delete next.strikethrough;
		else if (p >= 30 && p <= 37) next.color = NAMES[p - 30];
		else if (p >= 90 && p <= 97) next.color = BRIGHT[p - 90];
		else if (p === 39) delete next.color;
		else if (p >= 40 && p <= 47) next.backgroundColor = NAMES[p - 40];
		else if (p >= 100 && p <= 107) next.backgroundColor = BRIGHT[p - 100];
		else if (p === 49) delete next.backgroundColor;
		else if (p === 38 || p === 48) {
			const [colour, used] = extended(params, i + 1);
			if (colour) next[p === 38 ? 'color' : 'backgroundColor'] = colour;
			i += used;
		}
	}
	return next;
}

const plainStyle = (style: TextStyle) => Object.keys(style).length === 0;

/**
 * Splits a line into its plain text (SGR sequences taken out) and the styles over it; undefined
 * when it has none, which is most lines (they cost a string search). At most MAX_SPANS spans: the
 * rest of the line keeps its text but not its colours.
 */
export function parseSgr(line: string): { readonly text: string; readonly spans: readonly StyleSpan[] } | undefined {
	if (!line.includes('\u001b[')) return undefined;
	let text = '';
	const spans: StyleSpan[] = [];
	let style: TextStyle = {};
	let from = 0;
	let last = 0;
	let found = false;
	const close = () => {
		if (text.length > from && !plainStyle(style) && spans.length < MAX_SPANS) spans.push({ from, to: text.length, style });
		from = text.length;
	};
	for (const match of line.matchAll(SGR)) {
		found = true;
		text += line.slice(last, match.index);
		last = match.index + match[0].length;
		close();
		style = spans.length < MAX_SPANS ? applySgr(style, match[1]!) : {};
	}
	if (!found) return undefined;
	text += line.slice(last);
	close();
	return { text, spans };
}

/** One piece of a row to draw: its text, its style, and whether it matches the search. */
export interface StyledPart {
	readonly text: string;
	readonly style?: TextStyle;
	readonly match: boolean;
}

/**
 * Cuts `text` (which starts at `offset` of the line) into parts of one style and one search state.
 * Spans past the end of `text` (cut off with "…") do not reach the cut-off mark.
 */
export function styledParts(
	text: string,
	offset: number,
	spans: readonly StyleSpan[] | undefined,
	search: string,
	limit = text.length,
): StyledPart[] {
	const cuts = new Set([0, text.length]);
	const at = (i: number) => Math.max(0, Math.min(limit, i - offset));
	for (const s of spans ?? []) if (s.to > offset && s.from < offset + text.length) cuts.add(at(s.from)).add(at(s.to));
	const matches: [number, number][] = [];
	if (search) {
		const lower = text.toLowerCase();
		const needle = search.toLowerCase();
		for (let i = lower.indexOf(needle); i >= 0; i = lower.indexOf(needle, i + needle.length)) {
			matches.push([i, i + needle.length]);
			cuts.add(i).add(i + needle.length);
		}
	}
	const points = [...cuts].filter(p => p >= 0 && p <= text.length).sort((a, b) => a - b);
	const parts: StyledPart[] = [];
	for (let k = 0; k + 1 < points.length; k++) {
		const [a, b] = [points[k]!, points[k + 1]!];
		if (a === b) continue;
		const span = a < limit ? spans?.find(s => s.from <= a + offset && s.to > a + offset) : undefined;
		const match = matches.some(([m, n]) => a >= m && b <= n);
		parts.push({ text: text.slice(a, b), ...(span ? { style: span.style } : {}), match });
	}
	return parts;
}
