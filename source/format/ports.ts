/** A published or exposed port as the engine lists it. */
export interface PortBinding {
	readonly IP?: string;
	readonly PrivatePort: number;
	readonly PublicPort?: number;
	readonly Type: string;
}

/**
 * Formats ports like `docker ps`, compacted: "8080->80/tcp, 443/tcp". The IPv4 and IPv6 wildcard
 * bindings of one mapping show once; a binding to a specific address keeps it.
 */
export function formatPorts(ports: readonly PortBinding[] | undefined): string {
	const seen = new Set<string>();
	const out: string[] = [];
	const sorted = [...(ports ?? [])].sort((a, b) => a.PrivatePort - b.PrivatePort || (a.PublicPort ?? 0) - (b.PublicPort ?? 0));
	for (const p of sorted) {
		const wildcard = !p.IP || p.IP === '0.0.0.0' || p.IP === '::';
		const text = p.PublicPort ? `${wildcard ? '' : `${p.IP}:`}${p.PublicPort}->${p.PrivatePort}/${p.Type}` : `${p.PrivatePort}/${p.Type}`;
		if (!seen.has(text)) {
			seen.add(text);
			out.push(text);
		}
	}
	return out.join(', ');
}
