import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import tar from 'tar-stream';
import type { CopyCount, Refusal } from './extract.js';
import { T } from '../i18n/index.js';

interface HostEntry {
	readonly at: string;
	/** The name in the archive, starting with the root name. */
	readonly name: string;
	readonly stat: fs.Stats;
}

/** What packing a host path will send: the entries, their total size, what is skipped. */
export interface PackPlan {
	readonly entries: readonly HostEntry[];
	readonly totalBytes: number;
	readonly skipped: readonly Refusal[];
}

/**
 * Walks a host path without following symlinks (like docker cp without -L), listing what goes
 * into the archive. Sockets, fifos and device nodes are skipped and reported.
 */
export async function planPack(source: string, rootName: string): Promise<PackPlan> {
	const entries: HostEntry[] = [];
	const skipped: Refusal[] = [];
	let totalBytes = 0;
	const walk = async (at: string, name: string) => {
		const stat = await fsp.lstat(at);
		if (stat.isFile() || stat.isSymbolicLink() || stat.isDirectory()) {
			entries.push({ at, name, stat });
			if (stat.isFile()) totalBytes += stat.size;
		} else {
			skipped.push({ path: name, reason: T.misc.streams.special });
		}
		if (stat.isDirectory()) {
			const children = await fsp.readdir(at);
			for (const child of children.sort()) await walk(path.join(at, child), `${name}/${child}`);
		}
	};
	await walk(source, rootName);
	return { entries, totalBytes, skipped };
}

/**
 * The archive for a pack plan as an uncompressed tar stream, owned by root inside the container
 * (as docker cp does), with modes and times kept. `done` settles when the last byte is packed.
 */
export function packTar(plan: PackPlan, onProgress?: (count: Readonly<CopyCount>) => void): { stream: Readable; done: Promise<CopyCount> } {
	const pack = tar.pack();
	const count: CopyCount = { files: 0, dirs: 0, links: 0, bytes: 0 };
	const owner = { uid: 0, gid: 0, uname: 'root', gname: 'root' };
	const done = (async () => {
		try {
			for (const { at, name, stat } of plan.entries) {
				const base = { ...owner, name, mode: stat.mode & 0o7777, mtime: stat.mtime };
				if (stat.isDirectory()) {
					await entry(pack, { ...base, type: 'directory' });
					count.dirs++;
				} else if (stat.isSymbolicLink()) {
					await entry(pack, { ...base, type: 'symlink', linkname: await fsp.readlink(at) });
					count.links++;
				} else {
					await new Promise<void>((resolve, reject) => {
						const sink = pack.entry({ ...base, type: 'file', size: stat.size }, error => (error ? reject(error) : resolve()));
						const counter = new Transform({
							transform(chunk: Buffer, _encoding, next) {
								count.bytes += chunk.length;
								onProgress?.(count);
								next(null, chunk);
							},
						});
						pipeline(fs.createReadStream(at, { highWaterMark: 1 << 20 }), counter, sink).catch(reject);
					});
					count.files++;
				}
				onProgress?.(count);
			}
			pack.finalize();
			return count;
		} catch (error) {
			pack.destroy(error as Error);
			throw error;
		}
	})();
	done.catch(() => undefined);
	return { stream: pack as unknown as Readable, done };
}

function entry(pack: tar.Pack, header: tar.Header | (Partial<tar.Header> & { name: string })): Promise<void> {
	return new Promise((resolve, reject) => pack.entry(header, error => (error ? reject(error) : resolve())));
}
