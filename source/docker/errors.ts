import type { Endpoint } from './endpoint.js';
import { EngineTooOldError } from './client.js';

/** A failure to reach the engine, said for a person: what happened and what to do. */
export interface ConnectProblem {
	readonly title: string;
	readonly fix: string;
}

interface ErrorLike { code?: unknown; statusCode?: unknown; json?: unknown; message?: unknown; reason?: unknown }

function fields(error: unknown): ErrorLike {
	return typeof error === 'object' && error !== null ? (error as ErrorLike) : { message: String(error) };
}

/** The engine's own message for a failed request (dockerode's reason text is often misleading). */
export function engineMessage(error: unknown): string {
	const e = fields(error);
	const json = e.json as { message?: unknown } | undefined;
	if (json && typeof json.message === 'string') return json.message.trim();
	if (typeof e.code === 'string' && typeof e.message === 'string') return e.message.replace(/^Error: /, '');
	return String(e.message ?? error).split('\n')[0] ?? 'unknown error';
}

/** The network error code of a failure, if it has one (ENOENT, ECONNREFUSED, ...). */
export function errorCode(error: unknown): string | undefined {
	const code = fields(error).code;
	return typeof code === 'string' ? code : undefined;
}

/** Explains why the engine at `endpoint` could not be reached, with the likely fix. */
export function describeConnectError(error: unknown, endpoint: Endpoint): ConnectProblem {
	const where = endpoint.address;
	if (error instanceof EngineTooOldError) {
		return { title: `The engine at ${where} is too old: ${error.message}.`, fix: 'Upgrade Docker on that host, or point --host at a newer engine.' };
	}
	const code = errorCode(error);
	const socket = endpoint.kind === 'unix' ? endpoint.socketPath : '';
	switch (code) {
		case 'ENOENT':
			return {
				title: `No Docker engine at ${where}: the socket ${socket} does not exist.`,
				fix: 'Start the daemon (sudo systemctl start docker), or point DOCKER_HOST / --host at a running engine.',
			};
		case 'EACCES':
		case 'EPERM':
			return {
				title: `Permission denied on ${socket || where}.`,
				fix: 'Add your user to the docker group (sudo usermod -aG docker $USER, then log in again), or run dockdeck with sudo.',
			};
		case 'ECONNREFUSED':
			return {
				title: `Nothing is listening at ${where} (connection refused).`,
				fix: endpoint.kind === 'unix'
					? 'The socket exists but no daemon answers: restart the daemon (sudo systemctl restart docker).'
					: 'Check the host and port in DOCKER_HOST / --host, and that the daemon listens on TCP (-H tcp://...).',
			};
		case 'ESSH':
			return { title: `Cannot reach the engine at ${where}: ${engineMessage(error)}.`, fix: `Check that "ssh ${endpoint.kind === 'ssh' ? `-p ${endpoint.port} ${endpoint.username}@${endpoint.host}` : 'host'} docker version" works without a prompt: your key in the ssh agent, the host in known_hosts, docker on the remote PATH (DOCKDECK_SSH_ARGS adds ssh options).` };
		case 'ENOTFOUND':
		case 'EAI_AGAIN':
			return { title: `The host in ${where} cannot be resolved.`, fix: 'Check the host name in DOCKER_HOST / --host.' };
		case 'ETIMEDOUT':
		case 'ESOCKETTIMEDOUT':
			return { title: `The engine at ${where} did not answer in time.`, fix: 'Check the network path to the host, and that the daemon is not hung (sudo systemctl status docker).' };
		case 'ECONNRESET':
		case 'EPIPE':
		case 'EPROTO':
			return {
				title: `The connection to ${where} was cut: ${engineMessage(error)}.`,
				fix: endpoint.kind === 'tcp' && !endpoint.tls
					? 'The engine may expect TLS: set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH.'
					: 'Check that the address points at a Docker engine and that TLS settings match (DOCKER_TLS_VERIFY, DOCKER_CERT_PATH).',
			};
		default:
			break;
	}
	// Node's certificate codes: UNABLE_TO_VERIFY_LEAF_SIGNATURE, SELF_SIGNED_CERT_IN_CHAIN,
	// ERR_TLS_CERT_ALTNAME_INVALID, CERT_HAS_EXPIRED, ERR_SSL_WRONG_VERSION_NUMBER…
	if (typeof code === 'string' && /CERT|SSL|TLS|VERIFY|SIGNATURE|ISSUER/.test(code)) {
		// Node's advice about its own flags (--use-system-ca) means nothing to a dockdeck user
		const reason = engineMessage(error).replace(/;? ?if the root CA is installed locally.*$/s, '');
		return { title: `TLS with ${where} failed: ${reason}.`, fix: 'Check DOCKER_CERT_PATH holds the ca.pem, cert.pem and key.pem for this engine, and that the engine\'s certificate is for this host.' };
	}
	const status = fields(error).statusCode;
	if (status === 400 && /client version|API version/i.test(engineMessage(error))) {
		return { title: `The engine at ${where} refused the API version: ${engineMessage(error)}.`, fix: 'Upgrade Docker on that host.' };
	}
	if (typeof status === 'number' && status >= 400) {
		return { title: `The engine at ${where} answered HTTP ${status}: ${engineMessage(error)}.`, fix: 'Check that the address points at a Docker engine API.' };
	}
	return { title: `Cannot reach the engine at ${where}: ${engineMessage(error)}.`, fix: 'Check DOCKER_HOST / --host, and that the daemon is running.' };
}
