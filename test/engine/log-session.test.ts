import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connectEngine } from '../../source/docker/client.js';
import { resolveEndpoint } from '../../source/docker/endpoint.js';
import { LogSession } from '../../source/store/log-session.js';
import { Store } from '../../source/store/store.js';
import { FIXTURES } from '../support/engine.js';
import { eventually, requireEngine, uniqueName } from '../support/test-engine.js';

test("a log session keeps only its buffer's worth of a flood, and stopping it stops the stream at once", async t => {
	const h = requireEngine(t);
	if (!h) return;
	const name = uniqueName('dd-flood');
	t.after(() => h.docker('rm', '-f', name).catch(() => undefined));
	// about 20,000 short lines a second for as long as it runs
	await h.docker('run', '-d', '--name', name, FIXTURES.demoImage, 'sh', '-c', 'yes flood-line-with-some-text');
	const engine = await connectEngine(resolveEndpoint(h.host, {}));
	const store = new Store(engine);
	store.start();
	t.after(() => store.stop());
	const id = await h.docker('inspect', '-f', '{{.Id}}', name);
	const session = new LogSession(engine, store, id, name, 1000);
	await session.start();
	await eventually('lines to arrive', () => session.buffer.pushed > 5000, 10_000);
	assert.equal(session.buffer.size, 1000, 'the buffer holds its capacity, no more');
	assert.equal(session.state.status, 'following');
	session.stop();
	await new Promise(r => setTimeout(r, 200));
	const after = session.buffer.pushed;
	await new Promise(r => setTimeout(r, 500));
	assert.equal(session.buffer.pushed, after, 'no line arrives after stop: the stream is closed');
});
