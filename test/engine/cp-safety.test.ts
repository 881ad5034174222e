import assert from 'node:assert/strict';
import { engineApi } from '../../source/docker/api.js';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import tar from 'tar-stream';
import { copyDialog, planCopy, type CopyPlan } from '../../source/actions/copy.js';
import type { ActionContext, Notice } from '../../source/actions/context.js';
import type { Confirmation } from '../../source/actions/lifecycle.js';
import { clientFor, connectEngine, type Engine } from '../../source/docker/client.js';
import { resolveEndpoint } from '../../source/docker/endpoint.js';
import type { ContainerSummary } from '../../source/model/types.js';
import { FIXTURES } from '../support/engine.js';
import { eventually, requireEngine, uniqueName, type EngineHandle } from '../support/test-engine.js';

/**
 * The safety corpus. Hostile archives are served by a container that answers the archive API
 * with canned tar streams (busybox nc on the host network), so they reach dockdeck over HTTP the
 * way a compromised or malicious engine would send them. Each copy lands in `<work>/dest`, next
 * to a sibling `<work>/dest2` and a canary file; afterwards nothing outside `dest` may differ.
 */

let handle: EngineHandle | undefined;
let engine: Engine;
let hostile: Engine;
let work: string;
let served: string;
let server = '';
const containers: string[] = [];

interface Entry {
	readonly name: string;
	readonly type?: 'file' | 'directory' | 'symlink' | 'link' | 'character-device' | 'fifo';
	readonly body?: string;
	readonly linkname?: string;
	readonly mode?: number;
}

async function tarOf(entries: readonly Entry[]): Promise<Buffer> {
	const pack = tar.pack();
	const chunks: Buffer[] = [];
	pack.on('data', (c: unknown) => void chunks.push(c as Buffer));
	const ended = new Promise<void>(resolve => pack.on('end', () => resolve()));
	for (const e of entries) {
		const type = e.type ?? 'file';
		await new Promise<void>((resolve, reject) =>
			pack.entry(
				{
					name: e.name,
					type,
					linkname: e.linkname,
					mode: e.mode ?? (type === 'directory' ? 0o755 : 0o644),
					size: e.body ? Buffer.byteLength(e.body) : 0,
					devmajor: 1,
					devminor: 3,
				},
				e.body ?? '',
				err => (err ? reject(err) : resolve()),
			),
		);
	}
	pack.finalize();
	await ended;
	return Buffer.concat(chunks);
}

/** Puts a canned archive API answer where the serving container finds it by case name. */
async function serve(name: string, body: Buffer): Promise<void> {
	const stat = Buffer.from(
		JSON.stringify({ name: 'root', size: 4096, mode: 2 ** 31 + 0o755, mtime: new Date().toISOString(), linkTarget: '' }),
	).toString('base64');
	const head = `HTTP/1.1 200 OK\r\nContent-Type: application/x-tar\r\nX-Docker-Container-Path-Stat: ${stat}\r\nConnection: close\r\n\r\n`;
	await fsp.writeFile(path.join(served, `${name}.http`), Buffer.concat([Buffer.from(head), body]));
}

/** Every file outside dest, with a hash of its content or link target. */
async function outside(): Promise<Map<string, string>> {
	const seen = new Map<string, string>();
	const walk = async (dir: string) => {
		for (const name of await fsp.readdir(dir)) {
			const at = path.join(dir, name);
			if (at === path.join(work, 'dest')) continue;
			const stat = await fsp.lstat(at);
			if (stat.isDirectory()) {
				seen.set(at, `dir ${stat.mode}`);
				await walk(at);
			} else if (stat.isSymbolicLink()) seen.set(at, `link ${await fsp.readlink(at)}`);
			else
				seen.set(
					at,
					`file ${stat.mode} ${createHash('sha256')
						.update(await fsp.readFile(at))
						.digest('hex')}`,
				);
		}
	};
	await walk(work);
	return seen;
}

const summary = (name: string): ContainerSummary => ({
	id: name,
	name,
	image: '',
	imageId: '',
	state: 'running',
	status: '',
	ports: '',
	created: 0,
	command: '',
});

