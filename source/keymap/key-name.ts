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
