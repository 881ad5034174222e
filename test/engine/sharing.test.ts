import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Engine } from '../../source/docker/client.js';
import { baseImage, layerOwners, otherOwners } from '../../source/store/sharing.js';
import type { Store } from '../../source/store/store.js';
import { buildKitBuild, FIXTURES } from '../support/engine.js';
import { eventually, requireEngine, startStore, uniqueName, type EngineHandle, engineJson } from '../support/test-engine.js';

let handle: EngineHandle | undefined;
let engine: Engine;
let store: Store;
const images: string[] = [];
const containers: string[] = [];

before(async t => {
	handle = requireEngine(t as never);
	if (!handle) return;
	({ engine, store } = await startStore(handle.host));
});

after(async () => {
	store?.stop();
	if (handle && containers.length) await handle.docker('rm', '-f', ...containers).catch(() => undefined);
	if (handle && images.length) await handle.docker('rmi', '-f', ...images).catch(() => undefined);
});

const idOf = async (ref: string) => (await handle!.docker('image', 'inspect', '-f', '{{.Id}}', ref)).trim();
const rawDf = () =>
	engineJson<{ Images: { Id: string; Size: number; SharedSize: number; Containers: number }[] }>(handle!.host, '/system/df');

test('two images built on the same base share its layer, both report it, and the base is found', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const [a, b] = [`${uniqueName('dd-share-a')}:1`, `${uniqueName('dd-share-b')}:1`];
	images.push(a, b);
	await buildKitBuild(h.host, `FROM ${FIXTURES.baseImage}\nRUN echo a > /a.txt\n`, a);
	await buildKitBuild(h.host, `FROM ${FIXTURES.baseImage}\nRUN echo b > /b.txt\n`, b);
	const [idA, idB, idBase] = await Promise.all([idOf(a), idOf(b), idOf(FIXTURES.baseImage)]);
	const index = await eventually(
		'both new images in the layer index',
		() => {
			const i = store.getSnapshot().layerIndex;
			return i.has(idA) && i.has(idB) ? i : undefined;
		},
		5000,
	);
	const baseLayer = index.get(idBase)![0]!;
	assert.equal(index.get(idA)![0], baseLayer);
	const owners = layerOwners(store.getSnapshot().images, index);
	assert.ok(otherOwners(owners, baseLayer, idA).includes(b), `${a} sees ${b} on its base layer`);
	assert.ok(otherOwners(owners, baseLayer, idB).includes(a), `${b} sees ${a} on its base layer`);
	assert.ok(otherOwners(owners, baseLayer, idA).includes(FIXTURES.baseImage));
	assert.deepEqual(otherOwners(owners, index.get(idA)![1]!, idA), [], 'its own RUN layer is only its');
	assert.equal(baseImage(idA, index, store.getSnapshot().images), idBase, 'the base is the image whose layers are its longest prefix');
	assert.equal(baseImage(idBase, index), undefined);
});

test('unique and shared sizes are the ones the disk-usage endpoint reports', async t => {
	if (!requireEngine(t)) return;
	const asked = Date.now();
	store.refreshUsageNow();
	const usage = await eventually(
		'disk usage read again',
		() => ((store.getSnapshot().usage?.at ?? 0) >= asked ? store.getSnapshot().usage : undefined),
		5000,
	);
	const df = await rawDf();
	for (const image of df.Images) {
		const mine = usage.images.get(image.Id);
		assert.ok(mine, `${image.Id} has usage`);
		assert.equal(mine.size, image.Size);
		assert.equal(mine.shared, Math.max(0, image.SharedSize));
		assert.equal(mine.unique, image.Size - Math.max(0, image.SharedSize));
	}
	const base = usage.images.get(await idOf(FIXTURES.baseImage))!;
	assert.ok(base.shared > 1_000_000, `the busybox layer is shared (${base.shared} B)`);
	assert.equal(base.unique, 0, 'every layer of the base is in other images too');
});

test('a container that writes 1 MB shows about 1 MB of thin layer and the file as added', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const name = uniqueName('dd-thin');
	containers.push(name);
	await h.docker('run', '-d', '--name', name, FIXTURES.baseImage, 'sh', '-c', 'head -c 1048576 /dev/urandom > /mb.bin && sleep 600');
	const id = (await h.docker('inspect', '-f', '{{.Id}}', name)).trim();
	await eventually('the file written', async () => (await h.docker('exec', name, 'ls', '-l', '/mb.bin')).includes('1048576'));
	const asked = Date.now();
	store.refreshUsageNow();
	const thin = await eventually(
		'its writable layer measured',
		() => {
			const usage = store.getSnapshot().usage;
			return usage && usage.at >= asked ? usage.containers.get(id) : undefined;
		},
		5000,
	);
	assert.ok(thin.sizeRw >= 1_048_576 && thin.sizeRw < 1_048_576 * 1.1, `SizeRw ${thin.sizeRw} is about 1 MB`);
	assert.ok(thin.sizeRootFs > thin.sizeRw, 'the image below is counted apart');
	const changes = await engine.api.containerChanges(id);
	assert.deepEqual(
		changes.find(c => c.path === '/mb.bin'),
		{ kind: 'A', path: '/mb.bin' },
	);
	// a container that changed nothing: the engine answers null, which is an empty list, not an error
	const idle = uniqueName('dd-idle');
	containers.push(idle);
	await h.docker('create', '--name', idle, FIXTURES.baseImage);
	assert.deepEqual(await engine.api.containerChanges(idle), []);
});

