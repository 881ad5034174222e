import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extractSafely, type CopyCount, type ExtractResult, type Refusal } from '../copy/extract.js';
import { packTar, planPack } from '../copy/pack.js';
import { readArchive, statPath, writeArchive } from '../docker/archive.js';
import { engineMessage } from '../docker/errors.js';
import type { ContainerSummary } from '../docker/types.js';
import { shellWord } from '../format/argv.js';
import { formatBytes } from '../format/bytes.js';
import type { ActionContext, Notice } from './context.js';
import type { Confirmation } from './lifecycle.js';

export type CopyDirection = 'out' | 'in';

/** The answers of the cp form so far. */
export type CopyForm = Readonly<Partial<Record<'direction' | 'container' | 'host', string>>>;

/** A copy worked out against the engine and the host, ready to confirm. */
export interface CopyPlan {
	readonly direction: CopyDirection;
	readonly containerPath: string;
	/** As typed (resolved against the current directory), for the docker command. */
	readonly hostPath: string;
	/** The archive's root name: the base name of the source. */
	readonly sourceName: string;
	readonly sourceIsDir: boolean;
	readonly sourceSize: number;
	/** Where the root lands: a host directory (out) or a container directory (in), and its name there. */
	readonly targetDir: string;
	readonly targetName: string;
	/** The target exists already as a file (replacing it needs the user's say). */
	readonly replaces: boolean;
}

export const READ_ONLY_CP: Notice = { text: 'docker cp is off under --read-only: dockdeck changes neither the engine nor your files.', tone: 'warn' };

const direction = (form: CopyForm): CopyDirection => (/^i/i.test(form.direction ?? '') ? 'in' : 'out');

/** The steps of the cp form: what each asks, what it starts with, and its quick check. */
export const COPY_STEPS = [
	{
		field: 'direction',
		label: (name: string) => `Copy with ${name}: o = out to this host, i = in from this host (Enter: o)`,
		initial: () => '',
		check: (v: string) => (/^(o|out|i|in)?$/i.test(v.trim()) ? undefined : 'type o (out of the container) or i (into it)'),
	},
	{
		field: 'container',
		label: (name: string, form: CopyForm) => (direction(form) === 'out' ? `Path in ${name} to copy out (Ctrl-U clears)` : `Where in ${name} to put it (Ctrl-U clears)`),
		initial: (workdir: string) => workdir || '/',
		check: (v: string) => (v.trim() ? undefined : 'type a path in the container'),
	},
	{
		field: 'host',
		label: (_name: string, form: CopyForm) => (direction(form) === 'out' ? 'Where on this host to put it (Ctrl-U clears)' : 'Path on this host to copy in (Ctrl-U clears)'),
		initial: () => process.cwd(),
		check: (v: string, form: CopyForm) => (v.trim() ? (direction(form) === 'out' ? hostDestProblem(resolveHost(v)) : hostSourceProblem(resolveHost(v))) : 'type a path on this host'),
	},
] as const;

/** A host path as typed: `~` is the home directory, relative paths start at the current directory. */
export function resolveHost(typed: string): string {
	const trimmed = typed.trim();
	const home = trimmed === '~' || trimmed.startsWith('~/') ? os.homedir() + trimmed.slice(1) : trimmed;
	return path.resolve(home);
}

/** A container path as typed; relative paths start at / as with docker cp. */
export function resolveContainer(typed: string): string {
	return path.posix.resolve('/', typed.trim());
}

/** Says why a host file error happened, in words, with the path. */
export function hostMessage(error: unknown, fallbackPath = ''): string {
	const e = error as NodeJS.ErrnoException & { dest?: string };
	const where = e.path ?? e.dest ?? fallbackPath;
	const words: Record<string, string> = {
		ENOENT: 'no such file or directory',
		EACCES: 'permission denied',
		EPERM: 'operation not permitted',
		EROFS: 'read-only file system',
		ENOSPC: 'no space left on device',
		EDQUOT: 'disk quota exceeded',
		ENOTDIR: 'not a directory',
		EISDIR: 'is a directory',
		EEXIST: 'already exists',
		ENOTEMPTY: 'directory not empty',
	};
	if (e.code && words[e.code]) return `${words[e.code]}: ${where.replace(/\/\.dockdeck-cp-[^/]+/, '')}`;
	return e.message ?? String(error);
}

