import assert from 'node:assert/strict';
import { test } from 'node:test';
import { render } from 'ink-testing-library';
import { TooSmall } from '../../source/components/too-small.js';
import type { ContainerRunFacts, ContainerSummary, ImageRow, LayerRow } from '../../source/docker/types.js';
import { ContainersPanel } from '../../source/panels/containers-panel.js';
import { ImagesPanel } from '../../source/panels/images-panel.js';
import { LayersPanel } from '../../source/panels/layers-panel.js';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const container = (over: Partial<ContainerSummary>): ContainerSummary => ({
	id: over.name ?? 'x', name: 'x', image: 'demo:1', imageId: 'sha256:aaa', state: 'running', status: 'Up 5 minutes', ports: '', created: NOW - 3600_000, command: 'sh', ...over,
});
const facts = (over: Partial<ContainerRunFacts>): ContainerRunFacts => ({ tty: false, openStdin: false, attachStdout: false, exitCode: 0, restartCount: 0, startedAt: NOW - 120_000, ...over });
const listProps = { width: 100, height: 10, focused: true, cursor: 0, filter: '', editing: false };

test('containers show name, image, the mode badge and a status that stays true', () => {
	const containers = [
		container({ name: 'web', id: 'w', ports: '8080->80/tcp' }),
		container({ name: 'shell', id: 's' }),
		container({ name: 'job', id: 'j', state: 'exited', status: 'Exited (3) 2 minutes ago', exitCode: 3 }),
		container({ name: 'new', id: 'n' }),
	];
	const known = new Map([['w', facts({})], ['s', facts({ tty: true, openStdin: true })], ['j', facts({ exitCode: 3, finishedAt: NOW - 120_000 })]]);
	const { lastFrame } = render(<ContainersPanel {...listProps} containers={containers} facts={known} now={NOW} loaded total={4} />);
	const lines = lastFrame()!.split('\n');
	const row = (name: string) => lines.find(l => l.includes(` ${name} `) || l.includes(`│${name} `)) ?? '';
	assert.match(lines[0]!, /1 Containers.*4 · 3 running/);
	assert.match(row('web'), /demo:1\s+detached\s+Up 2m\s+8080->80\/tcp\s+1h/);
	assert.match(row('shell'), /-it\s+Up 2m/);
	assert.match(row('job'), /exit 3\s+Exited 2m ago/);
	assert.match(row('new'), /running\s+Up 5 minutes/, 'before its inspect arrives, the engine status shows');
	assert.ok(lines.every(l => l.length <= 100), 'nothing overflows the width');
});

test('an empty or filtered list says why it is empty', () => {
	const empty = render(<ContainersPanel {...listProps} containers={[]} facts={new Map()} now={NOW} loaded total={0} />);
	assert.match(empty.lastFrame()!, /No containers\. docker run -d <image> starts one\./);
	const filtered = render(<ContainersPanel {...listProps} filter="zzz" containers={[]} facts={new Map()} now={NOW} loaded total={3} />);
	assert.match(filtered.lastFrame()!, /\/zzz: 0 of 3/);
	assert.match(filtered.lastFrame()!, /No container matches "zzz" \(Esc clears\)/);
});

test('images show one row per tag, dangling ones marked, with the containers that use them', () => {
	const image = (over: Partial<ImageRow>): ImageRow => ({ key: over.key ?? 'k', id: 'sha256:0123456789abcdef', repository: 'demo', tag: '1', dangling: false, size: 1982433, created: NOW - 7200_000, digests: [], ...over });
	const images = [image({ key: 'a' }), image({ key: 'b', tag: 'latest' }), image({ key: 'c', id: 'sha256:fedcba9876543210', repository: '<none>', tag: '<none>', dangling: true })];
	const { lastFrame } = render(<ImagesPanel {...listProps} images={images} usedBy={new Map([['sha256:0123456789abcdef', 2]])} now={NOW} loaded total={3} />);
	const frame = lastFrame()!;
	assert.match(frame, /demo:1\s+0123456789ab\s+1.98MB\s+2h\s+2/);
	assert.match(frame, /demo:latest/);
	assert.match(frame, /<none> \(dangling\)\s+fedcba987654\s+1.98MB\s+2h\s+0/);
	assert.match(frame, /3 · 1 dangling/);
});

test('layers show instruction, size and digest, metadata steps marked', () => {
	const rows: LayerRow[] = [
		{ instruction: 'CMD ["sh"]', size: 0, created: NOW, empty: true },
		{ instruction: 'WORKDIR /app', size: 0, created: NOW, empty: false, digest: 'sha256:3ef8b44b2a1c99887766' },
		{ instruction: 'Imported from -', size: 1982433, created: NOW, empty: false, digest: 'sha256:cef917bb0011aabbccdd' },
	];
	const { lastFrame } = render(<LayersPanel {...listProps} image="demo:1" resource={{ loading: false, value: { rows, mapping: 'history' } }} visible={rows} total={3} />);
	const frame = lastFrame()!;
	assert.match(frame, /3 Layers of demo:1.*2 layers · 3 steps/);
	assert.match(frame, /CMD \["sh"\]\s+0B metadata/);
	assert.match(frame, /WORKDIR \/app\s+0B 3ef8b44b2a1c/);
	assert.match(frame, /Imported from -\s+1.98MB cef917bb0011/);
});

test('the too-small screen names the size it needs and never throws, even at 1x1', () => {
	assert.match(render(<TooSmall columns={60} rows={20} />).lastFrame()!, /Terminal too small[\s\S]*60x20, needs 80x24/);
	assert.doesNotThrow(() => render(<TooSmall columns={1} rows={1} />).lastFrame());
});
