import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { Screen } from '../support/pty.js';

async function runCli(args: string[]): Promise<{ code: number; text: string }> {
	const screen = new Screen(args, { cols: 120, rows: 60 });
	const code = await screen.exited;
	return { code, text: await screen.text() };
}

const noStackTrace = (text: string) => assert.ok(!/\n\s+at .+:\d+:\d+/.test(text), `no stack trace in:\n${text}`);

test('no socket: names the address tried and how to start the daemon', async () => {
	const { code, text } = await runCli(['--host', 'unix:///nonexistent/docker.sock']);
	assert.equal(code, 1);
	assert.match(text, /No Docker engine at unix:\/\/\/nonexistent\/docker\.sock/);
	assert.match(text, /Fix: Start the daemon/);
	noStackTrace(text);
});

test('a socket nobody listens on: connection refused, with the fix', async t => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-dead-'));
	t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
	const socket = path.join(dir, 'dead.sock');
	const server = net.createServer().listen(socket);
	await new Promise(r => server.once('listening', r));
	server.close(); // leaves no listener; recreate the file as a plain stale socket path
	fs.writeFileSync(socket, '');
	const { code, text } = await runCli(['--host', `unix://${socket}`]);
	assert.equal(code, 1);
	assert.match(text, /unix:\/\/.*dead\.sock/);
	assert.match(text, /Fix: /);
	noStackTrace(text);
});

test('nothing listening on a TCP port, and a host that does not resolve', async () => {
	const refused = await runCli(['--host', 'tcp://127.0.0.1:1']);
	assert.equal(refused.code, 1);
	assert.match(refused.text, /Nothing is listening at tcp:\/\/127\.0\.0\.1:1/);
	const unknown = await runCli(['--host', 'tcp://no-such-host.invalid:2375']);
	assert.equal(unknown.code, 1);
	assert.match(unknown.text, /cannot be resolved/);
});

test('bad flags and addresses are one-line usage errors with exit code 2', async () => {
	const bad = await runCli(['--host', 'bogus://x']);
	assert.equal(bad.code, 2);
	assert.match(bad.text, /dockdeck: --host "bogus:\/\/x" uses bogus:\/\/, which dockdeck does not support/);
	const unknownFlag = await runCli(['--frobnicate']);
	assert.equal(unknownFlag.code, 2);
	assert.match(unknownFlag.text, /Unknown flag/);
	const keys = await runCli(['--detach-keys', 'alt-x']);
	assert.equal(keys.code, 2);
	assert.match(keys.text, /dockdeck: --detach-keys: detach key "alt-x" is not valid: use a comma-separated list such as ctrl-p,ctrl-q/);
	const buffer = await runCli(['--log-buffer', 'lots']);
	assert.equal(buffer.code, 2);
	assert.match(buffer.text, /--log-buffer "lots" is not valid: give a whole number of lines from 100 to 1000000/);
	const extra = await runCli(['ps']);
	assert.equal(extra.code, 2);
	assert.match(extra.text, /unexpected argument "ps"/);
	const stray = await runCli(['--no-cache']);
	assert.equal(stray.code, 2);
	assert.match(stray.text, /--no-cache goes with dockdeck build PATH/);
	const noPath = await runCli(['build']);
	assert.equal(noPath.code, 2);
	assert.match(noPath.text, /dockdeck build needs the folder to build: dockdeck build PATH/);
	const readOnlyBuild = await runCli(['build', '.', '--read-only']);
	assert.equal(readOnlyBuild.code, 2);
	assert.match(readOnlyBuild.text, /cannot go with --read-only/);
	noStackTrace(bad.text + unknownFlag.text + extra.text);
});

test('--help and --version answer without an engine', async () => {
	const help = await runCli(['--help']);
	assert.equal(help.code, 0);
	assert.match(help.text, /--host <address>/);
	assert.match(help.text, /--read-only/);
	const version = await runCli(['--version']);
	assert.equal(version.code, 0);
	assert.match(version.text, /^\d+\.\d+\.\d+/m);
});
