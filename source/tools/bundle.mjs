// npm run build, second step: bundles dist/main.js and its dependencies into dist/bundle/, a few
// files that Node loads in a fraction of the time it takes to resolve and read ~900 module files
// (start-up went from ~650 ms to ~250 ms on the 2-core test machine; see npm run bench).
// - React and Ink are built for production (process.env.NODE_ENV is fixed at bundle time).
// - Ink's optional React devtools hook (DEV=true only) and dockerode's BuildKit session support
//   (gRPC + protobuf, used only by `docker build` with version 2, which dockdeck does not use)
//   are left out: they cost start-up time and are never reached.
// - Native addons that ssh2 tries to load (and copes without) stay outside.
// - NO_COLOR is honoured in Ink's colorize (below).
// - Ink measures and tokenizes every piece of text on screen again for each frame, with caches that
//   live for one frame. Two edits keep those caches across frames, so a frame where two rows
//   changed costs about two rows (key-to-screen p50 ~22 -> ~15 ms with 1,000 containers):
//   output.js shares one OutputCaches (emptied when it holds more than ~200k characters), and
//   render-node-to-output.js takes a text's width from measure-text.js's LRU cache, which has
//   already measured the same string for layout, instead of measuring it again.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const knownWidthModule = path.resolve('dist/format/known-width.js');
const { version } = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));

const require =
	"import { createRequire as __cr } from 'node:module'; import { fileURLToPath as __fu } from 'node:url'; import { dirname as __dn } from 'node:path'; const require = __cr(import.meta.url); const __filename = __fu(import.meta.url); const __dirname = __dn(__filename);";

/** Stand-ins for modules the bundle leaves out: what they would do instead is never reached. */
const LEFT_OUT = {
	devtools: 'export default { initialize() {}, connectToDevTools() {} };',
	buildkit: "module.exports = function () { throw new Error('BuildKit sessions are not included in dockdeck'); };",
	ssh: "module.exports = function () { throw new Error('ssh:// goes through the ssh bridge in dockdeck'); };",
};

const leaveOut = {
	name: 'leave-out',
	setup(b) {
		b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'devtools', namespace: 'left-out' }));
		b.onResolve({ filter: /^\.\/(session|buildkit)$/ }, args =>
			args.importer.includes('/dockerode/lib/') ? { path: 'buildkit', namespace: 'left-out' } : undefined,
		);
		// docker-modem's own ssh transport (ssh2, a new handshake per request): dockdeck reaches ssh://
		// through docker/ssh-bridge.ts. ssh2 also costs ~25 ms of crypto set-up when it loads.
		b.onResolve({ filter: /^\.\/ssh$/ }, args =>
			args.importer.includes('/docker-modem/lib/') ? { path: 'ssh', namespace: 'left-out' } : undefined,
		);
		b.onLoad({ filter: /.*/, namespace: 'left-out' }, args => ({ contents: LEFT_OUT[args.path], loader: 'js' }));
	},
};

/**
 * Node's built-in modules through `require`, as the CommonJS dependencies already take them: an
 * ESM import of a built-in builds a facade that reads every export once, and for node:http that
 * loads the whole fetch implementation (undici, ~10 ms) for its WebSocket getter.
 */
const builtinsByRequire = {
	name: 'builtins-by-require',
	setup(b) {
		b.onResolve({ filter: /^node:/ }, args => (args.kind === 'import-statement' ? { path: args.path, namespace: 'builtin' } : undefined));
		b.onLoad({ filter: /.*/, namespace: 'builtin' }, args => ({
			contents: `module.exports = require(${JSON.stringify(args.path)});`,
			loader: 'js',
		}));
	},
};

/** Replaces `from` with `to` in a dependency's file, and fails the build if `from` is not there. */
function edit(source, file, from, to) {
	if (!source.includes(from)) throw new Error(`bundle: ${file} has changed (no "${from}"): revisit the edit in source/tools/bundle.mjs`);
	return source.replace(from, to);
}

/** Loads node_modules/<file> with `change` applied to its text; `change` edits through `edit`. */
function patch(b, file, change) {
	const filter = new RegExp(`[\\\\/]node_modules[\\\\/]${file.replace(/\./g, '\\.').replace(/\//g, '[\\\\/]')}$`);
	b.onLoad({ filter }, args => ({
		contents: change(fs.readFileSync(args.path, 'utf8'), (source, from, to) => edit(source, file, from, to)),
		loader: 'js',
	}));
}

const patchInk = (b, file, change) => patch(b, `ink/build/${file}`, change);

