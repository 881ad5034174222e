// An sshd on a loopback port, for the tests that reach the engine over ssh://.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { eventually } from './test-engine.js';

/** An sshd on a loopback port whose root login (by key) reaches the test engine, and an ssh config for it. */
export async function startSshd(socket: string): Promise<{ port: number; sshArgs: string; log: string; stop(): void; dir: string }> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-sshd-'));
	const keygen = (file: string) => execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', path.join(dir, file)]);
	keygen('host_key');
	keygen('id');
	fs.copyFileSync(path.join(dir, 'id.pub'), path.join(dir, 'authorized_keys'));
	const probe = net.createServer();
	await new Promise<void>(r => probe.listen(0, '127.0.0.1', r));
	const port = (probe.address() as net.AddressInfo).port;
	await new Promise(r => probe.close(r));
	fs.writeFileSync(
		path.join(dir, 'sshd_config'),
		[
			`Port ${port}`,
			'ListenAddress 127.0.0.1',
			`HostKey ${dir}/host_key`,
			`PidFile ${dir}/sshd.pid`,
			`AuthorizedKeysFile ${dir}/authorized_keys`,
			'PasswordAuthentication no',
			'KbdInteractiveAuthentication no',
			'PermitRootLogin prohibit-password',
			'StrictModes no',
			'UsePAM no',
			'LogLevel INFO',
			`SetEnv DOCKER_HOST=unix://${socket}`,
			'',
		].join('\n'),
	);
	fs.writeFileSync(
		path.join(dir, 'ssh_config'),
		[
			'Host 127.0.0.1',
			`  Port ${port}`,
			`  IdentityFile ${dir}/id`,
			'  IdentitiesOnly yes',
			'  StrictHostKeyChecking no',
			'  UserKnownHostsFile /dev/null',
			'  LogLevel ERROR',
			'',
		].join('\n'),
	);
	fs.mkdirSync('/run/sshd', { recursive: true });
	const log = path.join(dir, 'sshd.log');
	const sshd = spawn('/usr/sbin/sshd', ['-D', '-f', path.join(dir, 'sshd_config'), '-E', log], { stdio: 'ignore' });
	await eventually(
		'sshd listening',
		() =>
			new Promise<boolean>(resolve =>
				net
					.connect(port, '127.0.0.1')
					.on('connect', function (this: net.Socket) {
						this.destroy();
						resolve(true);
					})
					.on('error', () => resolve(false)),
			),
		5000,
		50,
	);
	return {
		port,
		dir,
		log,
		sshArgs: `-F ${dir}/ssh_config`,
		stop: () => {
			sshd.kill();
			fs.rmSync(dir, { recursive: true, force: true });
		},
	};
}
