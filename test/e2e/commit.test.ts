import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FIXTURES } from '../support/engine.js';
import { KEYS, rowOf, Screen } from '../support/pty.js';
import { requireEngine, uniqueName } from '../support/test-engine.js';

test('commit through the keys: bad input is flagged inline, the new image has one more layer and the CMD change', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const name = uniqueName('dd-commit');
	const repo = uniqueName('snap');
	t.after(async () => {
		await h.docker('rm', '-f', name).catch(() => undefined);
		// the --rm container may still be going away: force, or a later test sees an extra image
		await h.docker('rmi', '-f', `${repo}:1`).catch(() => undefined);
	});
	await h.docker('run', '-d', '--stop-timeout', '1', '--name', name, FIXTURES.demoImage);
	await h.docker('exec', name, 'sh', '-c', 'echo kept > /state.txt');
	const screen = new Screen(['--host', h.host], { cols: 120, rows: 40 });
	t.after(() => screen.kill('SIGKILL'));
	await screen.waitFor(name);
	await screen.select(name);
	await screen.press('C');
	await screen.waitFor(`Commit ${name} as (repository[:tag]):`);
	await screen.press(...'Snap', KEYS.enter);
	await screen.waitFor('"Snap" has uppercase letters: repository names must be lowercase');
	await screen.press(...Array<string>(4).fill(KEYS.backspace), ...`${repo}:1`, KEYS.enter);
	await screen.waitFor('Message (docker commit -m; Enter for none):');
	await screen.press(...'kept state', KEYS.enter);
	await screen.waitFor('Author (docker commit -a; Enter for none):');
	await screen.press(KEYS.enter);
	await screen.waitFor('Changes (-c)');
	await screen.press(...'RUN rm -rf /', KEYS.enter);
	await screen.waitFor('"RUN rm -rf /" is not a change commit accepts');
	await screen.press(...Array<string>(12).fill(KEYS.backspace), ...'CMD ["cat", "/state.txt"]', KEYS.enter);
	await screen.waitFor(`Committed ${name} as ${repo}:1`, 5000);
	const text = await screen.waitFor(s => s.includes(`3 Layers of ${repo}:1`), 3000); // selected in the images panel
	assert.match(rowOf(text, `${repo}:1`), /\s0$|\s0│/, 'no container uses it yet');

	const layers = async (ref: string) =>
		(JSON.parse(await h.docker('image', 'inspect', '-f', '{{json .RootFS.Layers}}', ref)) as string[]).length;
	assert.equal(await layers(`${repo}:1`), (await layers(FIXTURES.demoImage)) + 1, 'the container layer became one more image layer');
	assert.equal(
		await h.docker('image', 'inspect', '-f', '{{json .Config.Cmd}} {{.Comment}}', `${repo}:1`),
		'["cat","/state.txt"] kept state',
	);
	assert.equal(await h.docker('run', '--rm', `${repo}:1`), 'kept', 'the CMD change took effect and the file is in the image');
	assert.equal((await h.docker('inspect', '-f', '{{.State.Status}}', name)).trim(), 'running', 'the container runs on after its pause');
});
