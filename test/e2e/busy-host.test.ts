// On a host that has lived (test/support/lived-in.ts): the selection walks over every container and
// every image, and then, with no key pressed, dockdeck asks the engine nothing and draws nothing but
// what events changed and the ages. Healthchecks probe every second meanwhile (exec_* events), a
// container restarts in a loop, and the newest image is a commit whose history alone is ambiguous.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { countingProxy } from '../bench/proxy.js';
import { changesWhatIsShown, watchEngineEvents, type SeenEvent } from '../support/engine-events.js';
import { FIXTURES } from '../support/engine.js';
import { LIVED_IN } from '../support/lived-in.js';
import { rowOf, Screen } from '../support/pty.js';
import { requireEngine } from '../support/test-engine.js';

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
const IDLE_MS = 12_000;
/** An event's own work (one filtered list, an inspect, the frame it draws) is done within this. */
const EVENT_WORK_MS = 2000;

/** Path and query kind of a request line: "GET /v1.41/containers/json?all=1&filters=…" -> "containers/json?filters". */
const kind = (line: string) => {
	const [pathPart, query = ''] = line.split(' ')[1]!.split('?');
	const bare = pathPart!.replace(/^\/v[\d.]+/, '').replace(/sha256:[0-9a-f]{64}|[0-9a-f]{64}/g, '<id>');
	return query.includes('filters') ? `${bare}?filters` : bare;
};

test('on a host that has lived: after walking every container and image, idle asks nothing and draws nothing but what events changed', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-busy-'));
	const proxy = await countingProxy(h.host.replace('unix://', ''), path.join(dir, 'p.sock'));
	const watcher = watchEngineEvents(h.host);
	t.after(async () => {
		watcher.stop();
		await proxy.close();
		fs.rmSync(dir, { recursive: true, force: true });
	});
	const screen = new Screen(['--host', proxy.host], { cols: 120, rows: 40 });
	t.after(() => screen.kill('SIGKILL'));
	await screen.waitFor(s => /detached/.test(rowOf(s, FIXTURES.ticker)));

	// health is what an ops engineer looks for first: whole in the status, and said in the header
	let text = await screen.waitFor(s => rowOf(s, LIVED_IN.unhealthy).includes('(unhealthy)'), 8000);
	assert.match(text.split('\n')[0]!, /1 unhealthy/);
	assert.match(rowOf(text, LIVED_IN.healthy), /Up \S+ \(healthy\)/);

	// walk the selection over every container, then every image, as a person browsing would
	const containers = (await h.docker('ps', '-aq')).split('\n').filter(Boolean).length;
	const imageRows = (await h.docker('images', '--format', '{{.ID}}')).split('\n').filter(Boolean).length;
	await screen.press('1', 'g');
	for (let i = 1; i < containers; i++) {
		await screen.press('j');
		await sleep(60);
	}
	await screen.press('2', 'g');
	for (let i = 1; i < imageRows; i++) {
		await screen.press('j');
		await sleep(60);
	}
	// a commit that changed no file, whose layers only its parent explains, stays selected (its
	// layers once made the dashboard export it again and again)
	await screen.press('/', ...LIVED_IN.committedIdle, '\r');
	text = await screen.waitFor(`3 Layers of ${LIVED_IN.committedIdle}`);
	await sleep(3000);

	// idle: no key for a while
	const idleFrom = performance.now();
	const requestsBefore = proxy.requests.length;
	const chunks: number[] = [];
	const stop = screen.onChunk((_, at) => chunks.push(at));
	await sleep(IDLE_MS);
	stop();
	const idleTo = performance.now();
	const during = (e: { at: number }) => e.at >= idleFrom - EVENT_WORK_MS && e.at <= idleTo;
	const events = watcher.events.filter(during);
	const relevant = events.filter(changesWhatIsShown);
	const reads = events.filter(e => /^exec_/.test(e.action));
	const explained = (at: number, extra: (at: number) => boolean = () => false) =>
		relevant.some(e => e.at <= at && at - e.at <= EVENT_WORK_MS) || extra(at);
	const requests = proxy.requests.slice(requestsBefore);
	t.diagnostic(
		`idle ${IDLE_MS / 1000} s: ${requests.length} requests (${requests.map(r => kind(r.line)).join(', ') || 'none'}), ${relevant.length} events that change the screen (${relevant.map(e => `${e.name} ${e.action}`).join(', ') || 'none'}), ${reads.length} healthcheck exec events`,
	);
	assert.ok(reads.length >= 8, `the healthchecks probed during the idle time (${reads.length} exec events)`);
	const unexplained = requests.filter(r => !explained(r.at));
	assert.deepEqual(
		unexplained.map(r => r.line),
		[],
		'every request while idle answers an event that changed what is shown',
	);
	const costly = requests.filter(r => /\/get$|\/history$|\/system\/df|^\/images\/json$|^\/containers\/json$/.test(kind(r.line)));
	assert.deepEqual(
		costly.map(r => r.line),
		[],
		'no export, history, disk usage or full list while idle',
	);
	// drawing: only for such events, or for the age columns when a minute turns
	const minuteTurn = (at: number) => {
		const wall = Date.now() - (performance.now() - at);
		return wall % 60_000 < 1500;
	};
	const drawn = chunks.filter(at => !explained(at, minuteTurn));
	assert.equal(drawn.length, 0, `${drawn.length} frames drawn while idle with no event to draw`);

	// over the whole session: each image was exported at most once, and only until its config came
	const exports = proxy.requests.filter(r => kind(r.line).endsWith('/get'));
	const perImage = new Map<string, number>();
	for (const r of exports) perImage.set(r.line, (perImage.get(r.line) ?? 0) + 1);
	t.diagnostic(`config fallback: ${exports.length} read(s) of docker save, ${exports.map(r => `${r.bytes} bytes`).join(', ') || 'none'}`);
	assert.ok(
		[...perImage.values()].every(n => n === 1),
		`an image is exported once at most: ${JSON.stringify([...perImage])}`,
	);
	assert.ok(exports.length <= 1, 'only the image saved and loaded back (it has no parents) needs its config');
	assert.ok(
		exports.every(r => r.bytes <= 4 * 1024 * 1024 + 256 * 1024),
		'the read stops at the config, or at 4 MiB',
	);

	// that image's layers are mapped all the same: digests, not "unknown"
	await screen.press('/', ...LIVED_IN.reloaded, '\r');
	text = await screen.waitFor(s => s.includes(`3 Layers of ${LIVED_IN.reloaded}`) && /[0-9a-f]{12} own/.test(s), 5000);
	assert.doesNotMatch(text, /digests unknown/);
	await screen.press('q');
	assert.equal(await screen.exited, 0);
});