function context(on: Engine, readOnly = false): ActionContext {
	return {
		engine: on,
		terminal: { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr },
		suspend: async fn => fn(),
		detachKeys: { keys: [], text: '' } as never,
		readOnly,
	};
}

/** Copies `case` out of the hostile server into dest through the same dialog the `c` key opens. */
async function copyOut(caseName: string, into = 'root'): Promise<Notice> {
	const plan: CopyPlan = {
		direction: 'out',
		containerPath: `/${caseName}`,
		hostPath: path.join(work, 'dest'),
		sourceName: 'root',
		sourceIsDir: true,
		sourceSize: 4096,
		targetDir: path.join(work, 'dest'),
		targetName: into,
		replaces: false,
	};
	const dialog = copyDialog(context(hostile), summary('evil'), plan, false) as Confirmation;
	return dialog.run();
}

before(async t => {
	handle = requireEngine(t as never);
	if (!handle) return;
	engine = await connectEngine(resolveEndpoint(handle.host, {}));
	work = await fsp.mkdtemp(path.join(os.tmpdir(), 'dockdeck-cp-'));
	served = await fsp.mkdtemp(path.join(os.tmpdir(), 'dockdeck-cp-served-'));
	await fsp.mkdir(path.join(work, 'dest'));
	await fsp.mkdir(path.join(work, 'dest2'));
	await fsp.writeFile(path.join(work, 'canary.txt'), 'untouched\n');
	await fsp.writeFile(path.join(work, 'dest2', 'keep.txt'), 'sibling\n');
	await fsp.mkdir(escape());
	await fsp.mkdir(path.join(work, 'real2'));
	// the server: for each connection, read the request, answer with the file named by ?path=/<case>
	await fsp.writeFile(
		path.join(served, 'answer'),
		[
			'#!/bin/sh',
			'read -r request',
			'while read -r h; do h=$(echo "$h" | tr -d "\\r"); [ -z "$h" ] && break; done',
			'name=$(echo "$request" | sed -n "s/.*[?&]path=%2F\\([a-z0-9-]*\\).*/\\1/p")',
			'[ -n "$name" ] || name=$(echo "$request" | sed -n "s/.*[?&]path=\\/\\([a-z0-9-]*\\).*/\\1/p")',
			'cat "/srv/$name.http"',
			'',
		].join('\n'),
		{ mode: 0o755 },
	);
	const port = await new Promise<number>(resolve => {
		const probe = net.createServer().listen(0, '127.0.0.1', () => {
			const { port } = probe.address() as net.AddressInfo;
			probe.close(() => resolve(port));
		});
	});
	server = uniqueName('dd-hostile');
	containers.push(server);
	await handle.docker(
		'run',
		'-d',
		'--name',
		server,
		'--network',
		'host',
		'-v',
		`${served}:/srv:ro`,
		FIXTURES.baseImage,
		'nc',
		'-ll',
		'-p',
		String(port),
		'-e',
		'/srv/answer',
	);
	const api = clientFor(resolveEndpoint(`tcp://127.0.0.1:${port}`, {}), { version: engine.info.apiVersion });
	hostile = { ...engine, api: engineApi(api, api) };
	await serve('ready', await tarOf([{ name: 'root/', type: 'directory' }]));
	await eventually(
		'the hostile server to answer',
		async () => {
			const res = (await api.getContainer('evil').getArchive({ path: '/ready' })) as NodeJS.ReadableStream;
			res.resume();
			return true;
		},
		10_000,
		100,
	);
});

after(async () => {
	if (handle && containers.length) await handle.docker('rm', '-f', ...containers).catch(() => undefined);
	if (work) await fsp.rm(work, { recursive: true, force: true });
	if (served) await fsp.rm(served, { recursive: true, force: true });
});

const escape = () => path.join(work, 'escape');

