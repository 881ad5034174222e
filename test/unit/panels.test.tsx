import assert from 'node:assert/strict';
import { test } from 'node:test';
import { render } from 'ink-testing-library';
import stringWidth from 'string-width';
import { TooSmall } from '../../source/components/too-small.js';
import { Header } from '../../source/components/header.js';
import * as statusModule from '../../source/format/container-mode.js';
import type { ContainerRunFacts, ContainerSummary, ImageRow, LayerRow } from '../../source/model/types.js';
import { ContainersPanel } from '../../source/panels/containers-panel.js';
import { ImagesPanel } from '../../source/panels/images-panel.js';
import { LayersPanel } from '../../source/panels/layers-panel.js';
import { ChangesView } from '../../source/screens/changes/changes-view.js';
import { imageDetailLines, removalFrees } from '../../source/panels/detail-lines.js';
import { computeLayout } from '../../source/components/layout.js';

const NOW = Date.parse('2026-11-23T12:00:00Z');
const container = (over: Partial<ContainerSummary>): ContainerSummary => ({
	id: over.name ?? 'x',
	name: 'x',
	image: 'demo:1',
	imageId: 'sha256:aaa',
	state: 'running',
	status: 'Up 5 minutes',
	ports: '',
	created: NOW - 3600_000,
	command: 'sh',
	...over,
});
const facts = (over: Partial<ContainerRunFacts>): ContainerRunFacts => ({
	tty: false,
	openStdin: false,
	attachStdout: false,
	exitCode: 0,
	restartCount: 0,
	startedAt: NOW - 120_000,
	...over,
});
const listProps = { width: 100, height: 10, focused: true, cursor: 0, filter: '', editing: false };

test('containers show name, image, the mode badge and a status that stays true', () => {
	const containers = [
		container({ name: 'web', id: 'w', ports: '8080->80/tcp' }),
		container({ name: 'shell', id: 's' }),
		container({ name: 'job', id: 'j', state: 'exited', status: 'Exited (3) 2 minutes ago', exitCode: 3 }),
		container({ name: 'new', id: 'n' }),
	];
	const known = new Map([
		['w', facts({})],
		['s', facts({ tty: true, openStdin: true })],
		['j', facts({ exitCode: 3, finishedAt: NOW - 120_000 })],
	]);
	const { lastFrame } = render(<ContainersPanel {...listProps} containers={containers} facts={known} now={NOW} loaded total={4} />);
	const lines = lastFrame()!.split('\n');
	const row = (name: string) => lines.find(l => l.includes(` ${name} `) || l.includes(`│${name} `)) ?? '';
	assert.match(lines[0]!, /1 Containers.*4 · 3 running/);
	assert.match(row('web'), /demo:1\s+detached\s+Up 2m\s+8080->80\/tcp\s+1h/);
	assert.match(row('shell'), /-it\s+Up 2m/);
	assert.match(row('job'), /exit 3\s+Exited 2m ago/);
	assert.match(row('new'), /running\s+Up 5 minutes/, 'before its inspect arrives, the engine status shows');
	assert.ok(
		lines.every(l => l.length <= 100),
		'nothing overflows the width',
	);
});

