// Start-up reads ahead what the dashboard's first frame shows (Store.firstFrame), so that frame is
// drawn once, full, rather than as "Loading…" and again for every answer.
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { Store } from '../../source/store/store.js';
import { appRig, rigContainer, rigEngine, rigImage, type Rig, type RigData } from '../support/app-rig.js';

let rig: Rig | undefined;
afterEach(() => rig?.unmount());

const data = (): RigData => ({
	containers: [
		...Array.from({ length: 30 }, (_, i) => rigContainer(`svc-${String(i).padStart(2, '0')}`)),
		rigContainer('old-job', { state: 'exited', status: 'Exited (0) 2 hours ago' }),
	],
	images: [rigImage('demo', '1', 'sha256:demo'), rigImage('base', 'latest')],
});

/** More containers than an old engine sizes quickly for `system df` (CHEAP_USAGE_CONTAINERS). */
const busy = (): RigData => ({
	...data(),
	containers: Array.from({ length: 120 }, (_, i) => rigContainer(`svc-${String(i).padStart(3, '0')}`)),
});

test('firstFrame reads the lists, how the first rows run, the first container, its image and thin layer, the first image layers and disk usage', async () => {
	const calls: string[] = [];
	const { engine } = rigEngine(data(), calls);
	const store = new Store(engine);
	store.start();
	await store.firstFrame(12, 2000);
	const s = store.getSnapshot();
	const first = s.containers[0]!;
	assert.ok(s.loaded);
	for (const c of s.containers.slice(0, 12)) assert.ok(s.facts.has(c.id), `how ${c.name} runs`);
	assert.ok(s.details.get(`container:${first.id}`)?.value, 'the first container');
	assert.ok(s.details.get(`image:${first.imageId}`)?.value, "the first container's image");
	assert.ok(s.sizes.has(first.id), 'its thin layer');
	assert.ok(s.layers.get(s.images[0]!.id)?.value, "the first image's layers");
	assert.ok(s.usage, 'disk usage');
	store.stop();
});

test('firstFrame waits no longer than it is given when the engine does not answer', async () => {
	const { engine } = rigEngine(data(), []);
	const stalled = new Store({ ...engine, api: { ...engine.api, inspectContainer: () => new Promise(() => undefined) } });
	stalled.start();
	const start = performance.now();
	await stalled.firstFrame(12, 150);
	const waited = performance.now() - start;
	assert.ok(waited >= 140 && waited < 600, `waited ${Math.round(waited)} ms`);
	assert.ok(stalled.getSnapshot().loaded, 'the lists came, the inspects did not');
	stalled.stop();
});

test('after firstFrame the dashboard draws its first frame full: no "Loading…" anywhere', async () => {
	rig = await appRig(data(), { firstFrame: true });
	const first = rig.frames().find(f => f.includes('Containers'))!;
	assert.ok(!first.includes('Loading'), first);
	assert.match(first, /Container svc-00/);
	assert.match(first, /TTY \/ stdin/);
});

test('the layer index waits until the first frame has what it shows: the engine answers the disk usage first, and sharing reads as pending until the index is in', async () => {
	const calls: string[] = [];
	const many: RigData = { ...data(), images: Array.from({ length: 20 }, (_, i) => rigImage(`img-${i}`, '1')) };
	const { engine } = rigEngine(many, calls);
	// disk usage comes late, as on an old engine with many containers: the first frame waits for it
	const late =
		<T,>(read: () => Promise<T>) =>
		() =>
			new Promise<T>(resolve => setTimeout(() => resolve(read()), 300));
	const store = new Store({
		...engine,
		api: { ...engine.api, readDiskUsage: late(engine.api.readDiskUsage), readImageUsage: late(engine.api.readImageUsage) },
	});
	store.start();
	await store.firstFrame(12, 2000);
	const inspected = calls.filter(c => c === 'inspectImage').length;
	assert.ok(inspected < 5, `${inspected} images inspected before the first frame (its own image and the first image's layers at most)`);
	assert.equal(store.getSnapshot().layerIndexReady, false, 'sharing is not known yet');
	const deadline = Date.now() + 2000;
	while (!store.getSnapshot().layerIndexReady && Date.now() < deadline) await new Promise(r => setTimeout(r, 10));
	assert.ok(store.getSnapshot().layerIndexReady, 'the index is read once the first frame is');
	assert.equal(store.getSnapshot().layerIndex.size, 20);
	store.stop();
});

