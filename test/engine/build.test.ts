import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { connectEngine, type Engine } from '../../source/docker/client.js';
import { resolveEndpoint } from '../../source/docker/endpoint.js';
import { scanContext } from '../../source/copy/context.js';
import { BuildSession } from '../../source/store/build-session.js';
import { FIXTURES } from '../support/engine.js';
import { eventually, requireEngine, uniqueName, type EngineHandle } from '../support/test-engine.js';

let handle: EngineHandle | undefined;
let engine: Engine;
let root: string;
const images: string[] = [];

before(async t => {
	handle = requireEngine(t as never);
	if (!handle) return;
	engine = await connectEngine(resolveEndpoint(handle.host, {}));
	root = await fs.mkdtemp(path.join(os.tmpdir(), 'dd-build-'));
});

after(async () => {
	if (handle && images.length) await handle.docker('rmi', '-f', ...images).catch(() => undefined);
	if (root) await fs.rm(root, { recursive: true, force: true });
});

/** A context folder with these files. */
async function folder(files: Readonly<Record<string, string>>): Promise<string> {
	const dir = await fs.mkdtemp(path.join(root, 'ctx-'));
	for (const [name, text] of Object.entries(files)) {
		await fs.mkdir(path.dirname(path.join(dir, name)), { recursive: true });
		await fs.writeFile(path.join(dir, name), text);
	}
	return dir;
}

async function build(
	dir: string,
	tag: string | undefined,
	extra: { target?: string; buildArgs?: Record<string, string> } = {},
): Promise<BuildSession> {
	if (tag) images.push(tag);
	const context = await scanContext(dir, 'Dockerfile');
	const session = new BuildSession(engine.api, {
		context,
		tag,
		buildArgs: extra.buildArgs ?? {},
		target: extra.target,
		noCache: false,
		command: 'docker build',
	});
	await session.done();
	return session;
}

/** What `cat` prints in a throwaway container of the image; '' when the file is missing. */
async function fileIn(image: string, file: string): Promise<string> {
	return (await handle!.docker('run', '--rm', '--entrypoint', 'sh', image, '-c', `cat ${file} 2>/dev/null || true`)).trim();
}

const FIXTURE_DOCKERFILE = `FROM ${FIXTURES.baseImage}
COPY deps.txt /app/deps.txt
RUN cat /app/deps.txt > /app/installed.txt
COPY app.txt /app/app.txt
CMD ["cat", "/app/app.txt"]
`;

test('building twice with only the last copied file changed: earlier steps come from the cache and their layers are shared', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const tag = `${uniqueName('dd-build')}:1`;
	// a unique deps.txt: no other build of this run can have cached these steps
	const dir = await folder({ Dockerfile: FIXTURE_DOCKERFILE, 'deps.txt': `${tag}\n`, 'app.txt': 'version one\n' });
	const first = await build(dir, tag);
	assert.equal(first.phase, 'done', first.log.error?.message ?? first.failure);
	assert.equal(first.previous, undefined, 'the tag named nothing before');
	assert.deepEqual(
		first.log.steps.map(s => s.status === 'cached'),
		[false, false, false, false, false],
		'nothing came from the cache the first time',
	);
	assert.equal(first.log.steps[2]!.status, 'ran', 'the RUN step ran in a container');

	await fs.writeFile(path.join(dir, 'app.txt'), 'version two\n');
	const second = await build(dir, tag);
	assert.equal(second.phase, 'done');
	const statuses = second.log.steps.map(s => `${s.instruction.split(' ')[0]}:${s.status === 'cached' ? 'cached' : 'rebuilt'}`);
	assert.deepEqual(
		statuses,
		['FROM:rebuilt', 'COPY:cached', 'RUN:cached', 'COPY:rebuilt', 'CMD:rebuilt'],
		'the steps before the changed COPY are cached, it and the ones after are not',
	);
	assert.equal(second.previous?.id, first.imageId, 'the previous image of the tag is remembered');
	const now = JSON.parse(await h.docker('image', 'inspect', tag)) as [{ Id: string; RootFS: { Layers: string[] } }];
	assert.equal(now[0].Id, second.imageId);
	const layers = now[0].RootFS.Layers;
	const before = second.previous!.layers;
	assert.equal(layers.length, before.length);
	assert.deepEqual(layers.slice(0, -1), before.slice(0, -1), 'all but the last layer are the same layers as before');
	assert.notEqual(layers.at(-1), before.at(-1), 'the last COPY made a new layer');
	assert.equal(await fileIn(tag, '/app/app.txt'), 'version two');
});

