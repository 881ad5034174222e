import type { ContainerRunFacts, ContainerSummary } from '../model/types.js';
import { formatAge } from './age.js';
import { displayWidth } from './text.js';
import { T } from '../i18n/index.js';

export type Tone = 'good' | 'bad' | 'muted' | 'warn' | 'info';

/** How a container runs, said for a learner: the badge text, its tone and a sentence. */
export interface ModeBadge {
	readonly label: string;
	readonly tone: Tone;
	readonly explain: string;
}

const badge = ([label, explain]: readonly [string, string], tone: Tone): ModeBadge => ({ label, tone, explain });

/** The mode badge: detached, interactive TTY (-it), attached, or exited with its code. */
export function containerMode(c: ContainerSummary, facts: ContainerRunFacts | undefined): ModeBadge {
	switch (c.state) {
		case 'exited': {
			const code = c.exitCode ?? facts?.exitCode ?? 0;
			return badge(T.mode.exited(code), code === 0 ? 'muted' : 'bad');
		}
		case 'created':
			return badge(T.mode.created, 'muted');
		case 'paused':
			return badge(T.mode.paused, 'warn');
		case 'restarting':
			return badge(T.mode.restarting, 'warn');
		case 'removing':
			return badge(T.mode.removing, 'warn');
		case 'dead':
			return badge(T.mode.dead, 'bad');
		case 'running':
			break;
	}
	if (!facts) return badge(T.mode.running, 'good');
	if (facts.tty && facts.openStdin) return badge(T.mode.interactive, 'info');
	if (facts.attachStdout) return badge(T.mode.attached, 'good');
	return badge(T.mode.detached, 'good');
}

/**
 * Status text that stays true as time passes ("Up 5m", "Up 2h (healthy)", "Exited 3d ago"), with
 * what an ops engineer looks for first made to stand out: a failing healthcheck in red, one still
 * starting and a restart loop (↻ and the count of restarts) in yellow.
 */
export function containerStatus(
	c: ContainerSummary,
	facts: ContainerRunFacts | undefined,
	now: number,
): { readonly text: string; readonly tone?: Tone } {
	const health = c.health && c.state === 'running' ? c.health : undefined;
	const restarts = facts?.restartCount ? ` ${T.status.restarts(facts.restartCount)}` : '';
	const tone: Tone | undefined =
		health === 'unhealthy' ? 'bad' : health === 'starting' || restarts || c.state === 'restarting' ? 'warn' : undefined;
	const text = (() => {
		if (c.state === 'restarting') return `${T.status.restarting}${restarts}`;
		if ((c.state === 'running' || c.state === 'paused') && facts?.startedAt)
			return T.status.up(formatAge(facts.startedAt, now), c.state === 'paused', health && T.status.health[health]) + restarts;
		if (c.state === 'exited' && facts?.finishedAt) return T.status.exited(formatAge(facts.finishedAt, now)) + restarts;
		return c.status || c.state;
	})();
	return tone ? { text, tone } : { text };
}

/** The widest status of these containers (age at its widest), so the column can make room for health and restarts. */
export function widestStatus(containers: readonly ContainerSummary[], facts: ReadonlyMap<string, ContainerRunFacts>): number {
	let widest = 0;
	for (const c of containers) {
		const f = facts.get(c.id);
		if (!c.health && !f?.restartCount && c.state !== 'restarting') continue;
		// 23h is as wide as an age gets
		const sample = f ? { ...f, startedAt: Date.now() - 23 * 3600_000, finishedAt: Date.now() - 23 * 3600_000 } : undefined;
		widest = Math.max(widest, displayWidth(containerStatus(c, sample, Date.now()).text));
	}
	return widest;
}
