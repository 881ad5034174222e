import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CATALOGS, LanguageError, pickLanguage } from '../../source/i18n/index.js';
import { KEYMAP } from '../../source/keymap/keymap.js';

type Tree = Record<string, unknown>;

/** Sample arguments for a catalog function: numbers, strings, booleans and lists that cover each branch a little. */
function samples(fn: (...args: never[]) => unknown): unknown[][] {
	const n = fn.length;
	const pick = (i: number, v: number): unknown =>
		[
			[1, 'alpha', true, ['a', 'b']],
			[2, 'beta', false, ['c']],
		][v]![i % 4];
	// a text function takes strings, numbers, booleans or lists; try each kind in each place
	const tries: unknown[][] = [];
	for (const v of [0, 1]) for (let k = 0; k < 4; k++) tries.push(Array.from({ length: n }, (_, i) => pick(i + k, v)));
	return tries;
}

/** Walks both catalogs together: every key of one is in the other, with the same kind of value. */
function compare(en: unknown, ko: unknown, path: string, problems: string[], same: string[]): void {
	if (typeof en !== typeof ko || Array.isArray(en) !== Array.isArray(ko))
		return void problems.push(`${path}: ${typeof en} in en, ${ko === undefined ? 'missing' : typeof ko} in ko`);
	if (typeof en === 'string') {
		if (!en.trim() && path.split('.').at(-1) !== '') problems.push(`${path}: empty in en`);
		if (!(ko as string).trim() && en.trim()) problems.push(`${path}: empty in ko`);
		if (en === ko && /[a-z]{3,} [a-z]{3,}/.test(en)) same.push(path);
		return;
	}
	if (typeof en === 'function') {
		const f = en as (...args: never[]) => unknown;
		const g = ko as (...args: never[]) => unknown;
		if (f.length !== g.length) problems.push(`${path}: takes ${f.length} values in en, ${g.length} in ko`);
		return;
	}
	if (Array.isArray(en)) {
		if (en.length !== (ko as unknown[]).length) problems.push(`${path}: ${en.length} items in en, ${(ko as unknown[]).length} in ko`);
		en.forEach((item, i) => compare(item, (ko as unknown[])[i], `${path}[${i}]`, problems, same));
		return;
	}
	if (en && typeof en === 'object') {
		const a = en as Tree;
		const b = ko as Tree;
		for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
			if (!(key in a)) problems.push(`${path}.${key}: in ko but not in en`);
			else if (!(key in b)) problems.push(`${path}.${key}: missing in ko`);
			else compare(a[key], b[key], `${path}.${key}`, problems, same);
		}
	}
}

test('every text exists in English and Korean, with the same keys and the same values to fill in', () => {
	const problems: string[] = [];
	const same: string[] = [];
	compare(CATALOGS.en, CATALOGS.ko, 'catalog', problems, same);
	assert.deepEqual(problems, []);
	// a sentence left in English in the Korean catalog is a missing translation
	assert.deepEqual(same, []);
});

test('the comparison catches a missing key, an extra key and a changed signature', () => {
	const problems: string[] = [];
	compare({ a: 'x', b: { c: (n: number) => `${n}` } }, { b: { c: () => 'y', d: 'extra' } }, 'c', problems, []);
	assert.deepEqual(problems.sort(), ['c.a: missing in ko', 'c.b.c: takes 1 values in en, 0 in ko', 'c.b.d: in ko but not in en'].sort());
});

test('every text function gives a non-empty text in both languages for any values', () => {
	const empty: string[] = [];
	const walk = (node: unknown, path: string, lang: string) => {
		if (typeof node === 'function') {
			for (const args of samples(node as (...a: never[]) => unknown)) {
				let out: unknown;
				try {
					out = (node as (...a: unknown[]) => unknown)(...args);
				} catch {
					continue; // a learn text called with a value of the wrong kind; the typed callers never do that
				}
				const texts = Array.isArray(out) ? out : [out];
				if (texts.some(t => typeof t !== 'string' || !t.trim())) empty.push(`${lang} ${path}`);
			}
		} else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, `${path}.${k}`, lang);
	};
	// the learn texts take the facts of a container, image or layer: test/unit/learn.test.ts feeds them real ones
	for (const [lang, catalog] of Object.entries(CATALOGS)) walk({ ...catalog, learn: undefined }, 'catalog', lang);
	assert.deepEqual([...new Set(empty)], []);
});

test('every action of the key table has a Korean help text, and a Korean footer label when it has one', () => {
	for (const binding of KEYMAP) {
		const [description, hint] = CATALOGS.ko.keys[binding.id];
		assert.ok(description && /[가-힣]/.test(description), `${binding.id} has no Korean help text`);
		assert.equal(Boolean(hint), Boolean(binding.hint), `${binding.id}: footer label in one language only`);
	}
});

test('the language: --lang, then the config, then LC_ALL, LC_MESSAGES, LANG; anything else is a one-line error', () => {
	assert.equal(pickLanguage(undefined, undefined, {}), 'en');
	assert.equal(pickLanguage(undefined, undefined, { LANG: 'ko_KR.UTF-8' }), 'ko');
	assert.equal(pickLanguage(undefined, undefined, { LANG: 'en_US.UTF-8', LC_ALL: 'ko_KR.UTF-8' }), 'ko');
	assert.equal(pickLanguage(undefined, undefined, { LANG: 'ko_KR.UTF-8', LC_MESSAGES: 'C' }), 'en');
	assert.equal(pickLanguage(undefined, undefined, { LANG: 'kok_IN' }), 'en'); // Konkani is not Korean
	assert.equal(pickLanguage(undefined, 'ko', { LANG: 'C' }), 'ko');
	assert.equal(pickLanguage('en', 'ko', { LANG: 'ko_KR.UTF-8' }), 'en');
	assert.equal(pickLanguage('ko-KR', undefined, {}), 'ko');
	assert.throws(
		() => pickLanguage('fr', undefined, {}),
		(e: Error) => e instanceof LanguageError && e.message === '--lang "fr" is not a language of dockdeck: use en or ko',
	);
});
