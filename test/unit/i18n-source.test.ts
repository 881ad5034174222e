import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

const SOURCE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../source');

// English by design: the key table is the English catalog of key texts (ko in i18n/keys-ko.ts),
// markdown.ts writes the English README, and cli.ts says its one message (a Node too old to load
// dockdeck) before any of dockdeck, the catalogs included, can load.
const ENGLISH_SOURCES = new Set(['keymap/keymap.ts', 'keymap/markdown.ts', 'cli.ts']);
// Literals that are not shown: a pattern matched against the engine's own message, the engine's own
// message as the plain-data engine answers it, a shell script, a docker command line, programmer errors.
const NOT_SHOWN = [
	/^no such container$/,
	/^No such container: \$\{id\}$/,
	/^if command -v bash/,
	/^docker (builder prune|image history) /,
	/^ssh:\/\/ is reached through connectEngine$/,
	/^capacity must be a positive integer$/,
];

/** String literals with three or more words of English prose, by file and line. */
function prose(file: string): string[] {
	const text = fs
		.readFileSync(file, 'utf8')
		.replace(/\/\*[\s\S]*?\*\//g, m => m.replace(/[^\n]/g, ' '))
		.replace(/(^|[^:])\/\/[^\n]*/g, '$1');
	const found: string[] = [];
	for (const m of text.matchAll(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g)) {
		const literal = m[0].slice(1, -1);
		const words = literal.replace(/\$\{[^}]*\}/g, 'X');
		if (!/[A-Za-z][a-z']+,? [a-z][a-z']+,? [a-z][a-z']+/.test(words) || NOT_SHOWN.some(p => p.test(literal))) continue;
		const line = text.slice(0, m.index).split('\n').length;
		if (/^\s*import /.test(text.split('\n')[line - 1]!)) continue;
		found.push(`${path.relative(SOURCE, file)}:${line} ${literal.slice(0, 70)}`);
	}
	return found;
}

test('no English sentence is written into the code outside the catalogs: every shown text goes through source/i18n', () => {
	const files: string[] = [];
	const walk = (dir: string) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) {
				if (entry.name !== 'i18n') walk(full);
			} else if (/\.tsx?$/.test(entry.name) && !ENGLISH_SOURCES.has(path.relative(SOURCE, full))) files.push(full);
		}
	};
	walk(SOURCE);
	assert.ok(files.length > 50, `only ${files.length} source files found under ${SOURCE}`);
	assert.deepEqual(files.flatMap(prose), []);
});

test('the scan sees prose in each kind of literal, and leaves code alone', () => {
	const dir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'dd-scan-'));
	try {
		const file = path.join(dir, 'sample.ts');
		fs.writeFileSync(
			file,
			[
				"const a = 'the image is gone';",
				'const b = `Removed ${x} from the list`;',
				'const c = "two words";',
				'// a comment that says many words here',
				"const d = 'docker builder prune -f';",
				"const e = 'no such container';",
			].join('\n'),
		);
		assert.deepEqual(
			prose(file).map(f => f.replace(/^.*sample\.ts:/, '')),
			['1 the image is gone', '2 Removed ${x} from the list'],
		);
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
});
