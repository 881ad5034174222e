// The npm package as a user gets it: npm pack, then npm install -g of the tarball and npx from it,
// offline (the package is the bundle alone: nothing to fetch, no install scripts).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { FIXTURES } from '../support/engine.js';
import { heapLimitFromFlags } from '../support/heap-limit.js';
import { Screen } from '../support/pty.js';
import { eventually, requireEngine } from '../support/test-engine.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

let packed: { dir: string; tarball: string; env: NodeJS.ProcessEnv } | undefined;

/** Packs the built tree once (npm test has just built it): the tarball and an npm that uses its own cache. */
function pack() {
	if (packed) return packed;
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-pack-'));
	// this Node first, so npm and the installed command run on it; an npm cache of its own
	const env = {
		...process.env,
		PATH: `${path.dirname(process.execPath)}:${process.env.PATH}`,
		npm_config_cache: path.join(dir, 'npm-cache'),
		npm_config_update_notifier: 'false',
	};
	execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', dir], { cwd: ROOT, env, stdio: 'ignore' });
	packed = { dir, tarball: path.join(dir, `dockdeck-${VERSION}.tgz`), env };
	return packed;
}

test('the package is the bundle alone: a few files, no dependencies, well under 2 MB', () => {
	const { tarball } = pack();
	const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').sort();
	for (const file of files)
		assert.match(file, /^package\/(package\.json|README\.md|LICENSE|dist\/cli\.js|dist\/heap-flags\.js|dist\/bundle\/[\w-]+\.js)$/, file);
	assert.ok(files.includes('package/dist/bundle/main.js'));
	const manifest = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' })) as Record<
		string,
		unknown
	>;
	assert.equal(manifest['dependencies'], undefined, 'no runtime dependency: the bundle holds them');
	assert.equal((manifest['scripts'] as Record<string, string>)['install'], undefined);
	assert.ok(fs.statSync(tarball).size < 1_000_000, `${fs.statSync(tarball).size} bytes packed`);
});

test('npm install -g of the tarball installs one package offline, asks nothing, and its dockdeck draws the dashboard with the heap flags', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const { dir, tarball, env } = pack();
	const prefix = path.join(dir, 'global');
	const install = spawnSync('npm', ['install', '-g', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, tarball], {
		encoding: 'utf8',
		env,
	});
	assert.equal(install.status, 0, install.stderr);
	assert.match(install.stdout, /added 1 package/);
	assert.doesNotMatch(`${install.stdout}${install.stderr}`, /install-scripts|approve/);
	const installed = execFileSync('du', ['-sk', path.join(prefix, 'lib', 'node_modules')], { encoding: 'utf8' });
	assert.ok(Number(installed.split('\t')[0]) < 3000, `${installed.trim()} KB installed`);
	const bin = path.join(prefix, 'bin', 'dockdeck');
	assert.equal(execFileSync(bin, ['--version'], { encoding: 'utf8', env }), `${VERSION}\n`);

	// the installed command is read by /bin/sh first, which starts node with the heap flags (no re-exec)
	const memory = path.join(dir, 'memory.log');
	const screen = new Screen([], { shell: `exec ${bin} --host ${h.host}`, env: { PATH: env.PATH, DOCKDECK_MEMORY_LOG: memory } });
	t.after(() => screen.kill('SIGKILL'));
	await screen.waitFor(s => s.includes(FIXTURES.ticker) && /detached/.test(s), 10_000);
	const line = await eventually('a memory line', () => fs.existsSync(memory) && fs.readFileSync(memory, 'utf8').split('\n')[0], 5000);
	const heapLimit = (JSON.parse(line) as { heapLimit: number }).heapLimit / 2 ** 20;
	assert.ok(heapLimitFromFlags(heapLimit), `heap limit ${heapLimit.toFixed(0)} MB`);
	// node cli.js would have replaced itself to get them, and marked its environment so
	const environ = fs.readFileSync(`/proc/${screen.pid}/environ`, 'utf8').split('\0');
	assert.ok(!environ.includes('DOCKDECK_NO_HEAP_FLAGS=1'), 'started with the flags, not re-executed');
	await screen.press('q');
	assert.equal(await screen.exited, 0);
});

test('npx runs dockdeck from the tarball offline', () => {
	const { dir, tarball, env } = pack();
	const out = spawnSync('npx', ['--yes', '--offline', '--package', tarball, 'dockdeck', '--version'], { encoding: 'utf8', env, cwd: dir });
	assert.equal(out.status, 0, out.stderr);
	assert.equal(out.stdout, `${VERSION}\n`);
	const help = spawnSync('npx', ['--yes', '--offline', '--package', tarball, 'dockdeck', '--lang', 'ko', '--help'], {
		encoding: 'utf8',
		env,
		cwd: dir,
	});
	assert.match(help.stdout, /사용법/);
});
