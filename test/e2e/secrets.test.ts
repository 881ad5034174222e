import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FIXTURES } from '../support/engine.js';
import { Screen } from '../support/pty.js';
import { requireEngine } from '../support/test-engine.js';

test('secret env values and URL passwords are hidden; v shows them for the selected container only, until the cursor moves', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const name = `dd-secret-${process.pid}`;
	t.after(() => h.docker('rm', '-f', name).catch(() => undefined));
	await h.docker(
		'run',
		'-d',
		'--name',
		name,
		'--env',
		'DB_PASSWORD=hunter2',
		'--env',
		'API_TOKEN=tok-123',
		'--env',
		'DATABASE_URL=postgres://app:pg-pass@db/app',
		FIXTURES.demoImage,
		'sh',
		'-c',
		'echo https://bob:curl-pass@example.com; sleep 3600',
	);
	const screen = new Screen(['--host', h.host], { cols: 120, rows: 50 });
	t.after(() => screen.kill('SIGKILL'));
	await screen.waitFor(name);
	await screen.select(name);
	await screen.waitFor(`Container ${name}`);
	for (let i = 0; i < 6 && !/DATABASE_URL/.test(await screen.text()); i++) await screen.press(']');
	let text = await screen.waitFor(/DATABASE_URL/);
	assert.match(text, /Secrets\s+hidden \(v shows them for this item\)/);
	for (const secret of ['hunter2', 'tok-123', 'pg-pass', 'curl-pass'])
		assert.ok(!screen.raw.includes(secret), `${secret} never reached the terminal`);
	assert.match(text, /DB_PASSWORD=••••••••/);
	assert.match(text, /postgres:\/\/app:••••••••@db\/app/);

	await screen.press('v');
	text = await screen.waitFor(/DB_PASSWORD=hunter2/);
	assert.match(text, /postgres:\/\/app:pg-pass@db\/app/);
	assert.match(text, /Secrets\s+shown for this item \(v hides them\)/);
	await screen.press('v');
	await screen.waitFor(/DB_PASSWORD=••••••••/);

	// shown, then the cursor moves away and back: hidden again
	await screen.press('v');
	await screen.waitFor(/DB_PASSWORD=hunter2/);
	await screen.press('\u001b', 'j', 'k'); // Esc clears the filter, j and k move away and back
	await screen.waitFor(`Container ${name}`);
	for (let i = 0; i < 6 && !/DB_PASSWORD/.test(await screen.text()); i++) await screen.press(']');
	text = await screen.waitFor(/DB_PASSWORD=••••••••/);
	await screen.press('q');
	assert.equal(await screen.exited, 0);
});

test('NO_COLOR: no colour codes reach the terminal, and the cursor row is still marked (inverse)', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const screen = new Screen(['--host', h.host], { cols: 120, rows: 40, env: { NO_COLOR: '1' } });
	t.after(() => screen.kill('SIGKILL'));
	await screen.waitFor(/detached/);
	await screen.press('j', 'k', '2');
	await screen.waitFor('Image ');
	const sgr = [...screen.raw.matchAll(/\u001b\[([\d;]*)m/g)].flatMap(m => m[1]!.split(';').filter(Boolean).map(Number));
	const colours = sgr.filter(n => (n >= 30 && n <= 38) || (n >= 40 && n <= 48) || (n >= 90 && n <= 97) || (n >= 100 && n <= 107));
	assert.deepEqual(colours, [], 'no foreground or background colour codes');
	assert.ok(sgr.includes(7), 'inverse marks the cursor row');
	await screen.press('q');
	assert.equal(await screen.exited, 0);

	const coloured = new Screen(['--host', h.host], { cols: 120, rows: 40 });
	t.after(() => coloured.kill('SIGKILL'));
	await coloured.waitFor(/detached/);
	assert.match(coloured.raw, /\u001b\[(3[0-7]|9[0-7])m/, 'without NO_COLOR there are colours');
	await coloured.press('q');
	await coloured.exited;
});
