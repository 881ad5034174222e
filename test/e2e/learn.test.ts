import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FIXTURES } from '../support/engine.js';
import { KEYS, Screen } from '../support/pty.js';
import { requireEngine } from '../support/test-engine.js';
import { josa } from '../../source/i18n/particle.js';

const flat = (screen: string) => screen.replace(/[│╭╮╰╯─]/g, ' ').replace(/\s+/g, ' ');

/** How many other listed images (docker images) have one of this image's layers, as the engine says. */
async function sharingWith(docker: (...args: string[]) => Promise<string>, ref: string): Promise<number> {
	const layersOf = async (id: string) => JSON.parse(await docker('image', 'inspect', '-f', '{{json .RootFS.Layers}}', id)) as string[];
	const own = new Set(await layersOf(ref));
	const self = await docker('image', 'inspect', '-f', '{{.Id}}', ref);
	const ids = [...new Set((await docker('images', '-q', '--no-trunc')).split('\n').filter(id => id && id !== self))];
	let count = 0;
	for (const id of ids) if ((await layersOf(id)).some(l => own.has(l))) count++;
	return count;
}

test('learn mode explains the selected container from its real state, and the text changes when the state does', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const name = `dd-learn-${process.pid}`;
	t.after(() => h.docker('rm', '-f', name).catch(() => undefined));
	await h.docker('run', '-d', '--stop-timeout', '1', '--name', name, '-e', 'LEVEL=debug', FIXTURES.demoImage, 'sleep', '600');
	const screen = new Screen(['--host', h.host, '--learn'], { cols: 120, rows: 40 });
	t.after(() => screen.kill('SIGKILL'));
	await screen.waitFor(name);
	await screen.select(name);
	let text = await screen.waitFor(s => flat(s).includes(`${name} runs detached (-d)`));
	const sharing = await sharingWith(h.docker, FIXTURES.demoImage);
	text = await screen.waitFor(s =>
		flat(s).includes(
			`instance of the image dockdeck-demo:1 (4 read-only layers, shared with ${sharing} other image${sharing === 1 ? '' : 's'})`,
		),
	);
	text = await screen.waitFor(s => /docker run set 1 Env entry and its command; the rest came from the image's ENV and CMD/.test(flat(s)));
	assert.ok(flat(text).includes(`$ docker logs -f ${name}`));
	assert.match(
		flat(await screen.waitFor(s => /written nothing to its own writable layer/.test(flat(s)))),
		/every file it sees comes from the image/,
	);

	// the container writes 40 kB to its thin layer and stops: the text says so
	await h.docker('exec', name, 'sh', '-c', 'head -c 40000 /dev/zero > /app/data.bin');
	await h.docker('stop', name);
	text = await screen.waitFor(s => flat(s).includes(`${name} has stopped: its main process exited with code 137`), 10_000);
	text = await screen.waitFor(
		s => /It has written 4\d(\.\d)? ?kB to its own writable layer \(copy-on-write\), which rm would discard/.test(flat(s)),
		10_000,
	);
	assert.ok(flat(text).includes(`$ docker start -ai ${name}`));

	// another container, found with a filter that Esc then drops: it stays selected and explained
	await screen.press(KEYS.escape);
	await screen.select(FIXTURES.shell);
	await screen.press(KEYS.escape);
	text = await screen.waitFor(
		s => flat(s).includes(`${FIXTURES.shell} runs with an interactive terminal (-it)`) && s.includes(name) && s.includes(FIXTURES.ticker),
	);

	// the prune preview says what a prune is, in learn mode
	await screen.press('p');
	await screen.waitFor(s =>
		flat(s).includes('Prune removes what nothing uses: stopped containers with their thin layers, dangling images'),
	);
	await screen.press(KEYS.escape);
	await screen.waitFor('1 Containers');

	// L turns it off: the detail pane is back
	await screen.press('L');
	text = await screen.waitFor(s => !s.includes('Learn') && s.includes(`Container ${FIXTURES.shell}`));
	await screen.press('q');
	assert.equal(await screen.exited, 0);
});

test('learn mode explains an image reference, its missing digest and a layer; a new tag changes the text', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const ref = `registry.example.com:5000/team/learn${process.pid}:2`;
	await h.docker('tag', FIXTURES.demoImage, ref);
	t.after(() => h.docker('rmi', ref).catch(() => undefined));
	const screen = new Screen(['--host', h.host], { cols: 120, rows: 40 });
	t.after(() => screen.kill('SIGKILL'));
	await screen.waitFor('dockdeck-demo');
	await screen.press('L', '2');
	await screen.select(`learn${process.pid}`);
	let text = await screen.waitFor(s =>
		flat(s).includes(`${ref} reads as: registry registry.example.com:5000, namespace team, repository learn${process.pid}, tag 2.`),
	);
	assert.match(flat(text), /It has no digest: it was built or imported here, never pushed or pulled/);
	assert.match(flat(text), /It has 1 other tag: d removes only this name, the layers stay/);
	// the layers panel: the ENV step is metadata that docker run can override
	await screen.press('3', 'G', 'k');
	text = await screen.waitFor(s =>
		/Step 2 of 6 \(ENV\) added no files: ENV is metadata in the image's config, and docker run can override it \(-e NAME=value\)/.test(
			flat(s),
		),
	);
	await screen.press('q');
	assert.equal(await screen.exited, 0);
});

test('in Korean at 80x24 every box stays closed with Hangul in the texts, the detail, the help and the logs', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const name = `dd-hangul-${process.pid}`;
	t.after(() => h.docker('rm', '-f', name).catch(() => undefined));
	await h.docker(
		'run',
		'-d',
		'--name',
		name,
		'-e',
		'GREETING=안녕하세요 세계',
		FIXTURES.demoImage,
		'sh',
		'-c',
		'while true; do echo "한글 로그 줄입니다 $(date +%s)"; sleep 1; done',
	);
	const screen = new Screen(['--host', h.host, '--learn'], { cols: 80, rows: 24, env: { LANG: 'ko_KR.UTF-8' } });
	t.after(() => screen.kill('SIGKILL'));
	await screen.waitFor('1 컨테이너');
	await screen.select(name);
	let text = await screen.waitFor(s => flat(s).includes(`${josa(name, '는')} 분리 모드(-d)로 실행 중입니다`));
	assert.match(text, /이름 +이미지 +모드 +상태/);
	assert.deepEqual(await screen.borderProblems(), [], text);

	// the detail pane, with a Hangul command line
	await screen.press('L');
	await screen.waitFor(`컨테이너 ${name}`);
	for (let i = 0; i < 4 && !(await screen.text()).includes('한글 로그'); i++) await screen.press(']');
	text = await screen.waitFor(s => s.includes(`컨테이너 ${name}`) && s.includes('한글 로그'));
	assert.deepEqual(await screen.borderProblems(), [], text);

	await screen.press('2');
	text = await screen.waitFor('저장소:태그');
	assert.deepEqual(await screen.borderProblems(), [], text);

	await screen.press('?');
	text = await screen.waitFor('다음 패널로 이동');
	assert.deepEqual(await screen.borderProblems(), [], text);
	await screen.press(KEYS.escape, '1', 'l');
	text = await screen.waitFor(/한글 로그 줄입니다 \d+/);
	assert.match(text, new RegExp(`${name} 로그`));
	assert.deepEqual(await screen.borderProblems(), [], text);
	await screen.press('q', 'q');
	assert.equal(await screen.exited, 0);
});
