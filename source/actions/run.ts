import { refusedReadOnly } from './lifecycle.js';
import type { EngineApi } from '../docker/api.js';
import type { RunSpec } from '../docker/run.js';
import { engineMessage } from '../docker/errors.js';
import type { ImageRow } from '../model/types.js';
import { expandPortSpec } from '../format/port-spec.js';
import { attachIntro } from './attach.js';
import type { ActionContext, Notice } from './context.js';
import { handOff, withTerminal } from './handoff.js';
import { imageArgument, runCommand, type RunPlan } from '../forms/run-form.js';
import { T } from '../i18n/index.js';

/** What the engine is asked for a plan, as `docker run` would ask it. Exported for tests. */
export function runSpec(plan: RunPlan, image: ImageRow): RunSpec {
	return {
		image: image.dangling ? image.id : imageArgument(image),
		...(plan.name ? { name: plan.name } : {}),
		env: plan.env,
		cmd: plan.cmd ?? null,
		tty: plan.tty,
		interactive: plan.interactive,
		attach: !plan.detached,
		ports: plan.ports.flatMap(spec => expandPortSpec(spec).map(({ container, host }) => ({ container, host, ip: spec.ip }))),
		rm: plan.rm,
		restart: plan.restart,
	};
}

/**
 * `docker run`: creates the container and starts it. Detached, it returns at once; attached (or
 * -it), the terminal is handed over as for attach, and the notice says how it ended. `created`
 * learns the new id as soon as the engine gives it, so the dashboard can select it.
 */
export async function runContainer(ctx: ActionContext, image: ImageRow, plan: RunPlan, created: (id: string) => void): Promise<Notice> {
	if (ctx.readOnly) return refusedReadOnly('docker run');
	const docker = ctx.engine.api;
	const command = runCommand(plan, image);
	let id: string;
	try {
		id = await docker.createContainer(runSpec(plan, image));
	} catch (error) {
		return { text: T.work.run.failed(engineMessage(error)), tone: 'bad' };
	}
	const label = plan.name ?? id.slice(0, 12);
	if (plan.detached) {
		created(id);
		try {
			await docker.startContainer(id);
		} catch (error) {
			return { text: T.work.run.notStarted(label, engineMessage(error), plan.rm), tone: 'bad' };
		}
		return { text: T.work.run.started(label, command), tone: 'good' };
	}
	const notice = await runAttached(ctx, id, label, plan);
	created(id);
	return notice;
}

async function runAttached(ctx: ActionContext, id: string, label: string, plan: RunPlan): Promise<Notice> {
	const docker = ctx.engine.api;
	let outcome: Notice = { text: '', tone: 'info' };
	const stopWaiting = new AbortController();
	// asked before the start, so an exit a moment later is not missed
	const exited = docker.nextExit(id, stopWaiting.signal);
	// as for attach, how it ended is read while the terminal is still handed over: Ink takes
	// stdin back only after that, never in the same tick the hand-off let go of it
	await withTerminal(ctx, async () => {
		const out = ctx.terminal.stdout;
		const shown = plan.cmd?.join(' ') || T.work.run.itsCommand;
		out.write(`\r\n\u001b[1m${attachIntro(label, shown, plan.tty, plan.interactive, false, ctx.detachKeys.display)}\u001b[0m\r\n`);
		try {
			const session = await docker.attachContainer(id, { stdin: plan.interactive, tty: plan.tty, detachKeys: ctx.detachKeys.spec });
			await docker.startContainer(id);
			await handOff(session, ctx.terminal, ctx.detachKeys.bytes);
		} catch (error) {
			outcome = { text: T.work.run.runFailed(label, engineMessage(error)), tone: 'bad' };
			return;
		}
		outcome = await howItEnded(docker, id, label, plan, exited);
	});
	stopWaiting.abort();
	return outcome;
}

/** After a hand-off: still running (the user detached), or exited with a code (and removed, with --rm). */
async function howItEnded(docker: EngineApi, id: string, label: string, plan: RunPlan, exited: Promise<number | null>): Promise<Notice> {
	const state = await docker.inspectContainer(id).catch(() => undefined);
	if (state?.state === 'running') return { text: T.work.attach.detached(label), tone: 'good' };
	const code = await Promise.race([exited, new Promise<null>(r => setTimeout(() => r(null), 2000))]);
	const exitCode = code ?? state?.exitCode;
	return { text: T.work.run.exited(label, exitCode ?? '?', plan.rm), tone: exitCode === 0 ? 'info' : 'bad' };
}
