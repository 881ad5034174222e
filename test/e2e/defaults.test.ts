// The default path of every form: the required field, then nothing but Enter. It is the path most
// people take, and the one the first version never tested (commit with no change line failed for
// everyone). Each ends with the engine's own state checked.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { FIXTURES } from '../support/engine.js';
import { KEYS, Screen } from '../support/pty.js';
import { eventually, requireEngine, uniqueName, type EngineHandle } from '../support/test-engine.js';

/** The header is the first line and starts in the first column: nothing shifted it. */
async function headerInPlace(screen: Screen): Promise<void> {
	const lines = await screen.lines();
	assert.ok(lines[0]!.startsWith('dockdeck · '), `the header starts the first line at column 0, not:\n${lines.slice(0, 3).join('\n')}`);
	assert.ok(lines[1]!.startsWith('╭─ 1 Containers'), `the panels start at column 0 too, not: ${lines[1]}`);
}

function open(h: EngineHandle, t: { after(fn: () => void): void }, cwd?: string): Screen {
	const screen = new Screen(['--host', h.host], { cols: 120, rows: 40, ...(cwd ? { cwd } : {}) });
	t.after(() => screen.kill('SIGKILL'));
	return screen;
}

test('commit with only a name: no message, author or change line, and the image is made', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const name = uniqueName('dd-defcommit');
	const repo = uniqueName('defsnap');
	t.after(async () => {
		await h.docker('rm', '-f', name).catch(() => undefined);
		await h.docker('rmi', '-f', `${repo}:latest`).catch(() => undefined);
	});
	await h.docker('run', '-d', '--stop-timeout', '1', '--name', name, FIXTURES.demoImage);
	const screen = open(h, t);
	await screen.waitFor(name);
	await screen.select(name);
	await screen.press('C');
	await screen.waitFor(`Commit ${name} as (repository[:tag]):`);
	await screen.press(...repo, KEYS.enter, KEYS.enter, KEYS.enter, KEYS.enter);
	await screen.waitFor(`Committed ${name} as ${repo}:latest`, 8000);
	const [cmd, comment] = (await h.docker('image', 'inspect', '-f', '{{json .Config.Cmd}}|{{.Comment}}', `${repo}:latest`)).split('|');
	assert.equal(cmd, '["sh","-c","while true; do echo tick; sleep 1; done"]', "the config is the container's, unchanged");
	assert.equal(comment, '');
	await headerInPlace(screen);
});

test('run with nothing but Enter: a detached container from the image, named by the engine', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const before = new Set((await h.docker('ps', '-aq', '--no-trunc')).split('\n').filter(Boolean));
	const screen = open(h, t);
	t.after(async () => {
		const made = (await h.docker('ps', '-aq', '--no-trunc')).split('\n').filter(id => id && !before.has(id));
		if (made.length) await h.docker('rm', '-f', ...made).catch(() => undefined);
	});
	await screen.waitFor(FIXTURES.demoImage);
	await screen.press('2');
	await screen.select(FIXTURES.demoImage);
	await screen.press('r');
	await screen.waitFor('$ docker run -d dockdeck-demo:1');
	await screen.waitFor('ready');
	await screen.press(KEYS.enter);
	await screen.waitFor(/Started \S+ detached/, 8000);
	const made = await eventually('the new container', async () =>
		(await h.docker('ps', '-aq', '--no-trunc')).split('\n').filter(id => id && !before.has(id)),
	);
	assert.equal(made.length, 1);
	assert.equal(
		await h.docker(
			'inspect',
			'-f',
			'{{.State.Status}} {{.Config.Image}} {{.HostConfig.AutoRemove}} {{.HostConfig.RestartPolicy.Name}}',
			made[0]!,
		),
		'running dockdeck-demo:1 false no',
	);
	await headerInPlace(screen);
});

