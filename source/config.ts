import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Tone } from './format/container-mode.js';
import { parseDetachKeys } from './format/detach-keys.js';
import { KEYMAP, type ActionId, type Binding } from './keymap/keymap.js';
import { T } from './i18n/index.js';

/** Settings for one engine, by its docker context name or its address (unix:///…, tcp://…, ssh://…). */
export interface EngineSettings {
	readonly readOnly?: boolean;
	/** Marks the engine as production: the header says so in red, and read-only is the default. */
	readonly production?: boolean;
}

export interface Config {
	readonly keymap: readonly Binding[];
	readonly theme: Partial<Record<Tone, string>>;
	readonly logBuffer?: number;
	readonly detachKeys?: string;
	readonly readOnly?: boolean;
	/** The interface language, "en" or "ko"; --lang and the locale otherwise. */
	readonly lang?: 'en' | 'ko';
	readonly engines: Readonly<Record<string, EngineSettings>>;
}

export const EMPTY_CONFIG: Config = { keymap: KEYMAP, theme: {}, engines: {} };

/** Where the config file is: $DOCKDECK_CONFIG, else $XDG_CONFIG_HOME/dockdeck/config.json, else ~/.config/dockdeck/config.json. */
export function configPath(env: NodeJS.ProcessEnv = process.env): string {
	if (env.DOCKDECK_CONFIG) return env.DOCKDECK_CONFIG;
	const base =
		env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(env.HOME ?? os.homedir(), '.config');
	return path.join(base, 'dockdeck', 'config.json');
}

const TONES: readonly Tone[] = ['good', 'bad', 'muted', 'warn', 'info'];
const COLOURS = new Set([
	'black',
	'red',
	'green',
	'yellow',
	'blue',
	'magenta',
	'cyan',
	'white',
	'gray',
	'grey',
	'blackBright',
	'redBright',
	'greenBright',
	'yellowBright',
	'blueBright',
	'magentaBright',
	'cyanBright',
	'whiteBright',
]);
const NAMED_KEYS = new Set([
	'up',
	'down',
	'left',
	'right',
	'pageup',
	'pagedown',
	'home',
	'end',
	'tab',
	'shift+tab',
	'return',
	'escape',
	'backspace',
	'delete',
	'space',
]);
const KNOWN = new Set(['keys', 'theme', 'logBuffer', 'detachKeys', 'readOnly', 'lang', 'engines']);

