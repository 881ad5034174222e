// The single executable (npm run dist) on a host without Node: run with an environment that has no
// node on its PATH (env -i), against the test engine, in a pseudo-terminal.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, type TestContext } from 'node:test';
import { FIXTURES } from '../support/engine.js';
import { heapLimitFromFlags } from '../support/heap-limit.js';
import { Screen } from '../support/pty.js';
import { startSshd } from '../support/sshd.js';
import { eventually, requireEngine } from '../support/test-engine.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** The executable the runner built for this run (test/run.mjs), or a skip (a failure under CI). */
function requireExecutable(t: TestContext): string | undefined {
	const file = process.env.DOCKDECK_TEST_SEA;
	if (file && fs.existsSync(file)) return file;
	if (process.env.CI) throw new Error('CI=true but the runner built no single executable (npm run dist failed: see its output above)');
	t.skip('no single executable was built for this run (it needs Node 26 from the npm registry)');
	return undefined;
}

/** A home and a PATH that hold no node: only ssh, which ssh:// needs. */
function bareHost(): { home: string; bin: string; env: Record<string, string> } {
	const home = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-sea-'));
	const bin = path.join(home, 'bin');
	fs.mkdirSync(bin);
	fs.symlinkSync('/usr/bin/ssh', path.join(bin, 'ssh'));
	return { home, bin, env: { HOME: home, PATH: bin, TERM: 'xterm-256color', LANG: 'C.UTF-8' } };
}

const envLine = (env: Record<string, string>) => Object.entries(env).map(([k, v]) => `${k}='${v}'`);

/** The executable in a pseudo-terminal, with only `env` for an environment. */
const bareScreen = (file: string, env: Record<string, string>, ...args: string[]) =>
	new Screen([], { shell: `exec /usr/bin/env -i ${envLine(env).join(' ')} ${file} ${args.join(' ')}` });

function runBare(file: string, env: Record<string, string>, ...args: string[]) {
	const out = spawnSync('/usr/bin/env', ['-i', ...envLine(env), file, ...args], { encoding: 'utf8', timeout: 30_000 });
	return { code: out.status, out: out.stdout, err: out.stderr };
}

test('the single executable runs where there is no node: --version, --help (in Korean too), a bad flag in one line', t => {
	const file = requireExecutable(t);
	if (!file) return;
	const bare = bareHost();
	t.after(() => fs.rmSync(bare.home, { recursive: true, force: true }));
	const which = spawnSync('/usr/bin/env', ['-i', ...envLine(bare.env), '/bin/sh', '-c', 'command -v node'], { encoding: 'utf8' });
	assert.ok(which.status !== 0 && which.stdout === '', `no node here (${which.stdout.trim()})`);
	assert.deepEqual(runBare(file, bare.env, '--version'), { code: 0, out: `${VERSION}\n`, err: '' });
	const help = runBare(file, bare.env, '--help');
	assert.equal(help.code, 0);
	assert.match(help.out, /\$ dockdeck build PATH/);
	assert.match(runBare(file, bare.env, '--lang', 'ko', '--help').out, /사용법/);
	const bad = runBare(file, bare.env, '--bogus');
	assert.equal(bad.code, 2);
	assert.equal(bad.err.trim().split('\n').length, 1, bad.err);
	assert.doesNotMatch(bad.err, /\bat \S+:\d+/);
});

