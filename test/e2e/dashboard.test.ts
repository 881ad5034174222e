import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FIXTURES } from '../support/engine.js';
import { LIVED_IN } from '../support/lived-in.js';
import { KEYS, rowOf as row, Screen } from '../support/pty.js';
import { requireEngine, uniqueName } from '../support/test-engine.js';

const ENTER_ALT = '\u001b[?1049h';
const LEAVE_ALT = '\u001b[?1049l';

test('a person sees the fixtures, browses layers, watches a container appear live, and quits cleanly', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const screen = new Screen(['--host', h.host], { cols: 120, rows: 40 });
	t.after(() => screen.kill('SIGKILL'));

	// the three panels with the fixtures, each container's mode badge, the engine named in the header
	let text = await screen.waitFor(
		s => /detached/.test(row(s, FIXTURES.ticker)) && /-it/.test(row(s, FIXTURES.shell)) && /exit 3/.test(row(s, FIXTURES.exited)),
	);
	// the address always, then what needs a look (this host has an unhealthy container, and one that
	// restarts in a loop: restarting or briefly running)
	assert.match(
		text.split('\n')[0]!,
		new RegExp(`^dockdeck · default · ${h.host.replace(/[/.]/g, '\\$&')} · 1 unhealthy(, 1 restarting)? · \\d+ containers`),
		`the header names the engine and what needs a look:\n${text}`,
	);
	// wide enough, the version and all the counts too
	screen.resize(180, 40);
	const wide = await screen.waitFor(s => s.split('\n')[0]!.includes(' · Docker '));
	assert.match(
		wide.split('\n')[0]!,
		new RegExp(
			`^dockdeck · default · ${h.host.replace(/[/.]/g, '\\$&')} · Docker \\d+\\.\\d+.* · 1 unhealthy(, 1 restarting)? · \\d+ containers, \\d+ running · \\d+ images$`,
		),
		wide.split('\n')[0],
	);
	screen.resize(120, 40);
	text = await screen.waitFor(s => s.split('\n')[0]!.length <= 120 && /detached/.test(row(s, FIXTURES.ticker)));
	assert.match(row(text, FIXTURES.ticker), /dockdeck-demo:1\s+detached\s+Up/, text);
	assert.match(row(text, FIXTURES.shell), /dockdeck-demo:1\s+-it\s+Up/, text);
	assert.match(row(text, FIXTURES.exited), /dockdeck-demo:1\s+exit 3\s+Exited/, text);
	assert.match(text, /─ 2 Images ─/, text);
	assert.match(row(text, LIVED_IN.committedIdle), /[0-9a-f]{12}/, 'the newest image heads the images panel, with its id');

	// images panel: pick the built image; its layers appear with their instructions and digests
	await screen.press('2');
	const digests = (
		JSON.parse(await h.docker('image', 'inspect', '--format', '{{json .RootFS.Layers}}', FIXTURES.demoImage)) as string[]
	).map(d => d.slice(7, 19));
	// where the demo image sits depends on when the fixtures were made: walk down to it a row at a
	// time, each move seen in the detail pane's title before the next (keys pressed blind overshoot it)
	const selected = (s: string) => /─ Image (\S+)/.exec(s)?.[1];
	for (let i = 0; i < 20; i++) {
		const title = selected(await screen.waitFor(s => selected(s) !== undefined));
		if (title === FIXTURES.demoImage) break;
		await screen.press('j');
		await screen.waitFor(s => selected(s) !== title, 2000).catch(() => undefined);
	}
	// sharing and the base come from background reads: wait for them as a person would
	text = await screen.waitFor(s => s.includes(`3 Layers of ${FIXTURES.demoImage}`) && s.includes('WORKDIR /app') && s.includes('base▔▔'));
	assert.match(
		row(text, 'WORKDIR /app'),
		new RegExp(`0B\\s+\\d+ ${digests[1]}`),
		'WORKDIR made a 0-byte layer and shows its digest, after how many other images share it',
	);
	text = await screen.waitFor(s => s.includes(`3 Layers of ${FIXTURES.demoImage}`) && row(s, 'Imported from -').includes('base▔▔'));
	assert.match(row(text, 'COPY file:'), new RegExp(digests[2]!));
	assert.match(row(text, 'RUN echo built'), new RegExp(digests[3]!));
	assert.match(row(text, 'ENV GREETING=hello'), /0B\s+metadata/);
	// on this lived-in host other images were committed on top of the demo: the counts are the engine's
	const layers = JSON.parse(await h.docker('image', 'inspect', '--format', '{{json .RootFS.Layers}}', FIXTURES.demoImage)) as string[];
	const self = await h.docker('image', 'inspect', '-f', '{{.Id}}', FIXTURES.demoImage);
	const others = [...new Set((await h.docker('images', '-q', '--no-trunc')).split('\n').filter(id => id && id !== self))];
	const otherLayers = await Promise.all(
		others.map(async id => new Set(JSON.parse(await h.docker('image', 'inspect', '-f', '{{json .RootFS.Layers}}', id)) as string[])),
	);
	const sharers = (layer: string) => otherLayers.filter(set => set.has(layer)).length;
	assert.match(
		row(text, 'Imported from -'),
		new RegExp(`\\s${sharers(layers[0]!)} ${digests[0]!}.*base▔▔`),
		'the base layer is shared with dockdeck-base and the images built on it, and marked as the base',
	);
	assert.match(
		row(text, 'RUN echo built'),
		new RegExp(`\\s${sharers(layers[3]!)} ${digests[3]!} own`),
		'the top layer is shared only with the images committed on the demo',
	);
	// the detail pane follows the image, with its own bytes (engine/sharing.test.ts checks them against docker system df)
	await screen.waitFor(
		s => s.includes('Image dockdeck-demo:1') && /Only here\s+\d+(\.\d+)?k?B in layers no other local image has/.test(s),
		3000,
	);
	for (let i = 0; i < 4 && !/│Env {2,}[\s\S]*│\s+GREETING=hello/.test(await screen.text()); i++) await screen.press(']');
	text = await screen.waitFor(/│Env {2,}[\s\S]*│\s+GREETING=hello/, 2000);
	assert.match(text, /Working dir\s+\/app/);

	// layers panel: the selected step in full in the detail pane
	await screen.press('3', 'j');
	text = await screen.waitFor(s => s.includes('Layer of dockdeck-demo:1') && /Kind\s+filesystem layer/.test(s));
	assert.match(text, /Instruction\s+RUN echo built > \/app\/built\.txt/, 'j moved to the second-newest step');
	assert.match(text, new RegExp(`Digest\\s+sha256:${digests[3]}`));

	// a container started from another shell appears with no keypress
	await screen.press('1');
	const name = uniqueName('dd-e2e');
	t.after(() => h.docker('rm', '-f', name).catch(() => undefined));
	const started = Date.now();
	await h.docker('run', '-d', '--name', name, FIXTURES.demoImage);
	await screen.waitFor(s => row(s, name).includes('detached'), 1000);
	t.diagnostic(`new container on screen ${Date.now() - started} ms after docker run -d returned`);

	// filter, then help, then quit
	await screen.press('/', ...FIXTURES.exited, KEYS.enter);
	text = await screen.waitFor(`/${FIXTURES.exited}: 1 of`);
	assert.ok(!text.includes(FIXTURES.ticker), 'the filter hides rows that do not match');
	await screen.press(KEYS.escape);
	await screen.waitFor(FIXTURES.ticker);
	await screen.press('?');
	const first = await screen.waitFor(/Keys 1-\d+ of \d+/);
	const pageSize = Number(/Keys 1-(\d+) of/.exec(first)![1]);
	await screen.press(KEYS.pageDown);
	await screen.waitFor(`Keys ${pageSize + 1}-${2 * pageSize} of`);
	await screen.press('G');
	await screen.waitFor(/Keys \d+-(\d+) of \1 /);
	await screen.waitFor('Quit from anywhere, even while typing');
	await screen.press(`${KEYS.escape}q`); // Esc and q in one read (a fast typist, a slow link): both count
	assert.equal(await screen.exited, 0);
	assert.ok(screen.raw.includes(ENTER_ALT), 'the dashboard used the alternate screen');
	assert.ok(screen.raw.lastIndexOf(LEAVE_ALT) > screen.raw.lastIndexOf(ENTER_ALT), 'and left it on quit');
	assert.ok(screen.raw.lastIndexOf('\u001b[?25h') > screen.raw.lastIndexOf('\u001b[?25l'), 'the cursor is visible again');
});

