import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { shellWord } from '../format/argv.js';
import { T } from '../i18n/index.js';

export interface SshTarget {
	readonly host: string;
	readonly port?: number;
	readonly username?: string;
}

/** How dockdeck logs in: the user's ssh options, then a port and user only when the address named them. */
export function sshLogin(target: SshTarget, env: NodeJS.ProcessEnv = process.env): string[] {
	const extra = (env.DOCKDECK_SSH_ARGS ?? '').split(/\s+/).filter(Boolean);
	return [...extra, ...(target.port ? ['-p', String(target.port)] : []), ...(target.username ? ['-l', target.username] : []), target.host];
}

/** The command to try by hand when the login fails: the same login, asking for docker's version. */
export function sshTryCommand(target: SshTarget, env: NodeJS.ProcessEnv = process.env): string {
	return ['ssh', ...sshLogin(target, env).map(shellWord), 'docker', 'version'].join(' ');
}

export interface SshBridge {
	/** A local socket that behaves as the remote engine's: each connection is one channel to it. */
	readonly socketPath: string;
	/** What ssh last said on stderr (why a connection failed: auth, host key, no docker there). */
	lastError(): string;
	close(): void;
}

/**
 * Reaches an engine over ssh:// as the docker CLI does: each connection runs `docker system
 * dial-stdio` on the remote host. The system ssh is used, so the user's agent, keys, known hosts and
 * ~/.ssh/config apply, and one master connection (OpenSSH ControlMaster) carries every channel: the
 * handshake happens once per session, not once per request. DOCKDECK_SSH_ARGS adds ssh options.
 */
export async function sshBridge(target: SshTarget, env: NodeJS.ProcessEnv = process.env): Promise<SshBridge> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockdeck-ssh-'));
	const socketPath = path.join(dir, 'engine.sock');
	const control = path.join(dir, 'master');
	const login = ['-o', 'BatchMode=yes', ...sshLogin(target, env)];
	let lastError = '';
	// The master connection first, in the background (-f -N), so that it is up and stays put (and ends
	// 5 minutes after its last channel if dockdeck could not say goodbye): letting
	// the first channel become the master (ControlMaster=auto) raced with the next channels when that
	// first one ended, and some made a login of their own.
	const master = spawn(
		'ssh',
		['-o', 'ControlMaster=yes', '-o', `ControlPath=${control}`, '-o', 'ControlPersist=300', '-f', '-N', ...login],
		{ stdio: ['ignore', 'ignore', 'pipe'] },
	);
	let masterSaid = '';
	master.stderr.on('data', (chunk: Buffer) => (masterSaid += chunk.toString('utf8')));
	const up = await new Promise<boolean>(resolve => {
		master.on('error', error => {
			masterSaid = T.misc.streams.sshNotRun(error.message);
			resolve(false);
		});
		master.on('close', code => resolve(code === 0));
	});
	if (!up) lastError = masterSaid.trim().split('\n').at(-1) ?? 'ssh failed';
	// ssh -f returns once logged in; its control socket can appear a moment later
	for (let i = 0; up && i < 250 && !fs.existsSync(control); i++) await new Promise(r => setTimeout(r, 20));
	const base = ['-o', 'ControlMaster=no', '-o', `ControlPath=${control}`, ...login];
	const server = net.createServer(connection => {
		if (!up) return void connection.destroy();
		const child = spawn('ssh', [...base, '--', 'docker', 'system', 'dial-stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
		child.stderr.on('data', (chunk: Buffer) => {
			const text = chunk.toString('utf8').trim();
			if (text) lastError = text.split('\n').at(-1)!;
		});
		connection.pipe(child.stdin);
		child.stdout.pipe(connection);
		const end = () => {
			connection.destroy();
			child.kill();
		};
		child.on('error', error => {
			lastError = T.misc.streams.sshNotRun(error.message);
			end();
		});
		child.on('close', () => connection.destroy());
		connection.on('error', end).on('close', () => child.kill());
		child.stdin.on('error', () => undefined);
	});
	await new Promise<void>((resolve, reject) => server.once('error', reject).listen(socketPath, resolve));
	server.unref();
	return {
		socketPath,
		lastError: () => lastError,
		close() {
			server.close();
			// the master connection ends with us
			spawn('ssh', ['-o', `ControlPath=${control}`, '-O', 'exit', target.host], { stdio: 'ignore' }).on('close', () =>
				fs.rmSync(dir, { recursive: true, force: true }),
			);
		},
	};
}
