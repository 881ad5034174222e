// Hostile input: random keys, a resize storm, every way out, odd names and content.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { FIXTURES } from '../support/engine.js';
import { LIVED_IN } from '../support/lived-in.js';
import { KEYS, rowOf as row, Screen } from '../support/pty.js';
import { eventually, requireEngine } from '../support/test-engine.js';

const ENTER_ALT = '\u001b[?1049h';
const LEAVE_ALT = '\u001b[?1049l';
const HIDE_CURSOR = '\u001b[?25l';
const SHOW_CURSOR = '\u001b[?25h';

/** A small seeded generator (mulberry32): the same seed gives the same keys on every machine. */
function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Every container and image id on the engine. */
async function engineObjects(docker: (...args: string[]) => Promise<string>): Promise<{ containers: string[]; images: string[] }> {
	const ids = (text: string) => text.split('\n').filter(Boolean).sort();
	return { containers: ids(await docker('ps', '-aq', '--no-trunc')), images: ids(await docker('images', '-aq', '--no-trunc')) };
}

test('10,000 random keys across every view, dialogs cancelled: no crash, nothing removed or changed on the engine', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const before = await engineObjects(h.docker);
	// a container with a restart policy changes state by itself (the restart loop of the lived-in host)
	const states = async () =>
		(await h.docker('ps', '-a', '--format', '{{.ID}} {{.State}} {{.Names}}'))
			.split('\n')
			.filter(l => !l.endsWith(` ${LIVED_IN.loop}`))
			.join('\n');
	const statesBefore = await states();
	const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-fuzz-'));
	t.after(() => fs.rmSync(cwd, { recursive: true, force: true }));
	const screen = new Screen(['--host', h.host], { cols: 120, rows: 40, cwd });
	t.after(() => screen.kill('SIGKILL'));
	await screen.waitFor(s => /detached/.test(row(s, FIXTURES.ticker)));

	// Every key of the key map and some typing, except the ones that would confirm a dialog or a form
	// (Enter, y), hand the terminal to a container (a, A, e), start one without asking (S) or quit
	// (q, Ctrl-C): those are tested on their own. Dialogs that open are left by later keys (Esc, n).
	const alphabet = [
		...'1234bcdgjklnoprstuvwxCDGKNPR/?[] fx'.split(''),
		...'hello-wörld 漢字 ✓'.split(''),
		KEYS.up,
		KEYS.down,
		KEYS.pageUp,
		KEYS.pageDown,
		KEYS.escape,
		KEYS.escape,
		KEYS.tab,
		KEYS.shiftTab,
		KEYS.backspace,
		KEYS.ctrlU,
		'\u001b[C',
		'\u001b[D',
		'\u001b[H',
		'\u001b[F',
		'\u001b[3~',
	];
	const next = random(20261123);
	const total = 10_000;
	const started = Date.now();
	for (let sent = 0; sent < total;) {
		// a burst of up to 8 keys in one write, as a fast typist or a paste delivers them
		let burst = '';
		const size = 1 + Math.floor(next() * 8);
		for (let i = 0; i < size && sent < total; i++, sent++) burst += alphabet[Math.floor(next() * alphabet.length)]!;
		screen.type(burst);
		await new Promise(r => setTimeout(r, 4));
		if (sent % 1000 < size) {
			assert.equal(screen.exitCode, undefined, `dockdeck exited after ${sent} keys:\n${await screen.text()}`);
			// back to the dashboard now and then, so every view gets its turn again
			screen.type(`${KEYS.escape}${KEYS.escape}n${KEYS.escape}`);
		}
	}
	screen.type(`${KEYS.escape}${KEYS.escape}n${KEYS.escape}${KEYS.escape}`);
	await new Promise(r => setTimeout(r, 500));
	t.diagnostic(`${total} keys in ${Date.now() - started} ms`);
	assert.equal(screen.exitCode, undefined, `dockdeck is still running:\n${await screen.text()}`);
	assert.doesNotMatch(screen.raw, /internal error|Unhandled|TypeError|at .*\.js:\d+/, 'no error and no stack trace reached the screen');
	// it still answers: back on the dashboard, the help opens and closes
	await screen.press(KEYS.escape, KEYS.escape, '?');
	await screen.waitFor('Show all keys', 3000);
	await screen.press(KEYS.escape, 'q');
	assert.equal(await screen.exited, 0);
	assert.deepEqual(await engineObjects(h.docker), before, 'no container or image appeared or went away');
	assert.equal(await states(), statesBefore, 'no container changed state');
	assert.deepEqual(fs.readdirSync(cwd), [], 'no file was written');
});

