import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { FIXTURES } from '../support/engine.js';
import { KEYS, rowOf as row, Screen } from '../support/pty.js';
import { requireEngine } from '../support/test-engine.js';

test('the config file: a remapped key, a production engine (read-only, said in the header), a log buffer; a bad file is reported and defaults apply', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-cfg-'));
	t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
	const file = path.join(dir, 'config.json');
	fs.writeFileSync(file, JSON.stringify({ keys: { 'container.logs': 'F' }, logBuffer: 500, engines: { [h.host]: { production: true } } }));
	const screen = new Screen(['--host', h.host], { cols: 120, rows: 40, env: { DOCKDECK_CONFIG: file } });
	t.after(() => screen.kill('SIGKILL'));
	let text = await screen.waitFor(s => /detached/.test(row(s, FIXTURES.ticker)));
	assert.match(text.split('\n')[0]!, /^dockdeck PRODUCTION {2}\[read-only\] · default · /, 'the header says production and read-only');
	await screen.select(FIXTURES.ticker);
	await screen.press('l');
	await new Promise(r => setTimeout(r, 300));
	assert.doesNotMatch(await screen.text(), /Logs of/, 'l no longer opens the logs');
	await screen.press('F');
	await screen.waitFor(`Logs of ${FIXTURES.ticker}`);
	await screen.press(KEYS.escape, 's');
	await screen.waitFor(/read-only|refused|off under/, 3000);
	await screen.press('q');
	assert.equal(await screen.exited, 0);
	assert.match(await h.docker('inspect', '--format', '{{.State.Status}}', FIXTURES.ticker), /running/, 'the stop was refused');

	fs.writeFileSync(file, JSON.stringify({ keys: { 'container.logs': 's' }, logBuffer: 'lots' }));
	const bad = new Screen(['--host', h.host], { cols: 120, rows: 40, env: { DOCKDECK_CONFIG: file } });
	t.after(() => bad.kill('SIGKILL'));
	text = await bad.waitFor(s => s.includes(FIXTURES.ticker) && s.includes(file));
	assert.match(
		text,
		new RegExp(`2 problems in ${file.replace(/[/.]/g, '\\$&')} \\(their defaults apply\\); the first: "keys" conflict: s is bound to both`),
		text,
	);
	assert.doesNotMatch(text.split('\n')[0]!, /read-only/, 'nothing else changed: not read-only');
	await bad.select(FIXTURES.ticker);
	await bad.press('l');
	await bad.waitFor(`Logs of ${FIXTURES.ticker}`, 3000);
	await bad.press(KEYS.escape, 'q');
	assert.equal(await bad.exited, 0);
});
