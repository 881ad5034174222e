import fs, { constants as FS } from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { promisify } from 'node:util';
import { pipeline } from 'node:stream/promises';
import tar from 'tar-stream';
import { T } from '../i18n/index.js';

/** An archive entry that was not written, and why. */
export interface Refusal {
	readonly path: string;
	readonly reason: string;
}

/** What a copy moved. */
export interface CopyCount {
	files: number;
	dirs: number;
	links: number;
	bytes: number;
}

export interface ExtractResult extends CopyCount {
	readonly refused: readonly Refusal[];
	/** Files or directories whose setuid/setgid bits were dropped. */
	readonly setuidDropped: number;
}

export interface ExtractOptions {
	/** The host directory the copy lands in: nothing is ever written outside it. */
	readonly dest: string;
	/** The archive's root entry name (the copied path's base name). */
	readonly root: string;
	/** The name the root gets in `dest` (docker cp renames it when the destination does not exist). */
	readonly into: string;
	/** Replace an existing file at dest/into (the user confirmed it). Directories are never replaced. */
	readonly replace?: boolean;
	readonly onProgress?: (count: Readonly<CopyCount>) => void;
}

const MAX_HOPS = 40;
const open = promisify(fs.open);
const close = promisify(fs.close);
const fchmod = promisify(fs.fchmod);
const futimes = promisify(fs.futimes);

/** Splits an archive path into components; undefined when it is absolute or climbs with `..`. */
function components(name: string): { parts: string[] } | { refused: string } {
	if (name.startsWith('/')) return { refused: T.misc.extract.absolute };
	const parts = name.split('/').filter(p => p !== '' && p !== '.');
	if (parts.includes('..')) return { refused: T.misc.extract.climbs };
	return { parts };
}

const isWithin = (parts: readonly string[]) => parts.length === 0 || parts[0] !== '..';

/**
 * Resolves `parts` below `root` on disk the way the kernel would, following symlinks already
 * written, and says whether it stays inside `root`. Components that do not exist yet are taken
 * as written. Only what this copy wrote is inside `root`, so an escape can come only from it.
 */
async function staysInside(root: string, start: readonly string[], link: string, hops = { n: 0 }): Promise<boolean> {
	if (path.posix.isAbsolute(link)) return false;
	let at: string[] = [...start];
	const pending = link.split('/').filter(p => p !== '' && p !== '.');
	while (pending.length) {
		const part = pending.shift()!;
		if (part === '..') {
			if (at.length === 0) return false;
			at.pop();
			continue;
		}
		at.push(part);
		const stat = await fsp.lstat(path.join(root, ...at)).catch(() => undefined);
		if (!stat?.isSymbolicLink()) continue;
		if (++hops.n > MAX_HOPS) return false;
		const target = await fsp.readlink(path.join(root, ...at));
		if (path.posix.isAbsolute(target)) return false;
		at.pop();
		pending.unshift(...target.split('/').filter(p => p !== '' && p !== '.'));
	}
	return isWithin(at);
}

/**
 * Extracts a tar stream (from the archive API) into `dest`, refusing any entry that is absolute,
 * climbs out with `..`, is a symlink or hardlink pointing outside, would be written through a
 * symlink, or is a device node or other special file. Setuid/setgid bits are dropped and owners
 * are not kept. Everything lands in a private temporary directory inside `dest` first and is moved
 * into place only when the whole archive was read, so a failed copy leaves nothing behind.
 */
