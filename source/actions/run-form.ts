import type { ContainerSummary, ImageDetail, ImageRow } from '../docker/types.js';
import { shellWord, splitCommand } from '../format/argv.js';
import { expandPortSpec, parsePortSpec, type PortSpec } from '../format/port-spec.js';
import { ON, type FieldNote, type FieldSpec, type FormModel } from '../store/form.js';

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
	return { name: '', mode: 'detached', interactive: shell ? ON : '', tty: shell ? ON : '', env: '', ports: '', command: argvText(detail.cmd), rm: '', restart: 'no' };
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
	if (name && !NAME.test(name)) errors.name = `"${name}" is not a valid name: two or more letters, digits, _ . or -, starting with a letter or digit`;
	else if (name && ctx.containers.some(c => c.name === name)) errors.name = `a container named ${name} exists already: pick another name or remove it`;
	else notes.name = { text: name ? '--name' : 'empty: the engine makes up a name', tone: 'muted' };

	notes.mode = detached
		? { text: '-d: runs in the background; you stay in dockdeck', tone: 'muted' }
		: { text: `its output comes here; ${ctx.detachKeys} leaves it running, and so does its exit`, tone: 'muted' };
	notes.interactive = { text: values.interactive === ON ? 'its stdin stays open: what you type reaches it' : 'no input: it reads nothing from you', tone: 'muted' };
	notes.tty = { text: values.tty === ON ? 'a terminal, as a shell wants (with -i)' : 'plain output, no terminal', tone: 'muted' };

	let env: string[] = [];
	try {
		env = words(values.env ?? '');
		const bad = env.find(e => !/^[^=\s]+=/.test(e));
		if (bad) errors.env = `"${bad}" has no "=": write KEY=VALUE, quoted when the value has spaces`;
	} catch (error) {
		errors.env = (error as Error).message.replace('the command', 'the line');
	}
	if (!errors.env) {
		const imageEnv = new Map(detail.env.map(e => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)]));
		const overrides = env.map(e => e.slice(0, e.indexOf('='))).filter(k => imageEnv.has(k));
		notes.env = overrides.length
			? { text: `overrides the image's ${overrides.map(k => `${k}=${imageEnv.get(k)}`).join(', ')}`, tone: 'warn' }
			: { text: detail.env.length ? `the image sets ${[...imageEnv.keys()].join(', ')}; KEY=VALUE words add or override` : 'KEY=VALUE words, space-separated', tone: 'muted' };
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
				if (seen.has(key)) throw new Error(`host port ${host} is given twice`);
				seen.add(key);
				if (taken.has(host)) throw new Error(`host port ${host} is already published by ${taken.get(host)}`);
			}
		}
	} catch (error) {
		errors.ports = (error as Error).message.replace('the command', 'the line');
	}
	if (!errors.ports) {
		const exposed = detail.exposedPorts.length ? `the image exposes ${detail.exposedPorts.join(', ')}` : 'the image exposes no ports';
		notes.ports = { text: ports.length ? `host → container: ${ports.map(p => `${p.hostPort || 'any'}→${p.containerPort}/${p.protocol}`).join(', ')}; ${exposed}` : `hostPort:containerPort words; ${exposed}`, tone: 'muted' };
	}

	let cmd: string[] | undefined;
	try {
		const typed = words(values.command ?? '');
		const own = [...(detail.cmd ?? [])];
		cmd = typed.length && JSON.stringify(typed) !== JSON.stringify(own) ? typed : undefined;
		const entry = detail.entrypoint?.length ? `; ENTRYPOINT ${argvText(detail.entrypoint)} runs it` : '';
		notes.command = cmd
			? { text: `overrides the image's CMD ${own.length ? argvText(own) : '(none)'}${entry}`, tone: 'warn' }
			: { text: `the image's own CMD${entry}`, tone: 'muted' };
	} catch (error) {
		errors.command = (error as Error).message;
	}
	if (!cmd && !detail.cmd?.length && !detail.entrypoint?.length) errors.command = 'the image has no CMD or ENTRYPOINT: give a command';

	const rm = values.rm === ON;
	const restart = (RESTART_POLICIES as readonly string[]).includes(values.restart ?? '') ? (values.restart as RunPlan['restart']) : 'no';
	notes.rm = { text: rm ? '--rm: removed, with its writable layer, when it exits' : 'kept after it exits, to inspect or start again', tone: 'muted' };
	if (rm && restart !== 'no') errors.restart = `--rm and --restart ${restart} conflict: docker refuses both; turn one off`;
	else notes.restart = { text: RESTART_TEXT[restart], tone: 'muted' };

	const interactive = values.interactive === ON;
	const tty = values.tty === ON;
	const plan: RunPlan = { name: name || undefined, detached, interactive, tty, env, ports, cmd, rm, restart };
	const model: FormModel = {
		title: `Run a container from ${imageArgument(ctx.image)}`,
		notes,
		errors,
		command: runCommand(plan, ctx.image, values.command ?? ''),
		lines: [],
		submitLabel: detached ? 'create and start it' : 'create, start and attach',
	};
	return { plan: Object.values(errors).some(Boolean) ? undefined : plan, model };
}

const RESTART_TEXT: Record<RunPlan['restart'], string> = {
	no: 'stays stopped when it exits',
	'on-failure': 'started again when it exits with a non-zero code',
	always: 'started again whenever it stops, and when the engine starts',
	'unless-stopped': 'like always, unless you stopped it yourself',
};

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
