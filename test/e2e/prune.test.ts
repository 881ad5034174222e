import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildKitBuild, FIXTURES } from '../support/engine.js';
import { KEYS, Screen } from '../support/pty.js';
import { requireEngine, uniqueName, type EngineHandle } from '../support/test-engine.js';

const exists = (h: EngineHandle, kind: 'container' | 'image', ref: string) =>
	h.docker(kind, 'inspect', ref).then(
		() => true,
		() => false,
	);

/** The prune view's rows as they stand: ticked or not, group and name. */
function rows(screen: string): { ticked: boolean; group: string; name: string }[] {
	return screen
		.split('\n')
		.map(l => /^│\[(x| )\] (stopped containers|dangling images|unused images|build cache)\s+(\S+(?: \S+)?)/.exec(l))
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
	assert.deepEqual(
		rows(text)
			.filter(r => r.ticked)
			.map(r => r.name)
			.sort(),
		[...mine].sort(),
	);

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

/** Build cache records a `docker builder prune` would remove: not in use, not shared with an image. */
async function danglingCache(h: EngineHandle): Promise<{ ID: string; Size: number }[]> {
	const raw = await fetchDf(h.host);
	return (raw.BuildCache ?? []).filter(r => !r.InUse && !r.Shared);
}

async function fetchDf(host: string): Promise<{ BuildCache?: { ID: string; Size: number; InUse: boolean; Shared: boolean }[] | null }> {
	const { clientFor } = await import('../../source/docker/client.js');
	const { resolveEndpoint } = await import('../../source/docker/endpoint.js');
	return (await clientFor(resolveEndpoint(host, {}), { version: 'v1.41' }).df()) as never;
}

test('prune: build cache is previewed record by record, and only the ticked records go', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const tag = uniqueName('dd-cache');
	await buildKitBuild(
		h.host,
		`FROM ${FIXTURES.baseImage}\nRUN echo ${tag} > /made.txt && head -c 50000 /dev/urandom > /noise.bin\n`,
		`${tag}:1`,
	);
	// without its image the RUN step's output is cache only, and removing it frees its bytes
	await h.docker('rmi', `${tag}:1`);
	const before = await danglingCache(h);
	assert.ok(before.length >= 2, `BuildKit left cache records: ${JSON.stringify(before)}`);
	const chosen = [...before]
		.sort((x, y) => y.Size - x.Size)
		.slice(0, 2)
		.map(r => r.ID);

	const screen = new Screen(['--host', h.host], { cols: 140, rows: 40 });
	t.after(() => screen.kill('SIGKILL'));
	await screen.waitFor(FIXTURES.shell);
	await screen.press('p');
	await screen.waitFor(/\d+ of \d+ ticked/, 5000);
	for (const id of before.map(r => r.ID)) await screen.waitFor(`${id.slice(0, 12)}`);
	let cursor = 0;
	const goTo = async (index: number) => {
		await screen.press(...Array<string>(Math.abs(index - cursor)).fill(index > cursor ? 'j' : 'k'));
		cursor = index;
	};
	for (const group of ['stopped containers', 'dangling images', 'unused images', 'build cache']) {
		const first = rows(await screen.text()).findIndex(r => r.group === group && r.ticked);
		if (first < 0) continue;
		await goTo(first);
		await screen.press('x');
		await screen.waitFor(s => !rows(s).some(r => r.group === group && r.ticked));
	}
	for (const id of chosen) {
		const index = rows(await screen.text()).findIndex(r => r.group === 'build cache' && r.name.endsWith(id.slice(0, 12)));
		assert.ok(index >= 0, `${id} is in the preview`);
		await goTo(index);
		await screen.press(KEYS.space);
	}
	await screen.waitFor('2 of');
	await screen.press(KEYS.enter);
	await screen.waitFor(`docker builder prune -f --filter id=`);
	await screen.press(KEYS.enter);
	await screen.waitFor(/Removed 2 of 2; freed \S+ \(estimated \S+\)/, 10_000);

	const after = new Set((await danglingCache(h)).map(r => r.ID));
	for (const id of chosen) assert.equal(after.has(id), false, `${id} was ticked and removed`);
	for (const r of before) if (!chosen.includes(r.ID)) assert.equal(after.has(r.ID), true, `${r.ID} was not ticked and stays`);
});
