import type fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { isIgnored, mayHaveExceptions, parseDockerignore, type IgnoreRule } from '../format/dockerignore.js';
import type { PackPlan } from './pack.js';
import { T } from '../i18n/index.js';

/** A build context as it will be sent: what goes, what .dockerignore leaves out, the Dockerfile's stages and ARGs. */
export interface BuildContext {
	readonly dir: string;
	/** The Dockerfile's name inside the archive. */
	readonly dockerfile: string;
	/** Where the Dockerfile is on this machine. */
	readonly dockerfilePath: string;
	readonly plan: PackPlan;
	readonly files: number;
	/** The top-most paths .dockerignore left out (a folder stands for all inside it). */
	readonly ignored: readonly string[];
	/** FROM ... AS names, in order. */
	readonly stages: readonly string[];
	/** ARG names the Dockerfile declares. */
	readonly args: readonly string[];
}

/** Where the Dockerfile goes in the archive when it lives outside the context folder, as the docker CLI does. */
const OUTSIDE_NAME = '.dockerdeck.Dockerfile';

/** Why a context cannot be built: a missing folder or Dockerfile, or an unreadable .dockerignore. */
export class ContextError extends Error {
	constructor(
		message: string,
		readonly field: 'context' | 'dockerfile',
	) {
		super(message);
	}
}

async function statOrNull(at: string): Promise<fs.Stats | null> {
	return fsp.stat(at).catch(() => null);
}

/** The stages (FROM ... AS name) and ARG names of a Dockerfile. */
export function dockerfileFacts(text: string): { stages: string[]; args: string[]; froms: number } {
	const stages: string[] = [];
	const args = new Set<string>();
	let froms = 0;
	// continuation lines (a trailing backslash) join before the instruction is read
	for (const line of text.replace(/\\\r?\n/g, ' ').split(/\r?\n/)) {
		const from = /^\s*FROM\s+(?:--\S+\s+)*\S+(?:\s+AS\s+(\S+))?\s*$/i.exec(line);
		if (from) {
			froms++;
			if (from[1]) stages.push(from[1].toLowerCase());
		}
		const arg = /^\s*ARG\s+([A-Za-z_][A-Za-z0-9_]*)/i.exec(line);
		if (arg) args.add(arg[1]!);
	}
	return { stages, args: [...args], froms };
}

/**
 * Reads a context folder the way `docker build` packs it: .dockerignore applied (the Dockerfile
 * and .dockerignore always go), symlinks kept as links, sockets and devices skipped.
 */
export async function scanContext(dirInput: string, dockerfileInput: string): Promise<BuildContext> {
	const dir = path.resolve(dirInput || '.');
	const dirStat = await statOrNull(dir);
	if (!dirStat) throw new ContextError(T.checks.context.missing(dir), 'context');
	if (!dirStat.isDirectory()) throw new ContextError(T.checks.context.notFolder(dir), 'context');
	const dockerfilePath = path.resolve(dir, dockerfileInput || 'Dockerfile');
	const dockerfileStat = await statOrNull(dockerfilePath);
	if (!dockerfileStat?.isFile()) throw new ContextError(T.checks.context.noDockerfile(dockerfilePath), 'dockerfile');
	const inside = path.relative(dir, dockerfilePath);
	const outside = inside.startsWith('..') || path.isAbsolute(inside);
	const dockerfile = outside ? OUTSIDE_NAME : inside.split(path.sep).join('/');

	let rules: IgnoreRule[] = [];
	const ignoreText = await fsp.readFile(path.join(dir, '.dockerignore'), 'utf8').catch(() => '');
	try {
		rules = parseDockerignore(ignoreText);
	} catch (error) {
		throw new ContextError((error as Error).message, 'context');
	}
	const keep = new Set([dockerfile, '.dockerignore']);

	const entries: { at: string; name: string; stat: fs.Stats }[] = [];
	const skipped: PackPlan['skipped'][number][] = [];
	const ignored: string[] = [];
	let totalBytes = 0;
	let files = 0;
	const walk = async (at: string, rel: string, parentIgnored: boolean) => {
		const children = await fsp.readdir(at).catch((error: NodeJS.ErrnoException) => {
			throw new ContextError(T.checks.context.unreadable(at, error.code ?? error.message), 'context');
		});
		for (const child of children.sort()) {
			const name = rel ? `${rel}/${child}` : child;
			const full = path.join(at, child);
			const stat = await fsp.lstat(full);
			const out = !keep.has(name) && isIgnored(rules, name);
			if (out && !parentIgnored) ignored.push(stat.isDirectory() ? `${name}/` : name);
			if (stat.isDirectory()) {
				if (!out) entries.push({ at: full, name, stat });
				if (!out || mayHaveExceptions(rules, name)) await walk(full, name, out || parentIgnored);
			} else if (out) {
				continue;
			} else if (stat.isFile() || stat.isSymbolicLink()) {
				entries.push({ at: full, name, stat });
				if (stat.isFile()) {
					files++;
					totalBytes += stat.size;
				}
			} else {
				skipped.push({ path: name, reason: T.misc.streams.special });
			}
		}
	};
	await walk(dir, '', false);
	if (outside) {
		entries.push({ at: dockerfilePath, name: OUTSIDE_NAME, stat: dockerfileStat });
		files++;
		totalBytes += dockerfileStat.size;
	}
	const facts = dockerfileFacts(await fsp.readFile(dockerfilePath, 'utf8'));
	return {
		dir,
		dockerfile,
		dockerfilePath,
		plan: { entries, totalBytes, skipped },
		files,
		ignored,
		stages: facts.stages,
		args: facts.args,
	};
}
