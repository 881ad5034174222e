import { inspectContainer } from '../docker/containers.js';
import { engineMessage } from '../docker/errors.js';
import { attachContainer } from '../docker/session.js';
import type { ContainerDetail, ContainerSummary } from '../docker/types.js';
import type { ActionContext, Notice } from './context.js';
import { handOff, withTerminal } from './handoff.js';

/** The line a learner reads before the terminal is handed over. */
export function attachIntro(name: string, command: string, tty: boolean, stdin: boolean, readOnly: boolean, keys: string): string {
	if (!stdin) {
		const why = readOnly ? '--read-only' : 'its stdin is not open';
		return `Attached to the output of PID 1 of ${name} (${command}); input is not connected (${why}). ${keys} or Ctrl-C returns to dockdeck; the container keeps running.`;
	}
	return `Attached to PID 1 of ${name} (${command}). Detach with ${keys} and it keeps running; Ctrl-C goes to its main process and may stop it.${tty ? ' Press Enter if no prompt shows.' : ''}`;
}

/**
 * `docker attach` (a), or `docker start -ai` (A, `start`): joins PID 1 of the container with the
 * terminal, and tells afterwards whether the user detached or the process exited.
 */
export async function attach(ctx: ActionContext, container: ContainerSummary, options: { start: boolean }): Promise<Notice> {
	const docker = ctx.engine.api;
	let detail: ContainerDetail;
	try {
		detail = await inspectContainer(docker, container.id);
	} catch (error) {
		return { text: `Cannot attach to ${container.name}: ${engineMessage(error)}`, tone: 'bad' };
	}
	const running = detail.state === 'running';
	if (!running && !options.start) {
		const how = detail.tty && detail.openStdin ? 'A starts it and attaches (docker start -ai)' : 'A starts it and shows its output';
		return { text: `${container.name} is not running (${detail.state}): ${how}; l shows its logs.`, tone: 'warn' };
	}
	if (!running && ctx.readOnly) return { text: `Starting ${container.name} is off under --read-only; l shows its logs.`, tone: 'warn' };
	if (detail.state === 'paused') return { text: `${container.name} is paused: unpause it first (docker unpause ${container.name}).`, tone: 'warn' };
	const stdin = detail.openStdin && !ctx.readOnly;
	const keys = ctx.detachKeys.display;
	let outcome: Notice = { text: '', tone: 'info' };
	await withTerminal(ctx, session);
	return outcome;

	async function session() {
		const out = ctx.terminal.stdout;
		out.write(`\r\n\u001b[1m${attachIntro(container.name, detail.command, detail.tty, stdin, ctx.readOnly, keys)}\u001b[0m\r\n`);
		try {
			const session = await attachContainer(docker, container.id, { stdin, tty: detail.tty, detachKeys: ctx.detachKeys.spec });
			if (!running) await docker.getContainer(container.id).start();
			await handOff(session, ctx.terminal, ctx.detachKeys.bytes);
		} catch (error) {
			outcome = { text: `Attach to ${container.name} failed: ${engineMessage(error)}`, tone: 'bad' };
			return;
		}
		try {
			const after = await inspectContainer(docker, container.id);
			outcome = after.state === 'running'
				? { text: `Detached from ${container.name}; it keeps running.`, tone: 'good' }
				: { text: `${container.name} exited with code ${after.exitCode} while attached.`, tone: after.exitCode === 0 ? 'info' : 'bad' };
		} catch (error) {
			outcome = { text: `${container.name} is gone: ${engineMessage(error)}`, tone: 'warn' };
		}
	}
}
