import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Engine } from '../../source/docker/client.js';
import type { ImageLayers } from '../../source/model/types.js';
import type { Store } from '../../source/store/store.js';
import { FIXTURES } from '../support/engine.js';
import { eventually, requireEngine, startStore, uniqueName, type EngineHandle } from '../support/test-engine.js';

let handle: EngineHandle | undefined;
let engine: Engine;
let store: Store;
const made: string[] = [];

before(async t => {
	// before() has no skip; tests check `handle` themselves
	handle = requireEngine(t as never);
	if (!handle) return;
	({ engine, store } = await startStore(handle.host));
});

after(async () => {
	store?.stop();
	if (handle && made.length) await handle.docker('rm', '-f', ...made).catch(() => undefined);
});

test('the API version is negotiated down to the engine', t => {
	if (!requireEngine(t)) return;
	assert.equal(engine.info.apiVersion, '1.41', 'this Debian engine speaks 1.41, below our ceiling of 1.47');
	assert.match(engine.info.version, /^\d+\.\d+/);
});

test('containers, running and stopped, with how each one runs', async t => {
	if (!requireEngine(t)) return;
	const byName = (name: string) => store.getSnapshot().containers.find(c => c.name === name);
	const ticker = byName(FIXTURES.ticker);
	const shell = byName(FIXTURES.shell);
	const exited = byName(FIXTURES.exited);
	assert.equal(ticker?.state, 'running');
	assert.equal(shell?.state, 'running');
	assert.equal(exited?.state, 'exited');
	assert.equal(exited?.exitCode, 3);
	assert.equal(ticker?.image, FIXTURES.demoImage);
	// running containers are inspected in the background; a stopped one when it comes on screen
	await eventually('the background inspects', () => {
		const f = store.getSnapshot().facts;
		return f.has(ticker!.id) && f.has(shell!.id) ? f : undefined;
	});
	assert.equal(store.getSnapshot().facts.has(exited!.id), false, 'a stopped container is not inspected until it is shown');
	store.wantFacts([exited!.id]);
	const facts = await eventually('the inspect of the container on screen', () => {
		const f = store.getSnapshot().facts;
		return f.has(exited!.id) ? f : undefined;
	});
	assert.deepEqual([facts.get(shell!.id)?.tty, facts.get(shell!.id)?.openStdin], [true, true], 'docker run -dit is an interactive TTY');
	assert.deepEqual([facts.get(ticker!.id)?.tty, facts.get(ticker!.id)?.attachStdout], [false, false], 'docker run -d is detached');
	assert.equal(facts.get(exited!.id)?.exitCode, 3);
});

test('images, one row per tag, and their layers mapped to the real digests', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const images = store.getSnapshot().images;
	const demo = images.find(i => `${i.repository}:${i.tag}` === FIXTURES.demoImage);
	assert.ok(demo, 'the built image is listed');
	assert.ok(images.some(i => `${i.repository}:${i.tag}` === FIXTURES.baseImage));
	store.request('layers', demo.id);
	const layers = await eventually(
		'the layers of the demo image',
		() => store.getSnapshot().layers.get(demo.id)?.value as ImageLayers | undefined,
	);
	const diffIds = await h.docker('image', 'inspect', '--format', '{{json .RootFS.Layers}}', FIXTURES.demoImage);
	const expected = (JSON.parse(diffIds) as string[]).reverse();
	assert.equal(layers.mapping, 'history');
	assert.deepEqual(
		layers.rows.map(r => [r.instruction.split(' ')[0], r.empty]),
		[
			['CMD', true],
			['RUN', false],
			['COPY', false],
			['WORKDIR', false],
			['ENV', true],
			['Imported', false],
		],
	);
	assert.deepEqual(
		layers.rows.filter(r => !r.empty).map(r => r.digest),
		expected,
		'each layer row carries the digest it produced',
	);
});

