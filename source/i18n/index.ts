import { en, type Messages } from './en.js';
import { ko } from './ko.js';

/** The languages of the interface. */
export type Language = 'en' | 'ko';

/** Every catalog, by language. */
export const CATALOGS: Readonly<Record<Language, Messages>> = { en, ko };

/** The messages of the language in force; set once at start with setLanguage(). */
// eslint-disable-next-line import/no-mutable-exports
export let T: Messages = en;

let current: Language = 'en';

/** Puts a language in force for every text that is drawn or printed after. */
export function setLanguage(language: Language): void {
	current = language;
	T = CATALOGS[language];
}

/** The language in force. */
export function language(): Language {
	return current;
}

/** Thrown for a --lang value that is not a language of the interface. */
export class LanguageError extends Error {}

/**
 * The language to use: --lang (en or ko) first, then the config file's "lang", then the locale as
 * POSIX reads it (LC_ALL, else LC_MESSAGES, else LANG): a Korean locale (ko_KR.UTF-8) gives Korean.
 */
export function pickLanguage(flag: string | undefined, configured: string | undefined, env: NodeJS.ProcessEnv = process.env): Language {
	for (const [value, source] of [
		[flag, '--lang'],
		[configured, '"lang" in the config'],
	] as const) {
		if (value === undefined) continue;
		const lang = value
			.trim()
			.toLowerCase()
			.replace(/[-_].*$/, '');
		if (lang === 'en' || lang === 'ko') return lang;
		throw new LanguageError(CATALOGS.en.cli.badLanguage(source, value));
	}
	const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
	return /^ko([_.@-]|$)/i.test(locale) ? 'ko' : 'en';
}

/**
 * A value made from the texts of the language in force, made once per language: table columns keep
 * their identity from frame to frame, so memoised rows are not drawn again for nothing.
 */
export function perLanguage<V>(make: () => V): () => V {
	let made: V | undefined;
	let madeFor: Messages | undefined;
	return () => {
		if (madeFor !== T) {
			made = make();
			madeFor = T;
		}
		return made as V;
	};
}
