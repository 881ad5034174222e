// The container image (npm run image): built on the test engine without a registry, then run the
// way its README line says, against the engine through the mounted socket, in a pseudo-terminal.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { FIXTURES } from '../support/engine.js';
import { Screen } from '../support/pty.js';
import { eventually, requireEngine } from '../support/test-engine.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

test('the image holds the executable and its libraries only, and runs the dashboard on the mounted socket', async t => {
	const h = requireEngine(t);
	if (!h) return;
	if (!process.env.DOCKDECK_TEST_SEA) {
		if (process.env.CI) throw new Error('CI=true but the runner built no single executable for the image');
		return t.skip('no single executable was built for this run');
	}
	const tag = `dockdeck-test:${process.pid}`;
	const cli = { ...process.env, DOCKER_HOST: h.host, DOCKER_BUILDKIT: '0', DOCKER_CONFIG: path.join(os.tmpdir(), 'dockdeck-test-cli') };
	t.after(() => h.docker('rmi', '-f', tag).catch(() => undefined));
	const built = spawnSync(process.execPath, [path.join(ROOT, 'source/tools/image.mjs'), '--tag', tag], {
		cwd: ROOT,
		env: cli,
		encoding: 'utf8',
	});
	assert.equal(built.status, 0, built.stderr);
	assert.match(built.stdout, new RegExp(`built ${tag}`));

	const [info] = JSON.parse(await h.docker('image', 'inspect', tag)) as { Size: number; Config: { Entrypoint: string[]; Env: string[] } }[];
	assert.deepEqual(info!.Config.Entrypoint, ['/usr/local/bin/dockdeck']);
	assert.ok(info!.Config.Env.includes('DOCKER_HOST=unix:///var/run/docker.sock'));
	assert.ok(info!.Size < 160e6, `${(info!.Size / 1e6).toFixed(0)} MB`);
	// no shell in it: only what dockdeck needs
	const shell = spawnSync('docker', ['run', '--rm', '--entrypoint', '/bin/sh', tag, '-c', 'true'], { env: cli, encoding: 'utf8' });
	assert.notEqual(shell.status, 0);

	const version = spawnSync('docker', ['run', '--rm', tag, '--version'], { env: cli, encoding: 'utf8' });
	assert.equal(version.stdout, `${VERSION}\n`, version.stderr);
	// without -t there is no terminal: one line that says so
	const noTty = spawnSync('docker', ['run', '--rm', '-v', `${h.host.replace('unix://', '')}:/var/run/docker.sock`, tag], {
		env: cli,
		encoding: 'utf8',
	});
	assert.equal(noTty.status, 2);
	assert.equal(noTty.stderr.trim().split('\n').length, 1, noTty.stderr);

	const name = `dd-image-${process.pid}`;
	t.after(() => h.docker('rm', '-f', name).catch(() => undefined));
	const screen = new Screen([], {
		shell: `exec docker run --rm -it --name ${name} -v ${h.host.replace('unix://', '')}:/var/run/docker.sock ${tag}`,
		env: cli,
	});
	t.after(() => screen.kill('SIGKILL'));
	// the engine's containers, this one among them
	const text = await screen.waitFor(s => s.includes(FIXTURES.ticker) && s.includes(name) && /detached/.test(s), 20_000);
	assert.match(text.split('\n')[0]!, /unix:\/\/\/var\/run\/docker\.sock/);
	assert.match(text.split('\n').find(l => l.includes(name)) ?? '', new RegExp(`${tag.replace(/[.:]/g, '\\$&')}\\s+-it\\s+Up`));
	await screen.press('q');
	assert.equal(await screen.exited, 0);
	await eventually('the container removed (--rm)', async () => !(await h.docker('ps', '-aq', '--filter', `name=${name}`)).trim());
});
