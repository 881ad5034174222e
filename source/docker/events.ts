import type Docker from 'dockerode';
import type { IncomingMessage } from 'node:http';
import { engineMessage, errorCode } from './errors.js';
import type { EngineEvent } from '../model/types.js';
import { T } from '../i18n/index.js';

/** How the event stream stands: live, or down with the reason and the next retry. */
export type StreamState =
	{ readonly status: 'live' } | { readonly status: 'down'; readonly reason: string; readonly attempt: number; readonly retryInMs: number };

/** Parses one line of /events JSON into an EngineEvent; null for blank or malformed lines. */
export function parseEventLine(line: string): EngineEvent | null {
	if (!line.trim()) return null;
	try {
		const raw = JSON.parse(line) as {
			Type?: string;
			Action?: string;
			status?: string;
			id?: string;
			Actor?: { ID?: string; Attributes?: Record<string, string> };
		};
		const type = raw.Type ?? (raw.status ? 'container' : '');
		const action = raw.Action ?? raw.status ?? '';
		if (!type || !action) return null;
		return { type, action, id: raw.Actor?.ID ?? raw.id ?? '', attributes: raw.Actor?.Attributes ?? {} };
	} catch {
		return null;
	}
}

const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 2000;

/**
 * Follows the engine's /events stream for containers and images, and reconnects with backoff
 * (250 ms doubling to 2 s) whenever it drops. `onState` hears 'live' after every (re)connect, which
 * is the cue to re-list: the engine keeps only a short event history and loses it on restart.
 * Returns a function that stops watching.
 */
export function watchEvents(docker: Docker, onEvent: (event: EngineEvent) => void, onState: (state: StreamState) => void): () => void {
	let stopped = false;
	let current: IncomingMessage | undefined;
	let timer: NodeJS.Timeout | undefined;
	let attempt = 0;

	const connect = async () => {
		if (stopped) return;
		try {
			const stream = (await docker.getEvents({ filters: { type: ['container', 'image'] } })) as unknown as IncomingMessage;
			if (stopped) {
				stream.destroy();
				return;
			}
			current = stream;
			attempt = 0;
			onState({ status: 'live' });
			let buffer = '';
			stream.setEncoding('utf8');
			stream.on('data', (chunk: string) => {
				buffer += chunk;
				for (let i = buffer.indexOf('\n'); i >= 0; i = buffer.indexOf('\n')) {
					const event = parseEventLine(buffer.slice(0, i));
					buffer = buffer.slice(i + 1);
					if (event) onEvent(event);
				}
			});
			stream.on('error', () => undefined); // 'close' follows and is handled there
			stream.once('close', () => retry(T.misc.streams.eventsClosed));
		} catch (error) {
			retry(errorCode(error) ? `${errorCode(error)}: ${engineMessage(error)}` : engineMessage(error));
		}
	};

	const retry = (reason: string) => {
		current = undefined;
		if (stopped) return;
		attempt++;
		const retryInMs = Math.min(FIRST_RETRY_MS * 2 ** (attempt - 1), MAX_RETRY_MS);
		onState({ status: 'down', reason, attempt, retryInMs });
		timer = setTimeout(() => void connect(), retryInMs);
	};

	void connect();
	return () => {
		stopped = true;
		if (timer) clearTimeout(timer);
		current?.destroy();
	};
}
