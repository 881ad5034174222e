import path from 'node:path';
import type { BuildContext } from '../copy/context.js';
import type { ImageRow } from '../model/types.js';
import { formatBytes } from '../format/bytes.js';
import { shellWord, splitCommand } from '../format/argv.js';
import { parseReference } from '../format/image-ref.js';
import { ON, type FieldNote, type FieldSpec, type FormModel } from './form.js';
import type { BuildRequest } from '../store/build-session.js';
import { T } from '../i18n/index.js';

export const BUILD_FIELDS: readonly FieldSpec[] = [
	{ id: 'context', label: 'Context folder', kind: 'text' },
	{ id: 'dockerfile', label: 'Dockerfile', kind: 'text' },
	{ id: 'tag', label: 'Tag', kind: 'text' },
	{ id: 'args', label: 'Build args', kind: 'text' },
	{ id: 'target', label: 'Target stage', kind: 'text' },
	{ id: 'nocache', label: 'No cache', kind: 'toggle' },
];

/** Above this the form warns: the engine receives the whole context before the first step. */
export const LARGE_CONTEXT = 100 * 1024 * 1024;

/** Reading the context folder, done in the background as the fields change. */
export type ContextScan =
	| { readonly key: string; readonly status: 'scanning' }
	| { readonly key: string; readonly status: 'ready'; readonly context: BuildContext }
	| { readonly key: string; readonly status: 'error'; readonly field: 'context' | 'dockerfile'; readonly message: string };

/** Which folder and Dockerfile a scan is for. */
export function scanKey(values: Readonly<Record<string, string>>, cwd = process.cwd()): string {
	return `${path.resolve(cwd, values.context || '.')}\n${values.dockerfile || 'Dockerfile'}`;
}

/** A tag for a folder when none is given: its name, made a valid repository name, at :latest. */
export function tagForFolder(dir: string): string {
	const name = path
		.basename(path.resolve(dir))
		.toLowerCase()
		.replace(/[^a-z0-9._-]+/g, '-')
		.replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
	return name ? `${name}:latest` : '';
}

/** The full name a tag gets: "app" is "app:latest"; an unparsable tag is returned as it is. */
export function fullTag(tag: string): string {
	try {
		return parseReference(tag).tag ? tag : `${tag}:latest`;
	} catch {
		return tag;
	}
}

/** The form as it opens for a folder. */
export function buildDefaults(
	dir: string,
	given: Partial<Record<'dockerfile' | 'tag' | 'args' | 'target' | 'nocache', string>> = {},
): Record<string, string> {
	return {
		context: dir,
		dockerfile: given.dockerfile ?? 'Dockerfile',
		tag: given.tag ?? tagForFolder(dir),
		args: given.args ?? '',
		target: given.target ?? '',
		nocache: given.nocache ?? '',
	};
}

/**
 * Checks the build form: the folder and Dockerfile (from the scan), the tag, KEY=VALUE build args,
 * the target among the Dockerfile's stages. Returns the request when it can go.
 */
