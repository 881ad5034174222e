import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Readable } from 'node:stream';
import tar from 'tar-stream';
import {
	mapLayersFromConfig,
	mapLayersFromHistory,
	mapLayersFromParents,
	readConfigFromSave,
	unmappedLayers,
	type HistoryEntry,
} from '../../source/docker/layers.js';

// `docker image history` of an image built with the classic builder: newest first. WORKDIR added a
// 0-byte layer, so size 0 does not mean empty.
const HISTORY: HistoryEntry[] = [
	{ CreatedBy: '/bin/sh -c #(nop)  CMD ["cat" "/app/a.txt"]', Size: 0, Created: 6 },
	{ CreatedBy: '/bin/sh -c echo built > /app/b.txt', Size: 6, Created: 5 },
	{ CreatedBy: '/bin/sh -c #(nop) COPY file:abc in /app/', Size: 6, Created: 4 },
	{ CreatedBy: '/bin/sh -c #(nop) WORKDIR /app', Size: 0, Created: 3 },
	{ CreatedBy: '/bin/sh -c #(nop)  ENV GREETING=hi', Size: 0, Created: 2 },
	{ CreatedBy: '', Size: 1982433, Created: 1, Comment: 'Imported from -' },
];
const DIFF_IDS = ['sha256:base', 'sha256:workdir', 'sha256:copy', 'sha256:run'];

test('history steps get the digest of the layer they made, oldest digest at the bottom', () => {
	const rows = mapLayersFromHistory(HISTORY, DIFF_IDS);
	assert.ok(rows);
	assert.deepEqual(
		rows.map(r => [r.instruction, r.empty, r.digest]),
		[
			['CMD ["cat" "/app/a.txt"]', true, undefined],
			['RUN echo built > /app/b.txt', false, 'sha256:run'],
			['COPY file:abc in /app/', false, 'sha256:copy'],
			['WORKDIR /app', false, 'sha256:workdir'],
			['ENV GREETING=hi', true, undefined],
			['Imported from -', false, 'sha256:base'],
		],
	);
});

test('a guess that does not fit the layer count is refused, not shown wrong', () => {
	assert.equal(mapLayersFromHistory(HISTORY, DIFF_IDS.slice(2)), null, 'fewer layers than steps that wrote bytes');
	// a commit with no changes: a 0-byte, non-metadata step that added no layer
	const committed = [{ CreatedBy: 'sh -c sleep 1', Size: 0, Created: 7 }, ...HISTORY];
	assert.equal(mapLayersFromHistory(committed, DIFF_IDS), null);
});

test('the image config history maps exactly, including steps the guess gets wrong', () => {
	const committed = [{ CreatedBy: 'sh -c sleep 1', Size: 0, Created: 7 }, ...HISTORY];
	const config = [{}, { empty_layer: true }, {}, {}, {}, { empty_layer: true }, { empty_layer: true }];
	const rows = mapLayersFromConfig(committed, config, DIFF_IDS);
	assert.ok(rows);
	assert.deepEqual(
		rows.map(r => r.digest ?? null),
		[null, null, 'sha256:run', 'sha256:copy', 'sha256:workdir', null, 'sha256:base'],
	);
	assert.equal(mapLayersFromConfig(committed, config.slice(1), DIFF_IDS), null, 'a config history of another length is refused');
});

test('unmapped rows carry no digest at all', () => {
	assert.ok(unmappedLayers(HISTORY).every(r => r.digest === undefined));
});

test('the base image: the longest proper prefix; on a tie the tagged one, then the oldest', async () => {
	const { baseImage } = await import('../../source/store/sharing.js');
	const row = (id: string, dangling: boolean, created: number) => ({
		key: `${id}#`,
		id,
		repository: dangling ? '<none>' : id,
		tag: dangling ? '<none>' : '1',
		dangling,
		size: 0,
		created,
		digests: [],
	});
	const index = new Map<string, readonly string[]>([
		['meta-only', ['l1']], // an untagged image that only changed the config of base
		['base', ['l1']],
		['app', ['l1', 'l2']],
		['app2', ['l1', 'l2', 'l3']],
	]);
	const images = [row('meta-only', true, 20), row('base', false, 10), row('app', false, 30), row('app2', false, 40)];
	assert.equal(baseImage('app', index, images), 'base', 'tagged wins over untagged with the same layers');
	assert.equal(baseImage('app2', index, images), 'app', 'the longest prefix wins');
	assert.equal(baseImage('base', index, images), undefined);
	const twoTagged = [row('meta-only', false, 5), row('base', false, 10)];
	assert.equal(baseImage('app', index, twoTagged), 'meta-only', 'both tagged: the older');
});

