import type { ContainerUsage, ImageUsage } from '../docker/usage.js';
import type { ContainerDetail, ContainerRunFacts, ContainerSummary, ImageDetail } from '../docker/types.js';
import { formatDateTime } from '../format/age.js';
import { formatBytes } from '../format/bytes.js';
import { containerMode } from '../format/container-mode.js';
import { shortId } from '../format/ids.js';
import { ORIGIN_NOTE, runOverrides } from '../format/run-overrides.js';
import { hasSecrets, maskEnvEntry, maskUrlPasswords } from '../format/secrets.js';

/** A line of the detail pane: a label and its value, or a section heading (no value). */
export interface DetailLine {
	readonly label: string;
	readonly value?: string;
	readonly tone?: 'bad' | 'muted' | 'info' | 'good';
}

const list = (label: string, values: readonly string[], none = '(none)'): DetailLine[] =>
	values.length === 0 ? [{ label, value: none, tone: 'muted' }] : [{ label }, ...values.map(v => ({ label: '', value: v }))];

const argv = (value: readonly string[] | null) => (value === null ? '(none)' : JSON.stringify(value));

/**
 * Secret-looking env values and URL passwords are hidden unless revealed (v) for this item; a line
 * says so, so nobody mistakes the mask for the value.
 */
function secretLines(revealed: boolean, env: readonly string[], others: readonly string[]): DetailLine[] {
	if (!hasSecrets(env, others)) return [];
	return [revealed ? { label: 'Secrets', value: 'shown for this item (v hides them)', tone: 'bad' } : { label: 'Secrets', value: 'hidden (v shows them for this item)', tone: 'muted' }];
}

/** What `docker inspect` says about a container, as labelled lines. */
export function containerDetailLines(d: ContainerDetail, summary: ContainerSummary | undefined, usage?: ContainerUsage, siblings = 0, revealed = false, image?: ImageDetail): DetailLine[] {
	// what docker run set or changed, next to what the image gave (once the image's config is read)
	const origins = image ? runOverrides(d, image) : undefined;
	const commandNote = !origins ? '' : origins.cmd === 'image' && origins.entrypoint === 'image' ? ' · the image\'s default' : origins.cmd !== 'image' ? ' · set by docker run, not the image\'s CMD' : '';
	const facts: ContainerRunFacts = d;
	const url = (text: string) => (revealed ? text : maskUrlPasswords(text));
	const env = (entry: string) => (revealed ? entry : maskEnvEntry(entry));
	const mode = summary ? containerMode(summary, facts) : undefined;
	const running = d.state === 'running' || d.state === 'paused';
	return [
		{ label: 'Name', value: d.name },
		{ label: 'ID', value: shortId(d.id) },
		{ label: 'Image', value: `${d.image} (${shortId(d.imageId)})` },
		{ label: 'State', value: d.state + (d.error ? ` (error: ${d.error})` : ''), tone: running ? 'good' : d.exitCode !== 0 ? 'bad' : 'muted' },
		...(mode ? [{ label: 'Mode', value: mode.explain }] : []),
		...(!running && d.finishedAt ? [{ label: 'Exit code', value: String(d.exitCode), tone: d.exitCode === 0 ? ('muted' as const) : ('bad' as const) }] : []),
		{ label: 'TTY / stdin', value: `${d.tty ? 'tty' : 'no tty'}, ${d.openStdin ? 'stdin open' : 'stdin closed'}` },
		{ label: 'Created', value: formatDateTime(d.created) },
		{ label: 'Started', value: formatDateTime(d.startedAt) },
		{ label: 'Finished', value: running ? '-' : formatDateTime(d.finishedAt) },
		{ label: 'Restarts', value: `${d.restartCount} (policy: ${d.restartPolicy})` },
		...(usage
			? [
					{ label: 'Thin layer', value: `${formatBytes(usage.sizeRw)} written in its own copy-on-write layer: lost on rm unless committed (C) or kept in a volume`, tone: usage.sizeRw ? ('info' as const) : ('muted' as const) },
					{ label: 'Image below', value: `${formatBytes(Math.max(0, usage.sizeRootFs - usage.sizeRw))} read-only${siblings ? `, shared with ${siblings} other container${siblings === 1 ? '' : 's'}` : ''} (D lists what it changed)` },
				]
			: [{ label: 'Thin layer', value: 'reading disk usage…', tone: 'muted' as const }]),
		{ label: 'Command', value: (url(d.command) || '(none)') + commandNote },
		...(origins?.entrypoint === 'changed' ? [{ label: 'Entrypoint', value: `${url(argv(d.entrypoint))} · set by docker run --entrypoint`, tone: 'info' as const }] : []),
		{ label: 'Working dir', value: d.workingDir || '/' },
		{ label: 'User', value: d.user || 'root (default)' },
		...list('Ports', d.ports),
		...list('Mounts', d.mounts.map(m => `${m.type} ${m.source} -> ${m.destination}${m.readWrite ? '' : ' (ro)'}`)),
		...secretLines(revealed, d.env, [d.command]),
		...list('Env', d.env.map((entry, i) => (origins ? `${env(entry)} · ${ORIGIN_NOTE[origins.env[i]!]}` : env(entry)))),
	];
}

