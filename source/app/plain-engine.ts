// An engine made of plain data and a terminal made of memory: the app in-process, with no Docker
// and no TTY. The single executable's snapshot draws the dashboard on them once when it is built
// (warm-up.tsx), and the in-process tests drive the app on them (test/support/app-rig.tsx).
import { EventEmitter } from 'node:events';
import type { EngineApi } from '../docker/api.js';
import type { Engine } from '../docker/client.js';
import type { StreamState } from '../docker/events.js';
import type { ContainerDetail, ContainerSummary, EngineEvent, ImageDetail, ImageRow } from '../model/types.js';

/** A terminal's output of a chosen size that keeps the frames written to it. */
export class MemoryStdout extends EventEmitter {
	frame = '';
	/** Every frame written, in order. */
	readonly frames: string[] = [];
	constructor(
		readonly columns: number,
		readonly rows: number,
		private readonly keep = true,
	) {
		super();
	}
	write = (frame: string) => {
		this.frame = frame;
		if (this.keep) this.frames.push(frame);
		return true;
	};
}

/** A terminal's input that the caller types into. */
export class MemoryStdin extends EventEmitter {
	isTTY = true;
	private data: string | null = null;
	write = (data: string) => {
		this.data = data;
		this.emit('readable');
		this.emit('data', data);
	};
	read = () => {
		const { data } = this;
		this.data = null;
		return data;
	};
	setEncoding() {}
	setRawMode() {}
	resume() {}
	pause() {}
	ref() {}
	unref() {}
}

/** What the plain engine holds; changing it is another shell changing a real engine. */
export interface PlainData {
	containers: ContainerSummary[];
	images: ImageRow[];
}

/** One clock for all the rows made, so that rows made one after another are as old as each other. */
let made: number | undefined;
const madeAt = () => (made ??= Date.now());

export const plainContainer = (name: string, over: Partial<ContainerSummary> = {}): ContainerSummary => ({
	id: `${name}-id`.padEnd(64, '0'),
	name,
	image: 'demo:1',
	imageId: 'sha256:demo',
	state: 'running',
	status: 'Up 5 minutes',
	ports: '',
	created: madeAt() - 3600_000,
	command: 'sh',
	...over,
});

export const plainImage = (repository: string, tag: string, id = `sha256:${repository}`): ImageRow => ({
	key: `${id}#${repository}:${tag}`,
	id,
	repository,
	tag,
	dangling: false,
	size: 1_000_000,
	created: madeAt() - 7200_000,
	digests: [],
});

const detailOf = (c: ContainerSummary): ContainerDetail => ({
	id: c.id,
	name: c.name,
	image: c.image,
	imageId: c.imageId,
	state: c.state,
	error: '',
	command: c.command,
	cmd: ['sh'],
	entrypoint: null,
	env: [],
	mounts: [],
	ports: [],
	created: c.created,
	workingDir: '/',
	user: '',
	restartPolicy: 'no',
	tty: false,
	openStdin: false,
	attachStdout: false,
	startedAt: c.created,
	exitCode: c.exitCode ?? 0,
	restartCount: 0,
});

const imageDetailOf = (i: ImageRow): ImageDetail => ({
	id: i.id,
	tags: [`${i.repository}:${i.tag}`],
	digests: [],
	cmd: ['sh'],
	entrypoint: null,
	env: [],
	workingDir: '',
	user: '',
	exposedPorts: [],
	labels: {},
	size: i.size,
	created: i.created,
	architecture: 'amd64',
	os: 'linux',
	layers: ['sha256:layer'],
});

/** An engine of plain data: reads answer from `data`, every call is recorded by name in `calls`. */
export function plainEngine(data: PlainData, calls: string[]): { engine: Engine; emit(event: EngineEvent): void } {
	let onEvent: (event: EngineEvent) => void = () => undefined;
	const reads: Partial<EngineApi> = {
		listContainers: async ids => data.containers.filter(c => !ids || ids.includes(c.id)),
		inspectContainer: async id => {
			const c = data.containers.find(x => x.id === id);
			if (!c) throw Object.assign(new Error(`No such container: ${id}`), { statusCode: 404 });
			return detailOf(c);
		},
		containerSize: async () => ({ sizeRw: 0, sizeRootFs: 0 }),
		containerChanges: async () => [],
		listImages: async () => data.images,
		inspectImage: async id => imageDetailOf(data.images.find(i => i.id === id) ?? plainImage('gone', 'x', id)),
		readImageRows: async id => ({ id, rows: data.images.filter(i => i.id === id), untagged: false, layers: ['sha256:layer'] }),
		danglingImageIds: async () => new Set<string>(),
		imageLayers: async () => ({ rows: [], mapping: 'history' }),
		readDiskUsage: async () => ({ images: new Map(), containers: new Map(), summary: [], at: Date.now() }),
		readImageUsage: async () => new Map(),
		prunePreview: async () => [],
		watchEvents: (listener: (event: EngineEvent) => void, onState: (state: StreamState) => void) => {
			onEvent = listener;
			setImmediate(() => onState({ status: 'live' }));
			return () => undefined;
		},
		followLogs: async () => ({ stop: () => undefined, ended: new Promise(() => undefined) }),
	};
	// anything else (the writes) is recorded and resolves with nothing
	const api = new Proxy(reads, {
		get: (target, name: string) => {
			const read = (target as Record<string, unknown>)[name];
			return (...args: unknown[]) => {
				calls.push(name);
				return typeof read === 'function' ? read(...args) : Promise.resolve(undefined);
			};
		},
	}) as EngineApi;
	const info = { address: 'unix:///plain/docker.sock', version: '28.0.0', apiVersion: '1.47', os: 'linux', arch: 'amd64' };
	return {
		engine: {
			endpoint: { kind: 'unix', address: info.address, socketPath: '/plain/docker.sock' },
			info,
			api,
			counter: { requests: 0 },
			close: () => undefined,
		},
		emit: event => onEvent(event),
	};
}