export async function extractSafely(source: Readable, options: ExtractOptions): Promise<ExtractResult> {
	const { dest, root, into } = options;
	const temp = await fsp.mkdtemp(path.join(dest, '.dockdeck-cp-'));
	const count: CopyCount = { files: 0, dirs: 0, links: 0, bytes: 0 };
	const refused: Refusal[] = [];
	let setuidDropped = 0;
	const dirModes: { parts: string[]; mode: number; mtime: Date }[] = [];
	const symlinks: string[][] = [];
	try {
		const extract = tar.extract();
		const reading = pipeline(source, extract);
		reading.catch(() => undefined); // surfaced by the loop below
		for await (const entry of extract) {
			const { header } = entry;
			const refuse = (reason: string) => {
				refused.push({ path: header.name, reason });
				entry.resume();
			};
			const split = components(header.name);
			if ('refused' in split) {
				refuse(split.refused);
				continue;
			}
			const parts = split.parts;
			if (parts.length === 0) {
				entry.resume();
				continue;
			}
			if (parts[0] !== root) {
				refuse(T.misc.extract.outside(root));
				continue;
			}
			parts[0] = into;
			const parent = await prepareParents(temp, parts.slice(0, -1));
			if (parent) {
				refuse(parent);
				continue;
			}
			const target = path.join(temp, ...parts);
			const existing = await fsp.lstat(target).catch(() => undefined);
			if (existing?.isDirectory() && header.type !== 'directory') {
				refuse('would replace a directory');
				continue;
			}
			if (existing && !existing.isDirectory()) await fsp.unlink(target);
			const mode = header.mode & 0o777;
			if (header.mode & 0o6000) setuidDropped++;
			switch (header.type) {
				case 'file':
				case 'contiguous-file': {
					// O_EXCL and O_NOFOLLOW: a new file, never one reached through a link
					const fd = await open(target, FS.O_WRONLY | FS.O_CREAT | FS.O_EXCL | FS.O_NOFOLLOW, 0o600);
					try {
						const counter = new Transform({
							transform(chunk: Buffer, _encoding, done) {
								count.bytes += chunk.length;
								options.onProgress?.(count);
								done(null, chunk);
							},
						});
						await pipeline(entry, counter, fs.createWriteStream('', { fd, autoClose: false, highWaterMark: 1 << 20 }));
						await fchmod(fd, mode);
						await futimes(fd, header.mtime, header.mtime);
					} finally {
						await close(fd);
					}
					count.files++;
					break;
				}
				case 'directory':
					if (!existing) await fsp.mkdir(target, { mode: 0o700 });
					dirModes.push({ parts, mode, mtime: header.mtime });
					count.dirs++;
					entry.resume();
					break;
				case 'symlink': {
					const link = header.linkname;
					if (path.posix.isAbsolute(link) || !(await staysInside(temp, parts.slice(0, -1), link))) {
						refuse(T.misc.extract.symlinkOut(link));
						continue;
					}
					await fsp.symlink(link, target);
					symlinks.push(parts);
					count.links++;
					entry.resume();
					break;
				}
				case 'link': {
					const why = await hardlinkProblem(temp, header.linkname, root, into);
					if (why) {
						refuse(why);
						continue;
					}
					const linked = components(header.linkname) as { parts: string[] };
					linked.parts[0] = into;
					await fsp.link(path.join(temp, ...linked.parts), target);
					count.files++;
					entry.resume();
					break;
				}
				case 'character-device':
				case 'block-device':
					refuse('device node');
					continue;
				default:
					refuse(`${header.type} (special file)`);
					continue;
			}
			options.onProgress?.(count);
		}
		await reading;
		// A link that looked safe when written can lead outside through links written after it.
		for (let changed = true; changed;) {
			changed = false;
			for (const [i, parts] of symlinks.entries()) {
				const at = path.join(temp, ...parts);
				const link = await fsp.readlink(at);
				if (await staysInside(temp, parts.slice(0, -1), link)) continue;
				await fsp.unlink(at);
				symlinks.splice(i, 1);
				count.links--;
				refused.push({ path: [root, ...parts.slice(1)].join('/'), reason: T.misc.extract.symlinkThrough(link) });
				changed = true;
				break;
			}
		}
		const made = await fsp.lstat(path.join(temp, into)).catch(() => undefined);
		if (!made) throw new Error(refused.length ? T.misc.extract.nothing(refused[0]!.path, refused[0]!.reason) : T.misc.extract.empty);
		await moveIntoPlace(path.join(temp, into), path.join(dest, into), made.isDirectory(), options.replace === true);
		// directory modes last, deepest first, so a read-only directory could still be filled and moved
		for (const dir of dirModes.reverse()) {
			const at = path.join(dest, ...dir.parts);
			await fsp.chmod(at, dir.mode);
			await fsp.utimes(at, dir.mtime, dir.mtime);
		}
		return { ...count, refused, setuidDropped };
	} finally {
		await fsp.rm(temp, { recursive: true, force: true });
	}
}

/** Creates missing parent directories; says why not when one is a symlink or not a directory. */
async function prepareParents(temp: string, parents: readonly string[]): Promise<string | undefined> {
	let at = temp;
	for (const part of parents) {
		at = path.join(at, part);
		const stat = await fsp.lstat(at).catch(() => undefined);
		if (!stat) await fsp.mkdir(at, { mode: 0o755 });
		else if (stat.isSymbolicLink()) return T.misc.extract.throughLink;
		else if (!stat.isDirectory()) return T.misc.extract.parentNotDir;
	}
	return undefined;
}

/** Why a hardlink entry is refused: its target must be a regular file this copy already wrote. */
async function hardlinkProblem(temp: string, linkname: string, root: string, into: string): Promise<string | undefined> {
	const split = components(linkname);
	if ('refused' in split || split.parts[0] !== root) return T.misc.extract.hardlinkOut(linkname);
	const parts = [into, ...split.parts.slice(1)];
	let at = temp;
	for (const [i, part] of parts.entries()) {
		at = path.join(at, part);
		const stat = await fsp.lstat(at).catch(() => undefined);
		if (!stat) return T.misc.extract.hardlinkMissing(linkname);
		if (stat.isSymbolicLink()) return `hardlink to ${linkname} goes through a symlink`;
		if (i === parts.length - 1 && !stat.isFile()) return T.misc.extract.hardlinkNotFile(linkname);
	}
	return undefined;
}

/** Moves the finished copy to its place: a new name, or over a file the user chose to replace. */
async function moveIntoPlace(from: string, to: string, isDir: boolean, replace: boolean): Promise<void> {
	const existing = await fsp.lstat(to).catch(() => undefined);
	if (existing) {
		if (existing.isDirectory()) throw new Error(T.misc.extract.isDir(to));
		if (!replace) throw new Error(T.misc.extract.exists(to));
		if (isDir) throw new Error(T.misc.extract.isFile(to));
	}
	await fsp.rename(from, to);
}