test('a storm of 500 random sizes from 1x1 to 300x100: no crash, the too-small screen when small, the right layout at the end', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const screen = new Screen(['--host', h.host], { cols: 120, rows: 40 });
	t.after(() => screen.kill('SIGKILL'));
	await screen.waitFor(FIXTURES.ticker);
	const next = random(500);
	const started = Date.now();
	for (let i = 0; i < 500; i++) {
		screen.resize(1 + Math.floor(next() * 300), 1 + Math.floor(next() * 100));
		await new Promise(r => setTimeout(r, 5));
	}
	t.diagnostic(`500 sizes in ${Date.now() - started} ms`);
	screen.resize(70, 20);
	await screen.waitFor('70x20, needs 80x24', 3000);
	screen.resize(100, 30);
	const text = await screen.waitFor(s => s.includes(FIXTURES.ticker) && s.split('\n').length === 30, 3000);
	const lines = text.split('\n');
	assert.match(lines[0]!, /^dockdeck · /, 'the header is on the first row');
	assert.match(lines[29]!, /Tab panel/, 'the footer is on the last row');
	assert.ok(
		lines.every(l => l.length <= 100),
		'no row is wider than the terminal',
	);
	assert.match(text, /─ 1 Containers ─[\s\S]*─ 2 Images ─/);
	await screen.press('q');
	assert.equal(await screen.exited, 0);
});

test('every way out restores the terminal: q, Ctrl-C, SIGTERM, SIGHUP and an internal error; no process is left', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-exit-'));
	t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
	for (const how of ['q', 'ctrl-c', 'SIGTERM', 'SIGHUP', 'internal error'] as const) {
		const env = how === 'internal error' ? 'DOCKDECK_FAULT=uncaught ' : '';
		const screen = new Screen([], {
			cols: 100,
			rows: 30,
			shell: `stty -g > ${dir}/before; ${env}$DOCKDECK --host ${h.host}; echo "exit=$?"; stty -g > ${dir}/after; sleep 30`,
		});
		t.after(() => screen.kill('SIGKILL'));
		await screen.waitFor(FIXTURES.ticker);
		const pid = Number(
			execFileSync('pgrep', ['-P', String(screen.pid)], { encoding: 'utf8' })
				.trim()
				.split('\n')[0],
		);
		assert.ok(pid > 0, 'dockdeck runs as a child of the shell');
		const sent = Date.now();
		if (how === 'q') await screen.press('q');
		else if (how === 'ctrl-c') await screen.press('/', 'x', KEYS.ctrlC);
		else if (how !== 'internal error') process.kill(pid, how);
		const text = await screen.waitFor(/exit=\d+/, how === 'internal error' ? 5000 : 2000);
		const took = Date.now() - sent;
		const alive = (() => {
			try {
				process.kill(pid, 0);
				return true;
			} catch {
				return false;
			}
		})();
		assert.equal(alive, false, `${how}: no dockdeck process is left`);
		if (how !== 'internal error') assert.ok(took < 1000, `${how}: gone within 1 s (took ${took} ms)`);
		const code = Number(/exit=(\d+)/.exec(text)![1]);
		assert.equal(code, { q: 0, 'ctrl-c': 0, SIGTERM: 143, SIGHUP: 129, 'internal error': 1 }[how], `${how}: exit code`);
		if (how === 'internal error')
			assert.match(text, /dockdeck: internal error: injected fault/, 'one line says what happened, no stack trace');
		await eventually(
			`${how}: stty after`,
			() => fs.existsSync(path.join(dir, 'after')) && (fs.readFileSync(path.join(dir, 'after'), 'utf8').trim() || undefined),
		);
		assert.equal(
			fs.readFileSync(path.join(dir, 'after'), 'utf8').trim(),
			fs.readFileSync(path.join(dir, 'before'), 'utf8').trim(),
			`${how}: the terminal modes are as before (raw mode off)`,
		);
		assert.ok(screen.raw.lastIndexOf(LEAVE_ALT) > screen.raw.lastIndexOf(ENTER_ALT), `${how}: left the alternate screen`);
		assert.ok(screen.raw.lastIndexOf(SHOW_CURSOR) > screen.raw.lastIndexOf(HIDE_CURSOR), `${how}: the cursor is visible`);
		assert.doesNotMatch(text, /at .*\.js:\d+/, `${how}: no stack trace`);
		screen.kill('SIGKILL');
		fs.rmSync(path.join(dir, 'after'), { force: true });
		t.diagnostic(`${how}: exit ${code} in ${took} ms, terminal restored`);
	}
});