test('build with nothing but Enter: the current folder, its Dockerfile, no tag', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'dd-e2e-defbuild-'));
	t.after(() => fs.rm(dir, { recursive: true, force: true }));
	const mark = uniqueName('built');
	await fs.writeFile(path.join(dir, 'Dockerfile'), `FROM ${FIXTURES.baseImage}\nLABEL dockdeck.test=${mark}\n`);
	const screen = open(h, t, dir);
	await screen.waitFor(FIXTURES.demoImage);
	await screen.press('b');
	await screen.waitFor('Build an image from a folder');
	await screen.waitFor('ready');
	await screen.press(KEYS.enter);
	await screen.waitFor(/Built [0-9a-f]{12}|Successfully built/, 15_000);
	const ids = await eventually(
		'the built image',
		async () => (await h.docker('images', '-q', '--filter', `label=dockdeck.test=${mark}`)) || undefined,
		5000,
	);
	t.after(() => h.docker('rmi', '-f', ids.split('\n')[0]!).catch(() => undefined));
	assert.equal(ids.split('\n').length, 1, 'one image, untagged as docker build with no -t makes it');
});

test("cp with nothing but Enter: out of the container's working folder into the current folder", async t => {
	const h = requireEngine(t);
	if (!h) return;
	const name = uniqueName('dd-defcp');
	const work = await fs.mkdtemp(path.join(os.tmpdir(), 'dockdeck-defcp-'));
	t.after(async () => {
		await h.docker('rm', '-f', name).catch(() => undefined);
		await fs.rm(work, { recursive: true, force: true });
	});
	await h.docker('run', '-d', '--name', name, '-w', '/srv', FIXTURES.baseImage, 'sh', '-c', 'echo served > /srv/index.html; sleep 600');
	await eventually('the file in the container', async () => (await h.docker('exec', name, 'cat', '/srv/index.html')) === 'served');
	const screen = open(h, t, work);
	await screen.waitFor(name);
	await screen.select(name);
	await screen.press('c');
	await screen.waitFor('(Enter: o):');
	await screen.press(KEYS.enter, KEYS.enter, KEYS.enter);
	await screen.waitFor(`$ docker cp ${name}:/srv ${work}`);
	await screen.press(KEYS.enter);
	await screen.waitFor(`Copied ${name}:/srv to ${path.join(work, 'srv')}`, 10_000);
	assert.equal(await fs.readFile(path.join(work, 'srv', 'index.html'), 'utf8'), 'served\n');
});

test('tag with only the new name: the image gets it, :latest as docker tag adds', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const repo = uniqueName('deftag');
	t.after(() => h.docker('rmi', `${repo}:latest`).catch(() => undefined));
	const screen = open(h, t);
	await screen.waitFor(FIXTURES.demoImage);
	await screen.press('2');
	await screen.select(FIXTURES.demoImage);
	await screen.press('t');
	await screen.press(...repo, KEYS.enter);
	await screen.waitFor(`${repo}:latest`, 5000);
	assert.equal(
		await h.docker('image', 'inspect', '-f', '{{.Id}}', `${repo}:latest`),
		await h.docker('image', 'inspect', '-f', '{{.Id}}', FIXTURES.demoImage),
	);
});

test('exec with nothing but Enter: the default shell; after it and after an attach the frame starts in the first column', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const screen = open(h, t);
	await screen.waitFor(FIXTURES.shell);
	await screen.select(FIXTURES.shell);
	await screen.press('e');
	await screen.waitFor('(Enter: bash, else sh):');
	await screen.press(KEYS.enter);
	await screen.waitFor(() => screen.raw.includes('A new process in dd-shell'));
	await new Promise(r => setTimeout(r, 300));
	const token = `def-${Math.random().toString(36).slice(2, 8)}`;
	// the shell's prompt ("/app # ") leaves the cursor in column 7 when it exits
	await screen.press(...`echo ${token} > /tmp/default-exec; exit`, KEYS.enter);
	await screen.waitFor('ended with code 0; dd-shell keeps running.', 5000);
	assert.equal(await h.docker('exec', FIXTURES.shell, 'cat', '/tmp/default-exec'), token);
	await headerInPlace(screen);
	// an attach left with the detach keys after the prompt
	await screen.press('a');
	await screen.waitFor(() => screen.raw.includes(`Attached to PID 1 of ${FIXTURES.shell}`));
	await screen.press(KEYS.enter);
	await new Promise(r => setTimeout(r, 300));
	await screen.press(KEYS.ctrlP, KEYS.ctrlQ);
	await screen.waitFor(`Detached from ${FIXTURES.shell}; it keeps running.`, 3000);
	await headerInPlace(screen);
	await screen.press('q');
	assert.equal(await screen.exited, 0);
});
