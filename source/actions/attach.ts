import { engineMessage } from '../docker/errors.js';
import type { ContainerDetail, ContainerSummary } from '../model/types.js';
import type { ActionContext, Notice } from './context.js';
import { handOff, withTerminal } from './handoff.js';
import { T } from '../i18n/index.js';

/** The line a learner reads before the terminal is handed over. */
export function attachIntro(name: string, command: string, tty: boolean, stdin: boolean, readOnly: boolean, keys: string): string {
	if (!stdin) {
		return T.work.attach.outputOnly(name, command, readOnly ? '--read-only' : T.work.attach.stdinClosed, keys);
	}
	return T.work.attach.intro(name, command, keys, tty);
}

/**
 * `docker attach` (a), or `docker start -ai` (A, `start`): joins PID 1 of the container with the
 * terminal, and tells afterwards whether the user detached or the process exited.
 */
export async function attach(ctx: ActionContext, container: ContainerSummary, options: { start: boolean }): Promise<Notice> {
	const docker = ctx.engine.api;
	let detail: ContainerDetail;
	try {
		detail = await docker.inspectContainer(container.id);
	} catch (error) {
		return { text: T.work.attach.cannot(container.name, engineMessage(error)), tone: 'bad' };
	}
	const running = detail.state === 'running';
	if (!running && !options.start) {
		const how = detail.tty && detail.openStdin ? T.work.attach.startsAttaches : T.work.attach.startsShows;
		return { text: T.work.attach.notRunning(container.name, detail.state, how), tone: 'warn' };
	}
	if (!running && ctx.readOnly) return { text: T.work.attach.readOnlyStart(container.name), tone: 'warn' };
	if (detail.state === 'paused') return { text: T.work.attach.paused(container.name), tone: 'warn' };
	const stdin = detail.openStdin && !ctx.readOnly;
	const keys = ctx.detachKeys.display;
	let outcome: Notice = { text: '', tone: 'info' };
	await withTerminal(ctx, session);
	return outcome;

	async function session() {
		const out = ctx.terminal.stdout;
		out.write(`\r\n\u001b[1m${attachIntro(container.name, detail.command, detail.tty, stdin, ctx.readOnly, keys)}\u001b[0m\r\n`);
		try {
			const session = await docker.attachContainer(container.id, { stdin, tty: detail.tty, detachKeys: ctx.detachKeys.spec });
			if (!running) await docker.startContainer(container.id);
			await handOff(session, ctx.terminal, ctx.detachKeys.bytes);
		} catch (error) {
			outcome = { text: T.work.attach.failed(container.name, engineMessage(error)), tone: 'bad' };
			return;
		}
		try {
			const after = await docker.inspectContainer(container.id);
			outcome =
				after.state === 'running'
					? { text: T.work.attach.detached(container.name), tone: 'good' }
					: { text: T.work.attach.exited(container.name, after.exitCode), tone: after.exitCode === 0 ? 'info' : 'bad' };
		} catch (error) {
			outcome = { text: T.work.attach.gone(container.name, engineMessage(error)), tone: 'warn' };
		}
	}
}
