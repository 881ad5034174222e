import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { FIXTURES } from '../support/engine.js';
import { KEYS, Screen } from '../support/pty.js';
import { eventually, requireEngine, uniqueName, type EngineHandle } from '../support/test-engine.js';

const running = async (h: EngineHandle, name: string) =>
	(await h.docker('inspect', '-f', '{{.State.Running}} {{.State.ExitCode}}', name)).split(' ');

function open(h: EngineHandle, t: { after(fn: () => void): void }, extra: string[] = []): Screen {
	const screen = new Screen(['--host', h.host, ...extra], { cols: 120, rows: 40 });
	t.after(() => screen.kill('SIGKILL'));
	return screen;
}

/** Opens the dashboard with the named container selected. */
async function openOn(h: EngineHandle, t: { after(fn: () => void): void }, name: string, extra: string[] = []): Promise<Screen> {
	const screen = open(h, t, extra);
	await screen.waitFor(name);
	await screen.select(name);
	return screen;
}

test('attach to the -it fixture, type a command, detach with ctrl-p ctrl-q: the container keeps running and the next key works', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const screen = await openOn(h, t, FIXTURES.shell);
	await screen.press('a');
	await screen.waitFor(`Attached to PID 1 of ${FIXTURES.shell} (sh). Detach with ctrl-p ctrl-q and it keeps running`);
	const token = `ping-${Math.random().toString(36).slice(2, 8)}`;
	await screen.press(...`echo ${token}`, KEYS.enter);
	await screen.waitFor(s => s.split('\n').some(l => l.trim() === token), 3000);
	await screen.press(KEYS.ctrlP, KEYS.ctrlQ);
	await screen.waitFor(`Detached from ${FIXTURES.shell}; it keeps running.`, 3000);
	assert.deepEqual(await running(h, FIXTURES.shell), ['true', '0'], 'the engine says it is still running');
	await screen.press('2'); // the first key after returning is not lost: the footer shows the images panel's keys
	await screen.waitFor(s => s.split('\n').at(-1)!.includes('rmi') && !s.split('\n').at(-1)!.includes('attach'), 2000);
	await screen.press('q');
	assert.equal(await screen.exited, 0);
});

test('A starts a stopped -it container and attaches; its exit code comes back to the dashboard', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const name = uniqueName('dd-startai');
	t.after(() => h.docker('rm', '-f', name).catch(() => undefined));
	await h.docker('create', '-it', '--name', name, FIXTURES.demoImage, 'sh');
	const screen = await openOn(h, t, name);
	await screen.press('a');
	await screen.waitFor(`${name} is not running (created): A starts it and attaches (docker start -ai); l shows its logs.`);
	await screen.press('A');
	await screen.waitFor(`Attached to PID 1 of ${name}`);
	await new Promise(r => setTimeout(r, 300));
	await screen.press(...'exit 5', KEYS.enter);
	await screen.waitFor(`${name} exited with code 5 while attached.`, 5000);
	assert.deepEqual(await running(h, name), ['false', '5']);
});

test('attach to a container without a TTY or stdin streams its output and leaves it running', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const screen = await openOn(h, t, FIXTURES.ticker);
	await screen.press('a');
	await screen.waitFor(() => screen.raw.includes('input is not connected (its stdin is not open)'));
	await screen.waitFor(s => s.split('\n').filter(l => l.trim() === 'tick').length >= 2, 4000);
	await screen.press(KEYS.ctrlP, KEYS.ctrlQ);
	await screen.waitFor(`Detached from ${FIXTURES.ticker}; it keeps running.`, 3000);
	assert.equal((await running(h, FIXTURES.ticker))[0], 'true');
});

test('attach to a stopped container is refused with the keys that help; --read-only attaches output only', async t => {
	const h = requireEngine(t);
	if (!h) return;
	let screen = await openOn(h, t, FIXTURES.exited);
	await screen.press('a');
	await screen.waitFor(`${FIXTURES.exited} is not running (exited): A starts it and shows its output; l shows its logs.`);
	await screen.press('q');
	await screen.exited;

	screen = await openOn(h, t, FIXTURES.shell, ['--read-only']);
	await screen.press('e');
	await screen.waitFor('Exec is off under --read-only');
	await screen.press('a');
	await screen.waitFor(() => screen.raw.includes('input is not connected (--read-only)'));
	await screen.press(KEYS.ctrlC);
	await screen.waitFor(`Detached from ${FIXTURES.shell}; it keeps running.`, 3000);
	assert.equal((await running(h, FIXTURES.shell))[0], 'true', 'Ctrl-C left the output view, it did not reach the container');
});

test('exec a shell, run a command that changes the container, exit: back on the dashboard', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const screen = await openOn(h, t, FIXTURES.ticker);
	await screen.press('e');
	await screen.waitFor(`Run in ${FIXTURES.ticker} (Enter: bash, else sh):`);
	await screen.press(KEYS.enter);
	await screen.waitFor(() =>
		screen.raw.includes('A new process in dd-ticker: bash, else sh. Leaving it (exit, or ctrl-p ctrl-q) does not stop the container'),
	);
	const token = `exec-${Math.random().toString(36).slice(2, 8)}`;
	await new Promise(r => setTimeout(r, 300));
	await screen.press(...`echo ${token} > /tmp/mark; stty size`, KEYS.enter);
	await screen.waitFor(/^40 120$/m, 3000); // the exec TTY has the terminal's size
	await screen.press(...'exit', KEYS.enter);
	await screen.waitFor('bash, else sh ended with code 0; dd-ticker keeps running.', 3000);
	assert.equal(await h.docker('exec', FIXTURES.ticker, 'cat', '/tmp/mark'), token);

	await screen.press('e');
	await screen.waitFor('(Enter: bash, else sh):');
	await screen.press(...'no-such-command --flag', KEYS.enter);
	await screen.waitFor(
		/no-such-command --flag ended with code 12[67]: not found or not executable in the container; dd-ticker keeps running\./,
		5000,
	);
	await screen.press('e');
	await screen.press(...'echo "unclosed', KEYS.enter);
	await screen.waitFor('Not run: the command has an unclosed " quote.');
});

