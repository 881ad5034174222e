import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ContainerSummary, ImageDetail, ImageRow, LayerRow } from '../../source/model/types.js';
import { computeLayout } from '../../source/components/layout.js';
import { displayWidth, wrapText } from '../../source/format/text.js';
import { setLanguage } from '../../source/i18n/index.js';
import { josa } from '../../source/i18n/particle.js';
import { referenceFacts } from '../../source/format/image-ref.js';
import { containerLesson, imageLesson, layerLesson } from '../../source/learn/explain.js';

const container = (over: Partial<ContainerSummary> = {}): ContainerSummary => ({
	id: 'c1',
	name: 'web',
	image: 'demo:1',
	imageId: 'sha256:aa',
	state: 'running',
	status: 'Up 1 minute',
	ports: '',
	created: 0,
	command: 'sh',
	...over,
});
const imageDetail = (over: Partial<ImageDetail> = {}): ImageDetail => ({
	id: 'sha256:aa',
	tags: ['demo:1'],
	digests: [],
	cmd: ['sh'],
	entrypoint: null,
	env: ['PATH=/bin', 'MODE=dev'],
	workingDir: '',
	user: '',
	exposedPorts: [],
	labels: {},
	size: 2_000_000,
	created: 0,
	architecture: 'amd64',
	os: 'linux',
	layers: ['l1', 'l2', 'l3', 'l4'],
	...over,
});
const row = (over: Partial<ImageRow> = {}): ImageRow => ({
	key: 'sha256:aa demo:1',
	id: 'sha256:aa',
	repository: 'demo',
	tag: '1',
	dangling: false,
	size: 2_000_000,
	created: 0,
	digests: [],
	...over,
});
const facts = { tty: false, openStdin: false, attachStdout: false, exitCode: 0, restartCount: 0 };
const text = (lesson: { sentences: readonly string[] }) => lesson.sentences.join(' ');