const inkEdits = {
	name: 'ink-edits',
	setup(b) {
		patchInk(
			b,
			'output.js',
			(source, change) =>
				change(
					change(
						change(source, 'caches = new OutputCaches();', 'caches = sharedOutputCaches();'),
						"row.push({\n                    type: 'char',\n                    value: ' ',\n                    fullWidth: false,\n                    styles: [],\n                });",
						'row.push(BLANK_CELL);',
					),
					'        return {\n            output: generatedOutput,',
					'        SHARED_CACHES.endFrame();\n        return {\n            output: generatedOutput,',
				) +
				`
// every frame starts from a grid of blank cells that are replaced, never changed: one shared
// frozen cell instead of two objects for each of the screen's cells (9,600 at 120x40) per frame
const BLANK_CELL = Object.freeze({ type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([]) });
// Texts met in two frames running are kept across frames (a list's rows, a frame's borders);
// texts met in one frame only (a log flood's lines) are kept for that frame, as Ink did, and let
// go when it is written, so they die young instead of filling the old generation.
class SharedOutputCaches extends OutputCaches {
	characters = 0;
	frameChars = new Map();
	frameWidths = new Map();
	lastFrame = new Set();
	getStyledChars(line) {
		const kept = this.styledChars.get(line) ?? this.frameChars.get(line);
		if (kept !== undefined) return kept;
		const chars = super.getStyledChars(line);
		if (this.lastFrame.has(line)) this.characters += chars.length;
		else {
			this.styledChars.delete(line);
			this.frameChars.set(line, chars);
		}
		return chars;
	}
	getStringWidth(text) {
		const kept = this.widths.get(text) ?? this.frameWidths.get(text);
		if (kept !== undefined) return kept;
		const width = super.getStringWidth(text);
		if (!this.lastFrame.has(text)) {
			this.widths.delete(text);
			this.frameWidths.set(text, width);
		}
		return width;
	}
	endFrame() {
		this.lastFrame = new Set([...this.frameChars.keys(), ...this.frameWidths.keys()]);
		this.frameChars.clear();
		this.frameWidths.clear();
	}
}
const SHARED_CACHES = new SharedOutputCaches();
function sharedOutputCaches() {
	if (SHARED_CACHES.characters > 200000 || SHARED_CACHES.widths.size > 50000 || SHARED_CACHES.blockWidths.size > 50000) {
		SHARED_CACHES.styledChars.clear();
		SHARED_CACHES.widths.clear();
		SHARED_CACHES.blockWidths.clear();
		SHARED_CACHES.characters = 0;
	}
	return SHARED_CACHES;
}
`,
		);
		// A frame that answers a key is drawn at once; frames for data (a log flood) stay capped by
		// maxFps. Ink throttles both alike, so a key that lands just after a data frame waited for
		// the rest of the frame interval.
		patchInk(b, 'hooks/use-input.js', (source, change) =>
			change(
				source,
				'reconciler.discreteUpdates(() => {',
				"globalThis[Symbol.for('dockdeck.inputFrame')] = true;\n        setImmediate(() => { globalThis[Symbol.for('dockdeck.inputFrame')] = false; });\n        reconciler.discreteUpdates(() => {",
			),
		);
		patchInk(b, 'ink.js', (source, change) =>
			change(
				source,
				'this.hasPendingThrottledRender = true;\n                throttled();',
				"this.hasPendingThrottledRender = true;\n                throttled();\n                if (globalThis[Symbol.for('dockdeck.inputFrame')]) {\n                    globalThis[Symbol.for('dockdeck.inputFrame')] = false;\n                    throttled.flush();\n                }",
			),
		);
		// NO_COLOR (no-color.org): Ink's one place that turns a colour name into escape codes leaves
		// the text as it is, so colours go while bold, dim, underline and inverse (the cursor row) stay.
		patchInk(b, 'colorize.js', (source, change) => change(source, '    if (!color) {', "    if (!color || process.env['NO_COLOR']) {"));
		patchInk(
			b,
			'render-node-to-output.js',
			(source, change) =>
				`import measureText from './measure-text.js';\n${change(source, 'const currentWidth = widestLine(text);', 'const currentWidth = measureText(text).width;')}`,
		);
	},
};

