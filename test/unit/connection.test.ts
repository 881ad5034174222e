import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareApiVersions, EngineTooOldError, negotiateApiVersion } from '../../source/docker/client.js';
import { resolveEndpoint, UsageError } from '../../source/docker/endpoint.js';
import { describeConnectError } from '../../source/docker/errors.js';

test('addresses are read in every form DOCKER_HOST takes', () => {
	assert.deepEqual(resolveEndpoint('unix:///tmp/x.sock', {}), { kind: 'unix', address: 'unix:///tmp/x.sock', socketPath: '/tmp/x.sock' });
	assert.deepEqual(resolveEndpoint('tcp://10.0.0.5:2375', {}), {
		kind: 'tcp',
		address: 'tcp://10.0.0.5:2375',
		host: '10.0.0.5',
		port: 2375,
		tls: undefined,
	});
	assert.equal(resolveEndpoint('10.0.0.5', {}).address, 'tcp://10.0.0.5:2375');
	assert.equal(resolveEndpoint('ssh://ops@db1:2222', {}).address, 'ssh://ops@db1:2222');
	// no user or port of dockdeck's own: ~/.ssh/config decides them, as for the docker CLI
	assert.deepEqual(resolveEndpoint('ssh://acchost', {}), { kind: 'ssh', address: 'ssh://acchost', host: 'acchost' });
	assert.deepEqual(resolveEndpoint('ssh://ops@acchost', {}), {
		kind: 'ssh',
		address: 'ssh://ops@acchost',
		host: 'acchost',
		username: 'ops',
	});
	assert.equal(resolveEndpoint(undefined, { DOCKER_HOST: 'unix:///run/d.sock' }).address, 'unix:///run/d.sock');
	assert.equal(resolveEndpoint('unix:///flag.sock', { DOCKER_HOST: 'unix:///env.sock' }).address, 'unix:///flag.sock', 'the flag wins');
	assert.match(resolveEndpoint(undefined, {}).address, /^unix:\/\/.*docker\.sock$/);
});