export function checkBuild(
	values: Readonly<Record<string, string>>,
	scan: ContextScan | undefined,
	images: readonly ImageRow[],
): { request?: BuildRequest; model: FormModel } {
	const errors: Record<string, string | undefined> = {};
	const notes: Record<string, FieldNote | undefined> = {};
	const lines: FieldNote[] = [];
	const context = scan?.status === 'ready' ? scan.context : undefined;
	const B = T.forms.build;
	if (!scan || scan.status === 'scanning') notes.context = { text: B.reading, tone: 'muted' };
	else if (scan.status === 'error') errors[scan.field] = scan.message;
	else {
		const c = scan.context;
		const leftOut = c.ignored.length ? B.ignored(c.ignored.slice(0, 4).join(', '), Math.max(0, c.ignored.length - 4)) : B.noIgnore;
		notes.context = {
			text: B.context(c.files, formatBytes(c.plan.totalBytes), leftOut),
			tone: c.plan.totalBytes > LARGE_CONTEXT ? 'warn' : 'muted',
		};
		if (c.plan.totalBytes > LARGE_CONTEXT) lines.push({ text: B.large(formatBytes(c.plan.totalBytes)), tone: 'warn' });
		if (c.plan.skipped.length) lines.push({ text: B.special(c.plan.skipped.length, c.plan.skipped[0]!.path), tone: 'muted' });
		notes.dockerfile = { text: c.stages.length ? B.stages(c.stages.join(', ')) : B.oneStage, tone: 'muted' };
	}

	const tag = (values.tag ?? '').trim();
	if (tag) {
		try {
			const ref = parseReference(tag);
			if (ref.digest) throw new Error(B.tagDigest);
			const full = fullTag(tag);
			const existing = images.find(i => !i.dangling && `${i.repository}:${i.tag}` === full);
			notes.tag = existing
				? { text: B.moves(full, existing.id.replace('sha256:', '').slice(0, 12)), tone: 'warn' }
				: { text: B.newName(full), tone: 'muted' };
		} catch (error) {
			errors.tag = (error as Error).message;
		}
	} else notes.tag = { text: B.noTag, tone: 'warn' };

	const buildArgs: Record<string, string> = {};
	try {
		for (const word of splitCommand(values.args ?? '')) {
			const eq = word.indexOf('=');
			if (eq <= 0) throw new Error(B.argNoEquals(word));
			buildArgs[word.slice(0, eq)] = word.slice(eq + 1);
		}
	} catch (error) {
		errors.args = (error as Error).message.replace('the command', 'the line');
	}
	if (!errors.args && context) {
		const unknown = Object.keys(buildArgs).filter(k => !context.args.includes(k));
		notes.args = unknown.length
			? { text: B.argUnknown(unknown.join(', ')), tone: 'warn' }
			: { text: context.args.length ? B.argsDeclared(context.args.join(', ')) : B.noArgs, tone: 'muted' };
	}

	const target = (values.target ?? '').trim().toLowerCase();
	if (target && context && !context.stages.includes(target))
		errors.target = context.stages.length ? B.noStage(target, context.stages.join(', ')) : B.noStages(target);
	else notes.target = { text: target ? B.stopsAfter(target) : B.lastStage, tone: 'muted' };
	notes.nocache = { text: values.nocache === ON ? B.noCacheOn : B.noCacheOff, tone: 'muted' };

	const noCache = values.nocache === ON;
	const command = buildCommand(values.context || '.', values.dockerfile || 'Dockerfile', tag, buildArgs, target, noCache);
	const model: FormModel = {
		title: B.title,
		notes,
		errors,
		command,
		lines,
		submitLabel: B.submit,
		...(!scan || scan.status === 'scanning' ? { waiting: B.reading } : {}),
	};
	const ok = context && !Object.values(errors).some(Boolean);
	return { request: ok ? { context, tag: tag || undefined, buildArgs, target: target || undefined, noCache, command } : undefined, model };
}

/** The `docker build` line for the form (the classic builder, as dockdeck drives it). */
export function buildCommand(
	dir: string,
	dockerfile: string,
	tag: string,
	args: Readonly<Record<string, string>>,
	target: string,
	noCache: boolean,
): string {
	const parts = ['docker build'];
	// docker build reads -f from the current folder; the form's Dockerfile is relative to the context
	if (dockerfile !== 'Dockerfile') parts.push(`-f ${shellWord(path.isAbsolute(dockerfile) ? dockerfile : path.join(dir, dockerfile))}`);
	if (tag) parts.push(`-t ${shellWord(tag)}`);
	for (const [k, v] of Object.entries(args)) parts.push(`--build-arg ${shellWord(`${k}=${v}`)}`);
	if (target) parts.push(`--target ${shellWord(target)}`);
	if (noCache) parts.push('--no-cache');
	parts.push(shellWord(dir));
	return parts.join(' ');
}

/** The form values for `dockdeck build PATH` and its flags, the Dockerfile made absolute as docker reads -f from the current folder. */
export function cliBuildValues(
	dir: string,
	flags: { file?: string; tag?: string; buildArg?: readonly string[]; target?: string; noCache?: boolean },
): Record<string, string> {
	return buildDefaults(path.resolve(dir), {
		dockerfile: flags.file ? path.resolve(flags.file) : 'Dockerfile',
		tag: flags.tag ?? '',
		args: (flags.buildArg ?? []).map(shellWord).join(' '),
		target: flags.target ?? '',
		nocache: flags.noCache ? 'on' : '',
	});
}
