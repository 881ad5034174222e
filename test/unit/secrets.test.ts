import assert from 'node:assert/strict';
import { test } from 'node:test';
import { containerDetailLines, imageDetailLines } from '../../source/panels/detail-lines.js';
import { hasSecrets, isSecretName, MASK, maskEnvEntry, maskUrlPasswords } from '../../source/format/secrets.js';
import type { ContainerDetail, ImageDetail } from '../../source/model/types.js';

test('names that look secret, in any spelling; names that only contain the letters do not', () => {
	for (const name of [
		'PASSWORD',
		'DB_PASSWORD',
		'MYSQL_ROOT_PASSWORD',
		'GITHUB_TOKEN',
		'AWS_SECRET_ACCESS_KEY',
		'API_KEY',
		'STRIPE_APIKEY',
		'apiKey',
		'dbPassword',
		'client-secret',
		'BASIC_AUTH',
		'SENTRY_DSN',
		'GOOGLE_APPLICATION_CREDENTIALS',
		'SSH_PRIVATE_KEY',
	])
		assert.ok(isSecretName(name), name);
	for (const name of ['PATH', 'HOME', 'PWD', 'KEYBOARD', 'PASSENGER_COUNT', 'TOKENIZER_MODE', 'MONKEY', 'LANG', 'GREETING'])
		assert.ok(!isSecretName(name), name);
});

test('env entries: secret values hidden with a mask of fixed length, URL passwords hidden in any value', () => {
	assert.equal(maskEnvEntry('DB_PASSWORD=hunter2'), `DB_PASSWORD=${MASK}`);
	assert.equal(maskEnvEntry('TOKEN='), `TOKEN=${MASK}`, 'even empty: the mask says nothing about the value');
	assert.equal(maskEnvEntry('GREETING=hello'), 'GREETING=hello');
	assert.equal(maskEnvEntry('DATABASE_URL=postgres://app:s3cr3t@db:5432/app'), `DATABASE_URL=postgres://app:${MASK}@db:5432/app`);
	assert.equal(maskEnvEntry('NOVALUE'), 'NOVALUE');
	assert.equal(
		maskUrlPasswords('sh -c "curl https://bob:pa55@example.com/x && redis-cli -u redis://:pw@cache:6379"'),
		`sh -c "curl https://bob:${MASK}@example.com/x && redis-cli -u redis://:${MASK}@cache:6379"`,
	);
	assert.equal(maskUrlPasswords('https://example.com/a:b@c'), 'https://example.com/a:b@c', 'a path with : and @ is not a password');
	assert.equal(maskUrlPasswords('ssh://git@github.com/x'), 'ssh://git@github.com/x', 'a user without a password stays');
	assert.ok(hasSecrets(['A=1', 'API_KEY=x']));
	assert.ok(!hasSecrets(['A=1'], ['no url here']));
});

const container = {
	id: 'c'.repeat(64),
	name: 'web',
	image: 'app:1',
	imageId: 'sha256:' + 'a'.repeat(64),
	state: 'running',
	error: '',
	exitCode: 0,
	tty: false,
	openStdin: false,
	attachStdout: false,
	created: 0,
	startedAt: 0,
	finishedAt: 0,
	restartCount: 0,
	restartPolicy: 'no',
	command: 'app --db postgres://app:hunter2@db/app',
	workingDir: '/app',
	user: '',
	ports: [],
	mounts: [],
	env: ['PATH=/usr/bin', 'DB_PASSWORD=hunter2', 'GREETING=hello'],
} as unknown as ContainerDetail;

test('the detail pane hides secrets until revealed, and says which it is', () => {
	const hidden = containerDetailLines(container, undefined)
		.map(l => `${l.label} ${l.value ?? ''}`)
		.join('\n');
	assert.ok(!hidden.includes('hunter2'), hidden);
	assert.match(hidden, /Secrets hidden \(v shows them for this item\)/);
	assert.match(hidden, new RegExp(`DB_PASSWORD=${MASK}`));
	assert.match(hidden, /GREETING=hello/);
	const shown = containerDetailLines(container, undefined, undefined, 0, true)
		.map(l => `${l.label} ${l.value ?? ''}`)
		.join('\n');
	assert.match(shown, /DB_PASSWORD=hunter2/);
	assert.match(shown, /postgres:\/\/app:hunter2@db/);
	assert.match(shown, /Secrets shown for this item \(v hides them\)/);
	const plain = containerDetailLines({ ...container, env: ['A=1'], command: 'sleep 1' } as ContainerDetail, undefined).map(l => l.label);
	assert.ok(!plain.includes('Secrets'), 'no secrets, no line about them');

	const image = {
		id: 'sha256:' + 'b'.repeat(64),
		tags: ['app:1'],
		digests: [],
		cmd: ['app', '--url', 'https://u:p4ss@x.example'],
		entrypoint: null,
		env: ['API_TOKEN=abc'],
		workingDir: '',
		user: '',
		exposedPorts: [],
		labels: { 'db.password': 'x1', maintainer: 'me' },
		size: 1,
		created: 0,
		architecture: 'amd64',
		os: 'linux',
		layers: [],
	} as unknown as ImageDetail;
	const imageText = imageDetailLines(image, 0)
		.map(l => `${l.label} ${l.value ?? ''}`)
		.join('\n');
	for (const secret of ['abc', 'p4ss', 'x1']) assert.ok(!imageText.includes(secret), `${secret} hidden:\n${imageText}`);
	assert.match(imageText, /maintainer=me/);
});

test('what docker run changed: env set, changed or from the image; a command that is not the image CMD', async () => {
	const { runOverrides } = await import('../../source/format/run-overrides.js');
	const image = { env: ['GREETING=hello', 'LANG=C.UTF-8'], cmd: ['sh', '-c', 'while true; do echo tick; sleep 1; done'], entrypoint: null };
	const same = runOverrides({ env: ['PATH=/usr/bin', 'GREETING=hello', 'LANG=C.UTF-8'], cmd: image.cmd, entrypoint: null }, image);
	assert.deepEqual(same, { env: ['engine', 'image', 'image'], cmd: 'image', entrypoint: 'image' });
	const changed = runOverrides({ env: ['GREETING=hi', 'EXTRA=1', 'LANG=C.UTF-8'], cmd: ['sleep', '60'], entrypoint: ['/bin/sh'] }, image);
	assert.deepEqual(changed, { env: ['changed', 'run', 'image'], cmd: 'changed', entrypoint: 'changed' });
	const lines = containerDetailLines(
		{ ...container, env: ['GREETING=hi', 'EXTRA=1'], cmd: ['sleep', '60'], entrypoint: null, command: 'sleep 60' } as ContainerDetail,
		undefined,
		undefined,
		0,
		false,
		{
			...image,
			id: 'x',
			tags: [],
			digests: [],
			workingDir: '',
			user: '',
			exposedPorts: [],
			labels: {},
			size: 0,
			created: 0,
			architecture: '',
			os: '',
			layers: [],
		} as ImageDetail,
	)
		.map(l => `${l.label} ${l.value ?? ''}`)
		.join('\n');
	assert.match(lines, /GREETING=hi · docker run changed the image's value/);
	assert.match(lines, /EXTRA=1 · set by docker run -e/);
	assert.match(lines, /Command sleep 60 · set by docker run, not the image's CMD/);
});
