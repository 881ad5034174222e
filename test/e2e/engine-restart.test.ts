import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FIXTURES, startDaemon, stopDaemon } from '../support/engine.js';
import { rowOf as row, Screen } from '../support/pty.js';
import { requireEngine } from '../support/test-engine.js';


test('the engine goes away and comes back: a banner within 2 s, a resync within 3 s, no restart of dockdeck', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const screen = new Screen(['--host', h.host], { cols: 120, rows: 40 });
	t.after(() => screen.kill('SIGKILL'));
	t.after(async () => {
		// a daemon restart stops the fixtures (no restart policy): bring them back for the tests after this one
		await startDaemon(h.dir).catch(() => undefined);
		await h.docker('start', FIXTURES.ticker, FIXTURES.shell).catch(() => undefined);
	});
	await screen.waitFor(s => /detached/.test(row(s, FIXTURES.ticker)));

	await stopDaemon(h.dir);
	const stopped = Date.now();
	await screen.waitFor('Engine unreachable', 2000);
	t.diagnostic(`banner ${Date.now() - stopped} ms after the daemon exited`);
	let text = await screen.text();
	assert.match(text, /retrying in \S+ \(attempt \d+\)/);
	assert.ok(text.includes(FIXTURES.ticker), 'the last known containers stay on screen while the engine is away');

	await new Promise(r => setTimeout(r, 1500));
	assert.equal(screen.exitCode, undefined, 'dockdeck is still running');

	await startDaemon(h.dir);
	const back = Date.now();
	text = await screen.waitFor(s => !s.includes('Engine unreachable') && /exit \d+/.test(row(s, FIXTURES.ticker)), 3000);
	t.diagnostic(`resynced ${Date.now() - back} ms after the daemon answered again`);
	assert.match(row(text, FIXTURES.ticker), /exit \d+/, 'the daemon restart stopped the ticker, and the list says so');

	await h.docker('start', FIXTURES.ticker);
	await screen.waitFor(s => /detached\s+Up/.test(row(s, FIXTURES.ticker)), 2000);
	await screen.press('q');
	assert.equal(await screen.exited, 0);
});
