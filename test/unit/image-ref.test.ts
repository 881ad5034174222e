import assert from 'node:assert/strict';
import { test } from 'node:test';
import { COMMIT_STEPS, commitCommand, splitChanges } from '../../source/actions/commit.js';
import { parseReference, repositoryOf } from '../../source/format/image-ref.js';

test('references are read like docker reads them', () => {
	assert.deepEqual(parseReference('myapp'), { registry: undefined, path: '', name: 'myapp', tag: undefined, digest: undefined });
	assert.deepEqual(parseReference('team/myapp:1.0'), { registry: undefined, path: 'team', name: 'myapp', tag: '1.0', digest: undefined });
	const full = parseReference(`registry.example.com:5000/team/sub/app:v2@sha256:${'a'.repeat(64)}`);
	assert.equal(full.registry, 'registry.example.com:5000');
	assert.equal(full.path, 'team/sub');
	assert.equal(full.tag, 'v2');
	assert.equal(repositoryOf(full), 'registry.example.com:5000/team/sub/app');
	assert.equal(parseReference('localhost/app').registry, 'localhost');
	assert.equal(parseReference('my_app__x.y-z:Tag_1.0-rc').tag, 'Tag_1.0-rc');
});

test('bad references get a one-line reason', () => {
	const cases: [string, RegExp][] = [
		['', /give a name/],
		['MyApp', /uppercase letters/],
		['app:-bad', /tag "-bad" is not valid/],
		['app:' + 'x'.repeat(129), /is not valid/],
		['team//app', /empty path component/],
		['a..b', /not a valid name component/],
		['app@sha256:xyz', /is not a digest/],
		['-app', /not a valid name component/],
	];
	for (const [input, reason] of cases)
		assert.throws(
			() => parseReference(input),
			(e: Error) => reason.test(e.message) && !e.message.includes('\n'),
			input,
		);
});

test('the commit form checks each step and builds the docker command', () => {
	const [reference, , , changes] = COMMIT_STEPS;
	assert.match(reference.check('Bad') ?? '', /uppercase/);
	assert.equal(reference.check('snap:1'), undefined);
	assert.match(reference.check(`snap@sha256:${'a'.repeat(64)}`) ?? '', /cannot carry a digest/);
	assert.equal(changes.check('CMD ["sh"]; ENV A=1;  '), undefined);
	assert.match(changes.check('ENV A=1; RUN rm -rf /') ?? '', /"RUN rm -rf \/" is not a change commit accepts/);
	assert.deepEqual(splitChanges(' CMD ["sh"] ;; ENV A=1 '), ['CMD ["sh"]', 'ENV A=1']);
	assert.equal(
		commitCommand('web', { reference: 'snap:1', message: "it's saved", changes: 'ENV A=1' }),
		`docker commit -m 'it'\\''s saved' -c 'ENV A=1' web snap:1`,
	);
});
