import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { LogLine } from '../store/log-session.js';
import type { RingBuffer } from '../store/ring-buffer.js';
import type { Notice } from './context.js';
import { T } from '../i18n/index.js';

/** A default file name for saved logs: "<name>-20261123-103115.log" in the current directory. */
export function defaultLogFile(name: string, now = new Date()): string {
	const p = (n: number) => String(n).padStart(2, '0');
	const stamp = `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
	return `${name.replace(/[^\w.-]+/g, '_')}-${stamp}.log`;
}

/**
 * Writes the loaded lines, each with its engine timestamp and stream, to a new file. An existing
 * file is never overwritten: the user did not agree to lose it.
 */
export async function saveLogs(buffer: RingBuffer<LogLine>, target: string, cwd = process.cwd()): Promise<Notice> {
	const trimmed = target.trim();
	const S = T.work.save;
	if (!trimmed) return { text: S.noName, tone: 'warn' };
	const file = path.resolve(cwd, trimmed.replace(/^~(?=$|\/)/, os.homedir()));
	const lines = buffer.slice(buffer.firstSeq, buffer.pushed);
	// as the program wrote them: colour codes kept, as docker logs > file keeps them
	const text = lines.map(l => `${l.time} ${l.stream === 'err' ? 'stderr' : 'stdout'} ${l.raw ?? l.text}\n`).join('');
	try {
		await fs.writeFile(file, text, { flag: 'wx' });
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const why =
			code === 'EEXIST'
				? S.exists
				: code === 'ENOENT'
					? S.noFolder
					: code === 'EACCES' || code === 'EPERM'
						? S.denied
						: code === 'EISDIR'
							? S.isFolder
							: (error as Error).message;
		return { text: S.not(file, why), tone: 'bad' };
	}
	return { text: S.done(lines.length.toLocaleString('en-US'), Buffer.byteLength(text).toLocaleString('en-US'), file), tone: 'good' };
}
