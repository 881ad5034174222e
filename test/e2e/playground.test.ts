import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { FIXTURES } from '../support/engine.js';
import { Screen } from '../support/pty.js';
import { requireEngine, type EngineHandle } from '../support/test-engine.js';

const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/cli.js');
const LABEL = 'io.dockdeck.playground';
const NAMES = ['playground-ticker', 'playground-shell', 'playground-exited'];

/** dockdeck with no terminal (stdin is not a TTY): what a script or a pipe gets. */
function run(h: EngineHandle, ...args: string[]) {
	const out = spawnSync(process.execPath, [CLI, '--host', h.host, ...args], {
		encoding: 'utf8',
		env: { ...process.env, DOCKDECK_CONFIG: '/nonexistent/dockdeck.json', LANG: 'C.UTF-8', LC_ALL: '' },
		timeout: 60_000,
	});
	return { code: out.status, out: out.stdout, err: out.stderr };
}

/** Every container on the engine: name -> labels, state, tty. */
async function containers(
	h: EngineHandle,
): Promise<Map<string, { state: string; code: number; tty: boolean; stdin: boolean; label?: string }>> {
	const ids = (await h.docker('ps', '-aq')).split('\n').filter(Boolean);
	if (!ids.length) return new Map();
	const info = JSON.parse(await h.docker('inspect', ...ids)) as {
		Name: string;
		State: { Status: string; ExitCode: number };
		Config: { Tty: boolean; OpenStdin: boolean; Labels: Record<string, string> | null };
	}[];
	return new Map(
		info.map(c => [
			c.Name.slice(1),
			{ state: c.State.Status, code: c.State.ExitCode, tty: c.Config.Tty, stdin: c.Config.OpenStdin, label: c.Config.Labels?.[LABEL] },
		]),
	);
}

const others = async (h: EngineHandle) => [...(await containers(h)).keys()].filter(n => !NAMES.includes(n)).sort();

test('the playground makes a detached ticker, an -it shell and an exited -it container, labelled; --clean asks and removes exactly those', async t => {
	const h = requireEngine(t);
	if (!h) return;
	t.after(() => h.docker('rm', '-f', ...NAMES).catch(() => undefined));
	// a container of the user's that carries a different label, and the fixtures: --clean must leave them
	const mine = `dd-mine-${process.pid}`;
	t.after(() => h.docker('rm', '-f', mine).catch(() => undefined));
	await h.docker('create', '--name', mine, '--label', 'io.dockdeck.other=1', FIXTURES.demoImage);
	const before = await others(h);

	let r = run(h, 'playground', '--image', FIXTURES.demoImage);
	assert.equal(r.code, 0, r.err);
	assert.match(r.out, new RegExp(`Made 3 practice containers from ${FIXTURES.demoImage}, each labelled ${LABEL}`));
	assert.match(r.out, /playground-shell +interactive \(docker run -dit\)/);
	let all = await containers(h);
	assert.deepEqual(
		NAMES.map(n => all.get(n)),
		[
			{ state: 'running', code: 0, tty: false, stdin: false, label: 'ticker' },
			{ state: 'running', code: 0, tty: true, stdin: true, label: 'shell' },
			{ state: 'exited', code: 0, tty: true, stdin: true, label: 'exited' },
		],
	);
	assert.match(await h.docker('logs', 'playground-ticker'), /tick 1 /);

	// again: nothing new, it says how to clean
	r = run(h, 'playground', '--image', FIXTURES.demoImage);
	assert.equal(r.code, 0);
	assert.match(r.out, /The playground is already there .*dockdeck playground --clean removes it/);

	// no terminal to ask in: nothing is removed
	r = run(h, 'playground', '--clean');
	assert.equal(r.code, 1);
	assert.match(r.out, /3 containers with the label io\.dockdeck\.playground, and nothing else, would be removed/);
	assert.match(r.out, /Nothing was removed: confirm in a terminal, or add --yes/);
	assert.equal(NAMES.filter(n => all.has(n)).length, 3);

	// in a terminal: n keeps them, y removes them and nothing else
	let screen = new Screen([], { shell: `$DOCKDECK --host ${h.host} playground --clean` });
	t.after(() => screen.kill('SIGKILL'));
	await screen.waitFor('Remove these 3? [y/N]');
	await screen.press('n', '\r');
	assert.equal(await screen.exited, 1);
	assert.match(await screen.text(), /Cancelled: nothing was removed/);
	all = await containers(h);
	assert.equal(NAMES.filter(n => all.has(n)).length, 3);

	screen = new Screen([], { shell: `$DOCKDECK --host ${h.host} playground --clean` });
	await screen.waitFor('Remove these 3? [y/N]');
	await screen.press('y', '\r');
	assert.equal(await screen.exited, 0);
	assert.match(await screen.text(), /removed playground-exited/);
	all = await containers(h);
	assert.deepEqual(
		NAMES.filter(n => all.has(n)),
		[],
	);
	assert.deepEqual(await others(h), before);

	r = run(h, 'playground', '--clean', '--yes');
	assert.equal(r.code, 0);
	assert.match(r.out, /No playground containers/);
});

