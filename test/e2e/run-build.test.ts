import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { FIXTURES } from '../support/engine.js';
import { KEYS, rowOf, Screen } from '../support/pty.js';
import { eventually, requireEngine, uniqueName } from '../support/test-engine.js';

const inspect = async (docker: (...args: string[]) => Promise<string>, name: string) =>
	(
		JSON.parse(await docker('inspect', name)) as [
			{
				Name: string;
				Config: { Env: string[]; Cmd: string[]; Tty: boolean; OpenStdin: boolean };
				State: { Status: string; ExitCode: number };
				HostConfig: { PortBindings: Record<string, { HostPort: string }[]> };
			},
		]
	)[0];

/** Opens the run form for the demo image. */
async function openRunForm(screen: Screen): Promise<void> {
	await screen.waitFor(FIXTURES.demoImage);
	await screen.press('2');
	await screen.select(FIXTURES.demoImage);
	await screen.press('r');
	await screen.waitFor(`Run a container from ${FIXTURES.demoImage}`);
}

test('run detached from the form: bad input is flagged before anything exists, then name, env, port and command reach the engine', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const name = uniqueName('dd-run');
	t.after(() => h.docker('rm', '-f', name).catch(() => undefined));
	const screen = new Screen(['--host', h.host], { cols: 120, rows: 40 });
	t.after(() => screen.kill('SIGKILL'));
	await openRunForm(screen);
	const form = await screen.text();
	assert.match(form, /Command\s+sh -c 'while true; do echo tick; sleep 1; done'/, 'the command field starts as the image CMD');
	assert.match(form, /the image sets PATH, GREETING/, 'the env hint names what the image sets');
	assert.match(form, /\$ docker run -d dockdeck-demo:1/);

	// a taken name, an env word without "=", a bad port: each flagged, nothing created
	await screen.press(...FIXTURES.ticker, KEYS.tab, KEYS.tab, KEYS.tab, KEYS.tab, ...'GREETING=bonjour MODE', KEYS.tab, ...'8080:99999');
	await screen.waitFor(`a container named ${FIXTURES.ticker} exists already`);
	await screen.waitFor('"MODE" has no "="');
	await screen.waitFor('container port "99999" is out of range');
	await screen.waitFor('3 to fix');
	await screen.press(KEYS.enter);
	await screen.waitFor(/▸ Name/); // Enter took the cursor to the first field to fix
	assert.equal((await h.docker('ps', '-a', '--filter', `name=${name}`, '-q')).trim(), '', 'nothing was created');

	await screen.press(
		KEYS.ctrlU,
		...name,
		KEYS.down,
		KEYS.down,
		KEYS.down,
		KEYS.down,
		...'=on',
		KEYS.down,
		KEYS.ctrlU,
		...'8080:80',
		KEYS.down,
		KEYS.ctrlU,
		...`sh -c 'echo "$GREETING/$MODE"; sleep 300'`,
	);
	const ready = await screen.waitFor('ready');
	assert.match(ready, /overrides the image's GREETING=hello/, 'the override of an image ENV is pointed out');
	assert.match(ready, new RegExp(`docker run -d --name ${name} -e GREETING=bonjour -e MODE=on -p 8080:80 dockdeck-demo:1 sh -c`));
	await screen.press(KEYS.enter);
	await screen.waitFor(`Started ${name} detached`, 8000);
	await screen.waitFor(`Container ${name}`); // selected: the detail pane shows it

	const c = await inspect(h.docker, name);
	assert.equal(c.State.Status, 'running');
	assert.ok(c.Config.Env.includes('GREETING=bonjour') && c.Config.Env.includes('MODE=on'), `env: ${c.Config.Env.join(' ')}`);
	assert.ok(!c.Config.Env.includes('GREETING=hello'), 'the image value was overridden');
	assert.deepEqual(c.Config.Cmd, ['sh', '-c', 'echo "$GREETING/$MODE"; sleep 300']);
	assert.equal(c.HostConfig.PortBindings['80/tcp']?.[0]?.HostPort, '8080');
	assert.equal(c.Config.Tty, false);
	await eventually('its output', async () => (await h.docker('logs', name)).trim() === 'bonjour/on');
});

