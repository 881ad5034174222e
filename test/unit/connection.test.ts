import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareApiVersions, EngineTooOldError, negotiateApiVersion } from '../../source/docker/client.js';
import { resolveEndpoint, UsageError } from '../../source/docker/endpoint.js';
import { describeConnectError } from '../../source/docker/errors.js';

test('addresses are read in every form DOCKER_HOST takes', () => {
	assert.deepEqual(resolveEndpoint('unix:///tmp/x.sock', {}), { kind: 'unix', address: 'unix:///tmp/x.sock', socketPath: '/tmp/x.sock' });
	assert.deepEqual(resolveEndpoint('tcp://10.0.0.5:2375', {}), { kind: 'tcp', address: 'tcp://10.0.0.5:2375', host: '10.0.0.5', port: 2375, tls: undefined });
	assert.equal(resolveEndpoint('10.0.0.5', {}).address, 'tcp://10.0.0.5:2375');
	assert.equal(resolveEndpoint('ssh://ops@db1:2222', {}).address, 'ssh://ops@db1:2222');
	assert.equal(resolveEndpoint(undefined, { DOCKER_HOST: 'unix:///run/d.sock' }).address, 'unix:///run/d.sock');
	assert.equal(resolveEndpoint('unix:///flag.sock', { DOCKER_HOST: 'unix:///env.sock' }).address, 'unix:///flag.sock', 'the flag wins');
	assert.match(resolveEndpoint(undefined, {}).address, /^unix:\/\/.*docker\.sock$/);
});

test('bad addresses are one-line usage errors', () => {
	assert.throws(() => resolveEndpoint('bogus://x', {}), (e: unknown) => e instanceof UsageError && /bogus:\/\/, which dockdeck does not support/.test(e.message));
	assert.throws(() => resolveEndpoint('unix://', {}), UsageError);
	assert.throws(() => resolveEndpoint('tcp://h:2376', { DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: '/nonexistent' }), /cannot be read: set DOCKER_CERT_PATH/);
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
		[new EngineTooOldError('1.20'), unix, /too old/, /Upgrade/],
		[{ statusCode: 400, json: { message: 'client version 1.47 is too new' } }, tcp, /refused the API version/, /Upgrade/],
	];
	for (const [error, endpoint, title, fix] of cases) {
		const problem = describeConnectError(error, endpoint);
		assert.match(problem.title, title);
		assert.match(problem.fix, fix);
		assert.ok(!problem.title.includes('\n'));
	}
});
