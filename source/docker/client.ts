import Docker from 'dockerode';
import http from 'node:http';
import type { Endpoint } from './endpoint.js';
import { engineApi as bindEngineApi, type EngineApi } from './api.js';
import { EngineTooOldError } from './errors.js';
import { sshBridge } from './ssh-bridge.js';

export { EngineTooOldError } from './errors.js';
import { compareApiVersions } from './api-version.js';
export { compareApiVersions };
import type { EngineInfo } from '../model/types.js';
import { T } from '../i18n/index.js';

/** The newest API version dockdeck was written against; newer engines are spoken to in this version. */
export const API_CEILING = '1.47';
/** The oldest API version whose responses dockdeck understands. */
export const API_FLOOR = '1.24';

// docker-modem merges these variables into every client it builds, over explicit options (and a bad
// DOCKER_CERT_PATH throws from the constructor), so they are hidden while a client is built.
const DOCKER_ENV = ['DOCKER_HOST', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH', 'DOCKER_CLIENT_TIMEOUT', 'DOCKER_PATH_PREFIX'];

function withoutDockerEnv<T>(fn: () => T): T {
	const saved = DOCKER_ENV.map(k => [k, process.env[k]] as const);
	for (const k of DOCKER_ENV) delete process.env[k];
	try {
		return fn();
	} finally {
		for (const [k, v] of saved) if (v !== undefined) process.env[k] = v;
	}
}

/** Counts every request dockdeck sends, so tests and the benchmark can prove idle costs nothing. */
export interface RequestCounter {
	requests: number;
}

/** Builds a dockerode client for an endpoint, immune to DOCKER_* variables. No timeout means none. */
export function clientFor(
	endpoint: Endpoint,
	options: { version?: string; timeout?: number; counter?: RequestCounter; agent?: http.Agent } = {},
): Docker {
	const base = { version: options.version, timeout: options.timeout, ...(options.agent ? { agent: options.agent } : {}) };
	const docker = withoutDockerEnv(() => {
		switch (endpoint.kind) {
			case 'unix':
				return new Docker({ ...base, socketPath: endpoint.socketPath });
			case 'tcp':
				return new Docker({
					...base,
					host: endpoint.host,
					port: endpoint.port,
					protocol: endpoint.tls ? 'https' : 'http',
					...endpoint.tls,
				});
			case 'ssh':
				// docker-modem's own ssh opens a new handshake per request (~200 ms): connectEngine goes
				// through an ssh bridge and hands this function its local socket instead
				throw new Error('ssh:// is reached through connectEngine');
		}
	});
	const counter = options.counter;
	if (counter) {
		const modem = docker.modem as { dial: (...args: unknown[]) => unknown };
		const dial = modem.dial.bind(modem);
		modem.dial = (...args: unknown[]) => {
			counter.requests++;
			return dial(...args);
		};
	}
	return docker;
}

/** The version both sides speak: the lower of the engine's and ours, as the docker CLI negotiates. */
export function negotiateApiVersion(engineApi: string): string {
	return compareApiVersions(engineApi, API_CEILING) < 0 ? engineApi : API_CEILING;
}

/**
 * A connected engine: what dockdeck may ask of it (requests time out, long-lived streams such as
 * events and logs do not), where it is and what it is.
 */
export interface Engine {
	readonly endpoint: Endpoint;
	readonly info: EngineInfo;
	readonly api: EngineApi;
	readonly counter: RequestCounter;
	/** Ends what the connection holds open (the ssh master connection for ssh://). */
	close(): void;
}

/** Connects: asks the engine its version unversioned, then pins the negotiated version on both clients. */
export async function connectEngine(endpoint: Endpoint, options: { timeout?: number; counter?: RequestCounter } = {}): Promise<Engine> {
	const timeout = options.timeout ?? 10_000;
	const counter = options.counter ?? { requests: 0 };
	// ssh://: a local socket whose connections are channels of one ssh connection (see ssh-bridge.ts)
	const bridge = endpoint.kind === 'ssh' ? await sshBridge(endpoint) : undefined;
	const reach: Endpoint = bridge ? { kind: 'unix', address: endpoint.address, socketPath: bridge.socketPath } : endpoint;
	// Over ssh every open connection is a channel of the one SSH connection, and sshd allows 10 per
	// connection (MaxSessions) before ssh falls back to a login of its own: requests share at most 4
	// kept-alive connections; streams (events, logs, attach) get their own and close them when done.
	const agents = bridge
		? { api: new http.Agent({ keepAlive: true, maxSockets: 4 }), streams: new http.Agent({ keepAlive: false }) }
		: undefined;
	const probe = clientFor(reach, { timeout, counter, agent: agents?.api });
	let version: Awaited<ReturnType<Docker['version']>>;
	try {
		version = await probe.version();
	} catch (error) {
		bridge?.close();
		if (bridge && bridge.lastError()) throw Object.assign(new Error(T.misc.streams.sshSaid(bridge.lastError())), { code: 'ESSH' });
		throw error;
	}
	const engineApi = String(version.ApiVersion ?? '');
	if (!engineApi || compareApiVersions(engineApi, API_FLOOR) < 0) {
		bridge?.close();
		throw new EngineTooOldError(engineApi || 'unknown', API_FLOOR);
	}
	const apiVersion = negotiateApiVersion(engineApi);
	const pinned = `v${apiVersion}`;
	return {
		endpoint,
		counter,
		info: {
			address: endpoint.address,
			version: String(version.Version ?? '?'),
			apiVersion,
			os: String(version.Os ?? ''),
			arch: String(version.Arch ?? ''),
		},
		api: bindEngineApi(
			clientFor(reach, { version: pinned, timeout, counter, agent: agents?.api }),
			clientFor(reach, { version: pinned, counter, agent: agents?.streams }),
		),
		close: () => {
			agents?.api.destroy();
			agents?.streams.destroy();
			bridge?.close();
		},
	};
}