/** Edits that take work off the way to the first frame, or let the bundle be a snapshot; none changes what the code does. */
const startupEdits = {
	name: 'startup-edits',
	setup(b) {
		// yoga: its loader fetches its own data: URL when fetch exists, which loads Node's fetch
		// (undici, ~15 ms) to decode base64, and its other branch decodes a character at a time in
		// JavaScript (~5 ms), where Buffer does it natively. It is set up when a layout first needs it,
		// synchronously, rather than by a top-level await of its WebAssembly: a module graph with a
		// top-level await cannot be CommonJS, which the executable's startup snapshot needs (dist.mjs),
		// and a snapshot cannot hold WebAssembly. Compiling yoga takes ~1 ms either way.
		patch(b, 'yoga-layout/dist/binaries/yoga-wasm-base64-esm.js', (source, change) =>
			change(
				change(
					change(source, 'w||"function"!=typeof fetch?', 'w||!0?'),
					'var b=xa(a.slice(37)),c=new Uint8Array(b.length);for(a=0;a<b.length;++a)c[a]=b.charCodeAt(a);var d=c',
					'var d=new Uint8Array(Buffer.from(a.slice(37),"base64"))',
				),
				'if(h.instantiateWasm)try{return h.instantiateWasm(d,',
				'if(h.syncWasm)return a(new WebAssembly.Instance(new WebAssembly.Module(wa()),d)),{};if(h.instantiateWasm)try{return h.instantiateWasm(d,',
			),
		);
		patch(b, 'yoga-layout/dist/src/index.js', (source, change) =>
			change(
				source,
				'const Yoga = wrapAssembly(await loadYoga());',
				`import YGEnums from './generated/YGEnums.js';
let lib;
// while a snapshot is built there is no WebAssembly: its warm-up (warm-up.tsx) lays out with a
// stand-in whose nodes are all 120x1 at 0,0, which runs (and so compiles) the rest of the drawing
const standIn = () => new Proxy({}, { get: (_, key) => (key === 'getComputedWidth' ? () => 120 : key === 'getComputedHeight' ? () => 1 : () => 0) });
const load = () =>
	(lib ??= typeof WebAssembly === 'undefined'
		? { Node: { create: standIn }, Config: { create: standIn } }
		: wrapAssembly((() => { const m = { syncWasm: true }; loadYoga(m); return m; })()));
const Yoga = { ...YGEnums, get Node() { return load().Node; }, get Config() { return load().Config; } };
// the stand-in goes before the snapshot's heap is written
import __v8 from 'node:v8';
if (__v8.startupSnapshot.isBuildingSnapshot()) __v8.startupSnapshot.addSerializeCallback(() => { lib = undefined; });`,
			),
		);
		// Ink's development mode (DEV=true: its devtools, left out above, and its package.json read
		// for their sake) is reached by two top-level awaits, which CommonJS cannot hold either
		patch(b, 'ink/build/reconciler.js', (source, change) =>
			change(
				change(source, "if (process.env['DEV'] === 'true') {", 'if (false) {'),
				"if (process.env['DEV'] === 'true') {",
				'if (false) {',
			),
		);
		// string-width sets up Intl.Segmenter when it loads and compiles its emoji regexes on the first
		// string beyond ASCII (a border, "·"), ~25 ms before the first frame: it asks known-width.ts
		// first, and sets the segmenter up when the full rules are needed
		patch(b, 'string-width/index.js', (source, change) =>
			change(
				change(
					change(
						source,
						'const segmenter = new Intl.Segmenter();',
						`import { knownTextWidth } from ${JSON.stringify(knownWidthModule)};\nlet segmenter;`,
					),
					'for (const {segment} of segmenter.segment(string)) {',
					'for (const {segment} of (segmenter ??= new Intl.Segmenter()).segment(string)) {',
				),
				'\tlet width = 0;\n\tconst eastAsianWidthOptions = {ambiguousAsWide: !ambiguousIsNarrow};',
				'\tconst known = ambiguousIsNarrow ? knownTextWidth(string) : -1;\n\tif (known >= 0) {\n\t\treturn known;\n\t}\n\n\tlet width = 0;\n\tconst eastAsianWidthOptions = {ambiguousAsWide: !ambiguousIsNarrow};',
			),
		);
		// meow checks a package.json it reads with normalize-package-data (spdx licence tables, ~15 ms
		// to set up); dockdeck hands it its name and version, so it is set up only if ever called
		patch(b, 'meow/build/dependencies.js', (source, change) =>
			change(
				source,
				'var normalizeExports = requireNormalize();\nconst normalizePackageData = getDefaultExportFromCjs(normalizeExports);',
				'const normalizePackageData = data => getDefaultExportFromCjs(requireNormalize())(data);',
			),
		);
	},
};