test('health and restart loops show whole at 80 and 120 columns: a failing check in red, a loop in yellow', () => {
	const containers = [
		container({ name: 'api', id: 'a', health: 'unhealthy', ports: '0.0.0.0:8080->80/tcp, :::8080->80/tcp' }),
		container({ name: 'db', id: 'd', health: 'healthy' }),
		container({ name: 'worker', id: 'w', health: 'starting' }),
		container({ name: 'crashy', id: 'c', state: 'restarting', status: 'Restarting (1) 2 seconds ago' }),
		container({ name: 'flaky', id: 'f' }),
		container({ name: 'plain', id: 'p' }),
	];
	const known = new Map([
		['a', facts({ startedAt: NOW - 13 * 3600_000 })],
		['d', facts({})],
		['w', facts({})],
		['c', facts({ restartCount: 12 })],
		['f', facts({ restartCount: 3 })],
		['p', facts({})],
	]);
	for (const width of [80, 120]) {
		const { lastFrame } = render(
			<ContainersPanel {...listProps} width={width} containers={containers} facts={known} now={NOW} loaded total={6} />,
		);
		const lines = lastFrame()!.split('\n');
		const row = (name: string) => lines.find(l => l.includes(`│${name} `)) ?? '';
		assert.match(row('api'), /Up 13h \(unhealthy\)/, `whole at ${width}: ${row('api')}`);
		assert.match(row('db'), /Up 2m \(healthy\)/);
		assert.match(row('worker'), /Up 2m \(starting\)/);
		assert.match(row('crashy'), /restart\s+Restarting ↻12/);
		assert.match(row('flaky'), /Up 2m ↻3/);
		assert.ok(
			lines.every(l => stringWidth(l) <= width),
			'nothing overflows the width',
		);
	}
	const { containerStatus } = statusModule;
	assert.equal(containerStatus(containers[0]!, known.get('a'), NOW).tone, 'bad');
	assert.equal(containerStatus(containers[1]!, known.get('d'), NOW).tone, undefined);
	assert.equal(containerStatus(containers[2]!, known.get('w'), NOW).tone, 'warn');
	assert.equal(containerStatus(containers[3]!, known.get('c'), NOW).tone, 'warn');
	assert.equal(containerStatus(containers[4]!, known.get('f'), NOW).tone, 'warn');
	assert.equal(containerStatus(containers[5]!, known.get('p'), NOW).tone, undefined);
});

test('the header names unhealthy and restarting containers before the counts, so a narrow terminal keeps them', () => {
	const engine = { address: 'unix:///var/run/docker.sock', version: '28.0.1', apiVersion: '1.47', os: 'linux', arch: 'amd64' };
	const { lastFrame } = render(
		<Header engine={engine} width={80} containers={120} running={80} images={40} unhealthy={2} restarting={1} readOnly={false} />,
	);
	assert.match(
		lastFrame()!,
		/^dockdeck · default · unix:\/\/\/var\/run\/docker\.sock · 2 unhealthy, 1 restarting · …$/,
		'the address, then what needs a look; the counts are cut first',
	);
	const calm = render(<Header engine={engine} width={120} containers={3} running={2} images={4} readOnly={false} />).lastFrame()!;
	assert.doesNotMatch(calm, /unhealthy|restarting/);
});

test('an empty or filtered list says why it is empty', () => {
	const empty = render(<ContainersPanel {...listProps} containers={[]} facts={new Map()} now={NOW} loaded total={0} />);
	assert.match(empty.lastFrame()!, /No containers\. docker run -d <image> starts one\./);
	const filtered = render(<ContainersPanel {...listProps} filter="zzz" containers={[]} facts={new Map()} now={NOW} loaded total={3} />);
	assert.match(filtered.lastFrame()!, /\/zzz: 0 of 3/);
	assert.match(filtered.lastFrame()!, /No container matches "zzz" \(Esc clears\)/);
});

test('images show one row per tag, dangling ones marked, with the containers that use them', () => {
	const image = (over: Partial<ImageRow>): ImageRow => ({
		key: over.key ?? 'k',
		id: 'sha256:0123456789abcdef',
		repository: 'demo',
		tag: '1',
		dangling: false,
		size: 1982433,
		created: NOW - 7200_000,
		digests: [],
		...over,
	});
	const images = [
		image({ key: 'a' }),
		image({ key: 'b', tag: 'latest' }),
		image({ key: 'c', id: 'sha256:fedcba9876543210', repository: '<none>', tag: '<none>', dangling: true }),
	];
	const { lastFrame } = render(
		<ImagesPanel {...listProps} images={images} usedBy={new Map([['sha256:0123456789abcdef', 2]])} now={NOW} loaded total={3} />,
	);
	const frame = lastFrame()!;
	// disk usage not read yet: the split shows as pending
	assert.match(frame, /demo:1\s+0123456789ab\s+1.98MB\s+…\s+…\s+2h\s+2/);
	assert.match(frame, /demo:latest/);
	assert.match(frame, /<none> \(dangling\)\s+fedcba987654\s+1.98MB\s+…\s+…\s+2h\s+0/);
	assert.match(frame, /3 · 1 dangling/);
});