/** The corpus: each case an archive, and what its report must mention. */
const CORPUS: { name: string; entries: () => Entry[]; refused: RegExp }[] = [
	{
		name: 'absolute',
		entries: () => [
			{ name: 'root/', type: 'directory' },
			{ name: 'root/ok.txt', body: 'ok' },
			{ name: `${escape()}/abs.txt`, body: 'pwned' },
		],
		refused: /absolute path/,
	},
	{
		name: 'dotdot',
		entries: () => [
			{ name: 'root/', type: 'directory' },
			{ name: 'root/ok.txt', body: 'ok' },
			{ name: 'root/../../canary.txt', body: 'pwned' },
		],
		refused: /climbs out with \.\./,
	},
	{
		name: 'symlink-escape',
		entries: () => [
			{ name: 'root/', type: 'directory' },
			{ name: 'root/ok.txt', body: 'ok' },
			{ name: 'root/up', type: 'symlink', linkname: '../..' },
			{ name: 'root/up/canary.txt', body: 'pwned' },
		],
		refused: /symlink to \.\.\/\.\. points outside/,
	},
	{
		name: 'symlink-absolute',
		entries: () => [
			{ name: 'root/', type: 'directory' },
			{ name: 'root/ok.txt', body: 'ok' },
			{ name: 'root/abs', type: 'symlink', linkname: escape() },
			{ name: 'root/abs/x.txt', body: 'pwned' },
		],
		refused: /points outside the destination/,
	},
	{
		name: 'hardlink-escape',
		entries: () => [
			{ name: 'root/', type: 'directory' },
			{ name: 'root/ok.txt', body: 'ok' },
			{ name: 'root/hl', type: 'link', linkname: '../canary.txt' },
			{ name: 'root/hl2', type: 'link', linkname: path.join(work, 'canary.txt') },
			{ name: 'root/hl', body: 'pwned' },
			{ name: 'root/hl2', body: 'pwned' },
		],
		refused: /hardlink to .* points outside/,
	},
	{
		name: 'dir-swapped',
		entries: () => [
			{ name: 'root/', type: 'directory' },
			{ name: 'root/ok.txt', body: 'ok' },
			{ name: 'root/d/', type: 'directory' },
			{ name: 'root/d/a.txt', body: 'fine' },
			{ name: 'root/d', type: 'symlink', linkname: '../../dest2' },
			{ name: 'root/d/x.txt', body: 'pwned' },
		],
		refused: /would replace a directory|points outside/,
	},
	{
		name: 'dir-swapped-inside',
		entries: () => [
			{ name: 'root/', type: 'directory' },
			{ name: 'root/ok.txt', body: 'ok' },
			{ name: 'root/in/', type: 'directory' },
			{ name: 'root/l', type: 'symlink', linkname: 'in' },
			{ name: 'root/l/x.txt', body: 'through a link' },
		],
		refused: /would be written through a symlink/,
	},
	{
		name: 'sibling-prefix',
		entries: () => [
			{ name: 'root/', type: 'directory' },
			{ name: 'root/ok.txt', body: 'ok' },
			{ name: 'root/s', type: 'symlink', linkname: '../../dest2' },
			{ name: 'root/s/keep.txt', body: 'pwned' },
			{ name: 'root/t', type: 'symlink', linkname: '../../dest2/keep.txt' },
		],
		refused: /symlink to \.\.\/\.\.\/dest2 points outside/,
	},
	{
		name: 'link-chain',
		entries: () => [
			{ name: 'root/', type: 'directory' },
			{ name: 'root/ok.txt', body: 'ok' },
			{ name: 'root/a/b/', type: 'directory' },
			{ name: 'root/c/', type: 'directory' },
			{ name: 'root/a/b/s1', type: 'symlink', linkname: '../../c' },
			{ name: 'root/s2', type: 'symlink', linkname: 'a/b/s1/../../../..' },
			{ name: 'root/s2/canary.txt', body: 'pwned' },
		],
		refused: /points outside/,
	},
	{
		name: 'link-chain-late',
		entries: () => [
			{ name: 'root/', type: 'directory' },
			{ name: 'root/ok.txt', body: 'ok' },
			{ name: 'root/a/b/', type: 'directory' },
			{ name: 'root/c/', type: 'directory' },
			{ name: 'root/s2', type: 'symlink', linkname: 'a/b/s1/../../../..' },
			{ name: 'root/a/b/s1', type: 'symlink', linkname: '../../c' },
		],
		refused: /leads outside the destination through other links/,
	},
	{
		name: 'device',
		entries: () => [
			{ name: 'root/', type: 'directory' },
			{ name: 'root/ok.txt', body: 'ok' },
			{ name: 'root/null', type: 'character-device' },
			{ name: 'root/pipe', type: 'fifo' },
		],
		refused: /device node/,
	},
	{
		name: 'outside-root',
		entries: () => [
			{ name: 'root/', type: 'directory' },
			{ name: 'root/ok.txt', body: 'ok' },
			{ name: 'other/x.txt', body: 'pwned' },
		],
		refused: /outside the copied path/,
	},
];

