import { engineMessage } from '../docker/errors.js';
import type { ContainerSummary } from '../model/types.js';
import { splitCommand } from '../format/argv.js';
import type { ActionContext, Notice } from './context.js';
import { handOff, withTerminal } from './handoff.js';
import { T } from '../i18n/index.js';

/** What runs when the user accepts the default: bash when the image has it, else sh. */
export const DEFAULT_SHELL = ['sh', '-c', 'if command -v bash >/dev/null 2>&1; then exec bash; else exec sh; fi'];
/** How the default shell reads at the prompt: "bash, else sh". */
export const defaultShellLabel = () => T.work.exec.shell;

function exitMeaning(code: number): string {
	// runc answers 126 for a missing command in exec, a shell 127: the user's fix is the same
	if (code === 126 || code === 127) return T.work.exec.notFound;
	return '';
}

/** Validates the command typed at the exec prompt: empty means the default shell. */
export function execCommand(line: string): string[] {
	const trimmed = line.trim();
	if (!trimmed) return DEFAULT_SHELL;
	const argv = splitCommand(trimmed);
	if (argv.length === 0) return DEFAULT_SHELL;
	return argv;
}

/** `docker exec -it`: a new process in a running container, with the terminal handed to it. */
export async function exec(ctx: ActionContext, container: ContainerSummary, commandLine: string): Promise<Notice> {
	if (ctx.readOnly) return { text: T.work.exec.readOnly, tone: 'warn' };
	if (container.state !== 'running') return { text: T.work.exec.needsRunning(container.name, container.state), tone: 'warn' };
	let cmd: string[];
	try {
		cmd = execCommand(commandLine);
	} catch (error) {
		return { text: T.work.exec.notRun((error as Error).message), tone: 'bad' };
	}
	const shown = cmd === DEFAULT_SHELL ? defaultShellLabel() : cmd.join(' ');
	let outcome: Notice = { text: '', tone: 'info' };
	await withTerminal(ctx, session);
	return outcome;

	async function session() {
		ctx.terminal.stdout.write(`\r\n\u001b[1m${T.work.exec.intro(container.name, shown, ctx.detachKeys.display)}\u001b[0m\r\n`);
		try {
			const session = await ctx.engine.api.execInContainer(container.id, {
				cmd,
				detachKeys: ctx.detachKeys.spec,
				term: process.env.TERM || 'xterm-256color',
			});
			await handOff(session, ctx.terminal, ctx.detachKeys.bytes);
			const { running, code } = await session.exitCode();
			outcome = running
				? { text: T.work.exec.left(shown, container.name), tone: 'info' }
				: { text: T.work.exec.ended(shown, code, exitMeaning(code ?? 0), container.name), tone: code === 0 ? 'good' : 'bad' };
		} catch (error) {
			outcome = { text: T.work.exec.failed(container.name, engineMessage(error)), tone: 'bad' };
		}
	}
}