test('on an engine older than API 1.42 with many containers, the disk usage that sizes every one is asked for after the first frame is read, which does not wait for it; the layer index waits for it', async () => {
	const calls: string[] = [];
	const { engine } = rigEngine(busy(), calls);
	let usageAsked = 0;
	let answer: (() => void) | undefined;
	const asked: number[] = [];
	const store = new Store({
		...engine,
		info: { ...engine.info, apiVersion: '1.41' },
		api: {
			...engine.api,
			inspectContainer: id => (asked.push(usageAsked), engine.api.inspectContainer(id)),
			readDiskUsage: () => {
				usageAsked++;
				return new Promise(resolve => (answer = () => resolve(engine.api.readDiskUsage())));
			},
		},
	});
	store.start();
	await store.firstFrame(12, 2000);
	const s = store.getSnapshot();
	assert.equal(usageAsked, 1, 'the disk usage is asked for once the rest of the frame is in, and only once');
	assert.equal(s.usage, undefined, 'the frame went without it');
	assert.ok(
		asked.filter(n => n === 0).length >= 13,
		'the inspects of the first frame (12 rows, the first container) went out before the disk usage',
	);
	assert.ok(s.layers.get(s.images[0]!.id)?.value, "the first image's layers are in");
	await new Promise(r => setTimeout(r, 100));
	const before = calls.filter(c => c === 'inspectImage').length;
	assert.equal(store.getSnapshot().layerIndexReady, false, 'the index is not read while the disk usage is measured');
	answer!();
	const deadline = Date.now() + 2000;
	while (!store.getSnapshot().layerIndexReady && Date.now() < deadline) await new Promise(r => setTimeout(r, 10));
	assert.ok(store.getSnapshot().usage, 'the disk usage fills in');
	assert.ok(store.getSnapshot().layerIndexReady, 'then the index is read');
	assert.ok(calls.filter(c => c === 'inspectImage').length > before);
	store.stop();
});

test('drawn before the disk usage is in (API 1.41, many containers), the images panel says the unique sizes are coming ("…") and fills them in', async () => {
	let answer: (() => void) | undefined;
	rig = await appRig(busy(), {
		firstFrame: true,
		engine: e => ({
			...e,
			info: { ...e.info, apiVersion: '1.41' },
			api: {
				...e.api,
				readDiskUsage: () =>
					new Promise(resolve => {
						const split = { size: 1_000_000, shared: 400_000, unique: 600_000, containers: 0 };
						const images = new Map(data().images.map(i => [i.id, split]));
						answer = () => resolve({ images, containers: new Map(), summary: [], at: Date.now() });
					}),
			},
		}),
	});
	const imagesPanel = (frame: string) => frame.split('\n').filter(l => /^│(▸ )?(demo:1|base:latest) /.test(l));
	const first = rig.frames().find(f => f.includes('Containers'))!;
	assert.ok(!first.includes('Loading'), first);
	assert.equal(imagesPanel(first).length, 2, first);
	for (const row of imagesPanel(first)) assert.match(row.split('│')[1]!, /…/, row);
	answer!();
	const filled = await rig.waitFor(f => imagesPanel(f).length === 2 && imagesPanel(f).every(row => !row.split('│')[1]!.includes('…')));
	for (const row of imagesPanel(filled)) assert.match(row.split('│')[1]!, /\d+(\.\d+)?[kMG]?B +\d+(\.\d+)?[kMG]?B/, row);
});

test('start-up asks how the containers run for the rows the dashboard shows, no more', async () => {
	const { containerRowsShown } = await import('../../source/components/layout.js');
	for (const [columns, rows] of [
		[120, 40],
		[80, 24],
		[200, 60],
	] as const) {
		const many: RigData = { ...data(), containers: Array.from({ length: 80 }, (_, i) => rigContainer(`c-${String(i).padStart(2, '0')}`)) };
		const shown = containerRowsShown(columns, rows);
		rig = await appRig(many, { firstFrame: true, columns, rows });
		const frame = rig.frame();
		const drawn = frame.split('\n').filter(l => /^│(▸ )?c-\d\d /.test(l)).length;
		assert.equal(drawn, shown, `${columns}x${rows}: ${drawn} rows drawn, ${shown} computed\n${frame}`);
		rig.unmount();
		rig = undefined;
	}
});

test('on an engine older than API 1.42 with a few containers the disk usage is cheap: the first frame waits for it', async () => {
	const { engine } = rigEngine(data(), []);
	const late = () =>
		new Promise<Awaited<ReturnType<typeof engine.api.readDiskUsage>>>(r => setTimeout(() => r(engine.api.readDiskUsage()), 100));
	const store = new Store({ ...engine, info: { ...engine.info, apiVersion: '1.41' }, api: { ...engine.api, readDiskUsage: late } });
	store.start();
	await store.firstFrame(12, 2000);
	assert.ok(store.getSnapshot().usage, 'disk usage is in with the first frame');
	store.stop();
});
