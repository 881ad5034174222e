import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { abandonedTestEngine, sweepStaleEngines } from '../support/engine.js';

/** A pid that is certainly not running: a child that has exited. */
const deadPid = () => spawnSync('true').pid!;

test('the test set-up sweeps only engine folders a test run made and whose runner is gone', async () => {
	const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-sweep-'));
	try {
		const make = (name: string, run?: object) => {
			const dir = path.join(root, name);
			fs.mkdirSync(path.join(dir, 'data'), { recursive: true });
			if (run) fs.writeFileSync(path.join(dir, 'dockdeck-test-run.json'), JSON.stringify(run));
			return dir;
		};
		const magic = 'dockdeck test engine';
		const started = fs.readFileSync(`/proc/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[19];
		// started by hand under the same prefix, even with the old owner file of a dead pid: never touched
		const byHand = make('ddk-byhand');
		fs.writeFileSync(path.join(byHand, 'owner'), String(deadPid()));
		const otherTool = make('ddk-other', { magic: 'something else', pid: deadPid() });
		const running = make('ddk-running', { magic, pid: process.pid, started });
		const dead = make('ddk-dead', { magic, pid: deadPid(), started: '1' });
		const reused = make('ddk-reused', { magic, pid: process.pid, started: '1' });
		assert.deepEqual([byHand, otherTool, running, dead, reused].map(abandonedTestEngine), [false, false, false, true, true]);
		const said: string[] = [];
		await sweepStaleEngines(line => said.push(line), root);
		assert.deepEqual(fs.readdirSync(root).sort(), ['ddk-byhand', 'ddk-other', 'ddk-running']);
		assert.equal(said.length, 2, said.join('\n'));
	} finally {
		fs.rmSync(root, { recursive: true, force: true });
	}
});
