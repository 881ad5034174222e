import type { EngineApi } from '../docker/api.js';
import { packTar } from '../copy/pack.js';
import { scanContext, type BuildContext } from '../copy/context.js';
import { engineMessage } from '../docker/errors.js';
import { BuildLog } from '../format/build-log.js';
import { T } from '../i18n/index.js';

/** What a build was asked to do, as the form collected it. */
export interface BuildRequest {
	readonly context: BuildContext;
	readonly tag?: string;
	readonly buildArgs: Readonly<Record<string, string>>;
	readonly target?: string;
	readonly noCache: boolean;
	/** The equivalent docker command, shown above the steps. */
	readonly command: string;
}

export type BuildPhase = 'sending' | 'building' | 'done' | 'failed' | 'cancelled';

const NOTIFY_MS = 50;

/**
 * One `docker build`, from packing the context to the tagged image: the live step log, the bytes
 * sent, and what the tag named before (so the new image's layers can be compared with it).
 * Changes are announced at most every 50 ms however much the build prints.
 */
export class BuildSession {
	readonly log = new BuildLog();
	phase: BuildPhase = 'sending';
	sentBytes = 0;
	readonly startedAt = Date.now();
	endedAt?: number;
	/** The image the tag named before the build, and its layers. */
	previous?: { readonly id: string; readonly layers: readonly string[] };
	/** Full id of the image built. */
	imageId?: string;
	/** The context as sent: read again at the start, as files may have changed since the form read them. */
	context: BuildContext;
	/** Why it failed outside any step (the engine refused, the connection broke). */
	failure?: string;
	version = 0;
	private readonly abort = new AbortController();
	private readonly listeners = new Set<() => void>();
	private timer?: NodeJS.Timeout;
	private readonly whenDone: Promise<void>;

	constructor(
		private readonly docker: EngineApi,
		readonly request: BuildRequest,
	) {
		this.context = request.context;
		this.whenDone = this.run();
	}

	readonly subscribe = (listener: () => void) => {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	};

	readonly getVersion = () => this.version;

	/** Settles when the build has ended, whichever way. */
	done(): Promise<void> {
		return this.whenDone;
	}

	get running(): boolean {
		return this.phase === 'sending' || this.phase === 'building';
	}

	/** Stops the build: the engine abandons it when the request closes; nothing gets tagged. */
	cancel(): void {
		if (!this.running) return;
		this.phase = 'cancelled';
		this.abort.abort();
		this.announce(true);
	}

	private async run(): Promise<void> {
		try {
			const context = (this.context = await scanContext(this.request.context.dir, this.request.context.dockerfilePath));
			this.previous = await this.docker.imageForTag(this.request.tag);
			const { stream } = packTar(context.plan, count => {
				this.sentBytes = count.bytes;
				this.announce();
			});
			await this.docker.buildImage(
				stream,
				{
					dockerfile: context.dockerfile,
					tag: this.request.tag,
					buildArgs: this.request.buildArgs,
					target: this.request.target,
					noCache: this.request.noCache,
					signal: this.abort.signal,
				},
				message => {
					if (this.phase === 'sending') this.phase = 'building';
					this.log.push(message);
					this.announce();
				},
			);
			this.log.finish();
			if (this.phase === 'cancelled') return;
			if (this.log.error || !this.log.imageId) {
				this.phase = 'failed';
				if (!this.log.error) this.failure = T.misc.streams.noImage;
				return;
			}
			const built = await this.docker.inspectImage(this.log.imageId).catch(() => undefined);
			this.imageId = built?.id ?? this.log.imageId;
			this.phase = 'done';
		} catch (error) {
			if (this.phase === 'cancelled') return;
			this.phase = 'failed';
			this.failure = engineMessage(error);
		} finally {
			this.endedAt = Date.now();
			this.announce(true);
		}
	}

	private announce(now = false) {
		if (now) {
			if (this.timer) clearTimeout(this.timer);
			this.timer = undefined;
			this.version++;
			for (const listener of this.listeners) listener();
			return;
		}
		this.timer ??= setTimeout(() => this.announce(true), NOTIFY_MS);
	}
}
