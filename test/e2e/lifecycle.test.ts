import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FIXTURES } from '../support/engine.js';
import { KEYS, rowOf, Screen } from '../support/pty.js';
import { requireEngine, uniqueName, type EngineHandle } from '../support/test-engine.js';

const state = async (h: EngineHandle, name: string) =>
	(await h.docker('inspect', '-f', '{{.State.Status}} {{.State.ExitCode}}', name).catch(() => 'gone')).trim();

test('pause, unpause, cancel, stop, start, kill and rm through the keys, each checked on the engine', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const name = uniqueName('dd-life');
	t.after(() => h.docker('rm', '-f', name).catch(() => undefined));
	await h.docker('run', '-d', '--stop-timeout', '1', '--name', name, FIXTURES.demoImage);
	const screen = new Screen(['--host', h.host], { cols: 120, rows: 40 });
	t.after(() => screen.kill('SIGKILL'));
	await screen.waitFor(s => rowOf(s, name).includes('detached'));
	await screen.select(name);

	await screen.press('P');
	await screen.waitFor(`Pause container ${name}?`);
	await screen.waitFor(`$ docker pause ${name}`);
	await screen.press(KEYS.enter);
	await screen.waitFor(s => rowOf(s, name).includes('paused'), 3000);
	assert.equal(await state(h, name), 'paused 0');
	await screen.press('P'); // unpausing interrupts nothing: no dialog
	await screen.waitFor(s => rowOf(s, name).includes('detached'), 3000);
	assert.equal(await state(h, name), 'running 0');

	await screen.press('s');
	await screen.waitFor(`Stop container ${name}?`);
	await screen.press(KEYS.escape);
	await screen.waitFor(`Cancelled: ${name} is unchanged.`);
	assert.equal(await state(h, name), 'running 0', 'Esc changed nothing');

	await screen.press('s');
	await screen.waitFor(`Stop container ${name}?`);
	await screen.press(KEYS.enter);
	await screen.waitFor(s => /exit \d+/.test(rowOf(s, name)), 5000);
	assert.match(await state(h, name), /^exited /);

	await screen.press('S');
	await screen.waitFor(s => rowOf(s, name).includes('detached'), 3000);
	assert.equal(await state(h, name), 'running 0');

	await screen.press('K', KEYS.enter);
	await screen.waitFor(s => rowOf(s, name).includes('exit 137'), 3000);
	assert.equal(await state(h, name), 'exited 137');

	await screen.press('S');
	await screen.waitFor(s => rowOf(s, name).includes('detached'), 3000);
	await screen.press('d');
	await screen.waitFor(`Remove container ${name}?`);
	await screen.press(KEYS.enter); // without force: refused, the dialog says why
	await screen.waitFor(`${name} is running: press f to choose force, or Esc to keep it.`);
	await new Promise(r => setTimeout(r, 300));
	assert.equal(await state(h, name), 'running 0', 'rm of a running container without force removed nothing');
	await screen.press('f');
	await screen.waitFor(`$ docker rm -f ${name}`);
	await screen.press(KEYS.enter);
	await screen.waitFor(`Removed ${name} (docker rm -f ${name}).`, 3000);
	assert.equal(await state(h, name), 'gone');
});

test('a dialog whose container is removed from outside says so and does nothing', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const name = uniqueName('dd-gone');
	t.after(() => h.docker('rm', '-f', name).catch(() => undefined));
	await h.docker('create', '--name', name, FIXTURES.demoImage);
	const screen = new Screen(['--host', h.host], { cols: 120, rows: 40 });
	t.after(() => screen.kill('SIGKILL'));
	await screen.waitFor(name);
	await screen.select(name);
	await screen.press('d');
	await screen.waitFor(`Remove container ${name}?`);
	await h.docker('rm', name);
	await screen.waitFor(`${name} no longer exists`, 3000);
	await screen.press(KEYS.enter);
	await screen.waitFor(`${name} is gone: nothing done.`);
});

test('--read-only refuses every lifecycle key and rm, and the engine is unchanged', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const screen = new Screen(['--host', h.host, '--read-only'], { cols: 120, rows: 40 });
	t.after(() => screen.kill('SIGKILL'));
	await screen.waitFor(FIXTURES.ticker);
	await screen.select(FIXTURES.ticker);
	for (const [key, verb] of [
		['s', 'stop'],
		['r', 'restart'],
		['P', 'pause'],
		['K', 'kill'],
		['d', 'rm'],
	] as const) {
		await screen.press(key);
		await screen.waitFor(`docker ${verb} is off under --read-only: dockdeck does not change the engine.`);
	}
	assert.equal(await state(h, FIXTURES.ticker), 'running 0');
	await screen.press('2', 'd');
	await screen.waitFor('docker rmi is off under --read-only');
	await screen.press('t');
	await screen.waitFor('docker tag is off under --read-only');
});