for (const c of CORPUS) {
	test(`hostile archive "${c.name}" writes nothing outside the destination and says what it refused`, async t => {
		if (!requireEngine(t)) return;
		await serve(c.name, await tarOf(c.entries()));
		const before = await outside();
		const notice = await copyOut(c.name, c.name);
		assert.deepEqual(await outside(), before, 'nothing outside dest was created or changed');
		assert.match(notice.text, c.refused, notice.text);
		assert.equal(notice.tone, 'warn', 'a copy with refusals is not reported as clean');
		assert.equal(await fsp.readFile(path.join(work, 'dest', c.name, 'ok.txt'), 'utf8'), 'ok', 'the harmless entries were copied');
		assert.deepEqual(
			(await fsp.readdir(path.join(work, 'dest'))).filter(n => n.startsWith('.dockdeck-cp-')),
			[],
			'no temporary directory is left',
		);
	});
}

test('a setuid file arrives without its setuid bit, and the report says so', async t => {
	if (!requireEngine(t)) return;
	await serve(
		'setuid',
		await tarOf([
			{ name: 'root/', type: 'directory' },
			{ name: 'root/su', body: '#!/bin/sh\n', mode: 0o4755 },
			{ name: 'root/sg', body: 'x', mode: 0o2755 },
		]),
	);
	const notice = await copyOut('setuid', 'setuid');
	assert.match(notice.text, /setuid\/setgid dropped on 2/);
	assert.equal((await fsp.stat(path.join(work, 'dest', 'setuid', 'su'))).mode & 0o7777, 0o755);
	assert.equal((await fsp.stat(path.join(work, 'dest', 'setuid', 'sg'))).mode & 0o7777, 0o755);
});

test('an archive cut off halfway fails the copy and leaves no half-written files', async t => {
	if (!requireEngine(t)) return;
	const whole = await tarOf([
		{ name: 'root/', type: 'directory' },
		{ name: 'root/first.txt', body: 'first' },
		{ name: 'root/big.bin', body: 'x'.repeat(200_000) },
	]);
	await serve('truncated', whole.subarray(0, 100_000));
	const before = await fsp.readdir(path.join(work, 'dest'));
	const notice = await copyOut('truncated', 'truncated');
	assert.equal(notice.tone, 'bad', notice.text);
	assert.match(notice.text, /failed: .*Nothing was written\./);
	assert.deepEqual(await fsp.readdir(path.join(work, 'dest')), before, 'no partial copy and no temporary directory');
});