test('a container is explained from its state: the text follows mode, exit code, its thin layer and what docker run set', () => {
	setLanguage('en');
	const base = { siblings: 2, sharing: 1, detachKeys: 'ctrl-p ctrl-q', image: imageDetail() };
	let lesson = containerLesson(container(), { ...base, facts, usage: { sizeRw: 12_000, sizeRootFs: 2_012_000 } });
	assert.match(text(lesson), /web runs detached \(-d\)/);
	assert.match(text(lesson), /instance of the image demo:1 \(4 read-only layers, shared with 1 other image\)/);
	assert.match(text(lesson), /2 other containers here came from it too/);
	assert.match(text(lesson), /written 12(\.0)? ?kB to its own writable layer \(copy-on-write\), which rm would discard/);
	assert.deepEqual(lesson.commands.map(c => c.command).slice(0, 2), ['docker logs -f web', 'docker exec -it web sh']);

	lesson = containerLesson(container(), { ...base, facts: { ...facts, tty: true, openStdin: true }, detachKeys: 'ctrl-a d' });
	assert.match(text(lesson), /interactive terminal \(-it\): a attaches your keyboard to it, and ctrl-a d detaches/);
	assert.equal(lesson.commands[0]!.command, 'docker attach web');

	lesson = containerLesson(container({ state: 'exited', exitCode: 3 }), { ...base, usage: { sizeRw: 0, sizeRootFs: 2_000_000 } });
	assert.match(text(lesson), /web has stopped: its main process exited with code 3/);
	assert.match(text(lesson), /written nothing to its own writable layer/);
	assert.equal(lesson.commands[0]!.command, 'docker start -ai web');

	const detail = {
		...facts,
		id: 'c1',
		name: 'web',
		image: 'demo:1',
		imageId: 'sha256:aa',
		state: 'running' as const,
		error: '',
		command: 'sleep 9',
		cmd: ['sleep', '9'],
		entrypoint: null,
		env: ['PATH=/bin', 'MODE=prod', 'EXTRA=1'],
		mounts: [],
		ports: [],
		created: 0,
		workingDir: '',
		user: '',
		restartPolicy: 'no',
	};
	lesson = containerLesson(container(), { ...base, facts, detail });
	assert.match(text(lesson), /docker run set 2 Env entries and its command; the rest came from the image's ENV and CMD/);
	lesson = containerLesson(container(), { ...base, facts, detail: { ...detail, cmd: ['sh'], env: ['PATH=/bin', 'MODE=dev'] } });
	assert.match(text(lesson), /Its Env and command are the image's own \(ENV and CMD\)/);
});

test('image references are read the way Docker completes them', () => {
	assert.deepEqual(referenceFacts('demo:1'), {
		text: 'demo:1',
		registry: 'docker.io',
		registryDefaulted: true,
		namespace: 'library',
		namespaceDefaulted: true,
		name: 'demo',
		tag: '1',
		tagDefaulted: false,
	});
	assert.deepEqual(referenceFacts('registry.example.com:5000/team/app'), {
		text: 'registry.example.com:5000/team/app',
		registry: 'registry.example.com:5000',
		registryDefaulted: false,
		namespace: 'team',
		namespaceDefaulted: false,
		name: 'app',
		tag: 'latest',
		tagDefaulted: true,
	});
	assert.equal(referenceFacts('Bad:Name'), undefined);
});

test('an image is explained: its reference parts, a digest and why production pins it, its layers and containers', () => {
	setLanguage('en');
	const base = { containers: 3, running: 1, sharing: 2, otherTags: 0 };
	let lesson = imageLesson(row({ repository: 'registry.example.com:5000/team/app', tag: '2' }), { ...base, detail: imageDetail() });
	assert.match(
		text(lesson),
		/registry\.example\.com:5000\/team\/app:2 reads as: registry registry\.example\.com:5000, namespace team, repository app, tag 2\./,
	);
	assert.match(text(lesson), /It has no digest: it was built or imported here/);
	assert.match(text(lesson), /4 layers, 2(\.0)? ?MB, sharing layers with 2 other images/);
	assert.match(text(lesson), /3 containers \(1 running\) were created from it/);

	const digest = `demo@sha256:${'ab'.repeat(32)}`;
	lesson = imageLesson(row({ digests: [digest] }), { ...base, detail: imageDetail({ digests: [digest] }) });
	assert.match(text(lesson), /Docker Hub \(docker\.io\) is meant, namespace library \(official images\), repository demo, tag 1/);
	assert.ok(text(lesson).includes(`Its digest reference ${digest} names exactly this content`));
	assert.match(text(lesson), /which is why production deployments pin the digest/);
	assert.ok(lesson.commands.some(c => c.command === `docker pull ${digest}`));

	lesson = imageLesson(row({ dangling: true, repository: '<none>', tag: '<none>' }), { ...base, containers: 0, running: 0 });
	assert.match(text(lesson), /no tag \(dangling\).*p \(prune\) would remove it/);
	lesson = imageLesson(row(), { ...base, otherTags: 1 });
	assert.match(text(lesson), /It has 1 other tag: d removes only this name/);
});

test('a layer is explained: metadata or files, sharing, and what a change does to the build cache', () => {
	setLanguage('en');
	const layer = (instruction: string, empty: boolean): LayerRow => ({ instruction, size: empty ? 0 : 29, created: 0, empty });
	let lesson = layerLesson(layer('ENV GREETING=hello', true), { image: 'demo:1', index: 4, total: 6 });
	assert.match(
		text(lesson),
		/Step 2 of 6 \(ENV\) added no files: ENV is metadata in the image's config, and docker run can override it \(-e NAME=value\)/,
	);
	lesson = layerLesson(layer('COPY file:abc in /app/', false), { image: 'demo:1', index: 2, total: 6, sharing: 0 });
	assert.match(text(lesson), /Step 4 of 6 \(COPY\) made a read-only layer of 29 ?B\./);
	assert.match(text(lesson), /a change here runs it and the 2 later steps again/);
	lesson = layerLesson(layer('Imported from -', false), { image: 'demo:1', index: 5, total: 6, sharing: 1, base: 'dockdeck-base:latest' });
	assert.match(text(lesson), /\(docker import\).*shared with 1 other image.*It came with FROM dockdeck-base:latest/);
});

test('beside the detail pane the learn pane gets the rows its lines need, and the detail keeps at least 8', () => {
	assert.deepEqual([computeLayout(200, 50, true, 20).learn?.height, computeLayout(200, 50, true, 20).detail.height], [22, 28]);
	assert.deepEqual([computeLayout(200, 50, true, 80).learn?.height, computeLayout(200, 50, true, 80).detail.height], [42, 8]);
	// stacked, it takes the detail pane's place whatever its length
	assert.deepEqual([computeLayout(120, 38, true, 80).learn?.height, computeLayout(120, 38, true, 80).detail.height], [16, 0]);
});

test('the same facts in Korean, and wrapped Hangul never passes the pane width', () => {
	setLanguage('ko');
	try {
		const lesson = containerLesson(container({ state: 'exited', exitCode: 3 }), {
			siblings: 0,
			detachKeys: 'ctrl-p ctrl-q',
			usage: { sizeRw: 12_000, sizeRootFs: 2_012_000 },
		});
		assert.match(text(lesson), /web는 멈췄습니다: 주 프로세스가 코드 3으로 끝났습니다/);
		assert.match(text(lesson), /쓰기 레이어\(copy-on-write\)에 12(\.0)? ?kB를 썼고, rm 하면 사라집니다/);
		for (const width of [10, 37, 78]) {
			for (const sentence of lesson.sentences)
				for (const line of wrapText(sentence, width)) assert.ok(displayWidth(line) <= width, `"${line}" is wider than ${width}`);
		}
		assert.deepEqual(wrapText('가나다라마바', 5), ['가나', '다라', '마바']);
		// particles follow the word: 은/는, 을/를, 으로/로 (ㄹ takes 로)
		assert.deepEqual(
			[
				josa('서울', '는'),
				josa('도쿄', '은'),
				josa('web', '를'),
				josa('html', '을'),
				josa(3, '로'),
				josa(1, '으로'),
				josa('파일', '으로'),
				josa('명령', '와'),
			],
			['서울은', '도쿄는', 'web를', 'html을', '3으로', '1로', '파일로', '명령과'],
		);
		const both = containerLesson(container(), {
			siblings: 0,
			detachKeys: 'ctrl-p ctrl-q',
			facts,
			image: imageDetail(),
			detail: {
				...facts,
				id: 'c1',
				name: 'web',
				image: 'demo:1',
				imageId: 'sha256:aa',
				state: 'running',
				error: '',
				command: 'sleep 9',
				cmd: ['sleep', '9'],
				entrypoint: null,
				env: ['PATH=/bin', 'MODE=prod'],
				mounts: [],
				ports: [],
				created: 0,
				workingDir: '',
				user: '',
				restartPolicy: 'no',
			},
		});
		assert.match(text(both), /docker run 이 환경 변수 1개와 명령을 지정했고/);
	} finally {
		setLanguage('en');
	}
});
