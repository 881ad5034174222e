import path from 'node:path';

/** One line of a .dockerignore: a path pattern, or an exception to the patterns before it (`!`). */
export interface IgnoreRule {
	readonly pattern: string;
	readonly exception: boolean;
	readonly regex: RegExp;
}

const SPECIAL = new Set([...'.+()|{}$^']);

/**
 * Translates one pattern the way Docker's pattern matcher does: `*` and `?` stay inside one path
 * component, `**` spans any number of them (none included), `[...]` is a character class and `\`
 * takes the next character literally.
 */
function compile(pattern: string): RegExp {
	let out = '^';
	for (let i = 0; i < pattern.length; i++) {
		const ch = pattern[i]!;
		if (ch === '*') {
			if (pattern[i + 1] === '*') {
				i++;
				if (pattern[i + 1] === '/') i++;
				out += i + 1 >= pattern.length ? '.*' : '(.*/)?';
			} else {
				out += '[^/]*';
			}
		} else if (ch === '?') {
			out += '[^/]';
		} else if (ch === '\\' && i + 1 < pattern.length) {
			const next = pattern[++i]!;
			out += /[\w]/.test(next) ? next : `\\${next}`;
		} else if (SPECIAL.has(ch)) {
			out += `\\${ch}`;
		} else {
			out += ch;
		}
	}
	return new RegExp(`${out}$`);
}

/** Parses .dockerignore text: comments (#) and blank lines skipped, paths cleaned, a leading / dropped. */
export function parseDockerignore(text: string): IgnoreRule[] {
	const rules: IgnoreRule[] = [];
	for (const raw of text.split(/\r?\n/)) {
		if (raw.startsWith('#')) continue;
		let pattern = raw.trim();
		if (!pattern) continue;
		const exception = pattern.startsWith('!');
		if (exception) pattern = pattern.slice(1).trim();
		if (!pattern) continue;
		pattern = path.posix.normalize(pattern).replace(/\/+$/, '');
		if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.slice(1);
		if (!pattern || pattern === '.') continue;
		let regex: RegExp;
		try {
			regex = compile(pattern);
		} catch {
			throw new Error(`.dockerignore: "${raw.trim()}" is not a valid pattern`);
		}
		rules.push({ pattern, exception, regex });
	}
	return rules;
}

/**
 * Whether a context path (relative, `/`-separated) is left out: the last rule that matches it or
 * one of its parent folders decides, as in the docker CLI.
 */
export function isIgnored(rules: readonly IgnoreRule[], file: string): boolean {
	const parts = file.split('/');
	let ignored = false;
	for (const rule of rules) {
		let match = rule.regex.test(file);
		for (let i = 1; !match && i < parts.length; i++) match = rule.regex.test(parts.slice(0, i).join('/'));
		if (match) ignored = !rule.exception;
	}
	return ignored;
}

/** Whether some exception could bring back a path inside an ignored folder, so the folder must be walked. */
export function mayHaveExceptions(rules: readonly IgnoreRule[], folder: string): boolean {
	return rules.some(
		r =>
			r.exception && (r.pattern.startsWith(`${folder}/`) || r.pattern.includes('*') || r.pattern.includes('?') || r.pattern.includes('[')),
	);
}
