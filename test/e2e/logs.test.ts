import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { FIXTURES } from '../support/engine.js';
import { KEYS, rowOf, Screen } from '../support/pty.js';
import { requireEngine, uniqueName } from '../support/test-engine.js';

// the counter waits for /go, so the first lines are still on screen however long the view took to open
const SCRIPT =
	'echo start-$(cut -c1-8 /proc/sys/kernel/random/uuid); echo err-line >&2; echo n-0; while [ ! -f /go ]; do sleep 0.05; done; i=0; while true; do i=$((i+1)); echo n-$i; sleep 0.2; done';
const lastCounter = (screen: string) => Math.max(0, ...[...screen.matchAll(/n-(\d+)/g)].map(m => Number(m[1])));

test('logs -f: live lines, stderr marked, timestamps, search, pause and follow, save, restart and removal', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const name = uniqueName('dd-logs');
	t.after(() => h.docker('rm', '-f', name).catch(() => undefined));
	await h.docker('run', '-d', '--stop-timeout', '1', '--name', name, FIXTURES.demoImage, 'sh', '-c', SCRIPT);
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-logs-'));
	t.after(() => fs.rmSync(dir, { recursive: true, force: true }));

	const screen = new Screen(['--host', h.host], { cols: 120, rows: 30 });
	t.after(() => screen.kill('SIGKILL'));
	await screen.waitFor(name);
	await screen.select(name);
	await screen.press('l');
	let text = await screen.waitFor(s => s.includes(`Logs of ${name}`) && s.includes('start-') && s.includes('err-line') && /n-\d+/.test(s));
	assert.match(rowOf(text, 'err-line'), /│▌err-line/, 'stderr lines carry a red marker');
	assert.match(rowOf(text, 'start-'), /│ start-/);
	await h.docker('exec', name, 'touch', '/go');

	const seen = lastCounter(text);
	text = await screen.waitFor(s => lastCounter(s) > seen + 2, 3000);
	assert.match(text, /live · following/);

	await screen.press('t');
	await screen.waitFor(/\d\d:\d\d:\d\d\.\d{3} n-\d+/);
	await screen.press('t');

	await screen.press('/', ...'err-line', KEYS.enter);
	await screen.waitFor('/err-line: 1 line ');

	await screen.press('k', 'k', 'k');
	await screen.waitFor('paused at line');
	await new Promise(r => setTimeout(r, 200)); // all three presses applied
	const frozen = lastCounter(await screen.text());
	await new Promise(r => setTimeout(r, 700));
	assert.equal(lastCounter(await screen.text()), frozen, 'a paused view does not move while lines arrive');
	await screen.press('f');
	await screen.waitFor(s => s.includes('following') && lastCounter(s) > frozen, 3000);

	const target = path.join(dir, 'saved.log');
	await screen.press('s');
	await screen.waitFor(/Save \d+ lines to \(an existing file is never overwritten\): dd-logs-.*\.log/);
	await screen.press(...Array<string>(80).fill(KEYS.backspace), ...target, KEYS.enter);
	await screen.waitFor(/Saved \d+ lines \(\d[\d,]* bytes\) to .*saved\.log\./);
	const saved = fs.readFileSync(target, 'utf8');
	assert.match(saved, /^\S+Z stdout start-/m);
	assert.match(saved, /^\S+Z stderr err-line$/m);

	// a restart: following goes on, with the new run's lines
	await h.docker('restart', '-t', '1', name);
	await screen.press('/', ...Array<string>(20).fill(KEYS.backspace), ...'start-', KEYS.enter);
	await screen.waitFor('/start-: 2 lines', 8000);
	await screen.press('/', KEYS.escape);

	await h.docker('rm', '-f', name);
	await screen.waitFor('container removed: no more lines will come', 4000);
	await screen.press(KEYS.escape);
	await screen.waitFor(`No container matches "${name}"`, 3000); // back on the dashboard, the removed container gone
	await screen.press('q');
	assert.equal(await screen.exited, 0);
});
