import type Docker from 'dockerode';
import type { IncomingMessage } from 'node:http';
import { StringDecoder } from 'node:string_decoder';

export type LogStream = 'out' | 'err';

/**
 * Splits a byte stream into lines; a partial last line waits for the next chunk. Each line is
 * handed over as a range of the decoded text, so the caller slices only what it keeps.
 */
function lineSplitter(onLine: (text: string, start: number, end: number) => void): { write(chunk: Buffer): void; flush(): void } {
	let rest = '';
	const decoder = new StringDecoder('utf8'); // a character split across chunks stays whole
	return {
		write(chunk) {
			const text = rest + decoder.write(chunk);
			let start = 0;
			for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
				onLine(text, start, text.charCodeAt(i - 1) === 13 ? i - 1 : i);
				start = i + 1;
			}
			rest = start === 0 ? text : text.slice(start);
		},
		flush() {
			rest += decoder.end();
			if (rest) onLine(rest, 0, rest.length);
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
 * length) into per-stream payloads. Under a flood every line is a frame of its own: the payloads
 * of a chunk's frames are copied together while the stream stays the same and handed over once,
 * rather than as a Buffer view (and then a string) per line. `onPayload` must use the bytes before
 * it returns: the same memory holds the next ones.
 */
export function frameDemuxer(onPayload: (stream: LogStream, payload: Buffer) => void): (chunk: Buffer) => void {
	const header = Buffer.alloc(8);
	let filled = 0;
	let remaining = 0;
	let stream: LogStream = 'out';
	let gathered = Buffer.allocUnsafe(64 * 1024);
	let length = 0;
	let gatheredStream: LogStream = 'out';
	const flush = () => {
		if (length === 0) return;
		onPayload(gatheredStream, gathered.subarray(0, length));
		length = 0;
	};
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
			if (stream !== gatheredStream) flush();
			gatheredStream = stream;
			if (length + take > gathered.length) {
				flush();
				if (take > gathered.length) gathered = Buffer.allocUnsafe(take);
			}
			chunk.copy(gathered, length, i, i + take);
			length += take;
			remaining -= take;
			i += take;
		}
		flush();
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
	// "<RFC 3339 time> <text>": the two are sliced from the decoded chunk, nothing else per line
	const split = (stream: LogStream) =>
		lineSplitter((text, start, end) => {
			const space = text.indexOf(' ', start);
			if (space > start && space < end) onLine(stream, text.slice(start, space), text.slice(space + 1, end));
			else onLine(stream, '', text.slice(start, end));
		});
	const out = split('out');
	const err = split('err');
	const demux = frameDemuxer((stream, payload) => (stream === 'err' ? err : out).write(payload));
	const take = options.tty ? (chunk: Buffer) => out.write(chunk) : demux;
	// The engine sends each line as an HTTP chunk of its own, so one read of the socket brings
	// hundreds of 'data' events: they are gathered and taken in once the read is handled, a copy
	// and a decode per read rather than per line.
	let pending: Buffer[] = [];
	const drain = () => {
		const chunks = pending;
		pending = [];
		take(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
	};
	response.on('data', (chunk: Buffer) => {
		if (pending.push(chunk) === 1) queueMicrotask(drain);
	});
	let stopping = false;
	const ended = new Promise<'stopped' | 'ended'>(resolve => {
		const finish = () => {
			if (pending.length) drain();
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
