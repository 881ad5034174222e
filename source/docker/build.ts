import type Docker from 'dockerode';
import type { Readable } from 'node:stream';
import type { BuildMessage } from '../format/build-log.js';

/** What `docker build` is asked to do. */
export interface BuildOptions {
	/** The Dockerfile's name inside the context archive. */
	readonly dockerfile: string;
	readonly tag?: string;
	readonly buildArgs: Readonly<Record<string, string>>;
	readonly target?: string;
	readonly noCache: boolean;
	readonly signal?: AbortSignal;
}

/**
 * Sends a context archive to the engine's classic builder and hands each JSON message of its
 * answer to `onMessage` as it arrives. Intermediate containers are removed even when a step fails
 * (forcerm), so a failed build leaves nothing running or stopped behind. Settles when the engine
 * closes the answer; a failing step is a message, not a rejection.
 */
export async function buildImage(
	docker: Docker,
	context: Readable,
	options: BuildOptions,
	onMessage: (message: BuildMessage) => void,
): Promise<void> {
	const query: Record<string, unknown> = {
		dockerfile: options.dockerfile,
		rm: true,
		forcerm: true,
		nocache: options.noCache,
		version: '1',
		abortSignal: options.signal,
	};
	if (options.tag) query.t = options.tag;
	if (Object.keys(options.buildArgs).length) query.buildargs = { ...options.buildArgs };
	if (options.target) query.target = options.target;
	const answer = (await docker.buildImage(
		context as unknown as NodeJS.ReadableStream,
		query as Docker.ImageBuildOptions,
	)) as unknown as Readable;
	await new Promise<void>((resolve, reject) => {
		let pending = '';
		answer.setEncoding('utf8');
		answer.on('data', (chunk: string) => {
			const lines = (pending + chunk).split('\n');
			pending = lines.pop()!;
			for (const line of lines) parse(line);
		});
		answer.on('end', () => {
			parse(pending);
			resolve();
		});
		answer.on('error', reject);
		answer.on('close', resolve);
	});

	function parse(line: string) {
		if (!line.trim()) return;
		try {
			onMessage(JSON.parse(line) as BuildMessage);
		} catch {
			onMessage({ stream: `${line}\n` });
		}
	}
}

/** The image a tag names now, with its layers, or undefined: the "previous image" a build replaces. */
export async function imageForTag(docker: Docker, tag: string | undefined): Promise<{ id: string; layers: readonly string[] } | undefined> {
	if (!tag) return undefined;
	try {
		const info = await docker.getImage(tag).inspect();
		return { id: info.Id, layers: info.RootFS?.Layers ?? [] };
	} catch {
		return undefined;
	}
}