test('run -it attached: the terminal goes to the shell, typing reaches it, detaching leaves it running', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const name = uniqueName('dd-runit');
	t.after(() => h.docker('rm', '-f', name).catch(() => undefined));
	const screen = new Screen(['--host', h.host], { cols: 100, rows: 30 });
	t.after(() => screen.kill('SIGKILL'));
	await openRunForm(screen);
	// name, attached, -i and -t on, command sh
	await screen.press(
		...name,
		KEYS.down,
		KEYS.space,
		KEYS.down,
		KEYS.space,
		KEYS.down,
		KEYS.space,
		KEYS.down,
		KEYS.down,
		KEYS.down,
		KEYS.ctrlU,
		...'sh',
	);
	await screen.waitFor(`docker run -it --name ${name} dockdeck-demo:1 sh`);
	await screen.press(KEYS.enter);
	await screen.waitFor(`Attached to PID 1 of ${name}`, 8000);
	await screen.press(...'echo typed-$((6*7))', KEYS.enter);
	await screen.waitFor('typed-42');
	await screen.press(KEYS.ctrlP, KEYS.ctrlQ);
	await screen.waitFor(`Detached from ${name}; it keeps running.`, 5000);
	await screen.waitFor(`Container ${name}`); // selected in the containers panel
	assert.equal((await inspect(h.docker, name)).State.Status, 'running');
	assert.match(rowOf(await screen.text(), name), /-it/, 'the containers panel shows it as -it');

	// attach again and leave through the shell: the exit code comes back
	await screen.press('a');
	await screen.waitFor(`Attached to PID 1 of ${name}`, 5000);
	await screen.press(KEYS.enter, ...'exit 5', KEYS.enter);
	await screen.waitFor(`${name} exited with code 5 while attached.`, 5000);
	assert.equal((await inspect(h.docker, name)).State.ExitCode, 5);
});

test('dockdeck build PATH twice: the second build reports the unchanged steps cached, and the layers panel marks new and same layers', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dd-e2e-build-'));
	const tag = `${uniqueName('dd-built')}:1`;
	t.after(async () => {
		await h.docker('rmi', '-f', tag).catch(() => undefined);
		await fs.rm(dir, { recursive: true, force: true });
	});
	await fs.writeFile(
		path.join(dir, 'Dockerfile'),
		`FROM ${FIXTURES.baseImage}\nCOPY deps.txt /deps.txt\nRUN echo installing $(cat /deps.txt) && cp /deps.txt /installed.txt\nCOPY app.txt /app.txt\n`,
	);
	await fs.writeFile(path.join(dir, 'deps.txt'), `${tag}\n`);
	await fs.writeFile(path.join(dir, 'app.txt'), 'one\n');
	await fs.writeFile(path.join(dir, '.dockerignore'), 'notes/\n');
	await fs.mkdir(path.join(dir, 'notes'));
	await fs.writeFile(path.join(dir, 'notes', 'todo.md'), 'private\n');

	const first = new Screen(['--host', h.host, 'build', dir, '-t', tag], { cols: 120, rows: 40 });
	t.after(() => first.kill('SIGKILL'));
	const done = await first.waitFor(`as ${tag} in`, 15000);
	assert.match(done, /\.dockerignore left out notes\//);
	assert.match(done, new RegExp(`installing ${tag.replace(/[.:]/g, '\\$&')}`), 'the RUN output is shown under its step');
	assert.match(done, /0 steps from cache, 3 rebuilt/);
	first.kill();

	await fs.writeFile(path.join(dir, 'app.txt'), 'two\n');
	const second = new Screen(['--host', h.host, 'build', dir, '-t', tag], { cols: 120, rows: 40 });
	t.after(() => second.kill('SIGKILL'));
	const again = await second.waitFor(`as ${tag} in`, 15000);
	assert.match(again, /from cache\s+Step 2\/4\s+COPY deps\.txt/);
	assert.match(again, /from cache\s+Step 3\/4\s+RUN echo installing/);
	assert.doesNotMatch(again, /from cache\s+Step 4\/4/, 'the changed COPY is not from the cache');
	assert.match(again, /2 steps from cache, 1 rebuilt/);
	await second.press(KEYS.escape);
	// the BUILD column comes with the layer index, read in the background
	const detail = new RegExp(`Image ${tag}[^\\n]*\\n│Tags +│\\n│ +${tag}`);
	const layers = await second.waitFor(
		s => s.includes(`3 Layers of ${tag}`) && /SHARED BUILD/.test(s) && s.includes('RUN echo installing') && detail.test(s),
		5000,
	);
	assert.match(rowOf(layers, 'COPY file:'), /new/, `the newest COPY layer is new:\n${layers}`);
	assert.match(layers, /1 new, 3 same ·/);
	assert.match(rowOf(layers, 'RUN echo installing'), /same/);
});