test('odd names and content: long names, wide characters and emoji, escape sequences shown inert, a 1 MB log line', async t => {
	const h = requireEngine(t);
	if (!h) return;
	// names at the engine's limits: a repository of 237 characters (255 with the implied
	// docker.io/library/), a tag of 128, and a 253-character container name
	const name = `dd-odd-${process.pid}-${'x'.repeat(253)}`.slice(0, 253);
	const tag = `dd-odd-${'y'.repeat(230)}:${'t'.repeat(128)}`;
	t.after(async () => {
		await h.docker('rm', '-f', name).catch(() => undefined);
		await h.docker('rmi', '-f', tag).catch(() => undefined);
	});
	await h.docker('tag', FIXTURES.demoImage, tag);
	const script = [
		// colours, a clear-screen, a window-title change and a bell, inside the log
		`printf 'plain line\\n\\033[31mred\\033[0m \\033[2J\\033]0;pwned\\007 after\\n'`,
		// one line of 1 MB
		`head -c 1048576 /dev/zero | tr '\\0' 'z'; echo`,
		`echo 'last line 漢字 🐳'`,
		'sleep 3600',
	].join('; ');
	await h.docker(
		'run',
		'-d',
		'--name',
		name,
		'--label',
		'note=漢字 ✓ 🐳 ünïcödé',
		'--env',
		'EVIL=\u001b]0;pwned\u0007\u001b[2Jgone',
		'--env',
		'WIDE=漢字かな🐳',
		FIXTURES.demoImage,
		'sh',
		'-c',
		script,
	);
	const screen = new Screen(['--host', h.host], { cols: 120, rows: 40 });
	t.after(() => screen.kill('SIGKILL'));
	await screen.waitFor(name.slice(0, 20));
	await screen.select(name.slice(-30));
	let text = await screen.waitFor(`Container ${name.slice(0, 20)}`);
	assert.ok(
		text.split('\n').every(l => l.length <= 120),
		'the long name is cut to the width',
	);
	// the detail pane: env values with escape sequences shown as ␛, wide characters kept whole
	for (let i = 0; i < 12 && !/EVIL=/.test(await screen.text()); i++) await screen.press(']');
	text = await screen.waitFor(/EVIL=␛\]0;pwned␇␛\[2Jgone/, 3000);
	for (let i = 0; i < 6 && !/WIDE=/.test(await screen.text()); i++) await screen.press(']');
	await screen.waitFor(/WIDE=漢字かな🐳/, 3000);
	await screen.press('l');
	await screen.waitFor('last line 漢字 🐳', 10_000);
	// wrapped, the 1 MB line (kept to its first 16,384 characters) fills the view: cut lines show all three
	await screen.press('w');
	text = await screen.waitFor(s => s.includes('last line 漢字 🐳') && s.includes('plain line'), 3000);
	// colours are drawn as colours; the clear-screen and the title change are shown, not obeyed
	assert.match(text, /red ␛\[2J␛\]0;pwned␇ after/, `escape sequences in a log are shown, not obeyed:\n${text}`);
	assert.equal(await screen.colourOf('red ␛[2J'), 1, 'the red word is red (ANSI colour 1)');
	assert.equal(await screen.colourOf('␛[2J'), 'default', 'the rest of the line has the default colour');
	assert.match(text, /zzzz/, 'the 1 MB line is there, cut to the screen');
	assert.ok(!screen.raw.includes('\u001b]0;pwned'), 'the title-changing sequence never reached the terminal');
	assert.ok(!screen.raw.includes('\u001b[2J\u001b]'), 'the clear-screen from the log never reached the terminal');
	// still answers keys with the big line loaded
	await screen.press('t');
	await screen.waitFor(/\d\d:\d\d:\d\d\.\d{3} last line/, 3000);
	await screen.press(KEYS.escape, '2');
	await screen.select(tag.slice(-30));
	text = await screen.waitFor(`Image ${tag.slice(0, 20)}`);
	assert.ok(
		text.split('\n').every(l => l.length <= 120),
		'the long tag is cut to the width',
	);
	await screen.press(KEYS.escape, 'q');
	assert.equal(await screen.exited, 0);
});

test('the selected container and the selected image are removed from outside: the lists move on, the detail follows, nothing breaks', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const container = `dd-gone-c-${process.pid}`;
	const image = `dd-gone-i-${process.pid}:1`;
	t.after(async () => {
		await h.docker('rm', '-f', container).catch(() => undefined);
		await h.docker('rmi', image).catch(() => undefined);
	});
	await h.docker('create', '--name', container, FIXTURES.demoImage);
	await h.docker('tag', FIXTURES.demoImage, image);
	const screen = new Screen(['--host', h.host], { cols: 120, rows: 40 });
	t.after(() => screen.kill('SIGKILL'));
	await screen.waitFor(container);
	// select it, then drop the filter: the cursor stays on it in the whole list
	await screen.select(container);
	await screen.press(KEYS.escape);
	await screen.waitFor(s => s.includes(`Container ${container}`) && s.includes(FIXTURES.ticker));
	await h.docker('rm', container);
	let text = await screen.waitFor(s => !s.includes(container) && /Container \S+/.test(s), 3000);
	assert.match(text, /─ Container \S+/, 'the cursor moved to another container and the detail pane shows it');

	await screen.press('2');
	await screen.select(image);
	await screen.press(KEYS.escape);
	await screen.waitFor(s => s.includes(`Image ${image}`) && s.includes(FIXTURES.baseImage));
	await h.docker('rmi', image);
	text = await screen.waitFor(s => !s.includes(image) && /─ Image \S+/.test(s), 3000);
	await screen.press('j', 'k', 'l');
	assert.equal(screen.exitCode, undefined);
	await screen.press(KEYS.escape, 'q');
	assert.equal(await screen.exited, 0);
});