test('each image counts the containers created from it as the engine does', async t => {
	if (!requireEngine(t)) return;
	const df = await rawDf();
	// the store learns of containers made by the tests before through events: let it catch up
	const total = df.Images.reduce((n, i) => n + i.Containers, 0);
	await eventually('the store lists every container', () => store.getSnapshot().containers.length === total);
	const counts = new Map<string, number>();
	for (const c of store.getSnapshot().containers) counts.set(c.imageId, (counts.get(c.imageId) ?? 0) + 1);
	for (const image of df.Images)
		assert.equal(counts.get(image.Id) ?? 0, image.Containers, `${image.Id.slice(7, 19)} is used by ${image.Containers}`);
});

test('the disk usage view has the counts and sizes docker system df prints', async t => {
	const h = requireEngine(t);
	if (!h) return;
	// a container restarting in a loop changes the active count now and then: both are read until they agree on it
	const read = async () => {
		const asked = Date.now();
		store.refreshUsageNow();
		const usage = await eventually(
			'disk usage read again',
			() => ((store.getSnapshot().usage?.at ?? 0) >= asked ? store.getSnapshot().usage : undefined),
			5000,
		);
		const cli = (await h.docker('system', 'df', '--format', '{{.Type}}|{{.TotalCount}}|{{.Active}}|{{.Size}}|{{.Reclaimable}}'))
			.split('\n')
			.map(l => l.split('|'));
		return { usage, cli };
	};
	const { usage, cli } = await eventually(
		'the same active counts from both',
		async () => {
			const both = await read();
			return both.cli.every(([type, , active]) => String(both.usage.summary.find(l => l.type === type)?.active) === active)
				? both
				: undefined;
		},
		15_000,
	);
	const { formatBytes } = await import('../../source/format/bytes.js');
	for (const [type, total, active, size] of cli) {
		const line = usage.summary.find(l => l.type === type);
		assert.ok(line, `${type} is in the view`);
		assert.equal(String(line.total), total, `${type} total`);
		assert.equal(String(line.active), active, `${type} active`);
		// the CLI prints 4 significant digits, dockdeck 3: compare as numbers within rounding
		const parse = (s: string) => Number.parseFloat(s) * ({ B: 1, kB: 1e3, KB: 1e3, MB: 1e6, GB: 1e9 }[s.replace(/^[\d.]+/, '')] ?? 1);
		assert.ok(Math.abs(parse(size!) - line.size) <= Math.max(1, line.size * 0.005), `${type} size ${size} vs ${formatBytes(line.size)}`);
	}
});

test('a rebuild with only the last file changed reuses every earlier layer: shared with the old image, only the last is new', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const tag = `${uniqueName('dd-rebuild')}:1`;
	images.push(tag);
	const dockerfile = `FROM ${FIXTURES.baseImage}\nCOPY a.txt /a.txt\nRUN echo built > /built.txt\nCOPY last.txt /last.txt\n`;
	await buildKitBuild(h.host, dockerfile, tag, { 'a.txt': 'one\n', 'last.txt': 'v1\n' });
	const before = await idOf(tag);
	await buildKitBuild(h.host, dockerfile, tag, { 'a.txt': 'one\n', 'last.txt': 'v2\n' });
	const after = await idOf(tag);
	images.push(before);
	assert.notEqual(after, before);
	const index = await eventually(
		'both builds in the layer index',
		() => {
			const i = store.getSnapshot().layerIndex;
			return i.has(before) && i.has(after) ? i : undefined;
		},
		5000,
	);
	const [old, fresh] = [index.get(before)!, index.get(after)!];
	assert.deepEqual(fresh.slice(0, -1), old.slice(0, -1), 'every step before the changed file kept its layer');
	assert.notEqual(fresh.at(-1), old.at(-1));
	const owners = layerOwners(store.getSnapshot().images, index);
	const oldName = `<none> ${before.slice(7, 19)}`;
	assert.ok(
		otherOwners(owners, fresh[1]!, after).includes(oldName),
		'the reused COPY layer is shared with the previous build, now dangling',
	);
	assert.ok(otherOwners(owners, fresh[2]!, after).includes(oldName), 'so is the reused RUN layer');
	assert.deepEqual(otherOwners(owners, fresh.at(-1)!, after), [], 'the rebuilt last layer is only in the new image');
});
