// The app in-process: App rendered by Ink into a fake terminal of a chosen size, keys written to its
// stdin, and an engine made of plain data that records every call. Key behaviour is tested here
// in milliseconds; the pty e2e specs keep the whole flows against the real engine.
import { render, type Instance } from 'ink';
import { App, type AppProps } from '../../source/app/app.js';
import { MemoryStdin, MemoryStdout, plainContainer, plainEngine, plainImage, type PlainData } from '../../source/app/plain-engine.js';
import { containerRowsShown } from '../../source/components/layout.js';
import { resolveDetachKeys } from '../../source/format/detach-keys.js';
import { Store } from '../../source/store/store.js';

/** What the fake engine holds, changed by tests as another shell would change a real engine. */
export type RigData = PlainData;
export const rigContainer = plainContainer;
export const rigImage = plainImage;
export const rigEngine = plainEngine;

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
	options: Partial<Pick<AppProps, 'readOnly' | 'learn'>> & {
		columns?: number;
		rows?: number;
		firstFrame?: boolean;
		/** Changes the plain engine: another API version, a read that answers late. */
		engine?: (engine: AppProps['engine']) => AppProps['engine'];
	} = {},
): Promise<Rig> {
	const calls: string[] = [];
	const plain = rigEngine(data, calls);
	const { emit } = plain;
	const engine = options.engine ? options.engine(plain.engine) : plain.engine;
	const store = new Store(engine);
	store.start();
	// as the command line starts: what the first frame shows is read before it is drawn
	if (options.firstFrame)
		await store.firstFrame(containerRowsShown(options.columns ?? 120, options.rows ?? 40, Boolean(options.learn)), 2000);
	const stdout = new MemoryStdout(options.columns ?? 120, options.rows ?? 40);
	const stdin = new MemoryStdin();
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
			stderr: new MemoryStdout(120, 40) as unknown as NodeJS.WriteStream,
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
