import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { LogLine } from '../store/log-session.js';
import type { RingBuffer } from '../store/ring-buffer.js';
import type { Notice } from './context.js';

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
	if (!trimmed) return { text: 'Not saved: no file name given.', tone: 'warn' };
	const file = path.resolve(cwd, trimmed.replace(/^~(?=$|\/)/, os.homedir()));
	const lines = buffer.slice(buffer.firstSeq, buffer.pushed);
	const text = lines.map(l => `${l.time} ${l.stream === 'err' ? 'stderr' : 'stdout'} ${l.text}\n`).join('');
	try {
		await fs.writeFile(file, text, { flag: 'wx' });
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const why = code === 'EEXIST' ? 'it already exists (choose another name; nothing was overwritten)' : code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'that is a folder' : (error as Error).message;
		return { text: `Not saved to ${file}: ${why}.`, tone: 'bad' };
	}
	return { text: `Saved ${lines.length.toLocaleString('en-US')} lines (${Buffer.byteLength(text).toLocaleString('en-US')} bytes) to ${file}.`, tone: 'good' };
}