test('layers show instruction, size and digest, metadata steps marked', () => {
	const rows: LayerRow[] = [
		{ instruction: 'CMD ["sh"]', size: 0, created: NOW, empty: true },
		{ instruction: 'WORKDIR /app', size: 0, created: NOW, empty: false, digest: 'sha256:3ef8b44b2a1c99887766' },
		{ instruction: 'Imported from -', size: 1982433, created: NOW, empty: false, digest: 'sha256:cef917bb0011aabbccdd' },
	];
	const { lastFrame } = render(
		<LayersPanel {...listProps} image="demo:1" resource={{ value: { rows, mapping: 'history' } }} visible={rows} total={3} />,
	);
	const frame = lastFrame()!;
	assert.match(frame, /3 Layers of demo:1.*2 layers · 3 steps/);
	assert.match(frame, /CMD \["sh"\]\s+0B\s+metadata/);
	assert.match(frame, /WORKDIR \/app\s+0B\s+\?\s+3ef8b44b2a1c/, 'sharing not known yet');
	assert.match(frame, /Imported from -\s+1.98MB\s+\?\s+cef917bb0011/);
	// at start, while the other images' layers are still being read, the count is pending rather than unknown
	const indexing = render(
		<LayersPanel {...listProps} image="demo:1" resource={{ value: { rows, mapping: 'history' } }} visible={rows} total={3} indexing />,
	).lastFrame()!;
	assert.match(indexing, /WORKDIR \/app\s+0B\s+…\s+3ef8b44b2a1c/);
	assert.match(indexing, /CMD \["sh"\]\s+0B\s+metadata/, 'a metadata step shares nothing either way');
});

test('the too-small screen names the size it needs and never throws, even at 1x1', () => {
	assert.match(render(<TooSmall columns={60} rows={20} />).lastFrame()!, /Terminal too small[\s\S]*60x20, needs 80x24/);
	assert.doesNotThrow(() => render(<TooSmall columns={1} rows={1} />).lastFrame());
});

const LAYER_ROWS: LayerRow[] = [
	{ instruction: 'CMD ["cat", "/app/built.txt"]', size: 0, created: NOW, empty: true },
	{ instruction: 'RUN echo built > /app/built.txt', size: 6, created: NOW, empty: false, digest: 'sha256:1ebc0d9fcd74aa' },
	{ instruction: 'WORKDIR /app', size: 0, created: NOW, empty: false, digest: 'sha256:cb21dcf44987bb' },
	{ instruction: 'CMD ["/bin/sh"]', size: 0, created: NOW, empty: true },
	{ instruction: 'Imported from -', size: 1982433, created: NOW, empty: false, digest: 'sha256:fd5477f287bacc' },
];
const SHARING = {
	others: (digest: string) =>
		digest === 'sha256:fd5477f287bacc' ? ['base:1', 'other:2'] : digest === 'sha256:cb21dcf44987bb' ? ['other:2'] : [],
	names: false,
	base: { label: 'base:1', steps: 2 },
};