test('the single executable draws the dashboard of the test engine in a terminal, with its heap flags built in', async t => {
	const file = requireExecutable(t);
	const h = requireEngine(t);
	if (!file || !h) return;
	const bare = bareHost();
	t.after(() => fs.rmSync(bare.home, { recursive: true, force: true }));
	const memory = path.join(bare.home, 'memory.log');
	const trace = path.join(bare.home, 'start.log');
	const env = { ...bare.env, DOCKDECK_MEMORY_LOG: memory, DOCKDECK_TRACE_START: trace };
	const screen = bareScreen(file, env, '--host', h.host);
	t.after(() => screen.kill('SIGKILL'));
	const text = await screen.waitFor(s => s.includes(FIXTURES.ticker) && /detached/.test(s), 10_000);
	assert.match(text, /1 Containers/);
	assert.match(text, /Layers of/);
	// the executable starts from a heap built on another terminal (its startup snapshot): what the
	// modules read of the environment is read again here, the colours this terminal takes and the
	// trace file asked for now
	assert.match(screen.raw, /\u001b\[(3[0-7]|9[0-7])m/, 'the frame is in colour, as this terminal takes it');
	await eventually('the start-up trace', () => fs.existsSync(trace) && fs.readFileSync(trace, 'utf8').includes('first-render-done'), 5000);
	// V8's own limit would be several GB here: the built-in flags set it
	const limit = await eventually('a memory line', () => fs.existsSync(memory) && fs.readFileSync(memory, 'utf8').split('\n')[0], 5000);
	const heapLimit = (JSON.parse(limit) as { heapLimit: number }).heapLimit / 2 ** 20;
	assert.ok(heapLimitFromFlags(heapLimit), `heap limit ${heapLimit.toFixed(0)} MB`);
	await screen.press('q');
	assert.equal(await screen.exited, 0);
});

test('the single executable follows the colours of the terminal it runs in: none with FORCE_COLOR=0 or NO_COLOR', async t => {
	const file = requireExecutable(t);
	const h = requireEngine(t);
	if (!file || !h) return;
	const bare = bareHost();
	t.after(() => fs.rmSync(bare.home, { recursive: true, force: true }));
	for (const plain of [{ FORCE_COLOR: '0' }, { NO_COLOR: '1' }] as Record<string, string>[]) {
		const env = { ...bare.env, ...plain };
		const screen = bareScreen(file, env, '--host', h.host);
		t.after(() => screen.kill('SIGKILL'));
		await screen.waitFor(s => s.includes(FIXTURES.ticker) && /detached/.test(s), 10_000);
		assert.doesNotMatch(screen.raw, /\u001b\[(3[0-7]|9[0-7]|38;[25];[\d;]+)m/, `no colour with ${Object.keys(plain)[0]}`);
		await screen.press('q');
		assert.equal(await screen.exited, 0);
	}
});

test('the single executable reaches an engine over ssh:// (the ssh on the PATH) and in Korean', async t => {
	const file = requireExecutable(t);
	const h = requireEngine(t);
	if (!file || !h) return;
	if (!fs.existsSync('/usr/sbin/sshd')) {
		if (process.env.CI) throw new Error('CI=true but sshd is missing: the test set-up installs openssh-server');
		return t.skip('no sshd here');
	}
	const sshd = await startSshd(h.host.replace('unix://', ''));
	t.after(() => sshd.stop());
	const bare = bareHost();
	t.after(() => fs.rmSync(bare.home, { recursive: true, force: true }));
	const env = { ...bare.env, DOCKDECK_SSH_ARGS: sshd.sshArgs };
	const screen = bareScreen(file, env, '--lang', 'ko', '--host', `ssh://root@127.0.0.1:${sshd.port}`);
	t.after(() => screen.kill('SIGKILL'));
	const text = await screen.waitFor(s => s.includes(FIXTURES.ticker) && s.includes('분리됨'), 15_000);
	assert.match(text.split('\n')[0]!, new RegExp(`ssh://root@127\\.0\\.0\\.1:${sshd.port}`));
	assert.match(text, /1 컨테이너/);
	await screen.press('q');
	assert.equal(await screen.exited, 0);
});

test('the single executable makes and cleans the playground', async t => {
	const file = requireExecutable(t);
	const h = requireEngine(t);
	if (!file || !h) return;
	const bare = bareHost();
	t.after(() => fs.rmSync(bare.home, { recursive: true, force: true }));
	const names = ['playground-ticker', 'playground-shell', 'playground-exited'];
	t.after(() => h.docker('rm', '-f', ...names).catch(() => undefined));
	const made = runBare(file, bare.env, '--host', h.host, 'playground', '--image', FIXTURES.demoImage);
	assert.equal(made.code, 0, made.err);
	const listed = async () =>
		(await h.docker('ps', '-a', '--filter', 'label=io.dockdeck.playground', '--format', '{{.Names}}')).split('\n').filter(Boolean);
	assert.deepEqual((await listed()).sort(), [...names].sort());
	const cleaned = runBare(file, bare.env, '--host', h.host, 'playground', '--clean', '--yes');
	assert.equal(cleaned.code, 0, cleaned.err);
	assert.deepEqual(await listed(), []);
});

test('the linux-arm64 executable is built: an AArch64 ELF file holding the dockdeck bundle', t => {
	const x64 = requireExecutable(t);
	if (!x64) return;
	const file = path.join(path.dirname(x64), 'dockdeck-linux-arm64');
	assert.ok(fs.existsSync(file), `${file} is built beside ${path.basename(x64)}`);
	const head = Buffer.alloc(20);
	const fd = fs.openSync(file, 'r');
	fs.readSync(fd, head, 0, 20, 0);
	fs.closeSync(fd);
	assert.equal(head.subarray(0, 4).toString('latin1'), '\x7fELF');
	assert.equal(head.readUInt16LE(18), 0xb7, 'e_machine is EM_AARCH64');
	const bytes = fs.readFileSync(file);
	// the fuse Node flips when a single executable's blob is injected, and the bundle's own text
	assert.ok(bytes.includes('NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2:1'), 'the executable carries a blob');
	assert.ok(bytes.includes('io.dockdeck.playground'), 'the blob is the bundle');
	assert.ok(bytes.length < 150e6, `${(bytes.length / 1e6).toFixed(0)} MB: stripped of Node's symbols`);
});
