import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { configPath, engineSettings, loadConfig } from '../../source/config.js';
import { KEYMAP, lookup } from '../../source/keymap/keymap.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-config-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
const write = (content: unknown) => {
	const file = path.join(dir, `config-${n++}.json`);
	fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
	return file;
};

test('where the config file is: DOCKDECK_CONFIG, then XDG_CONFIG_HOME, then ~/.config', () => {
	assert.equal(configPath({ DOCKDECK_CONFIG: '/x/c.json', XDG_CONFIG_HOME: '/xdg', HOME: '/h' }), '/x/c.json');
	assert.equal(configPath({ XDG_CONFIG_HOME: '/xdg', HOME: '/h' }), '/xdg/dockdeck/config.json');
	assert.equal(
		configPath({ XDG_CONFIG_HOME: 'relative', HOME: '/h' }),
		'/h/.config/dockdeck/config.json',
		'a relative XDG_CONFIG_HOME is ignored, as the spec says',
	);
	assert.equal(configPath({ HOME: '/h' }), '/h/.config/dockdeck/config.json');
});

test('a good config applies: keys, theme, log buffer, detach keys, read-only, engines', () => {
	const file = write({
		keys: { 'container.logs': 'F', 'app.quit': ['q', 'ctrl+x'] },
		theme: { good: 'greenBright', info: '#00aaff' },
		logBuffer: 5000,
		detachKeys: 'ctrl-a,d',
		readOnly: false,
		engines: { 'tcp://prod:2376': { production: true } },
	});
	const { config, problems } = loadConfig(file);
	assert.deepEqual(problems, []);
	assert.equal(lookup('F', ['containers'], config.keymap)?.id, 'container.logs');
	assert.equal(lookup('l', ['containers'], config.keymap), undefined, 'the old key is free');
	assert.equal(lookup('ctrl+x', ['views'], config.keymap)?.id, 'app.quit');
	assert.deepEqual(config.theme, { good: 'greenBright', info: '#00aaff' });
	assert.equal(config.logBuffer, 5000);
	assert.equal(config.detachKeys, 'ctrl-a,d');
	assert.deepEqual(engineSettings(config, 'tcp://prod:2376', false), { readOnly: true, production: true }, 'production implies read-only');
	assert.deepEqual(engineSettings(config, 'unix:///var/run/docker.sock', false), { readOnly: false, production: false });
});

test('read-only: the flag wins, then the engine entry, then the top level; production can be overridden', () => {
	const { config } = loadConfig(
		write({
			readOnly: true,
			engines: { 'unix:///dev.sock': { readOnly: false }, 'tcp://prod:2376': { production: true, readOnly: false } },
		}),
	);
	assert.equal(engineSettings(config, 'unix:///other.sock', false).readOnly, true);
	assert.equal(engineSettings(config, 'unix:///dev.sock', false).readOnly, false);
	assert.equal(engineSettings(config, 'unix:///dev.sock', true).readOnly, true, '--read-only always wins');
	assert.deepEqual(engineSettings(config, 'tcp://prod:2376', false), { readOnly: false, production: true });
});

test('no file is no settings and no problem; bad files and settings are one line each, naming the file and the setting', () => {
	assert.deepEqual(loadConfig(path.join(dir, 'missing.json')), { config: loadConfig(path.join(dir, 'missing.json')).config, problems: [] });
	const notJson = write('{ "readOnly": tru');
	assert.match(loadConfig(notJson).problems[0]!, new RegExp(`^${notJson.replace(/[/.]/g, '\\$&')}: not valid JSON`));
	assert.match(loadConfig(write([1, 2])).problems[0]!, /must hold a JSON object/);
	const { config, problems } = loadConfig(
		write({
			colour: 'red',
			keys: { 'container.nope': 'x', 'container.logs': 'Ctrl-L', 'image.tag': [] },
			theme: { good: 'chartreuse', loud: 'red' },
			logBuffer: 5,
			detachKeys: 'ctrl-',
			readOnly: 'yes',
			engines: { 'tcp://a:1': { production: 'yes', colour: true } },
		}),
	);
	const expect = [
		/"colour" is not a setting/,
		/"keys.container.nope" is not an action/,
		/"keys.container.logs" has a key that is not one: "Ctrl-L"/,
		/"keys.image.tag" must be a key or a list of keys/,
		/"theme.good" is not a colour: "chartreuse"/,
		/"theme.loud" is not a tone/,
		/"logBuffer" must be a whole number of lines from 100 to 1000000, not 5/,
		/"detachKeys" /,
		/"readOnly" must be true or false/,
		/"engines.tcp:\/\/a:1.production" must be true or false/,
		/"engines.tcp:\/\/a:1.colour" is not an engine setting/,
	];
	for (const re of expect)
		assert.ok(
			problems.some(p => re.test(p)),
			`${re} among:\n${problems.join('\n')}`,
		);
	assert.equal(problems.length, expect.length, problems.join('\n'));
	assert.ok(problems.every(p => p.split('\n').length === 1));
	// what was wrong is left at its default; the rest applies
	assert.equal(config.keymap, KEYMAP);
	assert.equal(config.logBuffer, undefined);
	assert.equal(config.readOnly, undefined);
});

test('a remapping that makes two actions share a key is reported with both named, and the default keys stay', async () => {
	// the config file is read before the screens load; the remapping is checked against every screen's scopes then
	const { checkKeymap } = await import('../../source/screens/registry.js');
	const say = (key: string, a: string, b: string) => `${key} is bound to both ${a} and ${b}`;
	const { config } = loadConfig(write({ keys: { 'container.logs': 's' } }));
	const logs = checkKeymap(config.keymap, KEYMAP, say);
	assert.ok(
		logs.conflicts.some(p => p.includes('s is bound to both container.') && p.includes('container.logs') && p.includes('container.stop')),
		logs.conflicts.join('\n'),
	);
	assert.equal(logs.keymap, KEYMAP, 'the default keys are kept');
	const quit = checkKeymap(loadConfig(write({ keys: { 'app.quit': 'j' } })).config.keymap, KEYMAP, say);
	assert.ok(
		quit.conflicts.some(p => /j is bound to both/.test(p) && p.includes('app.quit') && p.includes('cursor.down')),
		quit.conflicts.join('\n'),
	);
	const fine = checkKeymap(loadConfig(write({ keys: { 'container.logs': 'F' } })).config.keymap, KEYMAP, say);
	assert.deepEqual(fine.conflicts, []);
	assert.equal(fine.keymap.find(b => b.id === 'container.logs')?.keys[0], 'F');
});
