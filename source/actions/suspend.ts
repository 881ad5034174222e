import type { Terminal } from './handoff.js';

/** How long to wait for SIGCONT: a stop the kernel dropped (no shell to resume us) must not hang dockdeck. */
const DROPPED_STOP_MS = 200;

/**
 * Stops this process as Ctrl-Z stops any program, with SIGTSTP and its default action, and resolves
 * once it runs again (`fg`, `bg` then `fg`, or `kill -CONT`). The kernel drops SIGTSTP in a process
 * group no shell controls, and then dockdeck simply goes on, never stopped for good.
 */
export async function stopSelf(): Promise<void> {
	const handlers = process.listeners('SIGTSTP');
	for (const handler of handlers) process.off('SIGTSTP', handler);
	let onContinue = () => undefined as void;
	const resumed = new Promise<void>(resolve => {
		onContinue = resolve;
		process.once('SIGCONT', onContinue);
		setTimeout(resolve, DROPPED_STOP_MS);
	});
	try {
		process.kill(process.pid, 'SIGTSTP');
		await resumed;
	} finally {
		process.off('SIGCONT', onContinue);
		for (const handler of handlers) process.on('SIGTSTP', handler);
	}
}

/**
 * Ctrl-Z: gives the terminal back to the shell (cooked mode, main screen, cursor shown) and stops;
 * on `fg` it takes the terminal again and draws the whole frame anew, as vim and less do.
 */
export async function suspendToShell(ctx: { suspend: (fn: () => Promise<void>) => Promise<void>; terminal: Terminal }): Promise<void> {
	await ctx.suspend(async () => {
		await stopSelf();
		// the shell left the cursor after its own output; the next frame starts in the first column
		ctx.terminal.stdout.write('\r');
	});
}
