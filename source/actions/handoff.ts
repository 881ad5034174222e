import type { ProcessSession } from '../docker/session.js';
import { sequenceMatcher } from '../format/detach-keys.js';

export interface Terminal {
	readonly stdin: NodeJS.ReadStream;
	readonly stdout: NodeJS.WriteStream;
	readonly stderr: NodeJS.WriteStream;
}

/**
 * Takes the terminal into raw mode at once when Ink hands it over (Ink leaves it cooked), so a
 * Ctrl-C typed while the session is being set up is a key for the session, not a SIGINT that
 * would end dockdeck. Returns the function that gives cooked mode back.
 */
export function holdRaw(terminal: Terminal): () => void {
	const { stdin } = terminal;
	if (stdin.isTTY) stdin.setRawMode(true);
	return () => {
		if (stdin.isTTY) stdin.setRawMode(false);
	};
}

/**
 * Runs `fn` with the terminal handed over by Ink and held in raw mode from the first moment. When
 * it ends the cursor goes back to the first column: Ink draws its next frame from where the cursor
 * stands, and a container's shell leaves it after its prompt ("/ # "), which would shift every line.
 */
export async function withTerminal(
	ctx: { suspend: (fn: () => Promise<void>) => Promise<void>; terminal: Terminal },
	fn: () => Promise<void>,
): Promise<void> {
	await ctx.suspend(async () => {
		const release = holdRaw(ctx.terminal);
		try {
			await fn();
		} finally {
			release();
			ctx.terminal.stdout.write('\r');
		}
	});
}

/** How a hand-off ended: the engine closed the stream, or the user left with keys dockdeck watched. */
export type HandoffEnd = 'closed' | 'left';

/**
 * Gives the terminal to a container process until its stream closes: raw keys in, output out,
 * the TTY kept at the terminal's size. When input does not reach the process, dockdeck itself
 * watches for the detach keys (and Ctrl-C) and leaves; the process is not touched.
 */
export async function handOff(session: ProcessSession, terminal: Terminal, leaveKeys: Uint8Array): Promise<HandoffEnd> {
	const { stdin, stdout, stderr } = terminal;
	const leave = sequenceMatcher(leaveKeys);
	const resize = () => void session.resize(stdout.rows || 24, stdout.columns || 80).catch(() => undefined);
	let end: HandoffEnd = 'closed';
	// Ink sets stdin's encoding, so chunks may be strings: compare bytes, not characters
	const onInput = (chunk: Buffer | string) => {
		const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
		if (session.stdin) {
			session.stream.write(bytes);
		} else if (leave(bytes) || bytes.includes(3)) {
			end = 'left';
			session.stream.destroy();
		}
	};
	const onOutput = (chunk: Buffer) => stdout.write(chunk);
	const done = new Promise<void>(resolve => {
		session.stream.once('close', resolve);
		session.stream.once('end', resolve);
		session.stream.once('error', () => resolve());
	});
	if (session.tty) session.stream.on('data', onOutput);
	else session.demux(stdout, stderr);
	if (stdin.isTTY) stdin.setRawMode(true);
	stdin.on('data', onInput);
	stdin.resume();
	stdout.on('resize', resize);
	resize();
	try {
		await done;
	} finally {
		stdin.off('data', onInput);
		stdout.off('resize', resize);
		session.stream.off('data', onOutput);
		session.stream.destroy();
		if (stdin.isTTY) stdin.setRawMode(false);
		stdin.pause();
	}
	return end;
}
