import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';

/** One engine event as the test saw it, with when it arrived (performance.now()). */
export interface SeenEvent {
	readonly at: number;
	readonly type: string;
	readonly action: string;
	readonly id: string;
	readonly name: string;
}

/** Events that change what dockdeck shows; anything else (exec_*, attach, top, save...) must cost it nothing. */
export function changesWhatIsShown(e: SeenEvent): boolean {
	const action = e.action.split(':')[0]!.trim();
	if (e.type === 'container')
		return [
			'create',
			'start',
			'die',
			'destroy',
			'pause',
			'unpause',
			'rename',
			'update',
			'health_status',
			'commit',
			'extract-to-dir',
		].includes(action);
	if (e.type === 'image') return ['tag', 'untag', 'delete', 'pull', 'push', 'import', 'load'].includes(action);
	return false;
}

/** Follows the engine's events with the docker CLI, as a second observer beside dockdeck. */
export function watchEngineEvents(host: string): { readonly events: readonly SeenEvent[]; stop(): void } {
	const events: SeenEvent[] = [];
	const child = spawn('docker', ['-H', host, 'events', '--format', '{{json .}}'], {
		env: { ...process.env, DOCKER_CONFIG: path.join(os.tmpdir(), 'dockdeck-test-cli') },
		stdio: ['ignore', 'pipe', 'ignore'],
	});
	let pending = '';
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
		const lines = (pending + chunk).split('\n');
		pending = lines.pop()!;
		for (const line of lines) {
			try {
				const raw = JSON.parse(line) as { Type?: string; Action?: string; Actor?: { ID?: string; Attributes?: Record<string, string> } };
				events.push({
					at: performance.now(),
					type: raw.Type ?? '',
					action: raw.Action ?? '',
					id: raw.Actor?.ID ?? '',
					name: raw.Actor?.Attributes?.['name'] ?? '',
				});
			} catch {
				// not an event line
			}
		}
	});
	return { events, stop: () => child.kill() };
}
