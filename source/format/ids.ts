/** The 12-hex-digit short form of a container or image ID, without the "sha256:" prefix. */
export function shortId(id: string): string {
	return id.replace(/^sha256:/, '').slice(0, 12);
}

/** A layer digest shortened for a table cell: "sha256:3ef8b44b2a1c". */
export function shortDigest(digest: string): string {
	const [algo, hex] = digest.includes(':') ? digest.split(':', 2) : ['sha256', digest];
	return `${algo}:${(hex ?? '').slice(0, 12)}`;
}
