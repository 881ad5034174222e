import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import type Docker from 'dockerode';
import { engineMessage } from './errors.js';
import { T } from '../i18n/index.js';

/** What the engine says about a path in a container (the X-Docker-Container-Path-Stat header). */
export interface PathStat {
	readonly name: string;
	readonly size: number;
	readonly isDir: boolean;
	readonly isLink: boolean;
	readonly linkTarget: string;
}

/** Go's os.FileMode type bits, as the engine sends them. */
const MODE_DIR = 2 ** 31;
const MODE_SYMLINK = 2 ** 27;

/** Thrown when a path does not exist in the container (HTTP 404 on the archive endpoint). */
export class NoSuchPathError extends Error {}

function parseStat(headers: IncomingMessage['headers']): PathStat | undefined {
	const raw = headers['x-docker-container-path-stat'];
	if (typeof raw !== 'string') return undefined;
	try {
		const json = JSON.parse(Buffer.from(raw, 'base64').toString('utf8')) as {
			name?: unknown;
			size?: unknown;
			mode?: unknown;
			linkTarget?: unknown;
		};
		const mode = typeof json.mode === 'number' ? json.mode : 0;
		return {
			name: typeof json.name === 'string' ? json.name : '',
			size: typeof json.size === 'number' ? json.size : 0,
			isDir: Math.floor(mode / MODE_DIR) % 2 === 1,
			isLink: Math.floor(mode / MODE_SYMLINK) % 2 === 1,
			linkTarget: typeof json.linkTarget === 'string' ? json.linkTarget : '',
		};
	} catch {
		return undefined;
	}
}

function archiveError(error: unknown, containerPath: string): Error {
	const status = (error as { statusCode?: unknown }).statusCode;
	// dockerode puts its own guess first ("(HTTP code 404) no such container - "), the engine's words after
	const cause = engineMessage(error)
		.replace(/^\(HTTP code \d+\) [^-]*- ?/, '')
		.trim();
	if (status === 404 && !/^no such container/i.test(cause)) return new NoSuchPathError(T.misc.streams.noPath(containerPath));
	return new Error(cause || `HTTP ${String(status)}`);
}

/** Stats a path in a container; undefined when it does not exist. */
export async function statPath(api: Docker, id: string, containerPath: string): Promise<PathStat | undefined> {
	try {
		const response = (await api.getContainer(id).infoArchive({ path: containerPath })) as IncomingMessage;
		response.resume();
		return parseStat(response.headers);
	} catch (error) {
		const failure = archiveError(error, containerPath);
		if (!(failure instanceof NoSuchPathError)) throw failure;
		// a HEAD answer has no body to tell a missing path from a missing container
		await api
			.getContainer(id)
			.inspect()
			.catch((gone: unknown) => {
				throw new Error(engineMessage(gone));
			});
		return undefined;
	}
}

/** A tar stream of a container path (`GET /containers/{id}/archive`), and the path's stat. */
export async function readArchive(
	api: Docker,
	id: string,
	containerPath: string,
	signal?: AbortSignal,
): Promise<{ stream: Readable; stat?: PathStat }> {
	try {
		const response = (await api.getContainer(id).getArchive({ path: containerPath, abortSignal: signal })) as IncomingMessage;
		return { stream: response, stat: parseStat(response.headers) };
	} catch (error) {
		throw archiveError(error, containerPath);
	}
}

/** Unpacks a tar stream into a container directory (`PUT /containers/{id}/archive`). */
export async function writeArchive(api: Docker, id: string, containerDir: string, tar: Readable, signal?: AbortSignal): Promise<void> {
	try {
		await api.getContainer(id).putArchive(tar, { path: containerDir, noOverwriteDirNonDir: true, abortSignal: signal });
	} catch (error) {
		throw archiveError(error, containerDir);
	}
}
