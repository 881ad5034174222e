import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { keyConflicts, KEYMAP, lookup, type Scope } from '../../source/keymap/keymap.js';
import { keyTableMarkdown } from '../../source/keymap/markdown.js';
import { ALWAYS_SHOWN, SCOPE_STACKS } from '../../source/screens/registry.js';

const README = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../README.md');

/** The scopes in force on a screen where `scope` applies (from the screens' registry; the dashboard's first panel). */
function scopesWhere(scope: Scope): readonly Scope[] {
	const stack = SCOPE_STACKS.find(s => s[1] === scope) ?? SCOPE_STACKS.find(s => s.includes(scope));
	assert.ok(stack, `some screen has the scope ${scope}`);
	return stack;
}

test('no key does two things where both are in force', () => {
	assert.deepEqual(keyConflicts(KEYMAP, SCOPE_STACKS), []);
});

test('every binding is described and reachable', () => {
	const ids = new Set<string>();
	for (const b of KEYMAP) {
		assert.ok(b.description.length > 5, `${b.id} has a description`);
		assert.ok(b.keys.length > 0, `${b.id} has a key`);
		assert.ok(!ids.has(b.id), `${b.id} appears once`);
		ids.add(b.id);
		assert.ok(
			b.keys.some(k => lookup(k, scopesWhere(b.scope))?.id === b.id),
			`${b.id} is reachable by one of its keys`,
		);
	}
});

test('lookup prefers the most specific scope', () => {
	assert.equal(lookup('escape', scopesWhere('filter'))?.id, 'filter.cancel');
	assert.equal(lookup('escape', scopesWhere('images'))?.id, 'filter.clear');
	assert.equal(lookup('q', scopesWhere('help'))?.id, 'help.close');
	assert.equal(lookup('q', scopesWhere('filter')), undefined, 'q types into a filter');
	assert.equal(lookup('q', scopesWhere('logs'))?.id, 'logs.close', 'q closes the logs view, like less');
	assert.equal(lookup('/', scopesWhere('logs'))?.id, 'logs.search');
	assert.equal(lookup('/', scopesWhere('prune')), undefined, 'panel filters do not apply in the prune view');
	assert.equal(lookup('return', scopesWhere('prune'))?.id, 'prune.run');
	assert.equal(lookup('q', scopesWhere('confirm'))?.id, 'confirm.cancel', 'q in a dialog cancels, it does not quit');
	for (const stack of SCOPE_STACKS) assert.equal(lookup('ctrl+c', stack)?.id, 'app.interrupt', `Ctrl-C quits on ${stack.join(' ')}`);
});

test('the README key table is the one generated from the key map', () => {
	const readme = fs.readFileSync(README, 'utf8');
	const match = /<!-- keys:start -->\n([\s\S]*?)\n?<!-- keys:end -->/.exec(readme);
	assert.ok(match, 'README.md has the <!-- keys:start --> / <!-- keys:end --> markers');
	assert.equal(match[1], keyTableMarkdown(), 'README key table is stale: run npm run readme:keys');
});

test('the footer keeps help and quit however narrow, and fits the width', async () => {
	const { footerHints } = await import('../../source/components/footer.js');
	const { displayWidth } = await import('../../source/format/text.js');
	for (const width of [40, 80, 120, 200]) {
		const hints = footerHints(scopesWhere('containers'), width, ALWAYS_SHOWN);
		assert.ok(hints.some(h => h.hint === 'help') && hints.some(h => h.hint === 'quit'), `help and quit at ${width}`);
		const used = hints.reduce((n, h) => n + displayWidth(`${h.key} ${h.hint}  `), 0);
		assert.ok(used <= Math.max(width, 20), `${used} cells fit in ${width}`);
	}
	assert.ok(
		footerHints(scopesWhere('containers'), 200, ALWAYS_SHOWN).some(h => h.hint === 'filter'),
		'wide terminals get every hint',
	);
	assert.ok(
		footerHints(scopesWhere('logs'), 80, ALWAYS_SHOWN).some(h => h.hint === 'back'),
		'the logs view always says how to go back',
	);
});
