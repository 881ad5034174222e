import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { extractSafely, type CopyCount, type ExtractResult, type Refusal } from '../copy/extract.js';
import { packTar, planPack } from '../copy/pack.js';
import { engineMessage } from '../docker/errors.js';
import type { ContainerSummary } from '../model/types.js';
import { shellWord } from '../format/argv.js';
import { formatBytes } from '../format/bytes.js';
import type { ActionContext, Notice } from './context.js';
import type { Confirmation } from './lifecycle.js';
import { T } from '../i18n/index.js';

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

/** The notice for c under --read-only. */
export const readOnlyCopy = (): Notice => ({ text: T.copy.readOnly, tone: 'warn' });

const direction = (form: CopyForm): CopyDirection => (/^i/i.test(form.direction ?? '') ? 'in' : 'out');

/** The steps of the cp form: what each asks, what it starts with, and its quick check. */
export const COPY_STEPS = [
	{
		field: 'direction',
		label: (name: string) => T.copy.direction(name),
		initial: () => '',
		check: (v: string) => (/^(o|out|i|in)?$/i.test(v.trim()) ? undefined : T.copy.badDirection),
	},
	{
		field: 'container',
		label: (name: string, form: CopyForm) => (direction(form) === 'out' ? T.copy.containerOut(name) : T.copy.containerIn(name)),
		initial: (workdir: string) => workdir || '/',
		check: (v: string) => (v.trim() ? undefined : T.copy.needContainerPath),
	},
	{
		field: 'host',
		label: (_name: string, form: CopyForm) => (direction(form) === 'out' ? T.copy.hostOut : T.copy.hostIn),
		initial: () => process.cwd(),
		check: (v: string, form: CopyForm) =>
			v.trim() ? (direction(form) === 'out' ? hostDestProblem(resolveHost(v)) : hostSourceProblem(resolveHost(v))) : T.copy.needHostPath,
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
	const words = T.copy.errno;
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
		return T.copy.cannotWrite(dir, hostMessage(error, dir).split(':')[0]!);
	}
}

/** Where on the host a copy-out may land: an existing directory, or a new name in one. */
function hostDestProblem(dest: string): string | undefined {
	const stat = statOrUndefined(dest);
	if (stat?.isDirectory()) return writableProblem(dest);
	const parent = path.dirname(dest);
	const parentStat = statOrUndefined(parent);
	if (!parentStat) return T.copy.noHostDir(parent);
	if (!parentStat.isDirectory()) return T.copy.notDir(parent);
	return writableProblem(parent);
}

function hostSourceProblem(source: string): string | undefined {
	let stat: fs.Stats;
	try {
		stat = fs.lstatSync(source);
	} catch (error) {
		return T.copy.onHost(hostMessage(error, source));
	}
	if (!stat.isFile() && !stat.isDirectory() && !stat.isSymbolicLink()) return T.copy.special(source);
	try {
		fs.accessSync(source, stat.isDirectory() ? fs.constants.R_OK | fs.constants.X_OK : fs.constants.R_OK);
	} catch (error) {
		return T.copy.cannotRead(source, hostMessage(error, source).split(':')[0]!);
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
			const source = await api.statPath(container.id, containerPath);
			if (!source) return { step: STEP_CONTAINER, error: T.copy.noSuchIn(inContainer(containerPath)) };
			if (!source.name || source.name === '/' || containerPath === '/') return { step: STEP_CONTAINER, error: T.copy.wholeFs };
			const problem = hostDestProblem(hostPath);
			if (problem) return { step: STEP_HOST, error: problem };
			const destStat = statOrUndefined(hostPath);
			const [targetDir, targetName] = destStat?.isDirectory()
				? [fs.realpathSync(hostPath), source.name]
				: [fs.realpathSync(path.dirname(hostPath)), path.basename(hostPath)];
			const target = path.join(targetDir, targetName);
			const existing = fs.lstatSync(target, { throwIfNoEntry: false });
			if (existing?.isDirectory()) return { step: STEP_HOST, error: T.copy.isDirNoMerge(target) };
			if (existing && source.isDir) return { step: STEP_HOST, error: T.copy.isFile(target) };
			return {
				direction: dir,
				containerPath,
				hostPath,
				sourceName: source.name,
				sourceIsDir: source.isDir,
				sourceSize: source.size,
				targetDir,
				targetName,
				replaces: existing !== undefined,
			};
		}
		const problem = hostSourceProblem(hostPath);
		if (problem) return { step: STEP_HOST, error: problem };
		const local = fs.lstatSync(hostPath);
		const sourceName = path.basename(hostPath);
		const dest = await api.statPath(container.id, containerPath);
		let targetDir: string;
		let targetName: string;
		if (dest?.isDir) [targetDir, targetName] = [containerPath, sourceName];
		else {
			const parent = path.posix.dirname(containerPath);
			const parentStat = dest ? { isDir: true } : await api.statPath(container.id, parent);
			if (!parentStat) return { step: STEP_CONTAINER, error: T.copy.noDirIn(inContainer(parent)) };
			if (!parentStat.isDir) return { step: STEP_CONTAINER, error: T.copy.notDirIn(container.name, parent) };
			[targetDir, targetName] = [parent, path.posix.basename(containerPath)];
		}
		const targetPath = path.posix.join(targetDir, targetName);
		const existing = targetPath === containerPath ? dest : await api.statPath(container.id, targetPath);
		if (existing?.isDir) return { step: STEP_CONTAINER, error: T.copy.isDirNoMerge(inContainer(targetPath)) };
		if (existing && local.isDirectory()) return { step: STEP_CONTAINER, error: T.copy.isFile(inContainer(targetPath)) };
		return {
			direction: dir,
			containerPath,
			hostPath,
			sourceName,
			sourceIsDir: local.isDirectory(),
			sourceSize: local.size,
			targetDir,
			targetName,
			replaces: existing !== undefined,
		};
	} catch (error) {
		return { step: STEP_CONTAINER, error: engineMessage(error) };
	}
}

