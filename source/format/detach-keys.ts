import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { T } from '../i18n/index.js';

/** Detach keys as docker writes them ("ctrl-p,ctrl-q") and the bytes a terminal sends for them. */
export interface DetachKeys {
	readonly spec: string;
	readonly bytes: Uint8Array;
	/** For people: "ctrl-p ctrl-q". */
	readonly display: string;
}

const CTRL_SPECIAL: Record<string, number> = { '@': 0, '[': 27, '\\': 28, ']': 29, '^': 30, _: 31 };

/** Parses docker's detach-key format; throws an Error with a one-line reason for anything else. */
export function parseDetachKeys(spec: string): DetachKeys {
	const parts = spec.split(',').map(p => p.trim());
	const D = T.checks.detach;
	if (parts.length === 0 || parts.some(p => p === '')) throw new Error(D.keys(spec, D.help));
	const bytes = parts.map(part => {
		const ctrl = /^ctrl-(.)$/i.exec(part);
		if (ctrl) {
			const ch = ctrl[1]!.toLowerCase();
			if (ch >= 'a' && ch <= 'z') return ch.charCodeAt(0) - 96;
			if (ch in CTRL_SPECIAL) return CTRL_SPECIAL[ch]!;
			throw new Error(D.key(part, D.help));
		}
		if (part.length === 1 && part.charCodeAt(0) < 128) return part.charCodeAt(0);
		throw new Error(D.key(part, D.help));
	});
	return { spec: parts.join(','), bytes: Uint8Array.from(bytes), display: parts.join(' ') };
}

export const DEFAULT_DETACH_KEYS = parseDetachKeys('ctrl-p,ctrl-q');

/**
 * The detach keys in force: the --detach-keys flag, else `detachKeys` from the docker CLI's
 * config.json ($DOCKER_CONFIG or ~/.docker), else ctrl-p,ctrl-q. A bad flag throws; a bad config
 * value falls back to the default with a warning, since the user did not type it here.
 */
export function resolveDetachKeys(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): { keys: DetachKeys; warning?: string } {
	if (flag !== undefined) return { keys: parseDetachKeys(flag) };
	const file = path.join(env.DOCKER_CONFIG || path.join(os.homedir(), '.docker'), 'config.json');
	let configured: unknown;
	try {
		configured = (JSON.parse(fs.readFileSync(file, 'utf8')) as { detachKeys?: unknown }).detachKeys;
	} catch {
		return { keys: DEFAULT_DETACH_KEYS };
	}
	if (configured === undefined || configured === '') return { keys: DEFAULT_DETACH_KEYS };
	try {
		return { keys: parseDetachKeys(String(configured)) };
	} catch (error) {
		return { keys: DEFAULT_DETACH_KEYS, warning: T.checks.detach.fallback(file, (error as Error).message) };
	}
}

/** Watches a byte stream for a key sequence, across chunk boundaries. */
export function sequenceMatcher(sequence: Uint8Array): (chunk: Uint8Array) => boolean {
	let matched = 0;
	return chunk => {
		for (const byte of chunk) {
			matched = byte === sequence[matched] ? matched + 1 : byte === sequence[0] ? 1 : 0;
			if (matched === sequence.length) {
				matched = 0;
				return true;
			}
		}
		return false;
	};
}
