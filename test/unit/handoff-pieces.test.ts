import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { execCommand, DEFAULT_SHELL } from '../../source/actions/exec.js';
import { attachIntro } from '../../source/actions/attach.js';
import { splitCommand } from '../../source/format/argv.js';
import { parseDetachKeys, resolveDetachKeys, sequenceMatcher } from '../../source/format/detach-keys.js';
import { splitKeys } from '../../source/keymap/key-name.js';

test("detach keys are parsed in docker's format and bad ones are refused in one line", () => {
	assert.deepEqual([...parseDetachKeys('ctrl-p,ctrl-q').bytes], [16, 17]);
	assert.deepEqual([...parseDetachKeys('ctrl-x,x').bytes], [24, 120]);
	assert.deepEqual([...parseDetachKeys('ctrl-@,ctrl-[,ctrl-\\,ctrl-],ctrl-^,ctrl-_').bytes], [0, 27, 28, 29, 30, 31]);
	assert.equal(parseDetachKeys('ctrl-p,ctrl-q').display, 'ctrl-p ctrl-q');
	for (const bad of ['', 'ctrl-', 'ctrl-1', 'alt-x', 'ctrl-p,,ctrl-q', 'xy', 'é']) {
		assert.throws(
			() => parseDetachKeys(bad),
			(e: Error) => /not valid: use a comma-separated list/.test(e.message) && !e.message.includes('\n'),
			bad,
		);
	}
});

test('detach keys come from the flag, then the docker config, else ctrl-p ctrl-q', () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-config-'));
	try {
		const env = { DOCKER_CONFIG: dir };
		assert.equal(resolveDetachKeys(undefined, env).keys.spec, 'ctrl-p,ctrl-q');
		fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ detachKeys: 'ctrl-e,e' }));
		assert.equal(resolveDetachKeys(undefined, env).keys.spec, 'ctrl-e,e');
		assert.equal(resolveDetachKeys('ctrl-x,x', env).keys.spec, 'ctrl-x,x', 'the flag wins');
		fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ detachKeys: 'bogus-key' }));
		const bad = resolveDetachKeys(undefined, env);
		assert.equal(bad.keys.spec, 'ctrl-p,ctrl-q');
		assert.match(bad.warning ?? '', /config\.json: detach key "bogus-key" is not valid.*using ctrl-p,ctrl-q/);
		assert.throws(() => resolveDetachKeys('nope', env), /not valid/);
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
});

test('the detach sequence is found across chunk boundaries, and a false start resets', () => {
	const seen = sequenceMatcher(Uint8Array.from([16, 17]));
	assert.equal(seen(Uint8Array.from([97, 16])), false);
	assert.equal(seen(Uint8Array.from([17])), true);
	assert.equal(seen(Uint8Array.from([16, 98, 17])), false);
	assert.equal(seen(Uint8Array.from([16, 16, 17])), true);
});

test('exec commands split like a shell would, and empty means bash else sh', () => {
	assert.deepEqual(splitCommand('ls -la /app'), ['ls', '-la', '/app']);
	assert.deepEqual(splitCommand(`sh -c 'echo "a b"; exit 3'`), ['sh', '-c', 'echo "a b"; exit 3']);
	assert.deepEqual(splitCommand('echo a\\ b "" x'), ['echo', 'a b', '', 'x']);
	assert.throws(() => splitCommand('echo "open'), /unclosed " quote/);
	assert.equal(execCommand('   '), DEFAULT_SHELL);
	assert.deepEqual(execCommand('top -b'), ['top', '-b']);
});

test('the attach intro tells a learner what will happen', () => {
	assert.match(
		attachIntro('web', 'sh', true, true, false, 'ctrl-p ctrl-q'),
		/^Attached to PID 1 of web \(sh\)\. Detach with ctrl-p ctrl-q and it keeps running; Ctrl-C goes to its main process and may stop it\./,
	);
	assert.match(
		attachIntro('job', 'run.sh', false, false, false, 'ctrl-p ctrl-q'),
		/input is not connected \(its stdin is not open\)\. ctrl-p ctrl-q or Ctrl-C returns to dockdeck/,
	);
	assert.match(attachIntro('web', 'sh', true, false, true, 'ctrl-p ctrl-q'), /input is not connected \(--read-only\)/);
});

test('keys that arrive together are split into single keys', () => {
	assert.deepEqual(splitKeys('l\r'), [
		['l', 'l'],
		['return', ''],
	]);
	assert.deepEqual(splitKeys('ab\u007f\t\u0010'), [
		['a', 'a'],
		['b', 'b'],
		['backspace', ''],
		['tab', ''],
		['ctrl+p', ''],
	]);
	assert.deepEqual(splitKeys('a b'), [
		['a', 'a'],
		['space', ' '],
		['b', 'b'],
	]);
	assert.equal(splitKeys('q'), undefined, "a single key is Ink's to parse");
	assert.equal(splitKeys('\u001b[A'), undefined, "escape sequences are Ink's to parse");
	assert.deepEqual(splitKeys('한글'), [
		['한', '한'],
		['글', '글'],
	]);
});
