import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FIXTURES } from '../support/engine.js';
import { KEYS, Screen } from '../support/pty.js';
import { requireEngine, uniqueName, type EngineHandle } from '../support/test-engine.js';

const exists = (h: EngineHandle, ref: string) =>
	h.docker('image', 'inspect', '-f', '{{.Id}}', ref).then(
		() => true,
		() => false,
	);

test('tag an image, untag the new name, and the image stays; a bad name changes nothing', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const repo = uniqueName('learn/base');
	t.after(() => h.docker('rmi', `${repo}:v2`).catch(() => undefined));
	const screen = new Screen(['--host', h.host], { cols: 120, rows: 40 });
	t.after(() => screen.kill('SIGKILL'));
	await screen.waitFor(FIXTURES.baseImage);
	await screen.press('2');
	await screen.select('dockdeck-base');
	await screen.press('t');
	await screen.waitFor('New name for dockdeck-base:latest (repository[:tag]):');
	await screen.press(...'Bad/Name:1', KEYS.enter);
	await screen.waitFor('Not tagged: "Bad" has uppercase letters: repository names must be lowercase.');
	await screen.press('t', ...`${repo}:v2`, KEYS.enter);
	await screen.waitFor(`as ${repo}:v2 (docker tag`);
	assert.equal(await exists(h, `${repo}:v2`), true);

	await screen.press(KEYS.escape, '/', ...repo, KEYS.enter);
	await screen.waitFor(`${repo}:v2`);
	await screen.press('d');
	await screen.waitFor(`Untag ${repo}:v2?`);
	// the base image of a host that has lived has other names too: every one is listed
	await screen.waitFor(s =>
		s.replace(/[│\n]/g, '').replace(/\s+/g, ' ').includes('Only this name goes: the image stays, still tagged dockdeck-base:latest,'),
	);
	await screen.press(KEYS.enter);
	await screen.waitFor(`Removed ${repo}:v2: untagged 1; the image stays`);
	assert.equal(await exists(h, `${repo}:v2`), false);
	assert.equal(await exists(h, FIXTURES.baseImage), true);
});

test('an image used by a stopped container needs force; one used by a running container is refused', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const source = uniqueName('dd-src');
	const user = uniqueName('dd-user');
	const image = `${uniqueName('dd-img')}:1`;
	t.after(async () => {
		await h.docker('rm', '-f', source, user).catch(() => undefined);
		await h.docker('rmi', '-f', image).catch(() => undefined);
	});
	await h.docker('create', '--name', source, FIXTURES.demoImage, 'sh', '-c', 'echo x > /new-file');
	await h.docker('start', '-a', source);
	await h.docker('commit', source, image);
	await h.docker('create', '--name', user, image);

	const screen = new Screen(['--host', h.host], { cols: 120, rows: 40 });
	t.after(() => screen.kill('SIGKILL'));
	await screen.waitFor(image.split(':')[0]!);
	await screen.press('2');
	await screen.select(image.split(':')[0]!);
	await screen.press('d');
	await screen.waitFor(`Remove image ${image}?`);
	await screen.waitFor(`Used by 1 container: ${user}.`);
	await screen.press(KEYS.enter);
	await screen.waitFor(`Stopped containers use it (${user}): press f to force`);
	assert.equal(await exists(h, image), true, 'Enter without force removed nothing');
	await screen.press('f');
	await screen.waitFor(`$ docker rmi -f ${image}`);
	await screen.press(KEYS.enter);
	await screen.waitFor(`Removed ${image}: untagged 1`);
	assert.equal(await exists(h, image), false);

	await screen.press(KEYS.escape, '/', ...'dockdeck-demo', KEYS.enter);
	await screen.press('d');
	await screen.waitFor(`Remove image ${FIXTURES.demoImage}?`);
	await screen.waitFor('Docker refuses while a running container uses it, even with force');
	assert.ok(!(await screen.text()).includes('f force'), 'no force is offered where docker would refuse it');
	await screen.press('f', KEYS.enter);
	await new Promise(r => setTimeout(r, 300));
	assert.equal(await exists(h, FIXTURES.demoImage), true);
	await screen.press(KEYS.escape);
	await screen.waitFor(`Cancelled: ${FIXTURES.demoImage} is unchanged.`);
});
