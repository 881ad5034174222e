import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkBuild, tagForFolder, buildCommand } from '../../source/forms/build-form.js';
import { runSpec } from '../../source/actions/run.js';
import { createOptions } from '../../source/docker/run.js';
import { checkRun, runDefaults, type RunContext } from '../../source/forms/run-form.js';
import type { BuildContext } from '../../source/copy/context.js';
import { dockerfileFacts } from '../../source/copy/context.js';
import type { ContainerSummary, ImageDetail, ImageRow } from '../../source/model/types.js';
import { BuildLog } from '../../source/format/build-log.js';
import { isIgnored, parseDockerignore } from '../../source/format/dockerignore.js';
import { expandPortSpec, parsePortSpec } from '../../source/format/port-spec.js';
import { formReducer, ON, type FormState } from '../../source/forms/form.js';

test('.dockerignore: the docker pattern rules', () => {
	const rules = parseDockerignore(
		['# comment', '', 'node_modules', '/dist/', '*.log', '!keep.log', '**/*.tmp', 'docs/**', '!docs/README.md', 'a?c', '[xy].txt'].join(
			'\n',
		),
	);
	const cases: [string, boolean][] = [
		['node_modules', true],
		['node_modules/left-pad/index.js', true],
		['src/node_modules/x', false], // a pattern without ** is anchored at the root
		['dist/app.js', true],
		['error.log', true],
		['logs/error.log', false], // * does not cross a /
		['keep.log', false], // the later exception wins
		['a/b/c.tmp', true],
		['c.tmp', true], // **/ matches no folder as well
		['docs/guide/intro.md', true],
		['docs/README.md', false],
		['abc', true],
		['abbc', false],
		['x.txt', true],
		['z.txt', false],
		['Dockerfile', false],
	];
	for (const [file, ignored] of cases) assert.equal(isIgnored(rules, file), ignored, file);
	assert.deepEqual(parseDockerignore('./a/../b\n!\n\n'), [{ pattern: 'b', exception: false, regex: /^b$/ }]);
});

test('port mappings: what docker run -p accepts, and one-line reasons for what it refuses', () => {
	assert.deepEqual(parsePortSpec('8080:80'), { ip: '', hostPort: '8080', containerPort: '80', protocol: 'tcp' });
	assert.deepEqual(parsePortSpec('127.0.0.1:53:53/udp'), { ip: '127.0.0.1', hostPort: '53', containerPort: '53', protocol: 'udp' });
	assert.deepEqual(parsePortSpec('[::1]::80'), { ip: '::1', hostPort: '', containerPort: '80', protocol: 'tcp' });
	assert.deepEqual(parsePortSpec('9000'), { ip: '', hostPort: '', containerPort: '9000', protocol: 'tcp' });
	assert.deepEqual(expandPortSpec(parsePortSpec('8000-8001:80-81')), [
		{ container: '80/tcp', host: '8000' },
		{ container: '81/tcp', host: '8001' },
	]);
	assert.throws(() => parsePortSpec('8080:0'), /container port "0" is out of range/);
	assert.throws(() => parsePortSpec('http:80'), /host port "http" is not a port number/);
	assert.throws(() => parsePortSpec('80/icmp'), /protocol must be tcp, udp or sctp/);
	assert.throws(() => parsePortSpec('1:2:3:4'), /not a port mapping/);
	assert.throws(() => parsePortSpec('8000-8002:80-81'), /ranges differ in length/);
	assert.throws(() => parsePortSpec('8080:'), /no container port/);
});

test('the build log: steps, cache hits, output split across chunks, stderr colour removed, the failing exit code', () => {
	let now = 1000;
	const log = new BuildLog(() => now);
	const chunks = [
		'Step 1/3 : FROM base\n',
		' ---> fd0d31eef5a6\n',
		'Step 2/3 : COPY a /a\n ---> Using cache\n ---> 0123456789ab\n',
		'Step 3/3 : RUN make\n',
		' ---> Running in 5d6e7f8a9b0c\n',
		'compil',
		'ing\n\u001b[91moops\n\u001b[0m',
		'progress 10%\rprogress 100%\n',
	];
	for (const stream of chunks) {
		now += 100;
		log.push({ stream });
	}
	log.push({ errorDetail: { code: 2, message: "The command '/bin/sh -c make' returned a non-zero code: 2" }, error: 'x' });
	log.finish();
	assert.deepEqual(
		log.steps.map(s => [s.index, s.instruction, s.status]),
		[
			[1, 'FROM base', 'new'],
			[2, 'COPY a /a', 'cached'],
			[3, 'RUN make', 'failed'],
		],
	);
	assert.deepEqual(log.steps[2]!.output, ['compiling', 'oops', 'progress 100%']);
	assert.equal(log.error?.exitCode, 2);
	assert.deepEqual(log.counts(), { cached: 1, built: 0 }, 'FROM is not counted, the failed step neither');

	const ok = new BuildLog();
	ok.push({ stream: 'Step 1/1 : FROM base\n ---> abcdefabcdef\n' });
	ok.push({ aux: { ID: 'sha256:feed' } });
	ok.push({ stream: 'Successfully built abcdefabcdef\nSuccessfully tagged app:1\n' });
	ok.finish();
	assert.equal(ok.imageId, 'sha256:feed');
	assert.deepEqual(ok.tags, ['app:1']);
	assert.equal(ok.error, undefined);
	const code = new BuildLog();
	code.push({ error: "The command '/bin/sh -c false' returned a non-zero code: 1" });
	assert.equal(code.error?.exitCode, 1, 'read from the message when the detail has no code');
});