/** A key name as the key table writes it: one character, a named key, or ctrl+<letter>. */
function validKey(key: string): boolean {
	return [...key].length === 1 ? key.charCodeAt(0) >= 32 : NAMED_KEYS.has(key) || /^ctrl\+[a-z]$/.test(key) || /^meta\+.$/u.test(key);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads and checks the config file. Never throws: a missing file is no settings, and each problem
 * is one line naming the file, the setting and what is wrong, while the rest still applies. A key
 * remapping with conflicts is dropped whole (the default keys stay), its conflicts reported.
 */
export function loadConfig(file: string): { config: Config; problems: string[] } {
	let text: string;
	try {
		text = fs.readFileSync(file, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		return { config: EMPTY_CONFIG, problems: code === 'ENOENT' ? [] : [T.misc.config.unreadable(file, code ?? String(error))] };
	}
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch (error) {
		return { config: EMPTY_CONFIG, problems: [T.misc.config.notJson(file, (error as Error).message)] };
	}
	const C = T.misc.config;
	if (!isObject(raw)) return { config: EMPTY_CONFIG, problems: [C.notObject(file)] };
	const problems: string[] = [];
	const bad = (setting: string, what: string) => problems.push(C.problem(file, setting, what));
	for (const key of Object.keys(raw)) if (!KNOWN.has(key)) bad(key, C.unknown([...KNOWN].join(', ')));

	let keymap: readonly Binding[] = KEYMAP;
	if (raw.keys !== undefined) {
		if (!isObject(raw.keys)) bad('keys', C.keysShape);
		else {
			const ids = new Set(KEYMAP.map(b => b.id));
			const remap = new Map<ActionId, string[]>();
			for (const [id, value] of Object.entries(raw.keys)) {
				const keys =
					typeof value === 'string'
						? [value]
						: Array.isArray(value) && value.every(k => typeof k === 'string')
							? (value as string[])
							: undefined;
				if (!ids.has(id as ActionId)) bad(`keys.${id}`, C.notAction);
				else if (!keys || keys.length === 0) bad(`keys.${id}`, C.keyShape);
				else if (keys.some(k => !validKey(k))) bad(`keys.${id}`, C.badKey(JSON.stringify(keys.find(k => !validKey(k)))));
				else remap.set(id as ActionId, keys);
			}
			// conflicts are checked against every screen's scopes when the screen is loaded (screens/registry.ts checkKeymap)
			if (remap.size > 0) keymap = KEYMAP.map(b => (remap.has(b.id) ? { ...b, keys: remap.get(b.id)! } : b));
		}
	}

	const theme: Partial<Record<Tone, string>> = {};
	if (raw.theme !== undefined) {
		if (!isObject(raw.theme)) bad('theme', C.themeShape(TONES.join(', ')));
		else
			for (const [tone, colour] of Object.entries(raw.theme)) {
				if (!TONES.includes(tone as Tone)) bad(`theme.${tone}`, C.notTone(TONES.join(', ')));
				else if (typeof colour !== 'string' || !(COLOURS.has(colour) || /^#[0-9a-f]{6}$/i.test(colour)))
					bad(`theme.${tone}`, C.notColour(JSON.stringify(colour)));
				else theme[tone as Tone] = colour;
			}
	}

	let logBuffer: number | undefined;
	if (raw.logBuffer !== undefined) {
		if (typeof raw.logBuffer !== 'number' || !Number.isInteger(raw.logBuffer) || raw.logBuffer < 100 || raw.logBuffer > 1_000_000)
			bad('logBuffer', C.logBuffer(JSON.stringify(raw.logBuffer)));
		else logBuffer = raw.logBuffer;
	}

	let detachKeys: string | undefined;
	if (raw.detachKeys !== undefined) {
		try {
			if (typeof raw.detachKeys !== 'string') throw new Error(C.detachShape);
			parseDetachKeys(raw.detachKeys);
			detachKeys = raw.detachKeys;
		} catch (error) {
			bad('detachKeys', (error as Error).message);
		}
	}

	let readOnly: boolean | undefined;
	if (raw.readOnly !== undefined) {
		if (typeof raw.readOnly !== 'boolean') bad('readOnly', C.boolean);
		else readOnly = raw.readOnly;
	}

	let lang: Config['lang'];
	if (raw.lang !== undefined) {
		if (raw.lang !== 'en' && raw.lang !== 'ko') bad('lang', C.lang(JSON.stringify(raw.lang)));
		else lang = raw.lang;
	}

	const engines: Record<string, EngineSettings> = {};
	if (raw.engines !== undefined) {
		if (!isObject(raw.engines)) bad('engines', C.enginesShape);
		else
			for (const [address, settings] of Object.entries(raw.engines)) {
				if (!isObject(settings)) {
					bad(`engines.${address}`, C.engineShape);
					continue;
				}
				const entry: { readOnly?: boolean; production?: boolean } = {};
				for (const [key, value] of Object.entries(settings)) {
					if (key !== 'readOnly' && key !== 'production') bad(`engines.${address}.${key}`, C.engineSetting);
					else if (typeof value !== 'boolean') bad(`engines.${address}.${key}`, C.boolean);
					else entry[key] = value;
				}
				engines[address] = entry;
			}
	}
	return { config: { keymap, theme, logBuffer, detachKeys, readOnly, lang, engines }, problems };
}

/**
 * What applies to one engine: the flag first, then its entry in "engines" (by context name, else by
 * address), then the top level. A production engine is read-only unless its entry says otherwise.
 */
export function engineSettings(
	config: Config,
	address: string,
	flagReadOnly: boolean,
	context?: string,
): { readOnly: boolean; production: boolean } {
	const entry = (context && context !== 'default' ? config.engines[context] : undefined) ?? config.engines[address] ?? {};
	const production = entry.production ?? false;
	const readOnly = flagReadOnly || (entry.readOnly ?? (production ? true : (config.readOnly ?? false)));
	return { readOnly, production };
}