function statOrUndefined(at: string): fs.Stats | undefined {
	try {
		return fs.statSync(at);
	} catch {
		return undefined;
	}
}

function writableProblem(dir: string): string | undefined {
	try {
		fs.accessSync(dir, fs.constants.W_OK | fs.constants.X_OK);
		return undefined;
	} catch (error) {
		return `cannot write to ${dir}: ${hostMessage(error, dir).split(':')[0]}`;
	}
}

/** Where on the host a copy-out may land: an existing directory, or a new name in one. */
function hostDestProblem(dest: string): string | undefined {
	const stat = statOrUndefined(dest);
	if (stat?.isDirectory()) return writableProblem(dest);
	const parent = path.dirname(dest);
	const parentStat = statOrUndefined(parent);
	if (!parentStat) return `no such directory on this host: ${parent}`;
	if (!parentStat.isDirectory()) return `not a directory: ${parent}`;
	return writableProblem(parent);
}

function hostSourceProblem(source: string): string | undefined {
	let stat: fs.Stats;
	try {
		stat = fs.lstatSync(source);
	} catch (error) {
		return `${hostMessage(error, source)} (on this host)`;
	}
	if (!stat.isFile() && !stat.isDirectory() && !stat.isSymbolicLink()) return `${source} is a special file (socket, fifo or device): only files, directories and links are copied`;
	try {
		fs.accessSync(source, stat.isDirectory() ? fs.constants.R_OK | fs.constants.X_OK : fs.constants.R_OK);
	} catch (error) {
		return `cannot read ${source}: ${hostMessage(error, source).split(':')[0]}`;
	}
	return undefined;
}

/** The step to re-ask, and why, when a plan cannot be made. */
export interface PlanProblem {
	readonly step: number;
	readonly error: string;
}

const STEP_CONTAINER = 1;
const STEP_HOST = 2;

/**
 * Works the form out against the container and the host, like docker cp: into an existing
 * directory under the source's name, or under a new name when the destination does not exist.
 * An existing directory is never merged into; an existing file is replaced only if confirmed.
 */
