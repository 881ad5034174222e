import type { ContainerSummary, ImageDetail, ImageRow } from '../model/types.js';
import { shellWord, splitCommand } from '../format/argv.js';
import { expandPortSpec, parsePortSpec, type PortSpec } from '../format/port-spec.js';
import { ON, type FieldNote, type FieldSpec, type FormModel } from './form.js';
import { T } from '../i18n/index.js';

export const RESTART_POLICIES = ['no', 'on-failure', 'always', 'unless-stopped'] as const;

export const RUN_FIELDS: readonly FieldSpec[] = [
	{ id: 'name', label: 'Name', kind: 'text' },
	{ id: 'mode', label: 'Mode', kind: 'choice', choices: ['detached', 'attached'] },
	{ id: 'interactive', label: 'Stdin (-i)', kind: 'toggle' },
	{ id: 'tty', label: 'Terminal (-t)', kind: 'toggle' },
	{ id: 'env', label: 'Env (-e)', kind: 'text' },
	{ id: 'ports', label: 'Ports (-p)', kind: 'text' },
	{ id: 'command', label: 'Command', kind: 'text' },
	{ id: 'rm', label: 'Remove (--rm)', kind: 'toggle' },
	{ id: 'restart', label: 'Restart', kind: 'choice', choices: RESTART_POLICIES },
];

/** What the run form is about: the image, its config, and what exists already on the engine. */
export interface RunContext {
	readonly image: ImageRow;
	readonly detail: ImageDetail;
	readonly containers: readonly ContainerSummary[];
	/** How the detach keys read, for the attached-mode hint. */
	readonly detachKeys: string;
}

/** A checked form: exactly what will be created. */
export interface RunPlan {
	readonly name?: string;
	readonly detached: boolean;
	readonly interactive: boolean;
	readonly tty: boolean;
	readonly env: readonly string[];
	readonly ports: readonly PortSpec[];
	/** Set only when it differs from the image's CMD. */
	readonly cmd?: readonly string[];
	readonly rm: boolean;
	readonly restart: (typeof RESTART_POLICIES)[number];
}

const NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
const SHELLS = /(^|\/)(sh|bash|ash|zsh|dash|fish)$/;

const argvText = (argv: readonly string[] | null) => (argv ?? []).map(shellWord).join(' ');

/** How to name the image on a command line: its tag, or its short id when it has none. */
export function imageArgument(image: ImageRow): string {
	return image.dangling ? image.id.replace('sha256:', '').slice(0, 12) : `${image.repository}:${image.tag}`;
}

/** The form as it opens: the image's own CMD in the command field; -it already on when that CMD is a shell. */
export function runDefaults(detail: ImageDetail): Record<string, string> {
	const shell = detail.cmd?.length === 1 && SHELLS.test(detail.cmd[0]!) && !detail.entrypoint?.length;
	return {
		name: '',
		mode: 'detached',
		interactive: shell ? ON : '',
		tty: shell ? ON : '',
		env: '',
		ports: '',
		command: argvText(detail.cmd),
		rm: '',
		restart: 'no',
	};
}

function words(text: string): string[] {
	return splitCommand(text);
}

/**
 * Checks every field against the image and the engine: a bad or taken name, an env word without
 * `=`, a port mapping docker would refuse or a host port taken twice, --rm with a restart policy.
 * Returns the plan when all is well, and a note per field either way.
 */
