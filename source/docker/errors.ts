import type { Endpoint } from './endpoint.js';
import { sshTryCommand } from './ssh-bridge.js';
import { T } from '../i18n/index.js';

/** The engine speaks an API older than dockdeck understands. */
export class EngineTooOldError extends Error {
	override readonly name = 'EngineTooOldError';
	constructor(
		readonly apiVersion: string,
		floor: string,
	) {
		super(T.misc.streams.tooOld(apiVersion, floor));
	}
}

/** A failure to reach the engine, said for a person: what happened and what to do. */
export interface ConnectProblem {
	readonly title: string;
	readonly fix: string;
}

interface ErrorLike {
	code?: unknown;
	statusCode?: unknown;
	json?: unknown;
	message?: unknown;
	reason?: unknown;
}

function fields(error: unknown): ErrorLike {
	return typeof error === 'object' && error !== null ? (error as ErrorLike) : { message: String(error) };
}

/** The engine's own message for a failed request (dockerode's reason text is often misleading). */
export function engineMessage(error: unknown): string {
	const e = fields(error);
	const json = e.json as { message?: unknown } | undefined;
	if (json && typeof json.message === 'string') return json.message.trim();
	if (typeof e.code === 'string' && typeof e.message === 'string') return e.message.replace(/^Error: /, '');
	return String(e.message ?? error).split('\n')[0] ?? T.errors.unknown;
}

/** The network error code of a failure, if it has one (ENOENT, ECONNREFUSED, ...). */
export function errorCode(error: unknown): string | undefined {
	const code = fields(error).code;
	return typeof code === 'string' ? code : undefined;
}

/** Explains why the engine at `endpoint` could not be reached, with the likely fix. */
export function describeConnectError(error: unknown, endpoint: Endpoint): ConnectProblem {
	const where = endpoint.address;
	const E = T.errors;
	if (error instanceof EngineTooOldError) return { title: E.tooOld(where, error.message), fix: E.tooOldFix };
	const code = errorCode(error);
	const socket = endpoint.kind === 'unix' ? endpoint.socketPath : '';
	switch (code) {
		case 'ENOENT':
			return { title: E.noSocket(where, socket), fix: E.noSocketFix };
		case 'EACCES':
		case 'EPERM':
			return { title: E.denied(socket || where), fix: E.deniedFix };
		case 'ECONNREFUSED':
			return { title: E.refused(where), fix: endpoint.kind === 'unix' ? E.refusedUnixFix : E.refusedTcpFix };
		case 'ESSH':
			return {
				title: E.cannotReach(where, engineMessage(error)),
				fix: E.sshFix(endpoint.kind === 'ssh' ? sshTryCommand(endpoint) : 'ssh HOST docker version'),
			};
		case 'ENOTFOUND':
		case 'EAI_AGAIN':
			return { title: E.unresolved(where), fix: E.unresolvedFix };
		case 'ETIMEDOUT':
		case 'ESOCKETTIMEDOUT':
			return { title: E.timeout(where), fix: E.timeoutFix };
		case 'ECONNRESET':
		case 'EPIPE':
		case 'EPROTO':
			return { title: E.cut(where, engineMessage(error)), fix: endpoint.kind === 'tcp' && !endpoint.tls ? E.cutTlsFix : E.cutFix };
		default:
			break;
	}
	// Node's certificate codes: UNABLE_TO_VERIFY_LEAF_SIGNATURE, SELF_SIGNED_CERT_IN_CHAIN,
	// ERR_TLS_CERT_ALTNAME_INVALID, CERT_HAS_EXPIRED, ERR_SSL_WRONG_VERSION_NUMBER…
	if (typeof code === 'string' && /CERT|SSL|TLS|VERIFY|SIGNATURE|ISSUER/.test(code)) {
		// Node's advice about its own flags (--use-system-ca) means nothing to a dockdeck user
		const reason = engineMessage(error).replace(/;? ?if the root CA is installed locally.*$/s, '');
		return { title: E.tls(where, reason), fix: E.tlsFix };
	}
	const status = fields(error).statusCode;
	if (status === 400 && /client version|API version/i.test(engineMessage(error))) {
		return { title: E.apiVersion(where, engineMessage(error)), fix: E.apiVersionFix };
	}
	if (typeof status === 'number' && status >= 400) {
		return { title: E.http(where, status, engineMessage(error)), fix: E.httpFix };
	}
	return { title: E.cannotReach(where, engineMessage(error)), fix: E.otherFix };
}