export async function planCopy(ctx: ActionContext, container: ContainerSummary, form: CopyForm): Promise<CopyPlan | PlanProblem> {
	const dir = direction(form);
	const containerPath = resolveContainer(form.container ?? '/');
	const hostPath = resolveHost(form.host ?? '.');
	const api = ctx.engine.api;
	const inContainer = (p: string) => `${container.name}:${p}`;
	try {
		if (dir === 'out') {
			const source = await statPath(api, container.id, containerPath);
			if (!source) return { step: STEP_CONTAINER, error: `no such file or directory in ${inContainer(containerPath)}` };
			if (!source.name || source.name === '/' || containerPath === '/') return { step: STEP_CONTAINER, error: 'copy a directory below / rather than the whole filesystem' };
			const problem = hostDestProblem(hostPath);
			if (problem) return { step: STEP_HOST, error: problem };
			const destStat = statOrUndefined(hostPath);
			const [targetDir, targetName] = destStat?.isDirectory() ? [fs.realpathSync(hostPath), source.name] : [fs.realpathSync(path.dirname(hostPath)), path.basename(hostPath)];
			const target = path.join(targetDir, targetName);
			const existing = fs.lstatSync(target, { throwIfNoEntry: false });
			if (existing?.isDirectory()) return { step: STEP_HOST, error: `${target} already exists as a directory: dockdeck does not merge into it; give a new name` };
			if (existing && source.isDir) return { step: STEP_HOST, error: `${target} is a file: a directory cannot be copied onto it` };
			return { direction: dir, containerPath, hostPath, sourceName: source.name, sourceIsDir: source.isDir, sourceSize: source.size, targetDir, targetName, replaces: existing !== undefined };
		}
		const problem = hostSourceProblem(hostPath);
		if (problem) return { step: STEP_HOST, error: problem };
		const local = fs.lstatSync(hostPath);
		const sourceName = path.basename(hostPath);
		const dest = await statPath(api, container.id, containerPath);
		let targetDir: string;
		let targetName: string;
		if (dest?.isDir) [targetDir, targetName] = [containerPath, sourceName];
		else {
			const parent = path.posix.dirname(containerPath);
			const parentStat = dest ? { isDir: true } : await statPath(api, container.id, parent);
			if (!parentStat) return { step: STEP_CONTAINER, error: `no such directory in ${inContainer(parent)}` };
			if (!parentStat.isDir) return { step: STEP_CONTAINER, error: `not a directory in ${container.name}: ${parent}` };
			[targetDir, targetName] = [parent, path.posix.basename(containerPath)];
		}
		const targetPath = path.posix.join(targetDir, targetName);
		const existing = targetPath === containerPath ? dest : await statPath(api, container.id, targetPath);
		if (existing?.isDir) return { step: STEP_CONTAINER, error: `${inContainer(targetPath)} already exists as a directory: dockdeck does not merge into it; give a new name` };
		if (existing && local.isDirectory()) return { step: STEP_CONTAINER, error: `${inContainer(targetPath)} is a file: a directory cannot be copied onto it` };
		return { direction: dir, containerPath, hostPath, sourceName, sourceIsDir: local.isDirectory(), sourceSize: local.size, targetDir, targetName, replaces: existing !== undefined };
	} catch (error) {
		return { step: STEP_CONTAINER, error: engineMessage(error) };
	}
}

/** The docker command a plan amounts to. */
export function copyCommand(name: string, plan: CopyPlan): string {
	return plan.direction === 'out' ? `docker cp ${shellWord(`${name}:${plan.containerPath}`)} ${shellWord(plan.hostPath)}` : `docker cp ${shellWord(plan.hostPath)} ${shellWord(`${name}:${plan.containerPath}`)}`;
}

function describeCount(count: CopyCount): string {
	const parts = [`${count.files} file${count.files === 1 ? '' : 's'}`];
	if (count.dirs) parts.push(`${count.dirs} director${count.dirs === 1 ? 'y' : 'ies'}`);
	if (count.links) parts.push(`${count.links} link${count.links === 1 ? '' : 's'}`);
	return `${parts.join(', ')}, ${formatBytes(count.bytes)}`;
}

function describeRefused(refused: readonly Refusal[], verb: string): string {
	if (refused.length === 0) return '';
	const first = refused[0]!;
	return `; ${verb} ${refused.length} entr${refused.length === 1 ? 'y' : 'ies'} (${first.path}: ${first.reason}${refused.length > 1 ? ', …' : ''})`;
}

/** Calls `report` at most every 200 ms. */
function throttle(report: ((text: string) => void) | undefined, text: () => string): () => void {
	let last = 0;
	return () => {
		const now = Date.now();
		if (!report || now - last < 200) return;
		last = now;
		report(text());
	};
}

