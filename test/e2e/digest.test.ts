import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FIXTURES } from '../support/engine.js';
import { KEYS, Screen } from '../support/pty.js';
import { startRegistry } from '../support/registry.js';
import { requireEngine } from '../support/test-engine.js';

const flat = (screen: string) => screen.replace(/[│╭╮╰╯─]/g, ' ').replace(/\s+/g, ' ');

test('an image pushed to a registry has a digest: learn mode shows its name@sha256 reference and why production pins it; the playground pulls it only after a yes', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const registry = await startRegistry();
	t.after(() => registry.close());
	const ref = `${registry.host}/learn/app:1`;
	await h.docker('tag', FIXTURES.demoImage, ref);
	t.after(() => h.docker('rmi', ref).catch(() => undefined));
	await h.docker('push', ref);
	const digests = JSON.parse(await h.docker('image', 'inspect', '--format', '{{json .RepoDigests}}', ref)) as string[];
	const digest = digests.find(d => d.startsWith(`${registry.host}/learn/app@sha256:`));
	assert.ok(digest, `docker push gave no digest: ${JSON.stringify(digests)}`);

	const screen = new Screen(['--host', h.host, '--learn'], { cols: 140, rows: 50 });
	t.after(() => screen.kill('SIGKILL'));
	await screen.waitFor('dockdeck-demo');
	await screen.press('2');
	await screen.select('learn/app');
	let text = await screen.waitFor(s => flat(s).includes(`reads as: registry ${registry.host}, namespace learn, repository app, tag 1.`));
	text = await screen.waitFor(s => flat(s).includes(`Its digest reference ${digest} names exactly this content`), 5000);
	assert.match(flat(text), /a tag can later point at another image, a digest cannot, which is why production deployments pin the digest/);
	assert.ok(flat(text).includes(`$ docker pull ${digest}`));
	// the detail pane spells the reference out and lists the digest
	await screen.press('L');
	text = await screen.waitFor(`Reference    ${registry.host}/learn/app:1`);
	for (let i = 0; i < 5 && !(await screen.text()).includes(digest); i++) await screen.press(']');
	await screen.waitFor(digest);
	await screen.press(KEYS.escape, 'q');
	assert.equal(await screen.exited, 0);

	// the tag is removed here; the playground finds it missing and asks before pulling it back
	await h.docker('rmi', ref);
	const before = registry.pulls.length;
	const play = new Screen([], { shell: `$DOCKDECK --host ${h.host} playground --image ${ref}` });
	t.after(() => play.kill('SIGKILL'));
	t.after(() => h.docker('rm', '-f', 'playground-ticker', 'playground-shell', 'playground-exited').catch(() => undefined));
	await play.waitFor(`${ref} is not on this engine. Pull it from its registry? [y/N]`);
	assert.equal(registry.pulls.length, before, 'something was pulled before the answer');
	await play.press('y', '\r');
	assert.equal(await play.exited, 0, await play.text());
	assert.match(await play.text(), new RegExp(`Made 3 practice containers from ${ref.replace(/[.:/]/g, '\\$&')}`));
	assert.ok(
		registry.pulls.some(p => p.startsWith('manifest learn/app')),
		`no pull reached the registry: ${registry.pulls.join(', ')}`,
	);
	const image = JSON.parse(await h.docker('inspect', '--format', '{{json .Config.Image}}', 'playground-ticker')) as string;
	assert.equal(image, ref);
});
