import type Docker from 'dockerode';
import type { Duplex } from 'node:stream';

/** A live, hijacked connection to a container's process: its stream and how to size its TTY. */
export interface ProcessSession {
	readonly stream: Duplex;
	readonly tty: boolean;
	/** True when what the user types reaches the process. */
	readonly stdin: boolean;
	resize(rows: number, columns: number): Promise<void>;
	/** Splits a non-TTY stream into stdout and stderr. */
	demux(out: NodeJS.WritableStream, err: NodeJS.WritableStream): void;
}

type Modem = {
	dial(options: object, callback: (error: Error | null, stream?: Duplex) => void): void;
	demuxStream(stream: Duplex, out: NodeJS.WritableStream, err: NodeJS.WritableStream): void;
};

/**
 * Attaches to PID 1 of a container (`docker attach`). The request body is sent empty: docker-modem
 * would send the options as JSON, which some engines hand to the process as typed input.
 */
export async function attachContainer(
	docker: Docker,
	id: string,
	options: { stdin: boolean; tty: boolean; detachKeys: string; logs?: boolean },
): Promise<ProcessSession> {
	const modem = docker.modem as Modem;
	const stream = await new Promise<Duplex>((resolve, reject) =>
		modem.dial(
			{
				path: `/containers/${encodeURIComponent(id)}/attach?`,
				method: 'POST',
				isStream: true,
				hijack: true,
				openStdin: options.stdin,
				file: Buffer.alloc(0),
				headers: { 'Content-Type': 'text/plain' },
				statusCodes: { 101: true, 200: true, 400: 'bad parameter', 404: 'no such container', 409: 'conflict', 500: 'server error' },
				options: {
					stream: true,
					stdin: options.stdin,
					stdout: true,
					stderr: true,
					logs: options.logs ?? false,
					detachKeys: options.detachKeys,
				},
			},
			(error, s) => (error || !s ? reject(error ?? new Error('no stream')) : resolve(s)),
		),
	);
	const container = docker.getContainer(id);
	return {
		stream,
		tty: options.tty,
		stdin: options.stdin,
		resize: async (rows, columns) => {
			if (options.tty) await container.resize({ h: rows, w: columns });
		},
		demux: (out, err) => modem.demuxStream(stream, out, err),
	};
}

/** Starts a new interactive process in a running container (`docker exec -it`). */
export async function execInContainer(
	docker: Docker,
	id: string,
	options: { cmd: readonly string[]; detachKeys: string; term: string },
): Promise<ProcessSession & { exitCode(): Promise<{ running: boolean; code: number | null }> }> {
	const exec = await docker.getContainer(id).exec({
		Cmd: [...options.cmd],
		AttachStdin: true,
		AttachStdout: true,
		AttachStderr: true,
		Tty: true,
		DetachKeys: options.detachKeys,
		Env: [`TERM=${options.term}`],
	});
	// Tty must be passed to start as well, or the output comes 8-byte framed
	const stream = (await exec.start({ hijack: true, stdin: true, Tty: true })) as unknown as Duplex;
	const modem = docker.modem as Modem;
	return {
		stream,
		tty: true,
		stdin: true,
		resize: async (rows, columns) => {
			await exec.resize({ h: rows, w: columns });
		},
		demux: (out, err) => modem.demuxStream(stream, out, err),
		exitCode: async () => {
			const info = await exec.inspect();
			return { running: Boolean(info.Running), code: info.ExitCode ?? null };
		},
	};
}
