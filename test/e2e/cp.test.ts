import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { FIXTURES } from '../support/engine.js';
import { KEYS, Screen } from '../support/pty.js';
import { requireEngine, uniqueName } from '../support/test-engine.js';

const sha = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

test('cp through the keys: a directory out and back in, bytes equal both ways, mistakes flagged inline', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const name = uniqueName('dd-cp');
	const work = await fsp.mkdtemp(path.join(os.tmpdir(), 'dockdeck-cpkeys-'));
	t.after(async () => {
		await h.docker('rm', '-f', name).catch(() => undefined);
		await fsp.rm(work, { recursive: true, force: true });
	});
	await h.docker('run', '-d', '--name', name, '-w', '/srv', FIXTURES.baseImage, 'sleep', '600');
	// 3 MB of random bytes, a text file and a link, made in the container
	await h.docker(
		'exec',
		name,
		'sh',
		'-c',
		'mkdir -p /srv/site/deep && head -c 3000000 /dev/urandom > /srv/site/deep/blob.bin && echo "<h1>hi</h1>" > /srv/site/index.html && ln -s index.html /srv/site/home.html',
	);
	const screen = new Screen(['--host', h.host], { cols: 120, rows: 40, cwd: work });
	t.after(() => screen.kill('SIGKILL'));
	await screen.waitFor(name);
	await screen.select(name);

	// out: the container path starts at its working dir, the host path at the current directory
	await screen.press('c');
	await screen.waitFor(`Copy with ${name}: o = out to this host, i = in from this host (Enter: o):`);
	await screen.press(...'x', KEYS.enter);
	await screen.waitFor('type o (out of the container) or i (into it)');
	await screen.press(KEYS.backspace, KEYS.enter);
	await screen.waitFor(`Path in ${name} to copy out (Ctrl-U clears): /srv`);
	await screen.press(...'/nope', KEYS.enter);
	await screen.press(KEYS.enter);
	await screen.waitFor(`no such file or directory in ${name}:/srv/nope`);
	await screen.press(KEYS.ctrlU, ...'/srv/site', KEYS.enter);
	await screen.waitFor(`Where on this host to put it (Ctrl-U clears): ${work}`);
	await screen.press(KEYS.enter);
	await screen.waitFor(`$ docker cp ${name}:/srv/site ${work}`);
	await screen.waitFor(`To    ${path.join(work, 'site')}  (new)`);
	await screen.press(KEYS.enter);
	await screen.waitFor(`Copied ${name}:/srv/site to ${path.join(work, 'site')}: 2 files, 2 directories, 1 link, 3MB`, 10_000);
	const blob = await fsp.readFile(path.join(work, 'site', 'deep', 'blob.bin'));
	assert.equal(blob.length, 3_000_000);
	assert.equal(
		sha(blob),
		(await h.docker('exec', name, 'sha256sum', '/srv/site/deep/blob.bin')).split(' ')[0],
		'the bytes out equal the bytes in the container',
	);
	assert.equal(await fsp.readlink(path.join(work, 'site', 'home.html')), 'index.html');

	// again to the same place: the directory exists and is not merged into
	await screen.press('c', KEYS.enter, KEYS.ctrlU, ...'/srv/site', KEYS.enter, KEYS.enter);
	await screen.waitFor(`${path.join(work, 'site')} already exists as a directory: dockdeck does not merge into it; give a new name`);
	await screen.press(KEYS.escape);

	// in: a host file of our own, under a new name in the container
	const local = randomBytes(1_500_000);
	await fsp.writeFile(path.join(work, 'upload.bin'), local);
	await screen.press('c');
	await screen.waitFor(`Copy with ${name}:`);
	await screen.press('i', KEYS.enter);
	await screen.waitFor(`Where in ${name} to put it (Ctrl-U clears): /srv`);
	await screen.press(...'/missing/dir/x', KEYS.enter);
	await screen.waitFor('Path on this host to copy in (Ctrl-U clears):');
	await screen.press(...'/upload.bin', KEYS.enter);
	await screen.waitFor(`no such directory in ${name}:/srv/missing/dir`);
	await screen.press(KEYS.ctrlU, ...'/srv/copied.bin', KEYS.enter);
	await screen.waitFor(`Path on this host to copy in (Ctrl-U clears): ${work}/upload.bin`);
	await screen.press(KEYS.enter);
	await screen.waitFor(`$ docker cp ${work}/upload.bin ${name}:/srv/copied.bin`);
	await screen.press(KEYS.enter);
	await screen.waitFor(`Copied ${work}/upload.bin to ${name}:/srv/copied.bin: 1 file, 1.5MB`, 10_000);
	assert.equal(
		(await h.docker('exec', name, 'sha256sum', '/srv/copied.bin')).split(' ')[0],
		sha(local),
		'the bytes in the container equal the host file',
	);

	// the directory that came out goes back in under a new name, link and all
	await screen.press('c', 'i', KEYS.enter, KEYS.ctrlU, ...'/srv/site-back', KEYS.enter, KEYS.ctrlU, ...path.join(work, 'site'), KEYS.enter);
	await screen.waitFor(`$ docker cp ${path.join(work, 'site')} ${name}:/srv/site-back`);
	await screen.press(KEYS.enter);
	await screen.waitFor(`Copied ${path.join(work, 'site')} to ${name}:/srv/site-back: 2 files, 2 directories, 1 link, 3MB`, 10_000);
	assert.equal((await h.docker('exec', name, 'sha256sum', '/srv/site-back/deep/blob.bin')).split(' ')[0], sha(blob));
	assert.equal(await h.docker('exec', name, 'readlink', '/srv/site-back/home.html'), 'index.html');

	// the same file again: it exists, and replacing it needs f
	await screen.press(
		'c',
		'i',
		KEYS.enter,
		KEYS.ctrlU,
		...'/srv/copied.bin',
		KEYS.enter,
		KEYS.ctrlU,
		...path.join(work, 'site', 'index.html'),
		KEYS.enter,
	);
	await screen.waitFor(`${name}:/srv/copied.bin exists: press f to replace it, or Esc to keep it.`);
	await screen.press(KEYS.enter);
	await screen.waitFor('Enter (not possible yet)');
	await screen.press('f');
	await screen.waitFor('f replace the existing file: on');
	await screen.press(KEYS.enter);
	await screen.waitFor(`Copied ${path.join(work, 'site', 'index.html')} to ${name}:/srv/copied.bin: 1 file, 12B`);
	assert.equal(await h.docker('exec', name, 'cat', '/srv/copied.bin'), '<h1>hi</h1>');
});

test('cp under --read-only is refused with the reason, and nothing is asked', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const screen = new Screen(['--host', h.host, '--read-only'], { cols: 120, rows: 40 });
	t.after(() => screen.kill('SIGKILL'));
	await screen.waitFor(FIXTURES.shell);
	await screen.select(FIXTURES.shell);
	await screen.press('c');
	await screen.waitFor('docker cp is off under --read-only');
	assert.doesNotMatch(await screen.text(), /Copy with/);
});
