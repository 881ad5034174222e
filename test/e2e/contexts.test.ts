import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { FIXTURES } from '../support/engine.js';
import { Screen } from '../support/pty.js';
import { requireEngine } from '../support/test-engine.js';

/** A temporary HOME with a docker context store, and a way to add contexts to it (with TLS files when given). */
function contextHome(t: { after(fn: () => void): void }): {
	home: string;
	dockerConfig: string;
	add(name: string, host: string, tls?: string): void;
} {
	const home = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-home-'));
	t.after(() => fs.rmSync(home, { recursive: true, force: true }));
	const dockerConfig = path.join(home, '.docker');
	const add = (name: string, host: string, tls?: string) => {
		const id = createHash('sha256').update(name).digest('hex');
		fs.mkdirSync(path.join(dockerConfig, 'contexts', 'meta', id), { recursive: true });
		fs.writeFileSync(
			path.join(dockerConfig, 'contexts', 'meta', id, 'meta.json'),
			JSON.stringify({ Name: name, Metadata: {}, Endpoints: { docker: { Host: host, SkipTLSVerify: false } } }),
		);
		if (tls) fs.cpSync(tls, path.join(dockerConfig, 'contexts', 'tls', id, 'docker'), { recursive: true });
	};
	return { home, dockerConfig, add };
}

test('a docker context names the engine: DOCKER_CONTEXT and --context reach it, the header names the context, config settings apply by context name', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const { home, dockerConfig, add } = contextHome(t);
	add('lab', h.host);
	const configFile = path.join(home, 'dockdeck.json');
	fs.writeFileSync(configFile, JSON.stringify({ engines: { lab: { production: true } } }));
	const env = { HOME: home, DOCKER_CONFIG: dockerConfig, DOCKER_HOST: '', DOCKDECK_CONFIG: configFile };

	const viaEnv = new Screen([], { cols: 120, rows: 40, env: { ...env, DOCKER_CONTEXT: 'lab' } });
	t.after(() => viaEnv.kill('SIGKILL'));
	const text = await viaEnv.waitFor(FIXTURES.ticker);
	assert.match(
		text.split('\n')[0]!,
		new RegExp(`^dockdeck PRODUCTION {2}\\[read-only\\] · lab · ${h.host.replace(/[/.]/g, '\\$&')}`),
		text.split('\n')[0],
	);
	await viaEnv.press('q');
	assert.equal(await viaEnv.exited, 0);

	const viaFlag = new Screen(['--context', 'lab'], { cols: 120, rows: 40, env });
	t.after(() => viaFlag.kill('SIGKILL'));
	await viaFlag.waitFor(s => s.includes(FIXTURES.ticker) && s.includes(' · lab · '));
	await viaFlag.press('q');
	assert.equal(await viaFlag.exited, 0);

	const missing = new Screen(['--context', 'nowhere'], { cols: 120, rows: 20, env });
	assert.equal(await missing.exited, 2);
	assert.match(await missing.text(), /dockdeck: context "nowhere" \(from --context\) does not exist: docker context ls lists the contexts/);
});

test(': switches to another context without a restart; a context that cannot be reached leaves the current one in place', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const { home, dockerConfig, add } = contextHome(t);
	add('lab', h.host);
	add('lab-tls', h.tlsHost, h.tlsCerts);
	add('dead', 'tcp://127.0.0.1:1');
	const screen = new Screen(['--context', 'lab'], {
		cols: 140,
		rows: 40,
		env: { HOME: home, DOCKER_CONFIG: dockerConfig, DOCKER_HOST: '' },
	});
	t.after(() => screen.kill('SIGKILL'));
	await screen.waitFor(s => s.includes(FIXTURES.ticker) && s.includes(' · lab · '));
	await screen.press(':');
	await screen.waitFor('Switch to context (default, dead, lab, lab-tls; now lab)');
	await screen.press(...'lab-tls', '\r');
	const text = await screen.waitFor(s => s.includes(` · lab-tls · ${h.tlsHost}`) && /detached/.test(s), 10_000);
	assert.ok(text.includes(FIXTURES.ticker), 'the same engine, now over TLS');
	await screen.press(':', ...'dead', '\r');
	await screen.waitFor(/Cannot switch to context dead: Nothing is listening at tcp:\/\/127\.0\.0\.1:1.*Still on lab-tls\./, 10_000);
	assert.ok((await screen.text()).includes(` · lab-tls · ${h.tlsHost}`), 'still on the context that works');
	await screen.press('q');
	assert.equal(await screen.exited, 0);
});
