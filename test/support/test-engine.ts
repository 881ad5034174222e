import type { TestContext } from 'node:test';
import { dockerCli } from './engine.js';

/** The engine the test runner started, or a skip (a loud failure under CI=true). */
export interface EngineHandle {
	readonly host: string;
	/** The same engine over TCP with TLS, and the client certificates for it (DOCKER_CERT_PATH). */
	readonly tlsHost: string;
	readonly tlsCerts: string;
	readonly dir: string;
	docker(...args: string[]): Promise<string>;
}

/** Returns the test engine; without one, skips the test, except under CI where it fails. */
export function requireEngine(t: TestContext): EngineHandle | undefined {
	const host = process.env.DOCKDECK_TEST_HOST;
	if (!host) {
		if (process.env.CI) throw new Error('CI=true but no test engine is running: the runner (test/run.mjs) could not start dockerd');
		t.skip('no test engine (run the suite with npm test)');
		return undefined;
	}
	return {
		host,
		dir: process.env.DOCKDECK_TEST_DIR ?? '',
		tlsHost: process.env.DOCKDECK_TEST_TLS_HOST ?? '',
		tlsCerts: process.env.DOCKDECK_TEST_TLS_CERTS ?? '',
		docker: (...args: string[]) => dockerCli(host, args),
	};
}

/** Polls until `check` returns a value (not undefined/false), or fails after `timeoutMs` with `what`. */
export async function eventually<T>(
	what: string,
	check: () => T | undefined | false | Promise<T | undefined | false>,
	timeoutMs = 5000,
	everyMs = 25,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let last: unknown;
	for (;;) {
		try {
			const value = await check();
			if (value !== undefined && value !== false) return value;
		} catch (error) {
			last = error;
		}
		if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${String(last)}` : ''}`);
		await new Promise(r => setTimeout(r, everyMs));
	}
}

/** A unique name for objects a test creates, so tests never collide. */
export function uniqueName(prefix: string): string {
	return `${prefix}-${process.pid}-${Math.random().toString(36).slice(2, 7)}`;
}

/** A live store on the test engine, started and fully listed: what the dashboard would have. */
export async function startStore(
	host: string,
): Promise<{ engine: import('../../source/docker/client.js').Engine; store: import('../../source/store/store.js').Store }> {
	const [{ connectEngine }, { resolveEndpoint }, { Store }] = await Promise.all([
		import('../../source/docker/client.js'),
		import('../../source/docker/endpoint.js'),
		import('../../source/store/store.js'),
	]);
	const engine = await connectEngine(resolveEndpoint(host, {}));
	const store = new Store(engine);
	store.start();
	await eventually('the first full list', () => store.getSnapshot().loaded);
	return { engine, store };
}

/** A raw Engine API answer, read over the test engine's socket: what the engine itself says, not dockdeck. */
export async function engineJson<T>(host: string, apiPath: string): Promise<T> {
	const http = await import('node:http');
	return await new Promise<T>((resolve, reject) => {
		const req = http.request({ socketPath: host.replace('unix://', ''), path: apiPath, method: 'GET' }, res => {
			let body = '';
			res
				.setEncoding('utf8')
				.on('data', chunk => (body += chunk))
				.on('end', () => {
					try {
						resolve(JSON.parse(body) as T);
					} catch (error) {
						reject(error);
					}
				});
		});
		req.on('error', reject).end();
	});
}