for (const [columns, rows] of [
	[80, 24],
	[160, 48],
] as const) {
	test(`at ${columns}x${rows}, layers count the images sharing each layer and mark where the base ends`, () => {
		const size = computeLayout(columns, rows - 2).layers;
		const props = { ...listProps, ...size };
		const counted = render(
			<LayersPanel
				{...props}
				image="demo:1"
				resource={{ value: { rows: LAYER_ROWS, mapping: 'history' } }}
				visible={LAYER_ROWS}
				total={5}
				sharing={SHARING}
			/>,
		).lastFrame()!;
		assert.match(counted, /RUN echo bu.*6B\s+0\s+1ebc0d9fcd74/, 'a layer only this image has');
		assert.match(counted, /WORKDIR \/app\s+0B\s+1\s+cb21dcf44987/);
		if (columns >= 160) {
			assert.match(counted, /Imported from -\s+1.98MB\s+2\s+fd5477f287ba/);
			assert.match(counted, /RUN echo built.*own/);
			assert.match(counted, /CMD \["\/bin\/sh"\].*base▔▔/, 'the newest step of the base is marked');
			assert.match(counted, /Imported from -.*base/);
			assert.match(counted, /on base:1/);
		}
		const named = render(
			<LayersPanel
				{...props}
				image="demo:1"
				resource={{ value: { rows: LAYER_ROWS, mapping: 'history' } }}
				visible={LAYER_ROWS}
				total={5}
				sharing={{ ...SHARING, names: true }}
			/>,
		).lastFrame()!;
		assert.match(named, /ALSO IN/);
		assert.match(named, /WORKDIR \/app\s+0B\s+other:2/);
		assert.match(named, /RUN echo bu.*only he/, 'narrow panels cut the names; the detail pane lists them whole');
		if (columns >= 160) assert.match(named, /Imported from -\s+1.98MB\s+base:1, other:2/);
	});

	test(`at ${columns}x${rows}, images show their unique and shared bytes once disk usage is read`, () => {
		const size = computeLayout(columns, rows - 2).images;
		const image: ImageRow = {
			key: 'a',
			id: 'sha256:0123456789abcdef',
			repository: 'demo',
			tag: '1',
			dangling: false,
			size: 1_982_439,
			created: NOW - 7200_000,
			digests: [],
		};
		const usage = new Map([[image.id, { size: 1_982_439, shared: 1_982_433, unique: 6, containers: 1 }]]);
		const frame = render(
			<ImagesPanel {...listProps} {...size} images={[image]} usedBy={new Map([[image.id, 1]])} now={NOW} loaded total={1} usage={usage} />,
		).lastFrame()!;
		if (columns >= 160) assert.match(frame, /UNIQUE\s+SHARED[\s\S]*demo:1\s+0123456789ab\s+1.98MB\s+6B\s+1.98MB\s+2h\s+1/);
		else assert.match(frame, /demo:1.*1.98MB/, 'narrow: the split moves to the detail pane');
	});
}

test('the image detail says what removing it frees now, which is not its size when layers are shared', () => {
	const detail = {
		id: 'sha256:0123456789abcdef',
		tags: ['demo:1'],
		digests: [],
		cmd: null,
		entrypoint: null,
		env: [],
		workingDir: '',
		user: '',
		exposedPorts: [],
		labels: {},
		size: 1_982_439,
		created: NOW,
		architecture: 'amd64',
		os: 'linux',
		layers: [],
	};
	const usage = { size: 1_982_439, shared: 1_982_433, unique: 6, containers: 0 };
	assert.equal(removalFrees(detail, 0, usage), 'frees 6B now, not 1.98MB: the 1.98MB it shares stays for the others');
	assert.match(removalFrees(detail, 2, usage), /^not possible while 2 containers use it; after that it frees 6B now/);
	assert.match(removalFrees({ ...detail, tags: ['demo:1', 'demo:latest'] }, 0, usage), /frees nothing while it has other names/);
	const lines = imageDetailLines(detail, 0, usage).map(l => `${l.label} ${l.value ?? ''}`);
	assert.ok(lines.includes('Only here 6B in layers no other local image has'));
	assert.ok(lines.includes('Shared 1.98MB in layers other local images have too (stored once)'));
});

