import type { ContainerRunFacts, ContainerSummary } from '../docker/types.js';
import { formatAge } from './age.js';
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

/** Status text that stays true as time passes: "Up 5m", "Up 2h (healthy)", "Exited 3d ago". */
export function containerStatus(c: ContainerSummary, facts: ContainerRunFacts | undefined, now: number): string {
	const health = /\((healthy|unhealthy|health: starting)\)/.exec(c.status)?.[0];
	if ((c.state === 'running' || c.state === 'paused') && facts?.startedAt) {
		return T.status.up(formatAge(facts.startedAt, now), c.state === 'paused', health);
	}
	if (c.state === 'exited' && facts?.finishedAt) return T.status.exited(formatAge(facts.finishedAt, now));
	return c.status || c.state;
}
