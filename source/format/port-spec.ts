import { T } from '../i18n/index.js';
/** One `-p` mapping as `docker run` takes it: [ip:][hostPort:]containerPort[/protocol]. */
export interface PortSpec {
	readonly ip: string;
	/** Empty: the engine picks a free port. May be a range "8000-8010". */
	readonly hostPort: string;
	readonly containerPort: string;
	readonly protocol: 'tcp' | 'udp' | 'sctp';
}

const RANGE = /^(\d+)(?:-(\d+))?$/;

function range(text: string, what: string): [number, number] {
	const m = RANGE.exec(text);
	if (!m) throw new Error(T.checks.port.notNumber(what, text));
	const from = Number(m[1]);
	const to = m[2] === undefined ? from : Number(m[2]);
	if (from < 1 || to > 65535 || from > to) throw new Error(T.checks.port.range(what, text));
	return [from, to];
}

/** Parses one mapping, throwing a one-line reason: "8080:80", "127.0.0.1:8080:80/udp", "[::1]::80", "80". */
export function parsePortSpec(text: string): PortSpec {
	let rest = text.trim();
	let protocol: PortSpec['protocol'] = 'tcp';
	const slash = rest.lastIndexOf('/');
	if (slash >= 0) {
		const proto = rest.slice(slash + 1).toLowerCase();
		if (proto !== 'tcp' && proto !== 'udp' && proto !== 'sctp') throw new Error(T.checks.port.protocol(text));
		protocol = proto;
		rest = rest.slice(0, slash);
	}
	let ip = '';
	if (rest.startsWith('[')) {
		const end = rest.indexOf(']:');
		if (end < 0) throw new Error(T.checks.port.ipv6(text));
		ip = rest.slice(1, end);
		rest = rest.slice(end + 2);
	}
	const parts = rest.split(':');
	if (parts.length > 3 || (ip && parts.length > 2)) throw new Error(T.checks.port.mapping(text));
	if (parts.length === 3) ip = parts.shift()!;
	if (ip && !/^[\d.]+$|^[0-9a-fA-F:]+$/.test(ip)) throw new Error(T.checks.port.ip(ip));
	const containerPort = parts.pop()!;
	const hostPort = parts.pop() ?? '';
	if (!containerPort) throw new Error(T.checks.port.noContainer(text));
	const [cFrom, cTo] = range(containerPort, T.checks.port.containerPort);
	if (hostPort) {
		const [hFrom, hTo] = range(hostPort, T.checks.port.hostPort);
		if (cTo > cFrom && hTo - hFrom !== cTo - cFrom) throw new Error(T.checks.port.lengths(text));
	}
	return { ip, hostPort, containerPort, protocol };
}

/** The container ports a spec covers, e.g. "80/tcp"; and the host port for each ("" when the engine picks). */
export function expandPortSpec(spec: PortSpec): { container: string; host: string }[] {
	const [cFrom, cTo] = range(spec.containerPort, 'container port');
	const [hFrom] = spec.hostPort ? range(spec.hostPort, 'host port') : [0];
	const hostRange = spec.hostPort.includes('-') && cFrom === cTo;
	return Array.from({ length: cTo - cFrom + 1 }, (_, i) => ({
		container: `${cFrom + i}/${spec.protocol}`,
		host: !spec.hostPort ? '' : hostRange ? spec.hostPort : String(hFrom + i),
	}));
}