test('reads make events too: a docker save, an exec and a top of what is on screen cost dockdeck no request', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-reads-'));
	const proxy = await countingProxy(h.host.replace('unix://', ''), path.join(dir, 'p.sock'));
	t.after(async () => {
		await proxy.close();
		fs.rmSync(dir, { recursive: true, force: true });
	});
	const screen = new Screen(['--host', proxy.host], { cols: 120, rows: 40 });
	t.after(() => screen.kill('SIGKILL'));
	await screen.waitFor(s => /detached/.test(rowOf(s, FIXTURES.ticker)));
	await screen.select(FIXTURES.ticker);
	await screen.press('2');
	await screen.select(FIXTURES.demoImage);
	await screen.waitFor(`3 Layers of ${FIXTURES.demoImage}`);
	await sleep(1500);
	const watcher = watchEngineEvents(h.host);
	t.after(() => watcher.stop());
	await sleep(300);
	const before = proxy.requests.length;
	const seen: SeenEvent[] = [];
	// the image on screen saved, the container on screen exec'd, attached to and listed
	await h.docker('save', '-o', path.join(dir, 'demo.tar'), FIXTURES.demoImage);
	await h.docker('exec', FIXTURES.ticker, 'true');
	await h.docker('top', FIXTURES.ticker);
	await sleep(1500);
	seen.push(...watcher.events);
	assert.ok(
		seen.some(e => e.action === 'save') && seen.some(e => e.action.startsWith('exec_die')) && seen.some(e => e.action === 'top'),
		`the engine announced the reads: ${seen.map(e => e.action).join(', ')}`,
	);
	// the restart loop of the lived-in host goes on meanwhile: its events are answered, nothing else
	const answers = (at: number) => watcher.events.some(e => changesWhatIsShown(e) && e.at <= at && at - e.at <= EVENT_WORK_MS);
	assert.deepEqual(
		proxy.requests
			.slice(before)
			.filter(r => !answers(r.at))
			.map(r => r.line),
		[],
		'no request for them',
	);
	await screen.press('q');
	assert.equal(await screen.exited, 0);
});
