import assert from 'node:assert/strict';
import fs from 'node:fs';
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

test('while the logs view follows, the daemon is killed and its socket file removed: the view says so, and follows again when the engine is back', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const name = `dd-restarts-${process.pid}`;
	// restart=always: the daemon starts it again when it comes back, so its logs can go on
	await h.docker(
		'run',
		'-d',
		'--restart',
		'always',
		'--stop-timeout',
		'1',
		'--name',
		name,
		FIXTURES.demoImage,
		'sh',
		'-c',
		'echo started; i=0; while true; do i=$((i+1)); echo "beat $i"; sleep 1; done',
	);
	t.after(async () => {
		await startDaemon(h.dir).catch(() => undefined);
		await h.docker('rm', '-f', name).catch(() => undefined);
		await h.docker('start', FIXTURES.ticker, FIXTURES.shell).catch(() => undefined);
	});
	const screen = new Screen(['--host', h.host], { cols: 120, rows: 40 });
	t.after(() => screen.kill('SIGKILL'));
	await screen.waitFor(name);
	await screen.select(name);
	await screen.press('l');
	await screen.waitFor(/beat \d+/);

	// SIGKILL: no goodbye from the daemon; then the socket file goes too
	await stopDaemon(h.dir, 'SIGKILL');
	const socket = h.host.replace('unix://', '');
	fs.rmSync(socket, { force: true });
	const killed = Date.now();
	const text = await screen.waitFor(s => /Engine unreachable/.test(s) && /retrying when the engine is back/.test(s), 2000);
	t.diagnostic(`banner and logs state ${Date.now() - killed} ms after the daemon was killed`);
	assert.match(text, /Logs of dd-restarts/, 'still the logs view: nothing crashed');
	await new Promise(r => setTimeout(r, 1000));
	assert.equal(screen.exitCode, undefined, 'dockdeck is still running');

	await startDaemon(h.dir); // the daemon makes its socket file again
	const back = Date.now();
	// the daemon starts the container again (restart=always): its second "started" line shows the view follows again
	await screen.waitFor(
		s => !s.includes('Engine unreachable') && /live · following/.test(s) && (s.match(/started/g) ?? []).length >= 2,
		10_000,
	);
	t.diagnostic(`following again ${Date.now() - back} ms after the daemon answered`);
	await screen.press('q', 'q');
	assert.equal(await screen.exited, 0);
});
