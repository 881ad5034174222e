// API versions as numbers, apart from the client so that the store can compare them without
// loading dockerode (the executable's snapshot holds the store, and cannot hold Node's http).

/** Compares dotted API versions numerically: "1.9" < "1.41". */
export function compareApiVersions(a: string, b: string): number {
	const pa = a.split('.').map(Number);
	const pb = b.split('.').map(Number);
	for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
		const d = (pa[i] ?? 0) - (pb[i] ?? 0);
		if (d !== 0) return d;
	}
	return 0;
}