test('copying real hostile files out of a real container: links leading out and device nodes are refused, links inside kept', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const name = uniqueName('dd-cp-real');
	containers.push(name);
	await h.docker('run', '-d', '--name', name, FIXTURES.baseImage, 'sleep', '600');
	await h.docker(
		'exec',
		name,
		'sh',
		'-c',
		[
			'mkdir -p /corpus/sub',
			'echo data > /corpus/sub/file.txt',
			'ln -s sub/file.txt /corpus/inside',
			'ln -s /etc/passwd /corpus/absolute',
			'ln -s ../../../../../etc /corpus/climb',
			'ln -s ../../real2 /corpus/sibling',
			'ln /corpus/sub/file.txt /corpus/hard',
			'mknod /corpus/null c 1 3',
			'cp /corpus/sub/file.txt /corpus/suid && chmod 4755 /corpus/suid',
		].join(' && '),
	);
	const dest = path.join(work, 'real');
	await fsp.mkdir(dest);
	const before = await outside();
	const real = await connectEngine(resolveEndpoint(h.host, {}));
	const plan: CopyPlan = {
		direction: 'out',
		containerPath: '/corpus',
		hostPath: dest,
		sourceName: 'corpus',
		sourceIsDir: true,
		sourceSize: 4096,
		targetDir: dest,
		targetName: 'corpus',
		replaces: false,
	};
	const notice = await (copyDialog(context(real), summary(name), plan, false) as Confirmation).run();
	const after = await outside();
	for (const [at, value] of before) assert.equal(after.get(at), value, `${at} unchanged`);
	for (const at of after.keys()) assert.ok(before.has(at) || at.startsWith(dest + path.sep), `${at} is inside the destination`);
	assert.match(notice.text, /refused 4 entries/, notice.text);
	assert.match(notice.text, /setuid\/setgid dropped on 1/);
	const got = path.join(dest, 'corpus');
	assert.equal(await fsp.readlink(path.join(got, 'inside')), 'sub/file.txt');
	assert.equal(await fsp.readFile(path.join(got, 'hard'), 'utf8'), 'data\n');
	assert.equal(
		(await fsp.stat(path.join(got, 'hard'))).ino,
		(await fsp.stat(path.join(got, 'sub', 'file.txt'))).ino,
		'the hardlink inside stays a hardlink',
	);
	for (const gone of ['absolute', 'climb', 'sibling', 'null'])
		assert.equal(
			await fsp.lstat(path.join(got, gone)).then(
				() => true,
				() => false,
			),
			false,
			`${gone} was refused`,
		);
	assert.equal((await fsp.stat(path.join(got, 'suid'))).mode & 0o7777, 0o755);
});

test('read-only mode refuses cp before anything is read or written', async t => {
	if (!requireEngine(t)) return;
	const plan: CopyPlan = {
		direction: 'out',
		containerPath: '/etc/hostname',
		hostPath: work,
		sourceName: 'hostname',
		sourceIsDir: false,
		sourceSize: 1,
		targetDir: work,
		targetName: 'hostname',
		replaces: false,
	};
	const result = copyDialog(context(engine, true), summary(FIXTURES.shell), plan, false);
	assert.ok(!('run' in result));
	assert.match(result.text, /docker cp is off under --read-only/);
	assert.equal(fs.existsSync(path.join(work, 'hostname')), false);
});

test('planning a copy: a missing host path, a missing container path and an unwritable destination each get one clear error', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const ctx = context(engine);
	const shell = summary(FIXTURES.shell);
	const plan = (form: { direction: string; container: string; host: string }) => planCopy(ctx, shell, form);
	assert.deepEqual(await plan({ direction: 'o', container: '/no/such/file', host: work }), {
		step: 1,
		error: `no such file or directory in ${FIXTURES.shell}:/no/such/file`,
	});
	assert.deepEqual(await plan({ direction: 'i', container: '/tmp', host: path.join(work, 'absent.txt') }), {
		step: 2,
		error: `no such file or directory: ${path.join(work, 'absent.txt')} (on this host)`,
	});
	assert.deepEqual(await plan({ direction: 'o', container: '/etc/hostname', host: path.join(work, 'no', 'such', 'dir') }), {
		step: 2,
		error: `no such directory on this host: ${path.join(work, 'no', 'such')}`,
	});
	// a read-only mount stands for any destination the user cannot write to (the suite runs as root, which ignores modes)
	const locked = path.join(work, 'locked');
	await fsp.mkdir(locked);
	await mount(['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', locked]);
	t.after(() => mount(['-u', locked], 'umount'));
	assert.deepEqual(await plan({ direction: 'o', container: '/etc/hostname', host: locked }), {
		step: 2,
		error: `cannot write to ${locked}: read-only file system`,
	});
	const ok = await plan({ direction: 'o', container: '/etc/hostname', host: path.join(work, 'named.txt') });
	assert.ok(!('error' in ok));
	assert.equal(ok.targetName, 'named.txt', 'a destination that does not exist names the copy, as with docker cp');
	assert.equal(ok.sourceIsDir, false);
});

async function mount(args: string[], command = 'mount'): Promise<void> {
	const { execFile } = await import('node:child_process');
	await new Promise<void>((resolve, reject) =>
		execFile(command, command === 'umount' ? [args[1]!] : args, error => (error ? reject(error) : resolve())),
	);
}