test('.dockerignore keeps a file out of the context, and so out of the image', async t => {
	if (!requireEngine(t)) return;
	const tag = `${uniqueName('dd-ignore')}:1`;
	const dir = await folder({
		Dockerfile: `FROM ${FIXTURES.baseImage}\nCOPY . /ctx/\n`,
		'.dockerignore': '# secrets stay home\nsecret.env\nlogs/\n!logs/keep.log\n',
		'secret.env': 'TOKEN=hunter2\n',
		'logs/debug.log': 'noise\n',
		'logs/keep.log': 'kept\n',
		'app.txt': 'app\n',
	});
	const context = await scanContext(dir, 'Dockerfile');
	assert.deepEqual(context.ignored, ['logs/', 'secret.env'], 'the scan names what it leaves out');
	const session = await build(dir, tag);
	assert.equal(session.phase, 'done', session.log.error?.message);
	const listing = (await handle!.docker('run', '--rm', tag, 'find', '/ctx', '-type', 'f')).trim().split('\n').sort();
	assert.deepEqual(listing, ['/ctx/.dockerignore', '/ctx/Dockerfile', '/ctx/app.txt', '/ctx/logs/keep.log']);
});

test('a failing RUN reports its output and exit code, and tags nothing', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const tag = `${uniqueName('dd-fail')}:1`;
	const dir = await folder({ Dockerfile: `FROM ${FIXTURES.baseImage}\nRUN echo preparing && echo broken >&2 && exit 3\nRUN echo never\n` });
	const session = await build(dir, tag);
	assert.equal(session.phase, 'failed');
	assert.equal(session.log.error?.exitCode, 3);
	const failing = session.log.steps.at(-1)!;
	assert.equal(failing.status, 'failed');
	assert.match(failing.instruction, /^RUN echo preparing/);
	assert.ok(failing.output.includes('preparing'), `its output is kept: ${JSON.stringify(failing.output)}`);
	assert.ok(failing.output.includes('broken'), 'stderr too');
	assert.equal(session.log.steps.length, 2, 'the step after it never started');
	await assert.rejects(h.docker('image', 'inspect', tag), 'no image carries the tag');
	const leftovers = (await h.docker('ps', '-aq', '--filter', `ancestor=${FIXTURES.baseImage}`, '--filter', 'status=exited')).trim();
	assert.ok(
		!(await h.docker('ps', '-a', '--format', '{{.Command}}')).includes('preparing'),
		`no intermediate container is left: ${leftovers}`,
	);
});

test('a two-stage build keeps only the last stage: the first stage files are not in the image', async t => {
	if (!requireEngine(t)) return;
	const tag = `${uniqueName('dd-stages')}:1`;
	const dir = await folder({
		Dockerfile: `FROM ${FIXTURES.baseImage} AS builder\nARG FLAVOUR=plain\nRUN mkdir /work && echo "tool $FLAVOUR" > /work/tool && echo scratch > /work/scratch.txt\n\nFROM ${FIXTURES.baseImage}\nCOPY --from=builder /work/tool /usr/local/bin/tool\n`,
	});
	const context = await scanContext(dir, 'Dockerfile');
	assert.deepEqual(context.stages, ['builder']);
	assert.deepEqual(context.args, ['FLAVOUR']);
	const session = await build(dir, tag, { buildArgs: { FLAVOUR: 'spicy' } });
	assert.equal(session.phase, 'done', session.log.error?.message);
	assert.equal(await fileIn(tag, '/usr/local/bin/tool'), 'tool spicy', 'the build arg reached the first stage');
	assert.equal(await fileIn(tag, '/work/scratch.txt'), '', 'the first stage is not in the image');

	const only = `${uniqueName('dd-target')}:1`;
	const first = await build(dir, only, { target: 'builder' });
	assert.equal(first.phase, 'done');
	assert.equal(await fileIn(only, '/work/scratch.txt'), 'scratch', '--target builder stops at the first stage');
});

test('stopping a build mid-step: the session says so at once, nothing is tagged, no step container stays behind', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const tag = `${uniqueName('dd-stop')}:1`;
	const marker = uniqueName('long-step');
	const dir = await folder({ Dockerfile: `FROM ${FIXTURES.baseImage}\nRUN echo ${marker} && sleep 60\n` });
	images.push(tag);
	const context = await scanContext(dir, 'Dockerfile');
	const session = new BuildSession(engine.api, { context, tag, buildArgs: {}, noCache: false, command: 'docker build' });
	await eventually('the long step running', () => session.log.current?.output.includes(marker), 10000);
	const asked = Date.now();
	session.cancel();
	await session.done();
	assert.equal(session.phase, 'cancelled');
	assert.ok(Date.now() - asked < 2000, 'it ends without waiting for the step');
	await assert.rejects(h.docker('image', 'inspect', tag), 'nothing is tagged');
	await eventually(
		'the step container gone',
		async () => !(await h.docker('ps', '-a', '--no-trunc', '--format', '{{.Command}}')).includes(marker),
		15000,
		250,
	);
});