test('a failing build shows the failing step, its output and exit code, and tags nothing', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dd-e2e-fail-'));
	const tag = `${uniqueName('dd-broken')}:1`;
	t.after(() => fs.rm(dir, { recursive: true, force: true }));
	await fs.writeFile(path.join(dir, 'Dockerfile'), `FROM ${FIXTURES.baseImage}\nARG MODE\nRUN echo about to fail && exit 4\n`);
	const screen = new Screen(['--host', h.host, 'build', dir, '-t', tag, '--no-cache', '--build-arg', 'MODE=two words'], {
		cols: 120,
		rows: 40,
	});
	t.after(() => screen.kill('SIGKILL'));
	const failed = await screen.waitFor('failed with exit code 4', 15000);
	assert.match(
		failed,
		new RegExp(`\\$ docker build -t ${tag} --build-arg 'MODE=two words' --no-cache ${dir}`),
		'the flags reached the build',
	);
	assert.match(failed, /✗ failed\s+Step 3\/3\s+RUN echo about to fail/);
	assert.match(failed, /^│\s+about to fail/m, 'its output is under it');
	assert.match(failed, /Nothing was tagged/);
	await assert.rejects(h.docker('image', 'inspect', tag));
});

test('the build form: a missing folder and an unknown stage are flagged, Esc builds nothing', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dd-e2e-form-'));
	t.after(() => fs.rm(dir, { recursive: true, force: true }));
	await fs.writeFile(path.join(dir, 'Dockerfile'), `FROM ${FIXTURES.baseImage} AS base\nFROM base\n`);
	const screen = new Screen(['--host', h.host], { cols: 120, rows: 40, cwd: dir });
	t.after(() => screen.kill('SIGKILL'));
	await screen.waitFor(FIXTURES.demoImage);
	const imageIds = async () => (await h.docker('images', '-aq')).trim().split('\n').sort().join(' ');
	const images = await imageIds();
	await screen.press('b');
	const form = await screen.waitFor('Build an image from a folder');
	assert.match(form, new RegExp(`Context folder\\s+${dir.replace(/[.]/g, '\\.')}`));
	await screen.waitFor('stages: base');
	await screen.press(...'/nowhere');
	await screen.waitFor(`${dir}/nowhere does not exist`);
	await screen.press(...Array<string>(8).fill(KEYS.backspace), KEYS.down, KEYS.down, KEYS.down, KEYS.down, ...'final');
	await screen.waitFor('no stage named final: the stages are base');
	await screen.press(KEYS.escape);
	await screen.waitFor('Cancelled: nothing was built.');
	assert.equal(await imageIds(), images, 'no image was made');
});
