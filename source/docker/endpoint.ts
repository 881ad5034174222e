import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { T } from '../i18n/index.js';

/** Where the engine is, parsed from `--host` or DOCKER_HOST. */
export type Endpoint =
	| { readonly kind: 'unix'; readonly address: string; readonly socketPath: string }
	| {
			readonly kind: 'tcp';
			readonly address: string;
			readonly host: string;
			readonly port: number;
			readonly tls?: { readonly ca: Buffer; readonly cert: Buffer; readonly key: Buffer };
	  }
	/** ssh://[user@]host[:port]: a user or port only when the address names one, so ~/.ssh/config decides the rest. */
	| { readonly kind: 'ssh'; readonly address: string; readonly host: string; readonly port?: number; readonly username?: string };

/** A problem with what the user asked for, said in one line; never a crash. */
export class UsageError extends Error {
	override readonly name = 'UsageError';
}

/** The platform default socket: Docker Desktop's per-user socket when present, else /var/run/docker.sock. */
export function defaultSocket(home = os.homedir()): string {
	const desktop = path.join(home, '.docker', 'run', 'docker.sock');
	return fs.existsSync(desktop) ? desktop : '/var/run/docker.sock';
}

/**
 * Resolves the engine address the way the docker CLI does for these sources:
 * the --host flag, then DOCKER_HOST (with DOCKER_TLS_VERIFY and DOCKER_CERT_PATH), then the local socket.
 */
export function resolveEndpoint(flagHost: string | undefined, env: NodeJS.ProcessEnv = process.env): Endpoint {
	const raw = (flagHost ?? env.DOCKER_HOST ?? '').trim();
	if (!raw) {
		const socketPath = defaultSocket();
		return { kind: 'unix', address: `unix://${socketPath}`, socketPath };
	}
	const source = flagHost === undefined ? 'DOCKER_HOST' : '--host';
	const text = raw.includes('://') ? raw : `tcp://${raw}`;
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		throw new UsageError(T.checks.endpoint.notAddress(source, raw, T.checks.endpoint.forms));
	}
	switch (url.protocol) {
		case 'unix:': {
			const socketPath = decodeURIComponent(url.pathname);
			if (!socketPath || socketPath === '/') throw new UsageError(T.checks.endpoint.noSocket(source, raw, T.checks.endpoint.forms));
			return { kind: 'unix', address: `unix://${socketPath}`, socketPath };
		}
		case 'tcp:':
		case 'http:':
		case 'https:': {
			if (!url.hostname) throw new UsageError(T.checks.endpoint.noHost(source, raw, T.checks.endpoint.forms));
			const verify = env.DOCKER_TLS_VERIFY !== undefined && env.DOCKER_TLS_VERIFY !== '' && env.DOCKER_TLS_VERIFY !== '0';
			const port = url.port ? Number(url.port) : verify ? 2376 : 2375;
			const tls = verify || url.protocol === 'https:' ? readTls(env.DOCKER_CERT_PATH) : undefined;
			return { kind: 'tcp', address: `tcp://${url.hostname}:${port}`, host: url.hostname, port, tls };
		}
		case 'ssh:': {
			if (!url.hostname) throw new UsageError(T.checks.endpoint.noHost(source, raw, T.checks.endpoint.forms));
			// as the docker CLI: no user or port of our own, so the ssh config's User, Port, HostName,
			// ProxyJump and IdentityFile for this host apply
			const username = decodeURIComponent(url.username) || undefined;
			const port = url.port ? Number(url.port) : undefined;
			return {
				kind: 'ssh',
				address: `ssh://${username ? `${username}@` : ''}${url.hostname}${port ? `:${port}` : ''}`,
				host: url.hostname,
				...(port ? { port } : {}),
				...(username ? { username } : {}),
			};
		}
		default:
			throw new UsageError(T.checks.endpoint.scheme(source, raw, url.protocol.replace(':', ''), T.checks.endpoint.forms));
	}
}

function readTls(certPath: string | undefined): { ca: Buffer; cert: Buffer; key: Buffer } {
	const dir = certPath || path.join(os.homedir(), '.docker');
	const read = (file: string) => {
		try {
			return fs.readFileSync(path.join(dir, file));
		} catch {
			throw new UsageError(T.checks.endpoint.tlsFile(path.join(dir, file)));
		}
	};
	return { ca: read('ca.pem'), cert: read('cert.pem'), key: read('key.pem') };
}

