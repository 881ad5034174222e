// The single executable's startup snapshot (source/tools/dist.mjs): Node runs this module once when
// the executable is built and keeps the heap it leaves; each start of the executable begins from that
// heap and calls the function below. What is in the snapshot is the screen's code (React, Ink and
// dockdeck's screens), evaluated and compiled: loading it is ~80-150 ms of each start otherwise,
// and compiling it as the first frame calls it ~50-100 ms more. What reaches the
// engine (dockerode and Node's http) cannot be held in a snapshot and loads at each start, as before.
// A module evaluated here must not keep what it read of the environment when it loaded, since that
// would be the building machine's: the bundle's edits for the snapshot (bundle.mjs, snapshotEdits)
// take care of the dependencies that do.
import v8 from 'node:v8';
import { startStep } from './diagnostics.js';
import { warmUp } from './warm-up.js';

// the code the first frame runs is compiled now, and kept with the heap (Node writes the heap once
// nothing is left to run); a warm-up that fails fails the build
warmUp().catch((error: unknown) => {
	process.stderr.write(`dockdeck snapshot: the warm-up failed: ${error instanceof Error ? error.stack : String(error)}\n`);
	process.exit(1);
});

// Node leaves console.Console out of a deserialized heap; Ink's console patch needs it
const Console = console.Console;

v8.startupSnapshot.setDeserializeMainFunction(() => {
	if (typeof console.Console !== 'function')
		Object.defineProperty(console, 'Console', { value: Console, configurable: true, writable: true });
	process.noDeprecation = true;
	startStep('snapshot-deserialized');
	void import('./main.js').then(main => main.run());
});
