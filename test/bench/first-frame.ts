// What the benchmark calls the first full frame, and the docker CLI's time to list the same engine.
import { execFile } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Wall time of `docker ps -a` followed by `docker images`, as a user would type them. */
export async function cliListMs(host: string): Promise<number> {
	const env = { ...process.env, DOCKER_CONFIG: path.join(os.tmpdir(), 'dockdeck-test-cli') };
	const start = performance.now();
	await run('docker', ['-H', host, 'ps', '-a'], { env, maxBuffer: 64 << 20 });
	await run('docker', ['-H', host, 'images'], { env, maxBuffer: 64 << 20 });
	return performance.now() - start;
}

/**
 * The first frame is full: the counts, every visible row's mode and status, the images' sizes, the
 * selected image's layers. With `unique: false`, the images' UNIQUE and SHARED columns may still
 * say "…": on an engine older than API 1.42 they need a `system df` that sizes every container,
 * and dockdeck draws without waiting for it (what `docker images` shows is all there).
 */
export function firstFrameFilled(screen: string, containers: number, { unique = true } = {}): boolean {
	if (!screen.includes(`─ ${containers} · `)) return false;
	if (screen.includes('Loading…') || screen.includes('reading disk usage')) return false;
	const lines = screen.split('\n');
	const panel = (title: RegExp) => {
		const start = lines.findIndex(l => title.test(l));
		if (start < 0) return [];
		const end = lines.findIndex((l, i) => i > start && l.includes('╰'));
		return lines.slice(start + 2, end < 0 ? undefined : end);
	};
	const containerRows = panel(/─ 1 Containers /).filter(l => /^│\S/.test(l));
	const imageRows = panel(/─ 2 Images /).filter(l => /^│\S/.test(l));
	if (containerRows.length === 0 || imageRows.length === 0) return false;
	// before its inspect a running container's mode reads "running" and its status is the engine's own text
	if (containerRows.some(l => / running /.test(l) || /Up (About|Less|\d+ (second|minute|hour))/.test(l))) return false;
	// a size not read yet shows as "…"; a long tag cut to its column ends in "…" too, so look past the name
	// (the layers panel shares these lines: only the images panel's part counts)
	if (unique && imageRows.some(l => l.slice(1, l.indexOf('│', 1)).replace(/^\S+/, '').includes('…'))) return false;
	return /─ 3 Layers of .* \d+ layers? · \d+ steps?\b/.test(screen);
}