test('the layer count settles 0-byte steps when it leaves one way: all of them layers, or none', () => {
	// a commit that changed no file: 0 bytes, not a metadata step, and no layer (three writing steps, three layers)
	const committed = [{ CreatedBy: 'sh -c sleep 1', Size: 0, Created: 7 }, ...HISTORY.filter(h => !h.CreatedBy.includes('WORKDIR'))];
	const rows = mapLayersFromHistory(committed, ['sha256:base', 'sha256:copy', 'sha256:run']);
	assert.ok(rows);
	assert.deepEqual(
		rows.map(r => r.digest ?? null),
		[null, null, 'sha256:run', 'sha256:copy', null, 'sha256:base'],
	);
});

test('local parent images settle what the count cannot: a step made a layer when its image has one more than the one below', async () => {
	// a commit with no file changes on top of an image with a 0-byte WORKDIR layer: two unsure steps, one of them a layer
	const committed: HistoryEntry[] = [
		{ Id: 'sha256:commit', CreatedBy: 'sh -c sleep 1', Size: 0, Created: 7 },
		...HISTORY.map((h, i) => ({ ...h, Id: i === 0 ? 'sha256:app' : '<missing>' })),
	];
	assert.equal(mapLayersFromHistory(committed, DIFF_IDS), null);
	const asked: string[] = [];
	const rows = await mapLayersFromParents(committed, DIFF_IDS, async id => {
		asked.push(id);
		return id === 'sha256:app' ? 4 : undefined;
	});
	assert.ok(rows);
	assert.deepEqual(
		rows.map(r => r.digest ?? null),
		[null, null, 'sha256:run', 'sha256:copy', 'sha256:workdir', null, 'sha256:base'],
	);
	assert.deepEqual(asked, ['sha256:app'], 'once the commit is settled, the count settles the WORKDIR without asking');
	// no local image below the unsure step: no answer rather than a guess
	const anonymous = committed.map(h => ({ ...h, Id: '<missing>' }));
	assert.equal(await mapLayersFromParents(anonymous, DIFF_IDS, async () => 4), null);
});

/** A `docker save` tar as the legacy layout writes it: files in name order, the config among the layers. */
function saveTar(configId: string, before: number): Readable {
	const pack = tar.pack();
	const hex = configId.replace('sha256:', '');
	pack.entry({ name: `0000layer/layer.tar` }, Buffer.alloc(before, 1));
	pack.entry({ name: `${hex}.json` }, JSON.stringify({ history: [{}, { empty_layer: true }] }));
	pack.entry({ name: 'ffff/layer.tar' }, Buffer.alloc(1024 * 1024, 2));
	pack.entry({ name: 'manifest.json' }, '[]');
	pack.finalize();
	// as the engine's HTTP response: a Node stream of chunks of at most 64 kB
	async function* chunks() {
		for await (const chunk of pack as unknown as AsyncIterable<Buffer>)
			for (let i = 0; i < chunk.length; i += 65_536) yield chunk.subarray(i, i + 65_536);
	}
	return Readable.from(chunks(), { objectMode: false });
}

test('the config is read from the save stream only until it arrives, and never past the byte limit', async () => {
	const id = `sha256:${'ab'.repeat(32)}`;
	const early = await readConfigFromSave(saveTar(id, 10_000), id, 512 * 1024);
	assert.deepEqual(early.history, [{}, { empty_layer: true }]);
	assert.ok(early.bytes < 512 * 1024, `read ${early.bytes} bytes, stopped after the config`);
	const late = await readConfigFromSave(saveTar(id, 2 * 1024 * 1024), id, 512 * 1024);
	assert.equal(late.history, null, 'the config comes after 2 MB of layers: given up');
	assert.ok(late.bytes <= 512 * 1024 + 65_536, `stopped at the limit (${late.bytes} bytes read)`);
});