/** An engine as the user named it: the docker context (or "default") and where it is. */
export interface Target {
	readonly context: string;
	readonly endpoint: Endpoint;
}

const dockerConfigDir = (env: NodeJS.ProcessEnv) => env.DOCKER_CONFIG || path.join(os.homedir(), '.docker');

/** The context the docker CLI would use: --context, then --host or DOCKER_HOST (the default context), then DOCKER_CONTEXT, then currentContext in config.json. */
export function contextName(flags: { host?: string; context?: string }, env: NodeJS.ProcessEnv = process.env): string {
	if (flags.context) return flags.context;
	if (flags.host || env.DOCKER_HOST) return 'default';
	if (env.DOCKER_CONTEXT) return env.DOCKER_CONTEXT;
	try {
		const config = JSON.parse(fs.readFileSync(path.join(dockerConfigDir(env), 'config.json'), 'utf8')) as { currentContext?: unknown };
		if (typeof config.currentContext === 'string' && config.currentContext) return config.currentContext;
	} catch {
		// no config.json, or not JSON: the docker CLI then uses the default context too
	}
	return 'default';
}

/**
 * Resolves --host / --context / DOCKER_HOST / DOCKER_CONTEXT / currentContext as the docker CLI
 * does. A named context is read from the context store ($DOCKER_CONFIG/contexts/meta/<sha256 of
 * the name>/meta.json) with its TLS files from contexts/tls/<sha256>/docker/ when it has them.
 */
export function resolveTarget(flags: { host?: string; context?: string }, env: NodeJS.ProcessEnv = process.env): Target {
	if (flags.host && flags.context) throw new UsageError(T.checks.endpoint.both);
	const context = contextName(flags, env);
	if (context === 'default') return { context, endpoint: resolveEndpoint(flags.host, env) };
	const id = createHash('sha256').update(context).digest('hex');
	const store = path.join(dockerConfigDir(env), 'contexts');
	const from = flags.context
		? '--context'
		: env.DOCKER_CONTEXT
			? 'DOCKER_CONTEXT'
			: T.checks.endpoint.currentContext(path.join(dockerConfigDir(env), 'config.json'));
	let host: unknown;
	try {
		const meta = JSON.parse(fs.readFileSync(path.join(store, 'meta', id, 'meta.json'), 'utf8')) as {
			Endpoints?: { docker?: { Host?: unknown } };
		};
		host = meta.Endpoints?.docker?.Host;
	} catch (error) {
		const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
		throw new UsageError(
			missing ? T.checks.endpoint.noContext(context, from) : T.checks.endpoint.unreadable(context, (error as Error).message),
		);
	}
	if (typeof host !== 'string' || !host) throw new UsageError(T.checks.endpoint.noEndpoint(context));
	const tlsDir = path.join(store, 'tls', id, 'docker');
	const tls = fs.existsSync(path.join(tlsDir, 'ca.pem'));
	const endpoint = resolveEndpoint(host, { ...env, DOCKER_TLS_VERIFY: tls ? '1' : '', DOCKER_CERT_PATH: tls ? tlsDir : '' });
	return { context, endpoint };
}

/** The contexts in the store, and default, with the address each names: for the context switcher. */
export function listContexts(env: NodeJS.ProcessEnv = process.env): { name: string; host: string }[] {
	const meta = path.join(dockerConfigDir(env), 'contexts', 'meta');
	const found: { name: string; host: string }[] = [];
	for (const id of fs.existsSync(meta) ? fs.readdirSync(meta) : []) {
		try {
			const parsed = JSON.parse(fs.readFileSync(path.join(meta, id, 'meta.json'), 'utf8')) as {
				Name?: unknown;
				Endpoints?: { docker?: { Host?: unknown } };
			};
			if (typeof parsed.Name === 'string' && typeof parsed.Endpoints?.docker?.Host === 'string')
				found.push({ name: parsed.Name, host: parsed.Endpoints.docker.Host });
		} catch {
			// not a context: skipped, as docker context ls does
		}
	}
	found.sort((a, b) => a.name.localeCompare(b.name));
	return [{ name: 'default', host: env.DOCKER_HOST || `unix://${defaultSocket()}` }, ...found];
}
