import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { seedLivedIn, seedLivedInOnDemo } from './lived-in.js';
import { makeCertificates } from './tls.js';

const run = promisify(execFile);

/** A private Docker engine for tests: its own dockerd, socket, data root and exec root under a temp dir. */
export interface TestEngine {
	readonly host: string;
	/** The same engine over tcp://127.0.0.1 with TLS (--tlsverify), and a client's DOCKER_CERT_PATH for it. */
	readonly tlsHost: string;
	readonly tlsCerts: string;
	readonly socket: string;
	readonly dir: string;
	stop(): Promise<void>;
}

const has = async (cmd: string) =>
	run('sh', ['-c', `command -v ${cmd}`]).then(
		() => true,
		() => false,
	);

/** Installs what the tests use from Debian when missing (root only): docker.io, busybox-static, openssl, ssh, binutils. */
export async function ensureTools(log: (line: string) => void): Promise<void> {
	const missing = [];
	if (!(await has('dockerd')) || !(await has('docker'))) missing.push('docker.io');
	if (!fs.existsSync('/bin/busybox') && !(await has('busybox'))) missing.push('busybox-static');
	if (!(await has('openssl'))) missing.push('openssl');
	if (!fs.existsSync('/usr/sbin/sshd')) missing.push('openssh-server');
	if (!(await has('ssh'))) missing.push('openssh-client');
	// npm run dist strips Node's symbols from the executables it builds
	if (!(await has('strip'))) missing.push('binutils');
	if (!(await has('aarch64-linux-gnu-strip'))) missing.push('binutils-aarch64-linux-gnu');
	if (missing.length === 0) return;
	if (process.getuid?.() !== 0)
		throw new Error(`missing ${missing.join(', ')}: install them (sudo apt-get install -y ${missing.join(' ')}) or run the tests as root`);
	log(`installing ${missing.join(', ')} from Debian (first run on this machine)…`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	await run('apt-get', ['update', '-qq'], { env, maxBuffer: 64 << 20 });
	await run('apt-get', ['install', '-y', '-qq', ...missing], { env, maxBuffer: 64 << 20 });
}

/** Runs the docker CLI against an engine; resolves with stdout, rejects with stderr in the message. */
export async function dockerCli(
	host: string,
	args: readonly string[],
	options: { input?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<string> {
	return await new Promise((resolve, reject) => {
		const child = spawn('docker', ['-H', host, ...args], {
			env: { ...process.env, DOCKER_CONFIG: path.join(os.tmpdir(), 'dockdeck-test-cli'), ...options.env },
		});
		let out = '';
		let err = '';
		child.stdout.on('data', d => (out += d));
		child.stderr.on('data', d => (err += d));
		child.on('error', reject);
		child.on('close', code =>
			code === 0 ? resolve(out.trim()) : reject(new Error(`docker ${args.join(' ')} exited ${code}: ${err.trim()}`)),
		);
		// the CLI may exit before it reads its stdin: that EPIPE is not the test's failure
		child.stdin.on('error', () => undefined);
		child.stdin.end(options.input ?? '');
	});
}

async function waitForEngine(host: string, daemon: ChildProcess, logFile: string, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (daemon.exitCode !== null) break;
		try {
			await dockerCli(host, ['version', '--format', '{{.Server.Version}}']);
			return;
		} catch {
			await new Promise(r => setTimeout(r, 100));
		}
	}
	const tail = (await fsp.readFile(logFile, 'utf8').catch(() => '')).split('\n').slice(-15).join('\n');
	throw new Error(
		`dockerd did not come up within ${timeoutMs / 1000}s${daemon.exitCode !== null ? ` (exited ${daemon.exitCode})` : ''}. Its log ends:\n${tail}`,
	);
}

/** Starts dockerd with the test flags, detached; the same dir can be started again after a stop (restart tests). */
/** The daemon's TLS listener when the engine has certificates (tls/port in its folder): the same on every restart. */
function tlsArgs(dir: string): string[] {
	const port = fs.existsSync(path.join(dir, 'tls', 'port')) ? fs.readFileSync(path.join(dir, 'tls', 'port'), 'utf8').trim() : '';
	if (!port) return [];
	const at = (f: string) => path.join(dir, 'tls', `engine-${f}`);
	return [
		'-H',
		`tcp://127.0.0.1:${port}`,
		'--tlsverify',
		'--tlscacert',
		at('ca.pem'),
		'--tlscert',
		at('server-cert.pem'),
		'--tlskey',
		at('server-key.pem'),
	];
}

/** A TCP port nothing listens on now. */
async function freePort(): Promise<number> {
	const server = net.createServer();
	await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
	const port = (server.address() as net.AddressInfo).port;
	await new Promise(r => server.close(r));
	return port;
}

export async function startDaemon(dir: string): Promise<{ host: string; socket: string }> {
	const socket = path.join(dir, 'docker.sock');
	const host = `unix://${socket}`;
	const logFile = path.join(dir, 'dockerd.log');
	const out = fs.openSync(logFile, 'a');
	const daemon = spawn(
		'dockerd',
		[
			'--data-root',
			path.join(dir, 'data'),
			'--exec-root',
			path.join(dir, 'exec'),
			'--pidfile',
			path.join(dir, 'pid'),
			'-H',
			host,
			'--iptables=false',
			'--bridge=none',
			'--storage-driver=overlay2',
			'--containerd-namespace',
			'dockdeck-test',
			'--containerd-plugins-namespace',
			'dockdeck-test-plugins',
			...tlsArgs(dir),
		],
		{ stdio: ['ignore', out, out], detached: true },
	);
	fs.closeSync(out);
	daemon.unref();
	await waitForEngine(host, daemon, logFile, 30_000);
	return { host, socket };
}

const alive = (pid: number) => {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
};

/** Stops the dockerd whose pidfile is in `dir`: SIGTERM (or the signal given), then SIGKILL after 15 s. */
export async function stopDaemon(dir: string, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
	const pid = Number(await fsp.readFile(path.join(dir, 'pid'), 'utf8').catch(() => '0'));
	if (!pid || !alive(pid)) return;
	process.kill(pid, signal);
	const deadline = Date.now() + 15_000;
	while (alive(pid)) {
		if (Date.now() > deadline) process.kill(pid, 'SIGKILL');
		await new Promise(r => setTimeout(r, 50));
	}
	if (signal === 'SIGKILL') {
		await fsp.rm(path.join(dir, 'pid'), { force: true });
		// the containerd that dockerd started outlives it and would block the next dockerd; on a real
		// host it is a service of its own, restarted with the engine
		const pattern = `containerd --config ${dir}/exec/containerd`;
		await run('pkill', ['-9', '-f', pattern]).catch(() => undefined);
		for (
			let i = 0;
			i < 100 &&
			(await run('pgrep', ['-f', pattern]).then(
				() => true,
				() => false,
			));
			i++
		)
			await new Promise(r => setTimeout(r, 50));
		// its pid file and sockets would make the next dockerd wait for a containerd that is gone
		await run('sh', [
			'-c',
			`rm -f ${dir}/exec/containerd/containerd.pid ${dir}/exec/containerd/containerd.sock ${dir}/exec/containerd/containerd.sock.ttrpc`,
		]).catch(() => undefined);
	}
}

/** Names of the fixtures every engine test can rely on. */
export const FIXTURES = {
	baseImage: 'dockdeck-base:latest',
	demoImage: 'dockdeck-demo:1',
	ticker: 'dd-ticker',
	shell: 'dd-shell',
	exited: 'dd-exited',
} as const;

/**
 * A busybox root filesystem, docker-imported, a small image with ENV, WORKDIR, COPY, RUN and CMD on
 * it, the three containers most tests use, and around them a host that has lived (lived-in.ts).
 */
export async function makeFixtures(host: string, dir: string): Promise<void> {
	const root = path.join(dir, 'rootfs');
	await fsp.mkdir(path.join(root, 'bin'), { recursive: true });
	for (const sub of ['tmp', 'etc', 'root', 'proc', 'sys', 'dev']) await fsp.mkdir(path.join(root, sub), { recursive: true });
	const busybox = fs.existsSync('/bin/busybox') ? '/bin/busybox' : (await run('sh', ['-c', 'command -v busybox'])).stdout.trim();
	await fsp.copyFile(busybox, path.join(root, 'bin', 'busybox'));
	await fsp.chmod(path.join(root, 'bin', 'busybox'), 0o755);
	const applets = (await run(busybox, ['--list'])).stdout.split('\n').filter(a => a && a !== 'busybox');
	for (const applet of applets) await fsp.symlink('busybox', path.join(root, 'bin', applet)).catch(() => undefined);
	await fsp.writeFile(path.join(root, 'etc', 'passwd'), 'root:x:0:0:root:/root:/bin/sh\n');
	const tarball = path.join(dir, 'rootfs.tar');
	await run('tar', ['-C', root, '-cf', tarball, '.']);
	await dockerCli(host, ['import', '-c', 'CMD ["/bin/sh"]', tarball, FIXTURES.baseImage]);
	const docker = (args: readonly string[], options?: { input?: string; env?: NodeJS.ProcessEnv }) => dockerCli(host, args, options);
	await seedLivedIn(docker, dir, FIXTURES.baseImage);

	const context = path.join(dir, 'context');
	await fsp.mkdir(context, { recursive: true });
	await fsp.writeFile(path.join(context, 'hello.txt'), 'hello from the build context\n');
	await fsp.writeFile(
		path.join(context, 'Dockerfile'),
		[
			`FROM ${FIXTURES.baseImage}`,
			'ENV GREETING=hello',
			'WORKDIR /app',
			'COPY hello.txt /app/',
			'RUN echo built > /app/built.txt',
			'CMD ["sh", "-c", "while true; do echo tick; sleep 1; done"]',
			'',
		].join('\n'),
	);
	await dockerCli(host, ['build', '-q', '-t', FIXTURES.demoImage, context], { env: { DOCKER_BUILDKIT: '0' } });
	await seedLivedInOnDemo(docker, dir, FIXTURES.demoImage);
	// sh as PID 1 ignores SIGTERM: a short stop timeout keeps daemon restarts in tests quick
	await dockerCli(host, ['run', '-d', '--stop-timeout', '1', '--name', FIXTURES.ticker, FIXTURES.demoImage]);
	await dockerCli(host, ['run', '-dit', '--stop-timeout', '1', '--name', FIXTURES.shell, FIXTURES.demoImage, 'sh']);
	await dockerCli(host, ['run', '--name', FIXTURES.exited, FIXTURES.demoImage, 'sh', '-c', 'exit 3']).catch(error => {
		if (!/exited 3/.test(String(error))) throw error;
	});
}

/** Unmounts what an engine left mounted under `dir` and removes it. */
async function removeEngineDir(dir: string): Promise<void> {
	await run('sh', ['-c', `grep -o " ${dir}[^ ]*" /proc/mounts | sort -r | xargs -r -n1 umount -l`]).catch(() => undefined);
	await fsp.rm(dir, { recursive: true, force: true, maxRetries: 3 });
}

/** The file a test run leaves in each engine folder it makes: which process made it, and when that process started. */
const RUN_FILE = 'dockdeck-test-run.json';
const RUN_MAGIC = 'dockdeck test engine';

/** When a process started, in clock ticks since boot (field 22 of /proc/PID/stat): a reused pid has another. */
function startTicks(pid: number): string | undefined {
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
		return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
	} catch {
		return undefined;
	}
}

/** Marks a folder as made by this test run. */
async function claim(dir: string): Promise<void> {
	await fsp.writeFile(path.join(dir, RUN_FILE), JSON.stringify({ magic: RUN_MAGIC, pid: process.pid, started: startTicks(process.pid) }));
}

/**
 * Whether a folder is a test engine that a run made and whose runner is gone: it holds the run's
 * file, and the process named there is dead (or its pid now belongs to a process that started
 * later). A folder without the file was not made by a test run, whatever its name: never touched.
 */
export function abandonedTestEngine(dir: string): boolean {
	let run: { magic?: unknown; pid?: unknown; started?: unknown };
	try {
		run = JSON.parse(fs.readFileSync(path.join(dir, RUN_FILE), 'utf8')) as typeof run;
	} catch {
		return false;
	}
	if (run.magic !== RUN_MAGIC || typeof run.pid !== 'number') return false;
	return !alive(run.pid) || (typeof run.started === 'string' && startTicks(run.pid) !== run.started);
}

/**
 * Removes test engines whose runner died without stopping them (killed at a time limit, say):
 * their daemon, the container shims that still run for it, their mounts and folder. Only folders
 * a test run provably made (abandonedTestEngine) are swept; engines started by hand under the same
 * prefix are left alone, running or not.
 */
export async function sweepStaleEngines(log: (line: string) => void, root = '/tmp'): Promise<void> {
	for (const name of await fsp.readdir(root).catch(() => [] as string[])) {
		if (!name.startsWith('ddk-')) continue;
		const dir = path.join(root, name);
		if (!abandonedTestEngine(dir)) continue;
		log(`removing a test engine left behind by a run that did not finish: ${dir}`);
		await stopDaemon(dir, 'SIGKILL').catch(() => undefined);
		await run('sh', ['-c', `pgrep -f 'containerd-shim.*${dir}' | xargs -r kill -9`]).catch(() => undefined);
		await removeEngineDir(dir).catch(() => undefined);
	}
}

/** Starts a fresh test engine with fixtures. */
export async function startEngine(log: (line: string) => void = () => undefined): Promise<TestEngine> {
	await ensureTools(log);
	await sweepStaleEngines(log);
	const dir = await fsp.mkdtemp('/tmp/ddk-'); // short: unix socket paths are limited to 107 bytes
	await claim(dir);
	const tls = makeCertificates(path.join(dir, 'tls'), 'engine');
	const port = await freePort();
	await fsp.writeFile(path.join(dir, 'tls', 'port'), String(port));
	const started = Date.now();
	const { host, socket } = await startDaemon(dir);
	log(`engine up at ${host} in ${Date.now() - started} ms`);
	await makeFixtures(host, dir);
	log(`fixtures ready in ${Date.now() - started} ms`);
	return {
		host,
		socket,
		dir,
		tlsHost: `tcp://127.0.0.1:${port}`,
		tlsCerts: tls.clientDir,
		async stop() {
			await dockerCli(host, ['ps', '-aq']).then(
				ids => (ids ? dockerCli(host, ['rm', '-f', ...ids.split('\n')]) : ''),
				() => '',
			);
			await stopDaemon(dir);
			await removeEngineDir(dir);
		},
	};
}

/**
 * Builds with BuildKit through the API (`POST /build?version=2` with the context as a tar body),
 * which leaves build cache records behind as a real `docker build` does. No network: the test
 * engine has no bridge. Resolves with the engine's stream of messages; rejects on a build error.
 */
export async function buildKitBuild(
	host: string,
	dockerfile: string,
	tag: string,
	files: Readonly<Record<string, string>> = {},
): Promise<void> {
	const [{ default: tar }, { clientFor }, { resolveEndpoint }] = await Promise.all([
		import('tar-stream'),
		import('../../source/docker/client.js'),
		import('../../source/docker/endpoint.js'),
	]);
	const pack = tar.pack();
	pack.entry({ name: 'Dockerfile' }, dockerfile);
	for (const [name, body] of Object.entries(files)) pack.entry({ name }, body);
	pack.finalize();
	const api = clientFor(resolveEndpoint(host, {}), { version: 'v1.41' });
	const stream = (await api.buildImage(
		pack as unknown as NodeJS.ReadableStream,
		{ t: tag, version: '2', networkmode: 'none' } as never,
	)) as unknown as NodeJS.ReadableStream;
	await new Promise<void>((resolve, reject) =>
		api.modem.followProgress(stream, (error: Error | null, messages: { error?: string }[]) => {
			const failed = error ?? messages.find(m => m.error);
			if (failed) reject(new Error(`BuildKit build of ${tag} failed: ${failed instanceof Error ? failed.message : failed.error}`));
			else resolve();
		}),
	);
}