export function checkRun(values: Readonly<Record<string, string>>, ctx: RunContext): { plan?: RunPlan; model: FormModel } {
	const errors: Record<string, string | undefined> = {};
	const notes: Record<string, FieldNote | undefined> = {};
	const { detail } = ctx;
	const name = (values.name ?? '').trim();
	const detached = values.mode !== 'attached';
	const R = T.forms.run;
	if (name && !NAME.test(name)) errors.name = R.badName(name);
	else if (name && ctx.containers.some(c => c.name === name)) errors.name = R.nameTaken(name);
	else notes.name = { text: name ? '--name' : R.noName, tone: 'muted' };

	notes.mode = detached ? { text: R.detached, tone: 'muted' } : { text: R.attached(ctx.detachKeys), tone: 'muted' };
	notes.interactive = { text: values.interactive === ON ? R.stdinOn : R.stdinOff, tone: 'muted' };
	notes.tty = { text: values.tty === ON ? R.ttyOn : R.ttyOff, tone: 'muted' };

	let env: string[] = [];
	try {
		env = words(values.env ?? '');
		const bad = env.find(e => !/^[^=\s]+=/.test(e));
		if (bad) errors.env = R.envNoEquals(bad);
	} catch (error) {
		errors.env = (error as Error).message.replace('the command', 'the line');
	}
	if (!errors.env) {
		const imageEnv = new Map(detail.env.map(e => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]));
		const overrides = env.map(e => e.slice(0, e.indexOf('='))).filter(k => imageEnv.has(k));
		notes.env = overrides.length
			? { text: R.envOverrides(overrides.map(k => `${k}=${imageEnv.get(k)}`).join(', ')), tone: 'warn' }
			: { text: detail.env.length ? R.envImage([...imageEnv.keys()].join(', ')) : R.envNone, tone: 'muted' };
	}

	let ports: PortSpec[] = [];
	try {
		ports = words(values.ports ?? '').map(parsePortSpec);
		const taken = new Map<string, string>();
		for (const c of ctx.containers) for (const m of c.ports.matchAll(/(?:^|, )(?:[\d.:[\]a-f]*:)?(\d+)->/g)) taken.set(m[1]!, c.name);
		const seen = new Set<string>();
		for (const spec of ports) {
			for (const { host, container } of expandPortSpec(spec)) {
				if (!host || host.includes('-')) continue;
				const key = `${host}/${container.split('/')[1]}`;
				if (seen.has(key)) throw new Error(R.portTwice(host));
				seen.add(key);
				if (taken.has(host)) throw new Error(R.portTaken(host, taken.get(host)!));
			}
		}
	} catch (error) {
		errors.ports = (error as Error).message.replace('the command', 'the line');
	}
	if (!errors.ports) {
		const exposed = detail.exposedPorts.length ? R.exposes(detail.exposedPorts.join(', ')) : R.exposesNone;
		notes.ports = {
			text: ports.length
				? R.portsMapped(ports.map(p => `${p.hostPort || R.any}→${p.containerPort}/${p.protocol}`).join(', '), exposed)
				: R.portsHint(exposed),
			tone: 'muted',
		};
	}

	let cmd: string[] | undefined;
	try {
		const typed = words(values.command ?? '');
		const own = [...(detail.cmd ?? [])];
		cmd = typed.length && JSON.stringify(typed) !== JSON.stringify(own) ? typed : undefined;
		const entry = detail.entrypoint?.length ? R.entrypoint(argvText(detail.entrypoint)) : '';
		notes.command = cmd
			? { text: R.cmdOverrides(own.length ? argvText(own) : R.none, entry), tone: 'warn' }
			: { text: R.cmdOwn(entry), tone: 'muted' };
	} catch (error) {
		errors.command = (error as Error).message;
	}
	if (!cmd && !detail.cmd?.length && !detail.entrypoint?.length) errors.command = R.noCommand;

	const rm = values.rm === ON;
	const restart = (RESTART_POLICIES as readonly string[]).includes(values.restart ?? '') ? (values.restart as RunPlan['restart']) : 'no';
	notes.rm = { text: rm ? R.rmOn : R.rmOff, tone: 'muted' };
	if (rm && restart !== 'no') errors.restart = R.rmRestart(restart);
	else notes.restart = { text: R.restart[restart] ?? restart, tone: 'muted' };

	const interactive = values.interactive === ON;
	const tty = values.tty === ON;
	const plan: RunPlan = { name: name || undefined, detached, interactive, tty, env, ports, cmd, rm, restart };
	const model: FormModel = {
		title: R.title(imageArgument(ctx.image)),
		notes,
		errors,
		command: runCommand(plan, ctx.image, values.command ?? ''),
		lines: [],
		submitLabel: detached ? R.submitDetached : R.submitAttached,
	};
	return { plan: Object.values(errors).some(Boolean) ? undefined : plan, model };
}

/** One mapping as `-p` takes it: [ip:][hostPort:]containerPort[/proto], an IPv6 address in brackets. */
export function portArgument(p: PortSpec): string {
	const ip = p.ip.includes(':') ? `[${p.ip}]` : p.ip;
	const front = ip ? `${ip}:${p.hostPort}:` : p.hostPort ? `${p.hostPort}:` : '';
	return `${front}${p.containerPort}${p.protocol === 'tcp' ? '' : `/${p.protocol}`}`;
}

/** The `docker run` line the form amounts to. */
export function runCommand(plan: RunPlan, image: ImageRow, typedCommand = ''): string {
	const parts = ['docker run'];
	if (plan.detached) parts.push('-d');
	const it = `${plan.interactive ? 'i' : ''}${plan.tty ? 't' : ''}`;
	if (it) parts.push(`-${it}`);
	if (plan.name) parts.push(`--name ${shellWord(plan.name)}`);
	for (const e of plan.env) parts.push(`-e ${shellWord(e)}`);
	for (const p of plan.ports) parts.push(`-p ${portArgument(p)}`);
	if (plan.rm) parts.push('--rm');
	if (plan.restart !== 'no') parts.push(`--restart ${plan.restart}`);
	parts.push(imageArgument(image));
	if (plan.cmd) parts.push(plan.cmd.map(shellWord).join(' ') || typedCommand);
	return parts.join(' ');
}
