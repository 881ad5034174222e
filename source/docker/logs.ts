import type Docker from 'dockerode';
import type { IncomingMessage } from 'node:http';
import { Writable } from 'node:stream';
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
	const split = (stream: LogStream) => {
		const s = lineSplitter(line => {
			const space = line.indexOf(' ');
			onLine(stream, space > 0 ? line.slice(0, space) : '', space > 0 ? line.slice(space + 1) : line);
		});
		return Object.assign(new Writable({ write: (chunk: Buffer, _enc, done) => (s.write(chunk), done()) }), { flushLines: () => s.flush() });
	};
	const out = split('out');
	const err = split('err');
	if (options.tty) response.on('data', (chunk: Buffer) => out.write(chunk));
	else (docker.modem as { demuxStream(s: IncomingMessage, o: Writable, e: Writable): void }).demuxStream(response, out, err);
	let stopping = false;
	const ended = new Promise<'stopped' | 'ended'>(resolve => {
		const finish = () => {
			out.flushLines();
			err.flushLines();
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
