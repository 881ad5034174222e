import type Docker from 'dockerode';
import type { IncomingMessage } from 'node:http';
import { StringDecoder } from 'node:string_decoder';

export type LogStream = 'out' | 'err';

/** Splits a byte stream into lines; a partial last line waits for the next chunk. */
function lineSplitter(onLine: (line: string) => void): { write(chunk: Buffer): void; flush(): void } {
	let rest = '';
	const decoder = new StringDecoder('utf8'); // a character split across chunks stays whole
	return {
		write(chunk) {
			const text = rest + decoder.write(chunk);
			let start = 0;
			for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
				onLine(text.slice(start, text[i - 1] === '\r' ? i - 1 : i));
				start = i + 1;
			}
			rest = text.slice(start);
		},
		flush() {
			rest += decoder.end();
			if (rest) onLine(rest);
			rest = '';
		},
	};
}

/**
 * The logs API's `since` is unix seconds with an optional fraction; the engine's line times are
 * RFC 3339 with nanoseconds: "2026-11-23T11:00:46.123456789Z" -> "1795431646.123456789".
 */
export function unixSince(time: string): string | undefined {
	const match = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(time);
	if (!match) return undefined;
	const seconds = Date.parse(`${match[1]}${match[3]}`) / 1000;
	return Number.isNaN(seconds) ? undefined : `${seconds}${match[2] ? `.${match[2]}` : ''}`;
}

/**
 * Splits Docker's multiplexed stream (8-byte headers: stream type, 3 zero bytes, big-endian
 * length) into per-stream payloads without copying: payloads are views of the chunks.
 */
export function frameDemuxer(onPayload: (stream: LogStream, payload: Buffer) => void): (chunk: Buffer) => void {
	const header = Buffer.alloc(8);
	let filled = 0;
	let remaining = 0;
	let stream: LogStream = 'out';
	return chunk => {
		let i = 0;
		while (i < chunk.length) {
			if (remaining === 0) {
				const take = Math.min(8 - filled, chunk.length - i);
				chunk.copy(header, filled, i, i + take);
				filled += take;
				i += take;
				if (filled === 8) {
					stream = header[0] === 2 ? 'err' : 'out';
					remaining = header.readUInt32BE(4);
					filled = 0;
				}
				continue;
			}
			const take = Math.min(remaining, chunk.length - i);
			onPayload(stream, chunk.subarray(i, i + take));
			remaining -= take;
			i += take;
		}
	};
}

/** A followed log stream; `stop()` closes it at once. `ended` says whether it closed on its own. */
export interface LogFollow {
	stop(): void;
	readonly ended: Promise<'stopped' | 'ended'>;
}

/**
 * `docker logs -f --timestamps`: each line arrives with its stream and the engine's RFC 3339 time.
 * Read as a stream (a non-stream read would be JSON-parsed by docker-modem) on the stream client,
 * which has no request timeout.
 */
export async function followLogs(
	docker: Docker,
	id: string,
	options: { tty: boolean; tail?: number; /** RFC 3339: the last line's time */ since?: string },
	onLine: (stream: LogStream, time: string, text: string) => void,
): Promise<LogFollow> {
	const response = (await docker.getContainer(id).logs({
		follow: true,
		stdout: true,
		stderr: true,
		timestamps: true,
		...(options.tail !== undefined ? { tail: options.tail } : {}),
		...(options.since && unixSince(options.since) ? { since: unixSince(options.since) as unknown as number } : {}),
	})) as unknown as IncomingMessage;
	const split = (stream: LogStream) =>
		lineSplitter(line => {
			const space = line.indexOf(' ');
			onLine(stream, space > 0 ? line.slice(0, space) : '', space > 0 ? line.slice(space + 1) : line);
		});
	const out = split('out');
	const err = split('err');
	const demux = frameDemuxer((stream, payload) => (stream === 'err' ? err : out).write(payload));
	response.on('data', options.tty ? (chunk: Buffer) => out.write(chunk) : demux);
	let stopping = false;
	const ended = new Promise<'stopped' | 'ended'>(resolve => {
		const finish = () => {
			out.flush();
			err.flush();
			resolve(stopping ? 'stopped' : 'ended');
		};
		response.once('close', finish);
		response.once('end', finish);
		response.once('error', finish);
	});
	return {
		stop() {
			stopping = true;
			response.destroy();
		},
		ended,
	};
}