/** The cp confirmation: from, to, what replacing means, the docker command. */
export function copyDialog(ctx: ActionContext, container: ContainerSummary, plan: CopyPlan, replace: boolean): Confirmation | Notice {
	if (ctx.readOnly) return READ_ONLY_CP;
	const out = plan.direction === 'out';
	const sourceText = out ? `${container.name}:${plan.containerPath}` : plan.hostPath;
	const target = out ? path.join(plan.targetDir, plan.targetName) : `${container.name}:${path.posix.join(plan.targetDir, plan.targetName)}`;
	const what = plan.sourceIsDir ? 'directory' : `file, ${formatBytes(plan.sourceSize)}`;
	return {
		title: out ? `Copy out of ${container.name} to this host?` : `Copy into ${container.name} from this host?`,
		lines: [
			`From  ${sourceText}  (${what})`,
			`To    ${target}  (${plan.replaces ? (replace ? 'the existing file is replaced' : 'exists') : 'new'})`,
			out ? 'Entries that would land outside it, device nodes and setuid bits are refused and reported.' : 'Files are owned by root in the container, as with docker cp; symlinks are copied as links.',
		],
		command: copyCommand(container.name, plan),
		toggles: plan.replaces ? [{ key: 'f', label: 'replace the existing file', on: replace }] : [],
		refusal: plan.replaces && !replace ? `${target} exists: press f to replace it, or Esc to keep it.` : undefined,
		confirmLabel: 'copy',
		run: report => runCopy(ctx, container, plan, replace, report),
	};
}

async function runCopy(ctx: ActionContext, container: ContainerSummary, plan: CopyPlan, replace: boolean, report?: (text: string) => void): Promise<Notice> {
	const command = copyCommand(container.name, plan);
	try {
		if (plan.direction === 'out') {
			let progress: Readonly<CopyCount> = { files: 0, dirs: 0, links: 0, bytes: 0 };
			// a file's size is known up front; a directory's only as it arrives
			const tick = throttle(report, () =>
				plan.sourceIsDir || !plan.sourceSize
					? `Copying out of ${container.name}: ${describeCount(progress)} so far…`
					: `Copying out of ${container.name}: ${formatBytes(progress.bytes)} of ${formatBytes(plan.sourceSize)} (${Math.floor((100 * progress.bytes) / plan.sourceSize)}%)…`,
			);
			const { stream, stat } = await readArchive(ctx.engine.streams, container.id, plan.containerPath);
			const result: ExtractResult = await extractSafely(stream, {
				dest: plan.targetDir,
				root: stat?.name || plan.sourceName,
				into: plan.targetName,
				replace,
				onProgress: count => {
					progress = count;
					tick();
				},
			});
			const dropped = result.setuidDropped ? `; setuid/setgid dropped on ${result.setuidDropped}` : '';
			return {
				text: `Copied ${container.name}:${plan.containerPath} to ${path.join(plan.targetDir, plan.targetName)}: ${describeCount(result)}${describeRefused(result.refused, 'refused')}${dropped} (${command})`,
				tone: result.refused.length ? 'warn' : 'good',
			};
		}
		const pack = await planPack(plan.hostPath, plan.targetName);
		let sent: Readonly<CopyCount> = { files: 0, dirs: 0, links: 0, bytes: 0 };
		const percent = () => (pack.totalBytes ? ` (${Math.floor((100 * sent.bytes) / pack.totalBytes)}%)` : '');
		const tick = throttle(report, () => `Copying into ${container.name}: ${formatBytes(sent.bytes)} of ${formatBytes(pack.totalBytes)}${percent()}…`);
		const { stream, done } = packTar(pack, count => {
			sent = count;
			tick();
		});
		// a host file that fails to read must also end the upload, not leave it hanging
		const abort = new AbortController();
		done.catch(() => abort.abort());
		await Promise.all([writeArchive(ctx.engine.streams, container.id, plan.targetDir, stream, abort.signal), done]);
		return {
			text: `Copied ${plan.hostPath} to ${container.name}:${path.posix.join(plan.targetDir, plan.targetName)}: ${describeCount(await done)}${describeRefused(pack.skipped, 'skipped')} (${command})`,
			tone: pack.skipped.length ? 'warn' : 'good',
		};
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		// a copy out lands in a private directory first, so nothing is left; the engine unpacks a copy in as it arrives
		const left = plan.direction === 'out' ? 'Nothing was written.' : 'Part of it may have reached the container.';
		return { text: `${command} failed: ${code ? hostMessage(error) : engineMessage(error)}. ${left}`, tone: 'bad' };
	}
}
