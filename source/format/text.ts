import stringWidth from 'string-width';
import { knownTextWidth } from './known-width.js';

let segmenter: Intl.Segmenter | undefined;

/**
 * The grapheme clusters of `text`, each as the terminal shows it. Text made only of characters of
 * known width (known-width.ts) is split by code unit without setting up Intl.Segmenter.
 */
export function graphemes(text: string): string[] {
	if (knownTextWidth(text) >= 0) return text.split('');
	segmenter ??= new Intl.Segmenter();
	return Array.from(segmenter.segment(text), s => s.segment);
}

// C0/C1 control characters, including ESC: shown inert so names, env values and logs cannot drive the terminal.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Makes text safe to print: control characters become visible (ESC -> "␛"), tabs and newlines spaces. */
export function inert(text: string): string {
	return text
		.replace(/[\t\n\r]/g, ' ')
		.replace(CONTROL, ch => (ch === '\u001b' ? '␛' : ch.charCodeAt(0) < 32 ? String.fromCharCode(0x2400 + ch.charCodeAt(0)) : '�'));
}

/** Display width in terminal cells (wide CJK characters and emoji count 2). */
export function displayWidth(text: string): number {
	return stringWidth(text);
}

/** Cuts text to at most `width` cells, ending with "…" when something was cut. */
export function truncate(text: string, width: number): string {
	if (width <= 0) return '';
	if (stringWidth(text) <= width) return text;
	let out = '';
	let used = 0;
	for (const segment of graphemes(text)) {
		const w = stringWidth(segment);
		if (used + w > width - 1) break;
		out += segment;
		used += w;
	}
	return out + '…';
}

/** Cuts text to at most `width` cells keeping its end, starting with "…" when something was cut. */
export function truncateStart(text: string, width: number): string {
	if (width <= 0) return '';
	if (stringWidth(text) <= width) return text;
	const segments = graphemes(text);
	let out = '';
	let used = 0;
	for (let i = segments.length - 1; i >= 0; i--) {
		const w = stringWidth(segments[i]!);
		if (used + w > width - 1) break;
		out = segments[i]! + out;
		used += w;
	}
	return '…' + out;
}

/** Exactly `width` cells: made inert, cut with "…" or padded with spaces (right-aligned when asked). */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left'): string {
	const cut = truncate(inert(text), width);
	const pad = ' '.repeat(Math.max(0, width - stringWidth(cut)));
	return align === 'right' ? pad + cut : cut + pad;
}

/** Splits a text into lines of at most `width` cells, at spaces where it can (long words are cut). */
export function wrapText(text: string, width: number): string[] {
	const room = Math.max(1, width);
	const lines: string[] = [];
	let line = '';
	let used = 0;
	const push = () => {
		lines.push(line.trimEnd());
		line = '';
		used = 0;
	};
	for (const word of inert(text).split(/(?<= )/)) {
		const w = stringWidth(word.trimEnd());
		if (used > 0 && used + w > room) push();
		if (w <= room) {
			line += word;
			used += stringWidth(word);
			continue;
		}
		for (const segment of graphemes(word)) {
			const s = stringWidth(segment);
			if (used + s > room) push();
			line += segment;
			used += s;
		}
	}
	if (line.trim() || lines.length === 0) push();
	return lines;
}
