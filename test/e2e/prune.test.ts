import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FIXTURES } from '../support/engine.js';
import { KEYS, Screen } from '../support/pty.js';
import { requireEngine, uniqueName, type EngineHandle } from '../support/test-engine.js';

const exists = (h: EngineHandle, kind: 'container' | 'image', ref: string) => h.docker(kind, 'inspect', ref).then(() => true, () => false);

/** The prune view's rows as they stand: ticked or not, group and name. */
function rows(screen: string): { ticked: boolean; group: string; name: string }[] {
	return screen
		.split('\n')
		.map(l => /^│\[(x| )\] (stopped containers|dangling images|unused images)\s+(\S+(?: \S+)?)/.exec(l))
		.filter((m): m is RegExpExecArray => m !== null)
		.map(m => ({ ticked: m[1] === 'x', group: m[2]!, name: m[3]!.trim() }));
}

test('prune: the preview is what goes, unticked items stay, and what was put to use meanwhile is skipped', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const [a, b, late] = [uniqueName('dd-prune-a'), uniqueName('dd-prune-b'), uniqueName('dd-prune-late')];
	t.after(() => h.docker('rm', '-f', a, b, late).catch(() => undefined));
	for (const name of [a, b, late]) await h.docker('create', '--stop-timeout', '1', '--name', name, FIXTURES.demoImage);
	const dangling = await h.docker('commit', a);
	t.after(() => h.docker('rmi', dangling).catch(() => undefined));

	const screen = new Screen(['--host', h.host], { cols: 140, rows: 40 });
	t.after(() => screen.kill('SIGKILL'));
	await screen.waitFor(a);
	await screen.press('p');
	let text = await screen.waitFor(/\d+ of \d+ ticked/, 5000);

	// untick everything, group by group, then tick only what this test made
	let cursor = 0;
	const goTo = async (index: number) => {
		await screen.press(...Array<string>(Math.abs(index - cursor)).fill(index > cursor ? 'j' : 'k'));
		cursor = index;
	};
	for (const group of ['stopped containers', 'dangling images', 'unused images']) {
		const list = rows(await screen.text());
		const first = list.findIndex(r => r.group === group && r.ticked);
		if (first < 0) continue;
		await goTo(first);
		await screen.press('x');
		await screen.waitFor(s => !rows(s).some(r => r.group === group && r.ticked));
	}
	const mine = [a, b, late, `<none> ${dangling.replace('sha256:', '').slice(0, 12)}`];
	for (const name of mine) {
		const index = rows(await screen.text()).findIndex(r => r.name === name);
		assert.ok(index >= 0, `${name} is in the preview`);
		await goTo(index);
		await screen.press(KEYS.space);
	}
	text = await screen.waitFor('4 of');
	assert.deepEqual(rows(text).filter(r => r.ticked).map(r => r.name).sort(), [...mine].sort());

	// one of them is started from another shell after the preview
	await h.docker('start', late);
	await screen.press(KEYS.enter);
	await screen.waitFor(/Remove 4 items, freeing about/);
	await screen.waitFor(`docker rm`);
	await screen.press(KEYS.enter);
	text = await screen.waitFor(/Removed 3 of 4 \(1 skipped: see the list\); freed \S+ \(estimated \S+\)\./, 10_000);
	assert.match(text, new RegExp(`${late}.*skipped: You cannot remove a running`));

	assert.equal(await exists(h, 'container', a), false);
	assert.equal(await exists(h, 'container', b), false);
	assert.equal(await exists(h, 'image', dangling), false);
	assert.equal(await exists(h, 'container', late), true, 'started after the preview: skipped, not forced');
	assert.equal(await exists(h, 'container', FIXTURES.exited), true, 'unticked items stay');
	assert.equal(await exists(h, 'image', FIXTURES.baseImage), true);
});

test('prune under --read-only previews but removes nothing', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const screen = new Screen(['--host', h.host, '--read-only'], { cols: 120, rows: 40 });
	t.after(() => screen.kill('SIGKILL'));
	await screen.waitFor(FIXTURES.exited);
	await screen.press('p');
	await screen.waitFor(/\d+ of \d+ ticked/, 5000);
	await screen.press(KEYS.enter);
	await screen.waitFor('Removing is off under --read-only: the preview shows what a prune would remove.');
	assert.equal(await exists(h, 'container', FIXTURES.exited), true);
});