test('the container is removed while a cp out of it runs: dockdeck says what happened, and no half copy is left', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const name = `dd-cp-gone-${process.pid}`;
	const work = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-cp-gone-'));
	t.after(async () => {
		await h.docker('rm', '-f', name).catch(() => undefined);
		fs.rmSync(work, { recursive: true, force: true });
	});
	// 400 files of 256 KB: long enough to be removed in the middle
	await h.docker(
		'run',
		'-d',
		'--name',
		name,
		'-w',
		'/data',
		FIXTURES.baseImage,
		'sh',
		'-c',
		'for i in $(seq 400); do head -c 262144 /dev/urandom > /data/f$i; done; touch /data/done; sleep 3600',
	);
	await eventually(
		'the files made',
		() =>
			h.docker('exec', name, 'ls', '/data/done').then(
				() => true,
				() => false,
			),
		30_000,
		200,
	);
	const screen = new Screen(['--host', h.host], { cols: 120, rows: 40, cwd: work });
	t.after(() => screen.kill('SIGKILL'));
	await screen.waitFor(name);
	await screen.select(name);
	await screen.press('c', KEYS.enter);
	await screen.waitFor(`Path in ${name} to copy out (Ctrl-U clears): /data`);
	await screen.press(KEYS.enter);
	await screen.waitFor(`Where on this host to put it (Ctrl-U clears): ${work}`);
	await screen.press(KEYS.enter);
	await screen.waitFor(`$ docker cp ${name}:/data ${work}`);
	await screen.press(KEYS.enter);
	await screen.waitFor(`Copying out of ${name}`, 5000);
	await h.docker('rm', '-f', name);
	const text = await screen.waitFor(
		s => s.includes(`docker cp ${name}:/data ${work} failed`) || s.includes(`Copied ${name}:/data`),
		15_000,
	);
	const target = path.join(work, 'data');
	if (text.includes('failed')) {
		assert.match(text, /Nothing was written\./);
		assert.equal(fs.existsSync(target), false, 'no half copy at the destination');
		t.diagnostic('the engine cut the copy: reported, nothing left behind');
	} else {
		// the engine had the files open and finished sending them: then the copy is whole
		assert.equal(fs.readdirSync(target).length, 401, 'a finished copy is complete');
		t.diagnostic('the engine finished the copy before the removal took effect: the copy is whole');
	}
	await screen.waitFor(s => !s.includes(`│${name} `), 3000);
	await screen.press('j', 'k');
	assert.equal(screen.exitCode, undefined);
	await screen.press('q');
	assert.equal(await screen.exited, 0);
});

test('the container is removed while its commit is being written: dockdeck says so, and no image is made', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const name = `dd-commit-gone-${process.pid}`;
	const repo = `dd-commit-gone-${process.pid}`;
	t.after(async () => {
		await h.docker('rm', '-f', name).catch(() => undefined);
		await h.docker('rmi', '-f', `${repo}:1`).catch(() => undefined);
	});
	await h.docker('run', '-d', '--name', name, FIXTURES.demoImage);
	const screen = new Screen(['--host', h.host], { cols: 120, rows: 40 });
	t.after(() => screen.kill('SIGKILL'));
	await screen.waitFor(name);
	await screen.select(name);
	await screen.press('C');
	await screen.waitFor(`Commit ${name} as (repository[:tag]):`);
	await screen.press(...`${repo}:1`, KEYS.enter);
	await screen.waitFor('Message (docker commit -m; Enter for none):');
	await screen.press(KEYS.enter);
	await screen.waitFor('Author (docker commit -a; Enter for none):');
	await screen.press(KEYS.enter);
	await screen.waitFor('Changes (-c)');
	await h.docker('rm', '-f', name); // gone before the last Enter sends the commit
	await screen.press(KEYS.enter);
	const text = await screen.waitFor(`${name} was removed meanwhile: nothing was committed.`, 5000);
	assert.doesNotMatch(text, new RegExp(`Committed ${name}`));
	assert.equal(await h.docker('images', '-q', `${repo}:1`), '', 'no image was made');
	await screen.press(KEYS.escape, 'j', 'k');
	assert.equal(screen.exitCode, undefined);
	await screen.press('q');
	assert.equal(await screen.exited, 0);
});
