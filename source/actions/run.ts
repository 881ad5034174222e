import { refusedReadOnly } from './lifecycle.js';
import type Docker from 'dockerode';
import { inspectContainer } from '../docker/containers.js';
import { engineMessage } from '../docker/errors.js';
import { attachContainer } from '../docker/session.js';
import type { ImageRow } from '../docker/types.js';
import { expandPortSpec } from '../format/port-spec.js';
import { attachIntro } from './attach.js';
import type { ActionContext, Notice } from './context.js';
import { handOff, withTerminal } from './handoff.js';
import { imageArgument, runCommand, type RunPlan } from './run-form.js';
import { T } from '../i18n/index.js';

/** The create request for a plan, as `docker run` would send it. Exported for tests. */
export function createOptions(plan: RunPlan, image: ImageRow): Docker.ContainerCreateOptions {
	const attach = !plan.detached;
	const exposed: Record<string, object> = {};
	const bindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
	for (const spec of plan.ports) {
		for (const { container, host } of expandPortSpec(spec)) {
			exposed[container] = {};
			(bindings[container] ??= []).push({ HostIp: spec.ip, HostPort: host });
		}
	}
	return {
		Image: image.dangling ? image.id : imageArgument(image),
		name: plan.name,
		Env: plan.env.length ? [...plan.env] : undefined,
		Cmd: plan.cmd ? [...plan.cmd] : undefined,
		Tty: plan.tty,
		OpenStdin: plan.interactive,
		// docker run -i in the foreground: stdin closes when the attached client's input ends
		StdinOnce: plan.interactive && attach,
		AttachStdin: plan.interactive && attach,
		AttachStdout: attach,
		AttachStderr: attach,
		ExposedPorts: plan.ports.length ? exposed : undefined,
		HostConfig: {
			PortBindings: plan.ports.length ? bindings : undefined,
			AutoRemove: plan.rm,
			RestartPolicy: { Name: plan.restart },
		},
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
	let container: Docker.Container;
	try {
		container = await docker.createContainer(createOptions(plan, image));
	} catch (error) {
		return { text: T.work.run.failed(engineMessage(error)), tone: 'bad' };
	}
	const label = plan.name ?? container.id.slice(0, 12);
	if (plan.detached) {
		created(container.id);
		try {
			await container.start();
		} catch (error) {
			return { text: T.work.run.notStarted(label, engineMessage(error), plan.rm), tone: 'bad' };
		}
		return { text: T.work.run.started(label, command), tone: 'good' };
	}
	const notice = await runAttached(ctx, container, label, plan);
	created(container.id);
	return notice;
}

async function runAttached(ctx: ActionContext, container: Docker.Container, label: string, plan: RunPlan): Promise<Notice> {
	const docker = ctx.engine.api;
	let outcome: Notice = { text: '', tone: 'info' };
	const stopWaiting = new AbortController();
	// asked before the start, so an exit a moment later is not missed
	const exited = container.wait({ condition: 'next-exit', abortSignal: stopWaiting.signal }).then(
		(r: { StatusCode?: number }) => r.StatusCode ?? null,
		() => null,
	);
	// as for attach, how it ended is read while the terminal is still handed over: Ink takes
	// stdin back only after that, never in the same tick the hand-off let go of it
	await withTerminal(ctx, async () => {
		const out = ctx.terminal.stdout;
		const shown = plan.cmd?.join(' ') || T.work.run.itsCommand;
		out.write(`\r\n\u001b[1m${attachIntro(label, shown, plan.tty, plan.interactive, false, ctx.detachKeys.display)}\u001b[0m\r\n`);
		try {
			const session = await attachContainer(docker, container.id, { stdin: plan.interactive, tty: plan.tty, detachKeys: ctx.detachKeys.spec });
			await container.start();
			await handOff(session, ctx.terminal, ctx.detachKeys.bytes);
		} catch (error) {
			outcome = { text: T.work.run.runFailed(label, engineMessage(error)), tone: 'bad' };
			return;
		}
		outcome = await howItEnded(docker, container.id, label, plan, exited);
	});
	stopWaiting.abort();
	return outcome;
}

/** After a hand-off: still running (the user detached), or exited with a code (and removed, with --rm). */
async function howItEnded(docker: Docker, id: string, label: string, plan: RunPlan, exited: Promise<number | null>): Promise<Notice> {
	const state = await inspectContainer(docker, id).catch(() => undefined);
	if (state?.state === 'running') return { text: T.work.attach.detached(label), tone: 'good' };
	const code = await Promise.race([exited, new Promise<null>(r => setTimeout(() => r(null), 2000))]);
	const exitCode = code ?? state?.exitCode;
	return { text: T.work.run.exited(label, exitCode ?? '?', plan.rm), tone: exitCode === 0 ? 'info' : 'bad' };
}
