// The dispatcher and every screen's keys, in-process (test/support/app-rig.tsx): no engine, no pty.
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { displayKey, KEYMAP } from '../../source/keymap/keymap.js';
import { readOnlyRefusal } from '../../source/app/global-keys.js';
import { appRig, rigContainer, rigImage, WRITES, type Rig, type RigData } from '../support/app-rig.js';

const KEYS = { enter: '\r', escape: '\u001b', up: '\u001b[A', down: '\u001b[B' };

let rig: Rig | undefined;
afterEach(() => rig?.unmount());

const data = (): RigData => ({
	containers: [
		rigContainer('web'),
		rigContainer('db'),
		rigContainer('job', { state: 'exited', status: 'Exited (3) 1 hour ago', exitCode: 3 }),
	],
	images: [rigImage('demo', '1', 'sha256:demo'), rigImage('base', 'latest')],
});

/** The status line: the frame's last line. */
const statusLine = (frame: string) => frame.trimEnd().split('\n').at(-1) ?? '';

test("keys that arrive in one read each act on what the key before them left: a filter then l opens that container's logs", async () => {
	rig = await appRig(data());
	await rig.press(`/db${KEYS.enter}l`);
	await rig.waitFor('Logs of db');
	assert.ok(rig.calls.includes('followLogs'));
});

test('--read-only is structural: every key that would change the engine is refused before its handler, with its own reason', async () => {
	const writes = KEYMAP.filter(b => b.writes);
	assert.ok(writes.length >= 14, `${writes.length} keys change the engine`);
	for (const binding of writes) {
		rig = await appRig(data(), { readOnly: true });
		if (binding.scope === 'images') await rig.press('2');
		if (binding.scope === 'prune') (await rig.press('p'), await rig.waitFor('Prune:'));
		const key = binding.keys[0]!;
		await rig.press(key === 'return' ? KEYS.enter : key);
		const refusal = readOnlyRefusal(binding).text;
		const frame = await rig.waitFor(f => f.replace(/\s+/g, ' ').includes(refusal.slice(0, 60)));
		assert.ok(frame, `${binding.id} (${displayKey(key)}) is refused: ${refusal}`);
		assert.deepEqual(
			rig.calls.filter(c => WRITES.includes(c)),
			[],
			`${binding.id}: nothing changed on the engine`,
		);
		rig.unmount();
		rig = undefined;
	}
});

test('every screen opens with its key and its close key brings the dashboard back', async () => {
	const screens: [string, string[], string, string][] = [
		['logs', ['l'], 'Logs of web', KEYS.escape],
		['prune', ['p'], 'Prune:', KEYS.escape],
		['disk usage', ['u'], 'Disk usage', 'q'],
		['changes', ['D'], 'Changes in web', KEYS.escape],
		['key help', ['?'], 'Keys 1-', KEYS.escape],
		['filter', ['/'], 'typing a filter', KEYS.escape],
		['exec prompt', ['e'], 'Run in web', KEYS.escape],
		['stop dialog', ['s'], 'container web?', KEYS.escape],
		['run form', ['2', 'r'], 'Run a container from demo:1', KEYS.escape],
		['build form', ['b'], 'Build an image from a folder', KEYS.escape],
		['commit prompt', ['C'], 'Commit web as', KEYS.escape],
		['copy prompt', ['c'], 'Copy with web', KEYS.escape],
		['tag prompt', ['2', 't'], 'New name for demo:1', KEYS.escape],
		['events', ['E'], 'Engine events', 'q'],
	];
	rig = await appRig(data());
	for (const [name, open, shows, close] of screens) {
		await rig.press(...open);
		await rig.waitFor(shows).catch(error => assert.fail(`${name}: ${error.message}`));
		await rig.press(close);
		await rig
			.waitFor(f => f.includes('1 Containers') && !f.includes(shows))
			.catch(error => assert.fail(`${name} closes: ${error.message}`));
		await rig.press('1');
	}
});

test('a dialog found its container again when drawn: stopped meanwhile, it says nothing is left to do', async () => {
	const d = data();
	rig = await appRig(d);
	await rig.press('s');
	await rig.waitFor('container web?');
	d.containers[0] = { ...d.containers[0]!, state: 'exited', status: 'Exited (0) 1 second ago' };
	rig.emit('container', 'die', d.containers[0].id);
	await rig.waitFor('web: nothing to do now');
	await rig.press(KEYS.enter);
	await rig.waitFor(f => statusLine(f).includes('not running'));
	assert.ok(!rig.calls.includes('changeState'), 'nothing was stopped');
});

test('a prompt acts on the container it was opened for: removed meanwhile, the commit says so and commits nothing', async () => {
	const d = data();
	rig = await appRig(d);
	await rig.press('C');
	await rig.waitFor('Commit web as');
	await rig.press(...'snap:1');
	const [web] = d.containers.splice(0, 1);
	rig.emit('container', 'destroy', web!.id);
	await rig.waitFor(f => !f.includes('│web '));
	await rig.press(KEYS.enter);
	await rig.waitFor('web was removed meanwhile: nothing was committed.');
	assert.ok(!rig.calls.includes('commitContainer'));
});

test('commit with nothing but Enter after the name sends only the name', async () => {
	rig = await appRig(data());
	await rig.press('C', ...'snap', KEYS.enter, KEYS.enter, KEYS.enter, KEYS.enter);
	await rig.waitFor(f => rig!.calls.includes('commitContainer'));
});

test('the list keys move the selection of the focused panel, and pages and ends work', async () => {
	rig = await appRig(data());
	await rig.press('j');
	await rig.waitFor('Container db');
	await rig.press('G');
	await rig.waitFor('Container job');
	await rig.press('g');
	await rig.waitFor('Container web');
	await rig.press('2', 'j');
	await rig.waitFor('Image base:latest');
});

test('the events view lists what the engine says as it comes, marking what dockdeck acts on and what it leaves alone', async () => {
	rig = await appRig(data());
	await rig.press('E');
	await rig.waitFor('Engine events');
	const web = rig.data.containers[0]!.id;
	rig.emit('container', 'exec_start: sh -c true', web);
	rig.emit('container', 'die', web);
	const frame = await rig.waitFor(f => f.includes('die') && f.includes('exec_start'));
	const line = (text: string) => frame.split('\n').find(l => l.includes(text)) ?? '';
	assert.match(line('exec_start'), /a read: costs nothing/);
	assert.match(line(' die '), /reads that object again/);
	assert.match(frame, /2 seen · 1 changed the screen · following/);
	await rig.press(' ');
	await rig.waitFor('paused (Space follows)');
});
