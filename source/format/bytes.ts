const UNITS = ['B', 'kB', 'MB', 'GB', 'TB'];

/** Formats a byte count the way the docker CLI does (decimal units, 3 significant digits): 1982256 -> "1.98MB". */
export function formatBytes(bytes: number | undefined | null): string {
	if (bytes === undefined || bytes === null || !Number.isFinite(bytes) || bytes < 0) return '-';
	let value = bytes;
	let unit = 0;
	while (value >= 1000 && unit < UNITS.length - 1) {
		value /= 1000;
		unit++;
	}
	if (unit === 0) return `${value}B`;
	const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
	return `${Number(value.toFixed(digits))}${UNITS[unit]}`;
}