test('the changes view lists added, changed and deleted paths and says rm loses them', () => {
	const items = [
		{ kind: 'A', path: '/data/new.bin' },
		{ kind: 'C', path: '/etc' },
		{ kind: 'D', path: '/etc/motd' },
	] as const;
	const frame = render(
		<ChangesView state={{ id: 'x', name: 'web', status: 'ready', items, cursor: 0, sizeRw: 1_048_576 }} width={100} height={12} />,
	).lastFrame()!;
	assert.match(frame, /Changes in web \(docker diff\).*1 added · 1 changed · 1 deleted · 1.05MB/);
	assert.match(frame, /lost on docker rm unless committed \(C\) or kept in a volume/);
	assert.match(frame, /A added\s+\/data\/new.bin/);
	assert.match(frame, /C changed\s+\/etc/);
	assert.match(frame, /D deleted\s+\/etc\/motd/);
});

test('an image marks the containers created from it, and a container its image', () => {
	const containers = [
		container({ name: 'web', id: 'w', imageId: 'sha256:aaa' }),
		container({ name: 'db', id: 'd', imageId: 'sha256:bbb' }),
	];
	const frame = render(
		<ContainersPanel
			{...listProps}
			cursor={1}
			containers={containers}
			facts={new Map()}
			now={NOW}
			loaded
			total={2}
			markImage="sha256:aaa"
		/>,
	).lastFrame()!;
	assert.match(frame, /▸ web/);
	assert.doesNotMatch(frame, /▸ db/);
	const image = (over: Partial<ImageRow>): ImageRow => ({
		key: over.id ?? 'k',
		id: 'sha256:aaa',
		repository: 'demo',
		tag: '1',
		dangling: false,
		size: 1,
		created: NOW,
		digests: [],
		...over,
	});
	const images = render(
		<ImagesPanel
			{...listProps}
			cursor={1}
			images={[image({}), image({ id: 'sha256:bbb', repository: 'other' })]}
			usedBy={new Map()}
			now={NOW}
			loaded
			total={2}
			markImage="sha256:aaa"
		/>,
	).lastFrame()!;
	assert.match(images, /▸ demo:1/);
	assert.doesNotMatch(images, /▸ other:1/);
});

test('the run form fits 80x24 and 100x32 (the test renderer is 100 wide): a line per field, its note or error, the docker run line', async () => {
	const { FormView } = await import('../../source/screens/forms/form-view.js');
	const { checkRun, runDefaults, RUN_FIELDS } = await import('../../source/forms/run-form.js');
	const detail = {
		id: 'sha256:demo',
		tags: ['demo:1'],
		digests: [],
		cmd: ['sh', '-c', 'echo hi'],
		entrypoint: null,
		env: ['GREETING=hello'],
		workingDir: '/',
		user: '',
		exposedPorts: ['80/tcp'],
		labels: {},
		size: 1,
		created: 0,
		architecture: 'amd64',
		os: 'linux',
		layers: [],
	};
	const image: ImageRow = {
		key: 'sha256:demo#demo:1',
		id: 'sha256:demo',
		repository: 'demo',
		tag: '1',
		dangling: false,
		size: 1,
		created: 0,
		digests: [],
	};
	const values = { ...runDefaults(detail), name: 'web 1', env: 'GREETING=bonjour 漢字=値', ports: '8080:80' };
	const { model } = checkRun(values, { image, detail, containers: [], detachKeys: 'ctrl-p ctrl-q' });
	for (const [width, height] of [
		[80, 22],
		[100, 30],
	] as const) {
		const frame = render(
			<FormView form={{ kind: 'run', fields: RUN_FIELDS, values, focus: 0, tried: false }} model={model} width={width} height={height} />,
		).lastFrame()!;
		const lines = frame.split('\n');
		assert.equal(lines.length, height);
		assert.ok(
			lines.every(l => stringWidth(l) === width),
			`every line is ${width} wide`,
		);
		assert.match(frame, /Run a container from demo:1.*1 to fix/);
		assert.match(frame, /▸ Name\s+web 1/);
		assert.match(frame, /✗ "web 1" is not a valid name/);
		assert.match(frame, /\$ docker run -d --name 'web 1' -e GREETING=bonjour/);
		assert.match(frame, /Enter \(fix the fields marked ✗ first\)/);
	}
});