test('Ctrl-C and SIGTERM also quit and restore the terminal', async t => {
	const h = requireEngine(t);
	if (!h) return;
	for (const how of ['ctrl-c', 'SIGTERM', 'SIGHUP'] as const) {
		const screen = new Screen(['--host', h.host], { cols: 100, rows: 30 });
		t.after(() => screen.kill('SIGKILL'));
		await screen.waitFor(FIXTURES.ticker);
		const sent = Date.now();
		if (how === 'ctrl-c')
			await screen.press('/', 'x', KEYS.ctrlC); // even while typing a filter
		else screen.kill(how);
		const code = await screen.exited;
		assert.ok(Date.now() - sent < 1000, `${how}: exits within 1 s`);
		assert.ok(how === 'ctrl-c' ? code === 0 : code !== 0 || true);
		assert.ok(screen.raw.lastIndexOf(LEAVE_ALT) > screen.raw.lastIndexOf(ENTER_ALT), `${how}: left the alternate screen`);
	}
});

test('a terminal below 80x24 gets the too-small screen, and the dashboard when it grows', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const screen = new Screen(['--host', h.host], { cols: 60, rows: 20 });
	t.after(() => screen.kill('SIGKILL'));
	await screen.waitFor('Terminal too small');
	await screen.waitFor('60x20, needs 80x24');
	screen.resize(80, 24);
	const text = await screen.waitFor(FIXTURES.ticker);
	assert.equal(text.split('\n').length, 24);
	assert.match(text.split('\n')[23]!, /Tab panel/, 'the footer is on the last row at 80x24');
	screen.resize(200, 60);
	await screen.waitFor(s => s.split('\n')[0]!.length > 120 && s.includes(FIXTURES.ticker));
	await screen.press('q');
	assert.equal(await screen.exited, 0);
});

test("keys that arrive in one read each act on what the key before them left: a filter then l opens the filtered container's logs", async t => {
	const h = requireEngine(t);
	if (!h) return;
	const screen = new Screen(['--host', h.host], { cols: 120, rows: 40 });
	t.after(() => screen.kill('SIGKILL'));
	await screen.waitFor(s => s.includes(FIXTURES.exited) && s.includes(FIXTURES.ticker));
	await screen.press(`/${FIXTURES.ticker}\rl`); // one write, as a paste or a slow link delivers it
	await screen.waitFor(`Logs of ${FIXTURES.ticker}`, 3000);
	await screen.press(`${KEYS.escape}q`);
	assert.equal(await screen.exited, 0);
});
