#!/usr/bin/env node
// The entry point: settles the runtime before anything else loads.
// - React picks its build from NODE_ENV when first imported (and ESM imports are hoisted): the
//   development build costs several times the CPU under a log flood.
// - The heap flags (heap-flags.ts) can only be given at start. The installed launcher (this file
//   run by /bin/sh, see source/tools/bundle.mjs) passes them to node; run as `node cli.js`, the
//   process replaces itself once with them (process.execve: same pid, nothing loaded yet, ~40 ms)
//   unless the user chose heap flags already.
import fs from 'node:fs';
import module from 'node:module';
import { HEAP_FLAGS } from './heap-flags.js';

// Ink 8 and this bundle are built for Node 22: an older one would fail somewhere later with a stack
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
	process.stderr.write(
		`dockdeck: needs Node.js 22 or newer, and this is ${process.version}: install a newer Node, or use the single executable (npm run dist), which carries its own.\n`,
	);
	process.exit(2);
}
const chosen = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some(a => /^--max-(semi|old)-space-size/.test(a));
const execve = (process as { execve?: (file: string, args: string[], env: NodeJS.ProcessEnv) => never }).execve;
if (!chosen && !process.env.DOCKDECK_NO_HEAP_FLAGS && typeof execve === 'function' && process.argv[1]) {
	process.emitWarning = () => undefined; // execve is experimental in Node 22-24 and would warn on stderr
	execve.call(process, process.execPath, [process.execPath, ...HEAP_FLAGS, ...process.execArgv, ...process.argv.slice(1)], {
		...process.env,
		DOCKDECK_NO_HEAP_FLAGS: '1',
	});
}
process.env.NODE_ENV ??= 'production';
// Node's deprecation warnings are about dependencies' internals (docker-modem's url.parse for TLS
// and ssh addresses) and would print over the screen or a one-line error.
process.noDeprecation = true;
// V8 keeps the compiled bundle on disk (in the temp folder) so later starts skip compiling it.
// npm run build bundles everything into bundle/; a plain tsc build runs from main.js.
module.enableCompileCache?.();
const bundle = new URL('./bundle/main.js', import.meta.url);
const { run } = (await import(fs.existsSync(bundle) ? bundle.href : './main.js')) as typeof import('./main.js');
run();
