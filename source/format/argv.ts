import { T } from '../i18n/index.js';
/**
 * Splits a command line into argv the way a POSIX shell would for plain words, single and double
 * quotes and backslash escapes (no expansion). Throws on an unclosed quote.
 */
export function splitCommand(line: string): string[] {
	const args: string[] = [];
	let current = '';
	let quote: '"' | "'" | null = null;
	let started = false;
	for (let i = 0; i < line.length; i++) {
		const ch = line[i]!;
		if (quote) {
			if (ch === quote) quote = null;
			else if (ch === '\\' && quote === '"' && i + 1 < line.length) current += line[++i];
			else current += ch;
		} else if (ch === '"' || ch === "'") {
			quote = ch;
			started = true;
		} else if (ch === '\\' && i + 1 < line.length) {
			current += line[++i];
			started = true;
		} else if (/\s/.test(ch)) {
			if (started) args.push(current);
			current = '';
			started = false;
		} else {
			current += ch;
			started = true;
		}
	}
	if (quote) throw new Error(T.checks.unclosedQuote(quote));
	if (started) args.push(current);
	return args;
}

/** One word for a POSIX shell, quoted only when it needs to be: for the docker commands shown to learners. */
export function shellWord(word: string): string {
	return /^[\w./:@=+-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
