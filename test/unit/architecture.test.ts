// The layers of source/ as rules that fail loudly: no import cycle (type-only ones included), only
// docker/ knows dockerode, no two folders depend on each other, and the screens' registry holds:
// every screen handles every key of its scopes, can be left, and is opened from somewhere.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { KEYMAP, type Scope } from '../../source/keymap/keymap.js';
import { SCREENS } from '../../source/screens/registry.js';

const SOURCE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../source');

interface Edge {
	readonly to: string;
	readonly external: boolean;
}

/** Every .ts/.tsx file of source/, relative to it. */
function sourceFiles(dir = SOURCE): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(full);
		return /\.tsx?$/.test(entry.name) ? [path.relative(SOURCE, full)] : [];
	});
}

/** What each file imports (values, types, re-exports and dynamic imports alike). */
export function importGraph(files: readonly string[]): Map<string, Edge[]> {
	const graph = new Map<string, Edge[]>();
	const SPEC = /(?:^|\n)\s*(?:import|export)\s[^'"]*?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
	for (const file of files) {
		const text = fs.readFileSync(path.join(SOURCE, file), 'utf8');
		const edges: Edge[] = [];
		for (const m of text.matchAll(SPEC)) {
			const spec = m[1] ?? m[2]!;
			if (!spec.startsWith('.')) {
				edges.push({ to: spec, external: true });
				continue;
			}
			const base = path.normalize(path.join(path.dirname(file), spec)).replace(/\.js$/, '');
			const target = [`${base}.ts`, `${base}.tsx`].find(f => files.includes(f));
			if (target) edges.push({ to: target, external: false });
		}
		graph.set(file, edges);
	}
	return graph;
}

/** The strongly connected sets of more than one file: each is a cycle (Tarjan). */
export function cycles(graph: ReadonlyMap<string, readonly Edge[]>): string[][] {
	let index = 0;
	const stack: string[] = [];
	const on = new Set<string>();
	const idx = new Map<string, number>();
	const low = new Map<string, number>();
	const found: string[][] = [];
	const visit = (v: string) => {
		idx.set(v, index);
		low.set(v, index++);
		stack.push(v);
		on.add(v);
		for (const { to, external } of graph.get(v) ?? []) {
			if (external) continue;
			if (!idx.has(to)) {
				visit(to);
				low.set(v, Math.min(low.get(v)!, low.get(to)!));
			} else if (on.has(to)) low.set(v, Math.min(low.get(v)!, idx.get(to)!));
		}
		if (low.get(v) !== idx.get(v)) return;
		const set: string[] = [];
		for (let w = stack.pop()!; ; w = stack.pop()!) {
			on.delete(w);
			set.push(w);
			if (w === v) break;
		}
		if (set.length > 1 || (graph.get(v) ?? []).some(e => e.to === v)) found.push(set.sort());
	};
	for (const v of graph.keys()) if (!idx.has(v)) visit(v);
	return found;
}

const folder = (file: string) => (file.includes('/') ? file.split('/')[0]! : '(root)');

const graph = importGraph(sourceFiles());

test('no import cycle, not even through types only', () => {
	assert.deepEqual(cycles(graph), []);
	// and the check sees one when there is one
	const planted = new Map(graph);
	planted.set('model/types.ts', [...(graph.get('model/types.ts') ?? []), { to: 'docker/api.ts', external: false }]);
	assert.ok(cycles(planted).length > 0, 'a planted cycle is found');
});

test('only docker/ imports dockerode; the rest talks to the engine through docker/api.ts', () => {
	const outside = [...graph]
		.filter(([file, edges]) => !file.startsWith('docker/') && edges.some(e => e.external && e.to === 'dockerode'))
		.map(([file]) => file);
	assert.deepEqual(outside, []);
});

test('no two folders of source/ import each other', () => {
	const pairs = new Map<string, string>();
	for (const [file, edges] of graph)
		for (const e of edges)
			if (!e.external && folder(file) !== folder(e.to)) pairs.set(`${folder(file)} > ${folder(e.to)}`, `${file} -> ${e.to}`);
	const twoWay = [...pairs.keys()].filter(k => {
		const [a, b] = k.split(' > ');
		return a! < b! && pairs.has(`${b} > ${a}`);
	});
	assert.deepEqual(
		twoWay.map(k => `${pairs.get(k)} and back: ${pairs.get(k.split(' > ').reverse().join(' > '))}`),
		[],
	);
});

const APP_SCOPES = new Set<Scope>(['always', 'views', 'list']);

test('every screen handles every key of its own scopes, and no key of another', () => {
	for (const screen of SCREENS) {
		const own = new Set(screen.stacks.flat().filter(scope => !APP_SCOPES.has(scope)));
		const expected = KEYMAP.filter(b => own.has(b.scope))
			.map(b => b.id)
			.sort();
		assert.deepEqual(Object.keys(screen.keys).sort(), expected, `${screen.name}: one handler per action of ${[...own].join(', ')}`);
		for (const stack of screen.stacks) assert.equal(stack[0], 'always', `${screen.name}: Ctrl-C and Ctrl-Z work there`);
		if (screen.stacks.flat().includes('list')) assert.ok(screen.move, `${screen.name} has list keys, so it moves`);
	}
});

test('every key-table scope belongs to a screen or to the app', () => {
	const covered = new Set<Scope>([...APP_SCOPES, ...SCREENS.flatMap(s => s.stacks.flat())]);
	assert.deepEqual(
		[...new Set(KEYMAP.map(b => b.scope))].filter(scope => !covered.has(scope)),
		[],
	);
});

test('every screen can be left, and is opened from somewhere', () => {
	const code = sourceFiles().map(file => [file, fs.readFileSync(path.join(SOURCE, file), 'utf8')] as const);
	// each screen's variable, by the name it gives itself
	const variables = new Map<string, string>();
	for (const [, text] of code)
		for (const m of text.matchAll(/export const (\w+): Screen<[^=]*= \{\s*name: '([^']+)'/g)) variables.set(m[2]!, m[1]!);
	for (const screen of SCREENS) {
		if (screen.name === 'dashboard') continue; // the bottom of the stack
		assert.ok(screen.close, `${screen.name} names the key that leaves it`);
		assert.ok(screen.close! in screen.keys, `${screen.name}: its close key has a handler`);
		const variable = variables.get(screen.name);
		assert.ok(variable, `${screen.name} is exported as a screen`);
		const opened = code.some(([file, text]) => !file.endsWith('registry.ts') && new RegExp(`(open|push)\\(\\s*${variable}\\b`).test(text));
		assert.ok(opened, `${screen.name} (${variable}) is opened somewhere`);
	}
});
