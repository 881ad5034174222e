import type { ContainerRunFacts, ContainerSummary } from '../docker/types.js';
import { formatAge } from './age.js';

export type Tone = 'good' | 'bad' | 'muted' | 'warn' | 'info';

/** How a container runs, said for a learner: the badge text, its tone and a sentence. */
export interface ModeBadge {
	readonly label: string;
	readonly tone: Tone;
	readonly explain: string;
}

/** The mode badge: detached, interactive TTY (-it), attached, or exited with its code. */
export function containerMode(c: ContainerSummary, facts: ContainerRunFacts | undefined): ModeBadge {
	switch (c.state) {
		case 'exited': {
			const code = c.exitCode ?? facts?.exitCode ?? 0;
			return { label: `exit ${code}`, tone: code === 0 ? 'muted' : 'bad', explain: `stopped; its main process exited with code ${code}` };
		}
		case 'created':
			return { label: 'created', tone: 'muted', explain: 'created but never started' };
		case 'paused':
			return { label: 'paused', tone: 'warn', explain: 'its processes are frozen (docker pause)' };
		case 'restarting':
			return { label: 'restart', tone: 'warn', explain: 'the engine is restarting it after an exit' };
		case 'removing':
			return { label: 'removing', tone: 'warn', explain: 'being removed' };
		case 'dead':
			return { label: 'dead', tone: 'bad', explain: 'the engine could not stop or remove it cleanly' };
		case 'running':
			break;
	}
	if (!facts) return { label: 'running', tone: 'good', explain: 'running' };
	if (facts.tty && facts.openStdin) return { label: '-it', tone: 'info', explain: 'running with an interactive terminal (-it): attach to type into it' };
	if (facts.attachStdout) return { label: 'attached', tone: 'good', explain: 'running attached: a docker run without -d is showing its output' };
	return { label: 'detached', tone: 'good', explain: 'running detached (-d) in the background' };
}

/** Status text that stays true as time passes: "Up 5m", "Up 2h (healthy)", "Exited 3d ago". */
export function containerStatus(c: ContainerSummary, facts: ContainerRunFacts | undefined, now: number): string {
	const health = /\((healthy|unhealthy|health: starting)\)/.exec(c.status)?.[0];
	if ((c.state === 'running' || c.state === 'paused') && facts?.startedAt) {
		return `Up ${formatAge(facts.startedAt, now)}${c.state === 'paused' ? ' (paused)' : ''}${health ? ` ${health}` : ''}`;
	}
	if (c.state === 'exited' && facts?.finishedAt) return `Exited ${formatAge(facts.finishedAt, now)} ago`;
	return c.status || c.state;
}
