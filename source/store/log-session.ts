import type { Engine } from '../docker/client.js';
import { engineMessage } from '../docker/errors.js';
import { type LogFollow, type LogStream } from '../docker/logs.js';
import { parseSgr, type StyleSpan } from '../format/sgr.js';
import { RingBuffer } from './ring-buffer.js';
import type { Store } from './store.js';
import { T } from '../i18n/index.js';

export interface LogLine {
	readonly stream: LogStream;
	/** The engine's RFC 3339 timestamp. */
	readonly time: string;
	/** The text without its colour codes: what is searched, wrapped and shown. */
	readonly text: string;
	/** Its colours and styles, when the program wrote any (SGR sequences). */
	readonly styles?: readonly StyleSpan[];
	/** The line as the program wrote it, colour codes included, when that differs from `text`: what is saved. */
	readonly raw?: string;
}

export type LogState =
	| { readonly status: 'connecting' }
	| { readonly status: 'following' }
	| { readonly status: 'stopped'; readonly exitCode: number }
	| { readonly status: 'removed' }
	| { readonly status: 'error'; readonly message: string };

/** Lines shown when the view opens, like `docker logs --tail 500 -f`. */
export const INITIAL_TAIL = 500;
export const DEFAULT_LOG_BUFFER = 10_000;
/** Longer lines are cut when stored, so 10,000 lines of a megabyte each cannot exhaust memory. */
export const MAX_LINE_CHARS = 16_384;
/** New lines are announced at most this often... */
const NOTIFY_MS = 50;
/** ...and this often while lines flood in (more than FLOOD_LINES in the last announcement): each announcement costs a frame. */
const FLOOD_NOTIFY_MS = 100;
const FLOOD_LINES = 500;

/** A line longer than MAX_LINE_CHARS, cut, saying how much was left out. */
const cut = (line: string) =>
	line.length > MAX_LINE_CHARS
		? `${line.slice(0, MAX_LINE_CHARS)}${T.misc.streams.cut((line.length - MAX_LINE_CHARS).toLocaleString('en-US'))}`
		: line;

/**
 * Follows one container's logs into a bounded ring buffer. When the container stops the view says
 * so and picks up again where it left off if it restarts; when it is removed the view says that.
 * Changes are announced at most every 50 ms, and every 100 ms while lines flood in.
 */
export class LogSession {
	readonly buffer: RingBuffer<LogLine>;
	state: LogState = { status: 'connecting' };
	/** Bumped on every announced change; read through useSyncExternalStore. */
	version = 0;
	private follow?: LogFollow;
	private closed = false;
	/** The newest line time seen: where a re-open resumes. */
	private lastTime = '';
	/** Lines at or before this time are repeats of a re-open's `since`. */
	private resumeAfter = '';
	private notifyTimer?: NodeJS.Timeout;
	/** Lines pushed when changes were last announced, and whether more than FLOOD_LINES came before that. */
	private announced = 0;
	private flooding = false;
	private readonly listeners = new Set<() => void>();
	private unsubscribeStore?: () => void;

	constructor(
		private readonly engine: Engine,
		private readonly store: Store,
		readonly containerId: string,
		readonly name: string,
		capacity = DEFAULT_LOG_BUFFER,
	) {
		this.buffer = new RingBuffer<LogLine>(capacity);
	}

	readonly subscribe = (listener: () => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	readonly getVersion = () => this.version;

	async start(): Promise<void> {
		this.unsubscribeStore = this.store.subscribe(() => this.onStoreChange());
		await this.open(INITIAL_TAIL);
	}

	/** Closes the stream at once and forgets the container. */
	stop(): void {
		this.closed = true;
		this.follow?.stop();
		this.unsubscribeStore?.();
		if (this.notifyTimer) clearTimeout(this.notifyTimer);
		this.listeners.clear();
	}

	private async open(tail: number | undefined): Promise<void> {
		try {
			const detail = await this.engine.api.inspectContainer(this.containerId);
			if (this.closed) return;
			const since = this.lastTime || undefined;
			this.resumeAfter = this.lastTime;
			const follow = await this.engine.api.followLogs(
				this.containerId,
				{ tty: detail.tty, tail: since ? undefined : tail, since },
				(stream, time, text) => this.onLine(stream, time, text),
			);
			if (this.closed) {
				follow.stop();
				return;
			}
			this.follow = follow;
			this.setState({ status: 'following' });
			void follow.ended.then(how => (how === 'ended' ? this.onEnded() : undefined));
		} catch (error) {
			if (this.closed) return;
			const message = engineMessage(error);
			this.setState(
				/no such container/i.test(message) ? { status: 'removed' } : { status: 'error', message: T.misc.streams.retrying(message) },
			);
		}
	}

	private onLine(stream: LogStream, time: string, text: string): void {
		// a re-open with `since` repeats what came at that time: skip it. Only then: stdout and stderr
		// are read from two pipes, so a stderr line can arrive after a later-stamped stdout line.
		if (time && this.resumeAfter && time <= this.resumeAfter) return;
		if (time > this.lastTime) this.lastTime = time;
		const styled = parseSgr(text);
		this.buffer.push(
			styled ? { stream, time, text: cut(styled.text), styles: styled.spans, raw: cut(text) } : { stream, time, text: cut(text) },
		);
		this.scheduleNotify();
	}

	/** The stream closed by itself: the container stopped, was removed, or the engine went away. */
	private async onEnded(): Promise<void> {
		this.follow = undefined;
		if (this.closed) return;
		try {
			const detail = await this.engine.api.inspectContainer(this.containerId);
			if (detail.state === 'running') await this.open(undefined);
			else this.setState({ status: 'stopped', exitCode: detail.exitCode });
		} catch (error) {
			const message = engineMessage(error);
			this.setState(
				/no such container/i.test(message) ? { status: 'removed' } : { status: 'error', message: T.misc.streams.retrying(message) },
			);
		}
	}

	/** Follows the container again when it restarts, and notices its removal. */
	private onStoreChange(): void {
		if (this.closed) return;
		const snapshot = this.store.getSnapshot();
		const container = snapshot.containers.find(c => c.id === this.containerId);
		if (!container) {
			if (snapshot.loaded && snapshot.connection.status === 'live' && this.state.status !== 'removed' && !this.follow)
				this.setState({ status: 'removed' });
			return;
		}
		if (container.state === 'running' && !this.follow && (this.state.status === 'stopped' || this.state.status === 'error')) {
			this.setState({ status: 'connecting' });
			void this.open(undefined);
		}
	}

	private setState(state: LogState): void {
		this.state = state;
		this.scheduleNotify();
	}

	private scheduleNotify(): void {
		if (this.notifyTimer || this.closed) return;
		this.notifyTimer = setTimeout(
			() => {
				this.notifyTimer = undefined;
				this.flooding = this.buffer.pushed - this.announced > FLOOD_LINES;
				this.announced = this.buffer.pushed;
				this.version++;
				for (const listener of this.listeners) listener();
			},
			this.flooding ? FLOOD_NOTIFY_MS : NOTIFY_MS,
		);
	}
}