/**
 * For the executable's startup snapshot (dist.mjs), which evaluates the screen's modules on the
 * building machine: state they take from the environment when they load is taken again at each
 * start. Found by recording every read of process.env and of the standard streams while the
 * snapshot is built: chalk's colour level (supports-color: the terminal, TERM, COLORTERM,
 * FORCE_COLOR) is set again; Intl.Segmenter objects (ICU, which a snapshot cannot hold) are made
 * when first used. The rest needs nothing: is-in-ci is read only when Ink is not told whether it
 * is interactive (dockdeck always tells it), ansi-escapes' TERM/TMUX checks shape only sequences Ink
 * does not use (cursor save and restore, OSC wrapping), and Ink's default stream contexts are
 * always provided anew by its App.
 */
export const snapshotEdits = {
	name: 'snapshot-edits',
	setup(b) {
		patch(
			b,
			'chalk/source/index.js',
			source => `${source}
import { createSupportsColor as __supportsColorOf } from '#supports-color';
import __v8 from 'node:v8';
import __tty from 'node:tty';
if (__v8.startupSnapshot.isBuildingSnapshot())
	__v8.startupSnapshot.addDeserializeCallback(() => {
		const support = __supportsColorOf({ isTTY: __tty.isatty(1) });
		chalk.level = support ? support.level : 0;
	});
`,
		);
	},
};

/**
 * The snapshot's banner: Intl.Segmenter objects made at load (string-width, wrap-ansi, slice-ansi,
 * Ink) set up ICU, which a snapshot cannot hold, only when first used; while the snapshot is built
 * (its warm-up draws the dashboard) each use sets up one of its own, which is not kept.
 */
export const lazySegmenter = `{ const Real = Intl.Segmenter; const building = require('node:v8').startupSnapshot.isBuildingSnapshot(); Intl.Segmenter = class Segmenter { #args; #real; constructor(...args) { this.#args = args; } #get() { return building ? new Real(...this.#args) : (this.#real ??= new Real(...this.#args)); } segment(text) { return this.#get().segment(text); } resolvedOptions() { return this.#get().resolvedOptions(); } static supportedLocalesOf(...args) { return Real.supportedLocalesOf(...args); } }; }`;

/**
 * What both builds share: dist/main.js and its dependencies as ESM for Node 22+, React and Ink for
 * production, the left-out modules and the Ink edits above.
 */
export const shared = {
	entryPoints: ['dist/main.js'],
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node22',
	// Node 22 has them: lowered, the emoji regexes of string-width (\p{RGI_Emoji}, flag v) were
	// built with new RegExp when the module loads (~12 ms) instead of when first used
	supported: { 'regexp-set-notation': true, 'regexp-unicode-property-escapes': true },
	define: { 'process.env.NODE_ENV': '"production"', DOCKDECK_VERSION: JSON.stringify(version) },
	minifySyntax: true,
	minifyWhitespace: true,
	legalComments: 'none',
	external: ['*.node'],
	banner: { js: require },
	plugins: [leaveOut, builtinsByRequire, startupEdits, inkEdits],
	logLevel: 'warning',
};

/**
 * dist/cli.js as the installed command: /bin/sh reads its second line and starts node with the heap
 * flags, so the process need not replace itself to set them (~40 ms at every start); node reads
 * the same file as JavaScript, where that line is a string and a comment. Heap flags the user chose
 * in NODE_OPTIONS, or DOCKDECK_NO_HEAP_FLAGS, leave the flags out, as cli.js itself does.
 */
async function writeLauncher() {
	const { HEAP_FLAGS } = await import(pathToFileURL('dist/heap-flags.js').href);
	const source = fs.readFileSync('dist/cli.js', 'utf8');
	const first = '#!/usr/bin/env node\n';
	if (!source.startsWith(first)) throw new Error('bundle: dist/cli.js does not start with its #! line');
	const shell = `':' //; [ -z "$DOCKDECK_NO_HEAP_FLAGS" ] && ! expr "$NODE_OPTIONS" : '.*--max-[a-z]*-space-size' >/dev/null && exec node ${HEAP_FLAGS.join(' ')} "$0" "$@"; exec node "$0" "$@"`;
	fs.writeFileSync('dist/cli.js', `#!/bin/sh\n${shell}\n${source.slice(first.length)}`, { mode: 0o755 });
	fs.chmodSync('dist/cli.js', 0o755);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	await writeLauncher();
	fs.rmSync('dist/bundle', { recursive: true, force: true });
	await build({
		...shared,
		outdir: 'dist/bundle',
		entryNames: '[name]',
		// main.js holds what start-up needs to reach the engine; the screen (React, Ink, yoga) is a chunk
		// that main imports once the first requests are out, so the two overlap
		splitting: true,
		chunkNames: 'chunk-[hash]',
	});
}
