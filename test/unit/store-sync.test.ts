import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ContainerSummary, EngineEvent, ImageRow } from '../../source/model/types.js';
import { eventEffect } from '../../source/store/event-effects.js';
import { mergeContainers, mergeImages, withHealth } from '../../source/store/list-merge.js';

const event = (type: string, action: string, attributes: Record<string, string> = {}, id = 'c1'): EngineEvent => ({
	type,
	action,
	id,
	attributes,
});

test('reads make events too, and those change nothing: no re-list, no re-read', () => {
	const reads = [
		event('container', 'exec_create: sh -c curl -f localhost'),
		event('container', 'exec_start: sh -c curl -f localhost'),
		event('container', 'exec_die'),
		event('container', 'attach'),
		event('container', 'detach'),
		event('container', 'resize'),
		event('container', 'top'),
		event('container', 'export'),
		event('container', 'archive-path'),
		event('container', 'kill'),
		event('container', 'stop'),
		event('container', 'some-future-action'),
		event('image', 'save', {}, 'sha256:aa'),
		event('image', 'prune', {}, ''),
		event('network', 'connect'),
	];
	for (const e of reads) assert.deepEqual(eventEffect(e), { kind: 'none' }, `${e.type} ${e.action}`);
});

test('events that change what is shown name what to read again, and no more', () => {
	assert.deepEqual(eventEffect(event('container', 'create')), { kind: 'container', id: 'c1', facts: false });
	assert.deepEqual(eventEffect(event('container', 'start')), { kind: 'container', id: 'c1', facts: true });
	assert.deepEqual(eventEffect(event('container', 'die', { exitCode: '137' })), { kind: 'container', id: 'c1', facts: true });
	assert.deepEqual(eventEffect(event('container', 'rename', { name: 'b', oldName: '/a' })), { kind: 'container', id: 'c1', facts: false });
	assert.deepEqual(eventEffect(event('container', 'destroy')), { kind: 'containerGone', id: 'c1' });
	assert.deepEqual(eventEffect(event('container', 'health_status: unhealthy')), { kind: 'health', id: 'c1', health: 'unhealthy' });
	assert.deepEqual(eventEffect(event('container', 'health_status: healthy')), { kind: 'health', id: 'c1', health: 'healthy' });
	assert.deepEqual(eventEffect(event('container', 'extract-to-dir')), { kind: 'containerFiles', id: 'c1' });
	assert.deepEqual(eventEffect(event('container', 'commit', { imageID: 'sha256:new', imageRef: '' })), { kind: 'image', id: 'sha256:new' });
	assert.deepEqual(eventEffect(event('image', 'tag', { name: 'app:1' }, 'sha256:aa')), { kind: 'image', id: 'sha256:aa', name: 'app:1' });
	assert.deepEqual(eventEffect(event('image', 'untag', { name: 'sha256:aa' }, 'sha256:aa')), { kind: 'image', id: 'sha256:aa' });
	assert.deepEqual(eventEffect(event('image', 'delete', { name: 'sha256:aa' }, 'sha256:aa')), { kind: 'imageGone', id: 'sha256:aa' });
});

const container = (id: string, created: number, state: ContainerSummary['state'] = 'running'): ContainerSummary => ({
	id,
	name: id,
	image: 'img',
	imageId: 'sha256:i',
	state,
	status: '',
	ports: '',
	created,
	command: '',
});

test('a re-read of some containers replaces theirs in place, adds new ones newest first, and drops the missing', () => {
	const current = [container('c', 30), container('b', 20), container('a', 10)];
	const next = mergeContainers(current, new Set(['b', 'd', 'a']), [container('d', 40), container('b', 20, 'exited')]);
	assert.deepEqual(
		next.map(c => [c.id, c.state]),
		[
			['d', 'running'],
			['c', 'running'],
			['b', 'exited'],
		],
		'd is new, b changed, a is gone',
	);
	assert.equal(next[1], current[0], 'rows that were not asked about are the same objects (their table rows stay memoised)');
	// b changed again while the request was out: the answer for it is not applied
	const skipped = mergeContainers(current, new Set(['b']), [container('b', 20, 'exited')], new Set(['b']));
	assert.equal(skipped[1], current[1]);
	// a destroy arrived while a request was out: the answer does not bring it back
	const afterDestroy = mergeContainers([container('c', 30)], new Set(['b']), [container('b', 20)], new Set(['b']));
	assert.deepEqual(
		afterDestroy.map(c => c.id),
		['c'],
	);
});

test('a health verdict is patched into its row alone', () => {
	const current = [container('a', 1), container('b', 2)];
	const next = withHealth(current, 'b', 'unhealthy');
	assert.equal(next[1]!.health, 'unhealthy');
	assert.equal(next[0], current[0]);
	assert.equal(withHealth(next, 'b', 'unhealthy'), next, 'the same verdict again changes nothing');
	assert.equal(withHealth(next, 'zz', 'healthy'), next);
});

const image = (id: string, created: number, tag?: string, parentId?: string): ImageRow => ({
	key: `${id}#${tag ?? ''}`,
	id,
	repository: tag ? tag.split(':')[0]! : '<none>',
	tag: tag ? tag.split(':')[1]! : '<none>',
	dangling: !tag,
	size: 1,
	created,
	digests: [],
	...(parentId ? { parentId } : {}),
});

test('re-read images: new tags in place, new images newest first, an untagged parent that gains a child is hidden', () => {
	const current = [image('b', 20, 'b:1'), image('step1', 15), image('a', 10, 'a:1')];
	const next = mergeImages(current, [
		{ id: 'b', rows: [image('b', 20, 'b:1'), image('b', 20, 'b:2')] },
		{ id: 'step2', rows: [image('step2', 25, undefined, 'step1')], parentId: 'step1' },
	]);
	assert.deepEqual(
		next.map(r => r.key),
		['step2#', 'b#b:1', 'b#b:2', 'a#a:1'],
		'step1 is now an intermediate image, as docker images hides it',
	);
	const gone = mergeImages(next, [{ id: 'a', rows: [] }], new Set(['step2']));
	assert.deepEqual(
		gone.map(r => r.key),
		['b#b:1', 'b#b:2'],
	);
});