const demo: ImageDetail = {
	id: 'sha256:demo',
	tags: ['demo:1'],
	digests: [],
	cmd: ['sh', '-c', 'echo hi'],
	entrypoint: null,
	env: ['PATH=/bin', 'GREETING=hello'],
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
const demoRow: ImageRow = {
	key: 'sha256:demo#demo:1',
	id: 'sha256:demo',
	repository: 'demo',
	tag: '1',
	dangling: false,
	size: 1,
	created: 0,
	digests: [],
};
const web: ContainerSummary = {
	id: 'c1',
	name: 'web',
	image: 'demo:1',
	imageId: 'sha256:demo',
	state: 'running',
	status: 'Up',
	ports: '0.0.0.0:8080->80/tcp',
	created: 0,
	command: 'sh',
};
const runCtx: RunContext = { image: demoRow, detail: demo, containers: [web], detachKeys: 'ctrl-p ctrl-q' };

test('the run form: defaults from the image, each problem flagged on its field, the docker run line', () => {
	const defaults = runDefaults(demo);
	assert.equal(defaults.command, "sh -c 'echo hi'");
	assert.equal(defaults.tty, '', '-it stays off for a command that is not a bare shell');
	assert.equal(runDefaults({ ...demo, cmd: ['/bin/sh'] }).tty, ON, 'a bare shell gets -it');

	const clean = checkRun(defaults, runCtx);
	assert.ok(clean.plan);
	assert.equal(clean.plan.cmd, undefined, 'the image CMD unchanged is not an override');
	assert.equal(clean.model.command, 'docker run -d demo:1');

	const bad = checkRun(
		{
			...defaults,
			name: 'web',
			env: 'GREETING=bye MODE',
			ports: '8080:80 9090:90 9090:91',
			rm: ON,
			restart: 'always',
			command: "sh -c 'unclosed",
		},
		runCtx,
	);
	assert.equal(bad.plan, undefined);
	assert.match(bad.model.errors.name!, /a container named web exists already/);
	assert.match(bad.model.errors.env!, /"MODE" has no "="/);
	assert.match(bad.model.errors.ports!, /host port 8080 is already published by web/);
	assert.match(bad.model.errors.restart!, /--rm and --restart always conflict/);
	assert.match(bad.model.errors.command!, /unclosed ' quote/);
	assert.match(checkRun({ ...defaults, ports: '9090:90 9090:91' }, runCtx).model.errors.ports!, /host port 9090 is given twice/);
	assert.match(checkRun({ ...defaults, name: 'a b' }, runCtx).model.errors.name!, /not a valid name/);

	const good = checkRun(
		{
			...defaults,
			name: 'api-1',
			mode: 'attached',
			interactive: ON,
			tty: ON,
			env: 'GREETING=bye "NOTE=two words"',
			ports: '127.0.0.1:9000:80/udp',
			command: 'sh',
			restart: 'unless-stopped',
		},
		runCtx,
	);
	assert.ok(good.plan, JSON.stringify(good.model.errors));
	assert.match(good.model.notes.env!.text, /overrides the image's GREETING=hello/);
	assert.equal(
		good.model.command,
		"docker run -it --name api-1 -e GREETING=bye -e 'NOTE=two words' -p 127.0.0.1:9000:80/udp --restart unless-stopped demo:1 sh",
	);
	const options = createOptions(runSpec(good.plan, demoRow));
	assert.deepEqual(options.Cmd, ['sh']);
	assert.deepEqual(options.Env, ['GREETING=bye', 'NOTE=two words']);
	assert.equal(options.StdinOnce, true, 'attached -i: stdin closes with the client, as docker run does');
	assert.deepEqual(options.HostConfig?.PortBindings, { '80/udp': [{ HostIp: '127.0.0.1', HostPort: '9000' }] });
	assert.deepEqual(options.HostConfig?.RestartPolicy, { Name: 'unless-stopped' });
	assert.match(
		checkRun({ ...defaults, command: '' }, { ...runCtx, detail: { ...demo, cmd: null } }).model.errors.command!,
		/no CMD or ENTRYPOINT/,
	);
});

test('the build form: tag, build args and target checked against the Dockerfile', () => {
	const context: BuildContext = {
		dir: '/src/app',
		dockerfile: 'Dockerfile',
		dockerfilePath: '/src/app/Dockerfile',
		plan: { entries: [], totalBytes: 200 * 1024 * 1024, skipped: [] },
		files: 3,
		ignored: ['node_modules/'],
		stages: ['builder'],
		args: ['VERSION'],
	};
	const scan = { key: 'k', status: 'ready' as const, context };
	const existing: ImageRow = { ...demoRow, repository: 'app', tag: 'latest', key: 'sha256:old#app:latest', id: 'sha256:0123456789abcdef' };
	const result = checkBuild(
		{ context: '/src/app', dockerfile: 'Dockerfile', tag: 'app', args: 'VERSION=2 OTHER=1', target: 'builder', nocache: '' },
		scan,
		[existing],
	);
	assert.ok(result.request);
	assert.match(result.model.notes.tag!.text, /moves app:latest from 0123456789ab/);
	assert.match(result.model.notes.args!.text, /declares no ARG OTHER/);
	assert.match(result.model.lines[0]!.text, /Large context: 210MB goes to the engine before the first step/);
	assert.match(result.model.notes.context!.text, /leaves out node_modules\//);
	assert.equal(result.model.command, 'docker build -t app --build-arg VERSION=2 --build-arg OTHER=1 --target builder /src/app');
	assert.match(
		checkBuild({ context: '/src/app', target: 'final', tag: 'App' }, scan, []).model.errors.target!,
		/no stage named final: the stages are builder/,
	);
	assert.match(checkBuild({ context: '/src/app', tag: 'App' }, scan, []).model.errors.tag!, /uppercase/);
	assert.match(checkBuild({ context: '/src/app', args: 'NOVALUE' }, scan, []).model.errors.args!, /"NOVALUE" has no "="/);
	assert.equal(
		checkBuild({ context: '/x' }, { key: 'k', status: 'error', field: 'context', message: '/x does not exist' }, []).model.errors.context,
		'/x does not exist',
	);
	assert.equal(
		checkBuild({ context: '/x' }, { key: 'k', status: 'scanning' }, []).request,
		undefined,
		'nothing goes before the folder is read',
	);
	assert.equal(tagForFolder('/home/me/My Project!'), 'my-project:latest');
	assert.equal(buildCommand('ctx', 'docker/Dockerfile.dev', '', {}, '', true), 'docker build -f ctx/docker/Dockerfile.dev --no-cache ctx');
	assert.deepEqual(dockerfileFacts('ARG BASE=x\nFROM --platform=linux/amd64 $BASE AS Build\nRUN a \\\n  && b\nFROM build\nARG MODE\n'), {
		stages: ['build'],
		args: ['BASE', 'MODE'],
		froms: 2,
	});
});

test('forms: typing edits text fields, Space and arrows flip switches and step through choices', () => {
	let form: FormState = {
		kind: 'run',
		fields: [
			{ id: 'name', label: 'Name', kind: 'text' },
			{ id: 'rm', label: 'Remove', kind: 'toggle' },
			{ id: 'mode', label: 'Mode', kind: 'choice', choices: ['a', 'b', 'c'] },
		],
		values: { name: '', rm: '', mode: 'a' },
		focus: 0,
		tried: false,
	};
	form = formReducer(formReducer(formReducer(form, { type: 'type', text: 'we' }), { type: 'type', text: 'b' }), { type: 'backspace' });
	assert.equal(form.values.name, 'we');
	form = formReducer(form, { type: 'focus', step: 1 });
	form = formReducer(form, { type: 'type', text: ' ' });
	assert.equal(form.values.rm, ON);
	assert.equal(formReducer(form, { type: 'type', text: 'x' }), form, 'letters do nothing on a switch');
	form = formReducer(form, { type: 'focus', step: 1 });
	assert.equal(formReducer(form, { type: 'cycle', step: -1 }).values.mode, 'c', 'choices wrap around');
	assert.equal(formReducer(form, { type: 'type', text: ' ' }).values.mode, 'b');
	assert.equal(formReducer(form, { type: 'focus', step: 1 }).focus, 0, 'focus wraps to the first field');
	assert.equal(formReducer(formReducer(form, { type: 'focus', step: 1 }), { type: 'clear' }).values.name, '');
});