/** The docker command a plan amounts to. */
export function copyCommand(name: string, plan: CopyPlan): string {
	return plan.direction === 'out'
		? `docker cp ${shellWord(`${name}:${plan.containerPath}`)} ${shellWord(plan.hostPath)}`
		: `docker cp ${shellWord(plan.hostPath)} ${shellWord(`${name}:${plan.containerPath}`)}`;
}

function describeCount(count: CopyCount): string {
	return T.copy.count(count.files, count.dirs, count.links, formatBytes(count.bytes));
}

function describeRefused(refused: readonly Refusal[], verb: 'refused' | 'skipped'): string {
	if (refused.length === 0) return '';
	const first = refused[0]!;
	return T.copy[verb](refused.length, first.path, first.reason, refused.length > 1);
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
	if (ctx.readOnly) return readOnlyCopy();
	const out = plan.direction === 'out';
	const sourceText = out ? `${container.name}:${plan.containerPath}` : plan.hostPath;
	const target = out ? path.join(plan.targetDir, plan.targetName) : `${container.name}:${path.posix.join(plan.targetDir, plan.targetName)}`;
	const C = T.copy;
	const what = plan.sourceIsDir ? C.directory : C.file(formatBytes(plan.sourceSize));
	return {
		title: out ? C.titleOut(container.name) : C.titleIn(container.name),
		lines: [
			C.from(sourceText, what),
			C.to(target, plan.replaces ? (replace ? C.replaced : C.exists) : C.isNew),
			out ? C.outRules : C.inRules,
		],
		command: copyCommand(container.name, plan),
		toggles: plan.replaces ? [{ key: 'f', label: C.replace, on: replace }] : [],
		refusal: plan.replaces && !replace ? C.replaceRefusal(target) : undefined,
		confirmLabel: C.confirm,
		run: report => runCopy(ctx, container, plan, replace, report),
	};
}

async function runCopy(
	ctx: ActionContext,
	container: ContainerSummary,
	plan: CopyPlan,
	replace: boolean,
	report?: (text: string) => void,
): Promise<Notice> {
	const command = copyCommand(container.name, plan);
	try {
		if (plan.direction === 'out') {
			let progress: Readonly<CopyCount> = { files: 0, dirs: 0, links: 0, bytes: 0 };
			// a file's size is known up front; a directory's only as it arrives
			const tick = throttle(report, () =>
				plan.sourceIsDir || !plan.sourceSize
					? T.copy.progressSoFar(container.name, describeCount(progress))
					: T.copy.progressOut(
							container.name,
							formatBytes(progress.bytes),
							formatBytes(plan.sourceSize),
							Math.floor((100 * progress.bytes) / plan.sourceSize),
						),
			);
			const { stream, stat } = await ctx.engine.api.readArchive(container.id, plan.containerPath);
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
			const dropped = result.setuidDropped ? T.copy.setuidDropped(result.setuidDropped) : '';
			return {
				text: T.copy.copied(
					`${container.name}:${plan.containerPath}`,
					path.join(plan.targetDir, plan.targetName),
					`${describeCount(result)}${describeRefused(result.refused, 'refused')}${dropped}`,
					command,
				),
				tone: result.refused.length ? 'warn' : 'good',
			};
		}
		const pack = await planPack(plan.hostPath, plan.targetName);
		let sent: Readonly<CopyCount> = { files: 0, dirs: 0, links: 0, bytes: 0 };
		const percent = () => (pack.totalBytes ? ` (${Math.floor((100 * sent.bytes) / pack.totalBytes)}%)` : '');
		const tick = throttle(report, () =>
			T.copy.progressIn(container.name, formatBytes(sent.bytes), formatBytes(pack.totalBytes), percent()),
		);
		const { stream, done } = packTar(pack, count => {
			sent = count;
			tick();
		});
		// a host file that fails to read must also end the upload, not leave it hanging
		const abort = new AbortController();
		done.catch(() => abort.abort());
		await Promise.all([ctx.engine.api.writeArchive(container.id, plan.targetDir, stream, abort.signal), done]);
		return {
			text: T.copy.copied(
				plan.hostPath,
				`${container.name}:${path.posix.join(plan.targetDir, plan.targetName)}`,
				`${describeCount(await done)}${describeRefused(pack.skipped, 'skipped')}`,
				command,
			),
			tone: pack.skipped.length ? 'warn' : 'good',
		};
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		// a copy out lands in a private directory first, so nothing is left; the engine unpacks a copy in as it arrives
		const left = plan.direction === 'out' ? T.copy.nothingWritten : T.copy.partial;
		return { text: T.copy.failed(command, code ? hostMessage(error) : engineMessage(error), left), tone: 'bad' };
	}
}