/** What `docker image inspect` says about an image, as labelled lines. */
export function imageDetailLines(d: ImageDetail, usedBy: number, usage?: ImageUsage, revealed = false): DetailLine[] {
	const argvShown = (value: readonly string[] | null) => (revealed ? argv(value) : maskUrlPasswords(argv(value)));
	const entry = (text: string) => (revealed ? text : maskEnvEntry(text));
	const labels = Object.entries(d.labels).map(([k, v]) => `${k}=${v}`);
	return [
		...list('Tags', d.tags, '<none> (dangling: no tag points at it)'),
		{ label: 'ID', value: shortId(d.id) },
		{ label: 'Created', value: formatDateTime(d.created) },
		{ label: 'Size', value: formatBytes(d.size) },
		...(usage
			? [
					{ label: 'Only here', value: `${formatBytes(usage.unique)} in layers no other local image has` },
					{ label: 'Shared', value: `${formatBytes(usage.shared)} in layers other local images have too (stored once)`, tone: usage.shared ? ('info' as const) : ('muted' as const) },
					{ label: 'Removing', value: removalFrees(d, usedBy, usage), tone: 'info' as const },
				]
			: [{ label: 'Shared', value: 'reading disk usage…', tone: 'muted' as const }]),
		{ label: 'Layers', value: `${d.layers.length} read-only filesystem layers` },
		{ label: 'Used by', value: `${usedBy} container${usedBy === 1 ? '' : 's'}`, tone: usedBy ? 'good' : 'muted' },
		{ label: 'Platform', value: `${d.os}/${d.architecture}` },
		{ label: 'Cmd', value: argvShown(d.cmd) },
		{ label: 'Entrypoint', value: argvShown(d.entrypoint) },
		{ label: 'Working dir', value: d.workingDir || '/' },
		{ label: 'User', value: d.user || 'root (default)' },
		...list('Exposed', d.exposedPorts),
		...secretLines(revealed, [...d.env, ...labels], [argv(d.cmd), argv(d.entrypoint)]),
		...list('Env', d.env.map(entry)),
		...list('Labels', labels.map(entry)),
		...list('Digests', d.digests, '(none: built or imported here, never pushed or pulled)'),
	];
}

/** What removing an image would free now, which is not its size when layers are shared. */
export function removalFrees(d: ImageDetail, usedBy: number, usage: ImageUsage): string {
	if (d.tags.length > 1) return `frees nothing while it has other names: removing one of its ${d.tags.length} tags only untags it`;
	const frees = `frees ${formatBytes(usage.unique)} now, not ${formatBytes(d.size)}: the ${formatBytes(usage.shared)} it shares stays for the others`;
	if (usedBy > 0) return `not possible while ${usedBy} container${usedBy === 1 ? ' uses' : 's use'} it; after that it ${frees}`;
	return usage.shared ? frees : `frees ${formatBytes(usage.unique)} now (nothing of it is shared)`;
}
