import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FIXTURES } from '../support/engine.js';
import { KEYS, Screen } from '../support/pty.js';
import { requireEngine } from '../support/test-engine.js';

test('the detail pane says which Env and Cmd came from the image and which docker run set or changed, from the real configs', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const name = `dd-override-${process.pid}`;
	t.after(() => h.docker('rm', '-f', name).catch(() => undefined));
	await h.docker('run', '-d', '--name', name, '-e', 'GREETING=hi', '-e', 'EXTRA=1', FIXTURES.demoImage, 'sleep', '600');
	const screen = new Screen(['--host', h.host], { cols: 120, rows: 60 });
	t.after(() => screen.kill('SIGKILL'));
	await screen.waitFor(name);
	await screen.select(name);
	let text = await screen.waitFor(/Command\s+sleep 600 · set by docker run, not the image's CMD/);
	for (let i = 0; i < 4 && !/EXTRA=1/.test(await screen.text()); i++) await screen.press(']');
	text = await screen.waitFor(/EXTRA=1 · set by docker run -e/);
	assert.match(text, /GREETING=hi · docker run changed the image's value/);

	// the fixture runs as its image says: everything from the image
	await screen.press(KEYS.escape);
	await screen.select(FIXTURES.ticker);
	text = await screen.waitFor(/Command\s+sh -c while true; do echo tick; sleep 1; done · the image's default/);
	for (let i = 0; i < 4 && !/GREETING=hello · /.test(await screen.text()); i++) await screen.press(']'); // the layers panel may show ENV GREETING=hello too
	text = await screen.waitFor(/GREETING=hello · from the image/);
	await screen.press('q');
	assert.equal(await screen.exited, 0);
});