test('bad addresses are one-line usage errors', () => {
	assert.throws(
		() => resolveEndpoint('bogus://x', {}),
		(e: unknown) => e instanceof UsageError && /bogus:\/\/, which dockdeck does not support/.test(e.message),
	);
	assert.throws(() => resolveEndpoint('unix://', {}), UsageError);
	assert.throws(
		() => resolveEndpoint('tcp://h:2376', { DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/nonexistent' }),
		/cannot be read: set DOCKER_CERT_PATH/,
	);
});

test('the API version is the lower of the engine and ours', () => {
	assert.equal(negotiateApiVersion('1.41'), '1.41');
	assert.equal(negotiateApiVersion('1.52'), '1.47');
	assert.ok(compareApiVersions('1.9', '1.41') < 0);
	assert.equal(compareApiVersions('1.41', '1.41'), 0);
});

test('connection failures name the address and the fix', () => {
	const unix = resolveEndpoint('unix:///var/run/docker.sock', {});
	const tcp = resolveEndpoint('tcp://h:2375', {});
	const cases: [unknown, typeof unix, RegExp, RegExp][] = [
		[{ code: 'ENOENT', message: 'connect ENOENT' }, unix, /No Docker engine at unix:\/\/\/var\/run\/docker.sock/, /Start the daemon/],
		[{ code: 'EACCES', message: 'connect EACCES' }, unix, /Permission denied on \/var\/run\/docker.sock/, /docker group/],
		[{ code: 'ECONNREFUSED', message: 'refused' }, tcp, /Nothing is listening at tcp:\/\/h:2375/, /DOCKER_HOST/],
		[{ code: 'ENOTFOUND', message: 'getaddrinfo' }, tcp, /cannot be resolved/, /host name/],
		[{ code: 'ECONNRESET', message: 'socket hang up' }, tcp, /was cut/, /TLS/],
		[new EngineTooOldError('1.20', '1.24'), unix, /too old/, /Upgrade/],
		[{ statusCode: 400, json: { message: 'client version 1.47 is too new' } }, tcp, /refused the API version/, /Upgrade/],
	];
	for (const [error, endpoint, title, fix] of cases) {
		const problem = describeConnectError(error, endpoint);
		assert.match(problem.title, title);
		assert.match(problem.fix, fix);
		assert.ok(!problem.title.includes('\n'));
	}
});

test('docker contexts: the store is read as the docker CLI reads it, with its precedence', async () => {
	const { createHash } = await import('node:crypto');
	const fs = await import('node:fs');
	const os = await import('node:os');
	const path = await import('node:path');
	const { contextName, resolveTarget, UsageError } = await import('../../source/docker/endpoint.js');
	const config = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-ctx-'));
	const addContext = (name: string, host: string, tls = false) => {
		const id = createHash('sha256').update(name).digest('hex');
		fs.mkdirSync(path.join(config, 'contexts', 'meta', id), { recursive: true });
		fs.writeFileSync(
			path.join(config, 'contexts', 'meta', id, 'meta.json'),
			JSON.stringify({ Name: name, Metadata: {}, Endpoints: { docker: { Host: host, SkipTLSVerify: false } } }),
		);
		if (tls) {
			const dir = path.join(config, 'contexts', 'tls', id, 'docker');
			fs.mkdirSync(dir, { recursive: true });
			for (const f of ['ca.pem', 'cert.pem', 'key.pem']) fs.writeFileSync(path.join(dir, f), `${f} of ${name}`);
		}
	};
	try {
		addContext('ops', 'unix:///run/ops.sock');
		addContext('prod', 'tcp://prod.example:2376', true);
		const env = { DOCKER_CONFIG: config };
		assert.equal(contextName({}, env), 'default');
		fs.writeFileSync(path.join(config, 'config.json'), JSON.stringify({ currentContext: 'ops' }));
		assert.equal(contextName({}, env), 'ops', 'currentContext in config.json');
		assert.equal(contextName({}, { ...env, DOCKER_CONTEXT: 'prod' }), 'prod', 'DOCKER_CONTEXT beats currentContext');
		assert.equal(contextName({}, { ...env, DOCKER_CONTEXT: 'prod', DOCKER_HOST: 'tcp://x:1' }), 'default', 'DOCKER_HOST beats contexts');
		assert.equal(contextName({ host: 'unix:///x.sock' }, { ...env, DOCKER_CONTEXT: 'prod' }), 'default', '--host beats contexts');
		assert.equal(contextName({ context: 'prod' }, { ...env, DOCKER_HOST: 'tcp://x:1' }), 'prod', '--context beats everything');

		assert.deepEqual(resolveTarget({}, env), {
			context: 'ops',
			endpoint: { kind: 'unix', address: 'unix:///run/ops.sock', socketPath: '/run/ops.sock' },
		});
		const prod = resolveTarget({ context: 'prod' }, env);
		assert.equal(prod.context, 'prod');
		assert.equal(prod.endpoint.address, 'tcp://prod.example:2376');
		assert.equal(prod.endpoint.kind === 'tcp' && prod.endpoint.tls?.ca.toString(), 'ca.pem of prod', "the context's own TLS files");
		assert.equal(resolveTarget({ host: 'unix:///x.sock' }, env).context, 'default');

		assert.throws(
			() => resolveTarget({ context: 'nope' }, env),
			(e: unknown) =>
				e instanceof UsageError && /context "nope" \(from --context\) does not exist: docker context ls lists the contexts/.test(e.message),
		);
		assert.throws(() => resolveTarget({ host: 'unix:///x.sock', context: 'ops' }, env), /--host and --context both name an engine/);
		assert.throws(() => resolveTarget({}, { ...env, DOCKER_CONTEXT: 'gone' }), /context "gone" \(from DOCKER_CONTEXT\) does not exist/);
	} finally {
		fs.rmSync(config, { recursive: true, force: true });
	}
});

test('ssh logs in with the user and port only when the address names them, and the fix names that same command', async () => {
	const { sshLogin, sshTryCommand } = await import('../../source/docker/ssh-bridge.js');
	assert.deepEqual(sshLogin({ host: 'acchost' }, {}), ['acchost']);
	assert.deepEqual(sshLogin({ host: 'db1', port: 2222, username: 'ops' }, { DOCKDECK_SSH_ARGS: '-F /etc/ssh/other' }), [
		'-F',
		'/etc/ssh/other',
		'-p',
		'2222',
		'-l',
		'ops',
		'db1',
	]);
	assert.equal(sshTryCommand({ host: 'acchost' }, {}), 'ssh acchost docker version');
	assert.equal(
		sshTryCommand({ host: 'db1', port: 2222 }, { DOCKDECK_SSH_ARGS: '-o ProxyJump=bastion' }),
		'ssh -o ProxyJump=bastion -p 2222 db1 docker version',
	);
});
