import type { Key } from 'ink';

/** Turns Ink's (input, key) into the canonical key name used by the key table. */
export function keyName(input: string, key: Key): string | undefined {
	if (key.upArrow) return 'up';
	if (key.downArrow) return 'down';
	if (key.leftArrow) return 'left';
	if (key.rightArrow) return 'right';
	if (key.pageUp) return 'pageup';
	if (key.pageDown) return 'pagedown';
	if (key.home) return 'home';
	if (key.end) return 'end';
	if (key.tab) return key.shift ? 'shift+tab' : 'tab';
	if (key.return) return 'return';
	if (key.escape) return 'escape';
	if (key.backspace) return 'backspace';
	if (key.delete) return 'delete';
	if (key.ctrl && input.length === 1) return `ctrl+${input.toLowerCase()}`;
	if (key.meta && input.length === 1) return `meta+${input}`;
	if (input === ' ') return 'space';
	return input.length === 1 ? input : undefined;
}

/**
 * Splits a chunk that holds several keys (typed fast, pasted, or joined by a slow link) into
 * [name, text] pairs. Chunks with an escape sequence are left whole for Ink's parser: undefined.
 */
export function splitKeys(input: string): [string, string][] | undefined {
	const chars = [...input];
	if (chars.length < 2 || input.includes('\u001b')) return undefined;
	return chars.map(ch => {
		const code = ch.charCodeAt(0);
		if (ch === '\r' || ch === '\n') return ['return', ''];
		if (ch === '\t') return ['tab', ''];
		if (ch === '\u007f' || ch === '\b') return ['backspace', ''];
		if (code >= 1 && code <= 26) return [`ctrl+${String.fromCharCode(code + 96)}`, ''];
		if (code < 32) return ['', ''];
		return [ch === ' ' ? 'space' : ch, ch];
	});
}
