// The app in-process: App rendered by Ink into a fake terminal of a chosen size, keys written to its
// stdin, and an engine made of plain data that records every call. Key behaviour is tested here
// in milliseconds; the pty e2e specs keep the whole flows against the real engine.
import { EventEmitter } from 'node:events';
import { render, type Instance } from 'ink';
import { App, type AppProps } from '../../source/app/app.js';
import type { EngineApi } from '../../source/docker/api.js';
import type { Engine } from '../../source/docker/client.js';
import type { StreamState } from '../../source/docker/events.js';
import { resolveDetachKeys } from '../../source/format/detach-keys.js';
import type { ContainerDetail, ContainerSummary, EngineEvent, ImageDetail, ImageRow } from '../../source/model/types.js';
import { Store } from '../../source/store/store.js';

class Stdout extends EventEmitter {
	frame = '';
	/** Every frame written, in order. */
	readonly frames: string[] = [];
	constructor(
		readonly columns: number,
		readonly rows: number,
	) {
		super();
	}
	write = (frame: string) => {
		this.frame = frame;
		this.frames.push(frame);
		return true;
	};
}

class Stdin extends EventEmitter {
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

/** What the fake engine holds, changed by tests as another shell would change a real engine. */
export interface RigData {
	containers: ContainerSummary[];
	images: ImageRow[];
}

const NOW = Date.now();

export const rigContainer = (name: string, over: Partial<ContainerSummary> = {}): ContainerSummary => ({
	id: `${name}-id`.padEnd(64, '0'),
	name,
	image: 'demo:1',
	imageId: 'sha256:demo',
	state: 'running',
	status: 'Up 5 minutes',
	ports: '',
	created: NOW - 3600_000,
	command: 'sh',
	...over,
});

export const rigImage = (repository: string, tag: string, id = `sha256:${repository}`): ImageRow => ({
	key: `${id}#${repository}:${tag}`,
	id,
	repository,
	tag,
	dangling: false,
	size: 1_000_000,
	created: NOW - 7200_000,
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

/** An engine of plain data: reads answer from `data`, every call is recorded by name. */
export function rigEngine(data: RigData, calls: string[]): { engine: Engine; emit(event: EngineEvent): void } {
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
		inspectImage: async id => imageDetailOf(data.images.find(i => i.id === id) ?? rigImage('gone', 'x', id)),
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
	const info = { address: 'unix:///rig/docker.sock', version: '28.0.0', apiVersion: '1.47', os: 'linux', arch: 'amd64' };
	return {
		engine: {
			endpoint: { kind: 'unix', address: info.address, socketPath: '/rig/docker.sock' },
			info,
			api,
			counter: { requests: 0 },
			close: () => undefined,
		},
		emit: event => onEvent(event),
	};
}

/** Engine calls that change something; under --read-only none may happen. */
export const WRITES = [
	'changeState',
	'removeContainer',
	'removeImage',
	'tagImage',
	'commitContainer',
	'createContainer',
	'startContainer',
	'execInContainer',
	'attachContainer',
	'writeArchive',
	'buildImage',
	'removeItems',
];

export interface Rig {
	readonly data: RigData;
	/** Engine calls so far, by name. */
	readonly calls: string[];
	frame(): string;
	/** Every frame drawn so far, the first one first. */
	frames(): readonly string[];
	/** Writes keys, one write per argument (a string of several keys is one read, as a paste). */
	press(...keys: string[]): Promise<void>;
	waitFor(check: string | ((frame: string) => boolean), timeoutMs?: number): Promise<string>;
	/** Tells the store something changed, as the engine's /events stream would. */
	emit(type: string, action: string, id: string): void;
	unmount(): void;
}

const tick = () => new Promise(r => setTimeout(r, 5));

/** Renders the app on a fake engine holding `data`, in a terminal of `columns` x `rows`. */
export async function appRig(
	data: RigData,
	options: Partial<Pick<AppProps, 'readOnly' | 'learn'>> & { columns?: number; rows?: number; firstFrame?: boolean } = {},
): Promise<Rig> {
	const calls: string[] = [];
	const { engine, emit } = rigEngine(data, calls);
	const store = new Store(engine);
	store.start();
	// as the command line starts: what the first frame shows is read before it is drawn
	if (options.firstFrame) await store.firstFrame(options.rows ?? 40, 2000);
	const stdout = new Stdout(options.columns ?? 120, options.rows ?? 40);
	const stdin = new Stdin();
	const detachKeys = resolveDetachKeys('ctrl-p,ctrl-q').keys;
	const instance: Instance = render(
		<App
			store={store}
			engine={engine}
			readOnly={options.readOnly ?? false}
			learn={options.learn}
			detachKeys={detachKeys}
			logBuffer={1000}
		/>,
		{
			stdout: stdout as unknown as NodeJS.WriteStream,
			stdin: stdin as unknown as NodeJS.ReadStream,
			stderr: new Stdout(120, 40) as unknown as NodeJS.WriteStream,
			debug: true,
			exitOnCtrlC: false,
			patchConsole: false,
		},
	);
	const rig: Rig = {
		data,
		calls,
		frame: () => stdout.frame,
		frames: () => stdout.frames,
		async press(...keys) {
			for (const key of keys) {
				stdin.write(key);
				await tick();
			}
		},
		async waitFor(check, timeoutMs = 2000) {
			const test = typeof check === 'string' ? (f: string) => f.includes(check) : check;
			const deadline = Date.now() + timeoutMs;
			while (Date.now() < deadline) {
				if (test(stdout.frame)) return stdout.frame;
				await tick();
			}
			throw new Error(`the app never showed ${String(check)}; it shows:\n${stdout.frame}`);
		},
		emit: (type, action, id) => emit({ type, action, id, attributes: {} }),
		unmount() {
			instance.unmount();
			store.stop();
		},
	};
	await rig.waitFor(f => f.includes('1 Containers') && !f.includes('Loading'));
	return rig;
}
