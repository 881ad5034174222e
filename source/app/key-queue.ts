import { useEffect, useReducer, useRef } from 'react';
import { useInput, type Key } from 'ink';
import { keyName, splitKeys } from '../keymap/key-name.js';

/** One key as the app handles it: its name in the key table's terms (if any), the text it types, Ink's flags. */
export type KeyPress = readonly [name: string | undefined, input: string, key: Key];

const PLAIN_KEY = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
	super: false,
	hyper: false,
	capsLock: false,
	numLock: false,
} as Key;

/** The keys in one read from the terminal, one by one. */
export function splitRead(input: string, key: Key): KeyPress[] {
	// dockdeck binds no Alt keys: ESC and a key read together (a fast Esc then q, or a slow link) are both pressed
	if (key.meta && !key.ctrl && [...input].length === 1)
		return [
			['escape', '', { ...PLAIN_KEY, escape: true }],
			[keyName(input, PLAIN_KEY), input, PLAIN_KEY],
		];
	return (
		(key.meta ? undefined : splitKeys(input))?.map(([name, text]): KeyPress => [name || undefined, text, PLAIN_KEY]) ?? [
			[keyName(input, key), input, key],
		]
	);
}

/**
 * Keys that arrive together (a paste, fast typing over a slow link) are taken one per render, so
 * each one acts on what the key before it left on screen: the filter typed before `l` decides
 * which container's logs open.
 */
export function useKeyQueue(handle: (press: KeyPress) => void): void {
	const queued = useRef<KeyPress[]>([]);
	const [, kick] = useReducer((n: number) => n + 1, 0);
	useEffect(() => {
		const next = queued.current.shift();
		if (!next) return;
		handle(next);
		if (queued.current.length) kick();
	});
	useInput((input, key) => {
		const keys = splitRead(input, key);
		if (queued.current.length === 0) handle(keys.shift()!);
		queued.current.push(...keys);
		if (queued.current.length) kick();
	});
}