test('a commit with no file changes maps through its parent image, not a wrong guess', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const name = uniqueName('dd-commit');
	made.push(name);
	await h.docker('create', '--name', name, FIXTURES.demoImage, 'sh', '-c', 'true');
	const tag = `${name}:snap`;
	const id = await h.docker('commit', '--change', 'ENV SNAP=1', name, tag);
	t.after(() => h.docker('rmi', tag).catch(() => undefined));
	store.request('layers', id);
	const layers = await eventually('the committed image layers', () => store.getSnapshot().layers.get(id)?.value as ImageLayers | undefined);
	assert.equal(layers.mapping, 'parents', 'the history guess does not fit, so the layer counts of the local parent decide');
	assert.equal(layers.rows[0]?.empty, true, 'the commit added no layer');
	const expected = (JSON.parse(await h.docker('image', 'inspect', '--format', '{{json .RootFS.Layers}}', id)) as string[]).reverse();
	assert.deepEqual(
		layers.rows.filter(r => !r.empty).map(r => r.digest),
		expected,
	);
});

test('a container started from another shell appears within 1 s, with no keypress', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const name = uniqueName('dd-live');
	made.push(name);
	const started = Date.now();
	await h.docker('run', '-d', '--name', name, FIXTURES.demoImage);
	await eventually(
		'the new container in the store',
		() => store.getSnapshot().containers.find(c => c.name === name && c.state === 'running'),
		1000,
	);
	t.diagnostic(`seen ${Date.now() - started} ms after docker run -d returned`);
	await h.docker('rm', '-f', name);
	await eventually('the removed container to leave the store', () => !store.getSnapshot().containers.some(c => c.name === name), 1000);
});

/** Waits until the store has sent no request for 800 ms. */
async function quiet(): Promise<void> {
	for (let seen = -1; seen !== engine.counter.requests;) {
		seen = engine.counter.requests;
		await new Promise(r => setTimeout(r, 800));
	}
}

test('a burst of events becomes one re-list, and nothing is asked while nothing happens', async t => {
	const h = requireEngine(t);
	if (!h) return;
	await new Promise(r => setTimeout(r, 600));
	const before = engine.counter.requests;
	await new Promise(r => setTimeout(r, 1500));
	assert.equal(engine.counter.requests, before, 'no API request at idle');

	const names = Array.from({ length: 8 }, () => uniqueName('dd-burst'));
	made.push(...names);
	const start = engine.counter.requests;
	await Promise.all(names.map(n => h.docker('create', '--name', n, FIXTURES.demoImage)));
	await eventually('all burst containers', () => names.every(n => store.getSnapshot().containers.some(c => c.name === n)), 3000);
	await new Promise(r => setTimeout(r, 500));
	const requests = engine.counter.requests - start;
	// 8 creates: a few coalesced lists and one disk-usage read; a created container needs no inspect
	assert.ok(requests <= 4, `8 creates cost ${requests} requests`);
	t.diagnostic(`8 creates -> ${requests} requests`);

	// one container starting, then stopping: a list and one inspect each, however many events come
	const one = names[0]!;
	const id = store.getSnapshot().containers.find(c => c.name === one)!.id;
	await quiet();
	const beforeStart = engine.counter.requests;
	await h.docker('start', one);
	await eventually(
		'the started container with its facts',
		() => store.getSnapshot().containers.find(c => c.id === id)?.state === 'running' && store.getSnapshot().facts.get(id)?.startedAt,
		3000,
	);
	await quiet();
	const started = engine.counter.requests - beforeStart;
	const beforeStop = engine.counter.requests;
	await h.docker('stop', '-t', '0', one);
	await eventually('the stopped container', () => store.getSnapshot().containers.find(c => c.id === id)?.state === 'exited', 3000);
	await quiet();
	const stopped = engine.counter.requests - beforeStop;
	t.diagnostic(`start -> ${started} requests, stop (kill, die, stop events) -> ${stopped} requests`);
	assert.ok(started <= 2 && stopped <= 3, `start cost ${started} requests, stop ${stopped}`);
});
