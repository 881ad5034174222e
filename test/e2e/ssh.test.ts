import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { FIXTURES } from '../support/engine.js';
import { Screen } from '../support/pty.js';
import { startSshd } from '../support/sshd.js';
import { requireEngine } from '../support/test-engine.js';

test('ssh://: the dashboard over one SSH connection (one login however many requests and streams), lists within 3x of the socket, a failed login in one line', async t => {
	const h = requireEngine(t);
	if (!h) return;
	if (!fs.existsSync('/usr/sbin/sshd')) {
		if (process.env.CI) throw new Error('CI=true but sshd is missing: the test set-up installs openssh-server');
		return t.skip('no sshd here');
	}
	const sshd = await startSshd(h.host.replace('unix://', ''));
	t.after(() => sshd.stop());
	const host = `ssh://root@127.0.0.1:${sshd.port}`;
	const screen = new Screen(['--host', host], { cols: 120, rows: 40, env: { DOCKDECK_SSH_ARGS: sshd.sshArgs } });
	t.after(() => screen.kill('SIGKILL'));
	const text = await screen.waitFor(s => /detached/.test(s) && s.includes(FIXTURES.ticker), 15_000);
	// the engine's version follows when the line has room (the lived-in host's trouble text may take it)
	assert.match(text.split('\n')[0]!, new RegExp(`· default · ssh://root@127\\.0\\.0\\.1:${sshd.port} · (Docker|\\d+ unhealthy)`));
	// a stream (logs -f), back, the images panel (inspects): many requests and two long streams
	await screen.select(FIXTURES.ticker);
	await screen.press('l');
	await screen.waitFor(/tick/, 5000);
	await screen.press('\u001b', '\u001b', '2', 'j', 'j');
	await screen.waitFor('Image ');
	await screen.press('q');
	assert.equal(await screen.exited, 0);
	const logins = (fs.readFileSync(sshd.log, 'utf8').match(/Accepted publickey/g) ?? []).length;
	t.diagnostic(`ssh logins for the whole session: ${logins}`);
	assert.equal(logins, 1, 'one SSH connection carried every request and stream');

	// the same list over the socket and over ssh, in this process
	const [{ connectEngine }, { resolveEndpoint }] = await Promise.all([
		import('../../source/docker/client.js'),
		import('../../source/docker/endpoint.js'),
	]);
	process.env.DOCKDECK_SSH_ARGS = sshd.sshArgs;
	t.after(() => delete process.env.DOCKDECK_SSH_ARGS);
	const local = await connectEngine(resolveEndpoint(h.host, {}));
	const remote = await connectEngine(resolveEndpoint(host, {}));
	t.after(() => remote.close());
	const time = async (docker: typeof local.api) => {
		const all: number[] = [];
		for (let i = 0; i < 12; i++) {
			const start = performance.now();
			await docker.listContainers();
			all.push(performance.now() - start);
		}
		return all.slice(2).sort((a, b) => a - b)[5]!;
	};
	const overSocket = await time(local.api);
	const overSsh = await time(remote.api);
	t.diagnostic(
		`docker ps -a median: ${overSocket.toFixed(1)} ms over the socket, ${overSsh.toFixed(1)} ms over ssh (${(overSsh / overSocket).toFixed(1)}x)`,
	);
	assert.ok(
		overSsh <= 3 * overSocket + 5,
		`a list over ssh (${overSsh.toFixed(1)} ms) within 3x the socket (${overSocket.toFixed(1)} ms) plus the loopback round trip`,
	);

	// a key the server does not know: one line with the fix, exit 1
	const stranger = path.join(sshd.dir, 'stranger');
	execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', stranger]);
	fs.writeFileSync(
		path.join(sshd.dir, 'bad_config'),
		fs.readFileSync(path.join(sshd.dir, 'ssh_config'), 'utf8').replace(/IdentityFile .*/, `IdentityFile ${stranger}`),
	);
	const refused = new Screen(['--host', host], { cols: 120, rows: 20, env: { DOCKDECK_SSH_ARGS: `-F ${sshd.dir}/bad_config` } });
	assert.equal(await refused.exited, 1);
	const said = await refused.text();
	assert.match(said, /Cannot reach the engine at ssh:\/\/root@127\.0\.0\.1:\d+: ssh said: .*Permission denied/, said);
	assert.ok(
		said
			.replace(/\n/g, '')
			.includes(`Fix: Check that "ssh -F ${sshd.dir}/bad_config -p ${sshd.port} -l root 127.0.0.1 docker version" works without a prompt`),
		`the fix names the command dockdeck ran:\n${said}`,
	);
});

test('ssh://NAME uses the ssh config for NAME: its HostName, Port, User and IdentityFile apply, as for the docker CLI', async t => {
	const h = requireEngine(t);
	if (!h) return;
	if (!fs.existsSync('/usr/sbin/sshd')) {
		if (process.env.CI) throw new Error('CI=true but sshd is missing: the test set-up installs openssh-server');
		return t.skip('no sshd here');
	}
	const sshd = await startSshd(h.host.replace('unix://', ''));
	t.after(() => sshd.stop());
	// the ops engineer's way: a named host with its port and user in the config, and no port or user in the address
	const config = path.join(sshd.dir, 'named_config');
	fs.writeFileSync(
		config,
		[
			'Host acchost',
			'  HostName 127.0.0.1',
			`  Port ${sshd.port}`,
			'  User root',
			`  IdentityFile ${sshd.dir}/id`,
			'  IdentitiesOnly yes',
			'  StrictHostKeyChecking no',
			'  UserKnownHostsFile /dev/null',
			'  LogLevel ERROR',
			'',
		].join('\n'),
	);
	const screen = new Screen(['--host', 'ssh://acchost'], { cols: 120, rows: 40, env: { DOCKDECK_SSH_ARGS: `-F ${config}` } });
	t.after(() => screen.kill('SIGKILL'));
	const text = await screen.waitFor(s => /detached/.test(s) && s.includes(FIXTURES.ticker), 15_000);
	assert.match(text.split('\n')[0]!, /· default · ssh:\/\/acchost · /);
	await screen.press('q');
	assert.equal(await screen.exited, 0);
	assert.equal(
		(fs.readFileSync(sshd.log, 'utf8').match(/Accepted publickey for root/g) ?? []).length,
		1,
		"logged in as the config's User, on its Port",
	);
});