test('the playground asks which local image to use, and pulls nothing without a yes', async t => {
	const h = requireEngine(t);
	if (!h) return;
	t.after(() => h.docker('rm', '-f', ...NAMES).catch(() => undefined));
	let screen = new Screen([], { shell: `$DOCKDECK --host ${h.host} playground` });
	t.after(() => screen.kill('SIGKILL'));
	const text = await screen.waitFor(/Number or name \[1 = .*\]:/);
	const line = text.split('\n').find(l => l.includes(FIXTURES.baseImage))!;
	await screen.press(...line.trim().split(/\s+/)[0]!, '\r');
	assert.equal(await screen.exited, 0, await screen.text());
	const inspect = JSON.parse(await h.docker('inspect', 'playground-ticker')) as { Config: { Image: string } }[];
	assert.equal(inspect[0]!.Config.Image, FIXTURES.baseImage);
	assert.equal(run(h, 'playground', '--clean', '--yes').code, 0);

	// an image that is not here: no terminal, no pull; in a terminal, "no" pulls nothing
	const missing = `example.invalid/nothing/here${process.pid}:1`;
	const r = run(h, 'playground', '--image', missing);
	assert.equal(r.code, 1);
	assert.match(r.out, /is not on this engine, and dockdeck pulls nothing without asking/);
	screen = new Screen([], { shell: `$DOCKDECK --host ${h.host} playground --image ${missing}` });
	await screen.waitFor('Pull it from its registry? [y/N]');
	await screen.press('\r');
	assert.equal(await screen.exited, 1);
	assert.match(await screen.text(), /Nothing was pulled and nothing was created/);
	assert.deepEqual(await h.docker('images', '-q', missing), '');
	const all = await containers(h);
	assert.deepEqual(
		NAMES.filter(n => all.has(n)),
		[],
	);
});

test('the playground changes nothing when a name is taken or the image has no shell, and refuses --read-only', async t => {
	const h = requireEngine(t);
	if (!h) return;
	t.after(() => h.docker('rm', '-f', ...NAMES).catch(() => undefined));
	// someone else's container called playground-shell
	await h.docker('create', '--name', 'playground-shell', FIXTURES.demoImage);
	let r = run(h, 'playground', '--image', FIXTURES.demoImage);
	assert.equal(r.code, 1);
	assert.match(r.out, /Containers that are not the playground's already use playground-shell: nothing was created/);
	let all = await containers(h);
	assert.deepEqual(
		NAMES.filter(n => all.has(n)),
		['playground-shell'],
	);
	r = run(h, 'playground', '--clean', '--yes');
	assert.match(r.out, /No playground containers/);
	assert.ok((await containers(h)).has('playground-shell'), '--clean removed a container without the label');
	await h.docker('rm', 'playground-shell');

	// an image with one file and no shell: the ticker cannot start, and nothing stays behind
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-noshell-'));
	t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
	fs.writeFileSync(path.join(dir, 'hello.txt'), 'no shell here\n');
	const tar = path.join(dir, 'root.tar');
	spawnSync('tar', ['-C', dir, '-cf', tar, 'hello.txt']);
	const image = `dd-noshell-${process.pid}:1`;
	await h.docker('import', tar, image);
	t.after(() => h.docker('rmi', image).catch(() => undefined));
	r = run(h, 'playground', '--image', image);
	assert.equal(r.code, 1);
	assert.match(r.out, /Could not start playground-ticker from dd-noshell-\d+:1: .*The practice containers made so far were removed/);
	all = await containers(h);
	assert.deepEqual(
		NAMES.filter(n => all.has(n)),
		[],
	);

	r = run(h, 'playground', '--read-only');
	assert.equal(r.code, 2);
	assert.equal(r.err.trim(), 'dockdeck: dockdeck playground changes the engine, so it cannot go with --read-only');
	r = run(h, '--clean');
	assert.equal(r.code, 2);
	assert.equal(r.err.trim(), 'dockdeck: --clean goes with dockdeck playground: see dockdeck --help');
	r = run(h, 'playground', 'now');
	assert.equal(r.code, 2);
	assert.match(r.err, /unexpected argument "now": dockdeck playground takes options only/);
	r = run(h, '--lang', 'fr');
	assert.equal(r.code, 2);
	assert.equal(r.err.trim(), 'dockdeck: --lang "fr" is not a language of dockdeck: use en or ko');
});

test('the playground speaks Korean with a Korean locale', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const out = spawnSync(process.execPath, [CLI, '--host', h.host, 'playground', '--clean'], {
		encoding: 'utf8',
		env: { ...process.env, DOCKDECK_CONFIG: '/nonexistent/dockdeck.json', LANG: 'ko_KR.UTF-8', LC_ALL: '' },
	});
	assert.equal(out.status, 0);
	assert.match(out.stdout, /연습장 컨테이너\(라벨 io\.dockdeck\.playground\)가 없습니다/);
	const help = spawnSync(process.execPath, [CLI, '--help', '--lang', 'ko'], { encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
	assert.match(help.stdout, /사용법/);
	assert.match(help.stdout, /--learn +학습 창을 열고 시작/);
});