test('the terminal modes after quitting are the ones before starting (stty -g), through an attach', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-stty-'));
	t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
	const screen = new Screen([], {
		cols: 100,
		rows: 30,
		shell: `stty -g > ${dir}/before; $DOCKDECK --host ${h.host}; echo "exit=$?"; stty -g > ${dir}/after`,
	});
	t.after(() => screen.kill('SIGKILL'));
	await screen.waitFor(FIXTURES.shell);
	await screen.select(FIXTURES.shell);
	await screen.press('a');
	await screen.waitFor('Attached to PID 1');
	await screen.press(KEYS.ctrlP, KEYS.ctrlQ);
	await screen.waitFor('Detached from');
	await screen.press('q');
	await screen.waitFor('exit=0');
	await screen.exited;
	const before = fs.readFileSync(path.join(dir, 'before'), 'utf8').trim();
	assert.ok(before.length > 10);
	assert.equal(fs.readFileSync(path.join(dir, 'after'), 'utf8').trim(), before);
});

test('custom detach keys: ctrl-p ctrl-q then reach the shell, and the chosen keys detach', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const screen = await openOn(h, t, FIXTURES.shell, ['--detach-keys', 'ctrl-x,x']);
	await screen.press('a');
	await screen.waitFor(() => screen.raw.includes('Detach with ctrl-x x and it keeps running'));
	await screen.press(KEYS.ctrlP, KEYS.ctrlQ);
	await new Promise(r => setTimeout(r, 500));
	assert.ok(!(await screen.text()).includes('Detached from'), 'ctrl-p ctrl-q did not detach');
	await screen.press(KEYS.ctrlU); // ctrl-p recalled a history line in the shell: leave it clean for other tests
	await screen.press('\u0018', 'x');
	await screen.waitFor(`Detached from ${FIXTURES.shell}; it keeps running.`, 3000);
	assert.equal((await running(h, FIXTURES.shell))[0], 'true');
});

test('the attached TTY follows the terminal size, at start and on every resize', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const screen = await openOn(h, t, FIXTURES.shell);
	await screen.press('a');
	await screen.waitFor(() => screen.raw.includes('Attached to PID 1'));
	await screen.press(KEYS.ctrlU, ...'stty size', KEYS.enter);
	await screen.waitFor(/^40 120$/m, 3000);
	screen.resize(100, 30);
	await new Promise(r => setTimeout(r, 300));
	await screen.press(...'clear; stty size', KEYS.enter);
	await screen.waitFor(/^30 100$/m, 3000);
	await screen.press(KEYS.ctrlP, KEYS.ctrlQ);
	await screen.waitFor(`Detached from ${FIXTURES.shell}; it keeps running.`, 3000);
	await screen.waitFor(s => s.split('\n')[0]!.length <= 100 && s.includes('1 Containers'), 2000); // the dashboard at the new size
});

test('Ctrl-Z suspends to the shell with the terminal restored; fg brings the dashboard back, redrawn and answering keys', async t => {
	const h = requireEngine(t);
	if (!h) return;
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-tstp-'));
	t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
	// an interactive shell with job control, as a person's: it stops the job on Ctrl-Z and fg resumes it
	const screen = new Screen([], {
		cols: 100,
		rows: 30,
		shell: `stty -g > ${dir}/before; PS1='$ ' exec bash --norc --noprofile -i`,
		env: { HOME: dir },
	});
	t.after(() => screen.kill('SIGKILL'));
	await screen.waitFor('$ ');
	await screen.press(...`$DOCKDECK --host ${h.host}`, KEYS.enter);
	await screen.waitFor(FIXTURES.ticker);
	await screen.press('2');
	await screen.waitFor(s => s.split('\n').at(-1)!.includes('rmi'));
	await screen.press('\u001a');
	await screen.waitFor(/Stopped\s+\$DOCKDECK/, 3000);
	const stopped = (await screen.lines()).findLastIndex(l => /Stopped/.test(l));
	assert.ok(stopped >= 0);
	await screen.press(...`stty -g > ${dir}/during; ps -o stat= -p $(jobs -p %1) > ${dir}/stat`, KEYS.enter);
	await eventually(
		'the state read in the shell',
		() => fs.existsSync(path.join(dir, 'stat')) && fs.readFileSync(path.join(dir, 'stat'), 'utf8').includes('T'),
	);
	assert.equal(
		fs.readFileSync(path.join(dir, 'during'), 'utf8').trim(),
		fs.readFileSync(path.join(dir, 'before'), 'utf8').trim(),
		'the shell has the terminal as it was before dockdeck took it',
	);
	await screen.press(...'fg', KEYS.enter);
	const back = await screen.waitFor(s => s.split('\n')[0]!.startsWith('dockdeck · ') && s.includes(FIXTURES.ticker), 3000);
	assert.ok(back.split('\n').at(-1)!.includes('rmi'), 'the images panel is still focused');
	await screen.press('1');
	await screen.waitFor(s => s.split('\n').at(-1)!.includes('attach'), 2000);
	await screen.press('q');
	await screen.waitFor(s => s.includes('$ ') && !s.includes('dockdeck · '), 3000);
	await screen.press(...'echo "exit=$?"', KEYS.enter);
	await screen.waitFor('exit=0');
	screen.kill();
});
