// Every command line, however wrong, gets one line that says what is wrong and what to type, and
// exit code 2: never a stack trace, never meow's bare "Unknown flag". The bad lines are generated
// from the option table itself, so a new option is tested as soon as it exists.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { FLAGS, type FlagSpec } from '../../source/cli-args.js';

const CLI = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/cli.js');
const kebab = (name: string) => name.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`);

function run(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; out: string; err: string }> {
	return new Promise(resolve => {
		// no engine anywhere: a line that got past the checks would fail on connecting, not hang
		const child = spawn(process.execPath, [CLI, ...args], {
			env: {
				PATH: process.env.PATH,
				HOME: '/nonexistent',
				DOCKER_HOST: 'unix:///nonexistent/docker.sock',
				DOCKDECK_CONFIG: '/nonexistent/config.json',
				...env,
			},
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let out = '';
		let err = '';
		child.stdout.on('data', d => (out += d));
		child.stderr.on('data', d => (err += d));
		child.on('close', code => resolve({ code, out, err }));
	});
}

/** Bad command lines made from the option table: missing, empty and repeated values, values to switches, typos. */
function badLines(): string[][] {
	const lines: string[][] = [];
	const flags = Object.entries(FLAGS as Record<string, FlagSpec>).filter(([name]) => name !== 'help' && name !== 'version');
	for (const [name, spec] of flags) {
		const long = `--${kebab(name)}`;
		const forms = [long, ...(spec.shortFlag ? [`-${spec.shortFlag}`] : [])];
		if (spec.type === 'string') {
			for (const form of forms) {
				lines.push([form], [form, '--learn'], [form, ''], [form, '   ']);
				if (!spec.isMultiple) lines.push([form, 'x', form, 'y']);
			}
			lines.push([`${long}=`]);
			if (spec.shortFlag && !spec.isMultiple) lines.push([long, 'x', `-${spec.shortFlag}`, 'y']);
		} else {
			lines.push([`${long}=maybe`], [long, long]);
		}
		// a typo: one letter left out
		lines.push([`--${kebab(name).slice(0, -1)}`]);
	}
	lines.push(['--bogus'], ['-Z'], ['---host', 'x'], ['--no-host'], ['-yZ']);
	// subcommands with the wrong arguments, and options of one subcommand given to another
	lines.push(['build'], ['build', 'a', 'b'], ['playground', 'extra'], ['frobnicate'], ['ps', '-a'], ['--', '--host']);
	lines.push(['build', '.', '--image', 'x'], ['build', '.', '--clean'], ['playground', '--tag', 'x'], ['--target', 'x'], ['--yes']);
	lines.push(['build', '.', '--read-only'], ['playground', '--read-only']);
	// values that are there but wrong
	lines.push(
		['--host', 'bogus://x'],
		['--lang', 'xx'],
		['--detach-keys', 'alt-x'],
		['--log-buffer', 'lots'],
		['--host', 'x', '--context', 'y'],
		['--context', 'no-such-context'],
	);
	return lines;
}

async function inBatches<T, R>(items: readonly T[], width: number, task: (item: T) => Promise<R>): Promise<R[]> {
	const out: R[] = [];
	for (let i = 0; i < items.length; i += width) out.push(...(await Promise.all(items.slice(i, i + width).map(task))));
	return out;
}

test('every bad command line is one line that says what is wrong, with exit code 2 and no stack', async t => {
	const lines = badLines();
	const results = await inBatches(lines, 8, async args => ({ args, ...(await run(args)) }));
	const problems: string[] = [];
	for (const { args, code, out, err } of results) {
		const shown = `dockdeck ${args.map(a => (a === '' || /\s/.test(a) ? `'${a}'` : a)).join(' ')}`;
		const said = err.trimEnd().split('\n');
		if (code !== 2) problems.push(`${shown}: exit ${code}, not 2 (${err.trim() || out.trim()})`);
		if (out.trim()) problems.push(`${shown}: wrote to stdout: ${out.trim()}`);
		if (said.length !== 1 || !said[0]!.startsWith('dockdeck: ')) problems.push(`${shown}: not one "dockdeck: ..." line:\n${err}`);
		if (/\n\s+at .+:\d+|Error:|Unknown flag|can only be set once|ERR_/.test(err))
			problems.push(`${shown}: a stack or a library's own message:\n${err}`);
	}
	t.diagnostic(`${lines.length} bad command lines`);
	assert.deepEqual(problems, []);
	const said = (args: string[]) => results.find(r => r.args.join(' ') === args.join(' '))!.err.trim();
	assert.equal(said(['--host', 'x', '--host', 'y']), 'dockdeck: --host is given twice: give it once');
	assert.equal(said(['--host', 'x', '-H', 'y']), 'dockdeck: --host and -H are the same option, given twice: give it once');
	assert.equal(said(['--image']), 'dockdeck: --image needs a value, as in --image busybox');
	assert.equal(said(['--hos']), 'dockdeck: unknown option --hos: did you mean --host? (dockdeck --help lists the options)');
	assert.equal(said(['--read-only=maybe']), 'dockdeck: --read-only is a switch and takes no value: write --read-only alone');
});

test('the same lines in Korean are one Korean line each', async () => {
	for (const args of [['--host', 'a', '--host', 'b'], ['playground', '--image'], ['--bogus']]) {
		const { code, err } = await run(['--lang', 'ko', ...args]);
		assert.equal(code, 2);
		assert.equal(err.trimEnd().split('\n').length, 1);
		assert.match(err, /[가-힣]/, `Korean: ${err}`);
	}
});

test('--help and --version answer whatever else is on the line', async () => {
	const help = await run(['--host', 'a', '--host', 'b', '--bogus', '--help']);
	assert.equal(help.code, 0);
	assert.match(help.out, /--host <address>/);
	const version = await run(['-v', '--frobnicate']);
	assert.equal(version.code, 0);
	assert.match(version.out, /^\d+\.\d+\.\d+/);
});
