import type { ContainerUsage, ImageUsage } from '../model/usage.js';
import type { ContainerDetail, ContainerRunFacts, ContainerSummary, ImageDetail } from '../model/types.js';
import { formatDateTime } from '../format/age.js';
import { formatBytes } from '../format/bytes.js';
import { containerMode, type Tone } from '../format/container-mode.js';
import { shortId } from '../format/ids.js';
import { runOverrides } from '../format/run-overrides.js';
import { referenceFacts } from '../format/image-ref.js';
import { hasSecrets, maskEnvEntry, maskUrlPasswords } from '../format/secrets.js';
import { T } from '../i18n/index.js';

/** A line of the detail pane: a label and its value, or a section heading (no value). */
export interface DetailLine {
	readonly label: string;
	readonly value?: string;
	readonly tone?: Tone;
}

const list = (label: string, values: readonly string[], none = T.detail.none): DetailLine[] =>
	values.length === 0 ? [{ label, value: none, tone: 'muted' }] : [{ label }, ...values.map(v => ({ label: '', value: v }))];

const argv = (value: readonly string[] | null) => (value === null ? T.detail.none : JSON.stringify(value));

/**
 * Secret-looking env values and URL passwords are hidden unless revealed (v) for this item; a line
 * says so, so nobody mistakes the mask for the value.
 */
function secretLines(revealed: boolean, env: readonly string[], others: readonly string[]): DetailLine[] {
	if (!hasSecrets(env, others)) return [];
	const L = T.detail.labels;
	return [
		revealed
			? { label: L.secrets, value: T.detail.secretsShown, tone: 'bad' }
			: { label: L.secrets, value: T.detail.secretsHidden, tone: 'muted' },
	];
}

/** What `docker inspect` says about a container, as labelled lines. */
export function containerDetailLines(
	d: ContainerDetail,
	summary: ContainerSummary | undefined,
	usage?: ContainerUsage,
	siblings = 0,
	revealed = false,
	image?: ImageDetail,
): DetailLine[] {
	// what docker run set or changed, next to what the image gave (once the image's config is read)
	const origins = image ? runOverrides(d, image) : undefined;
	const L = T.detail.labels;
	const D = T.detail;
	const commandNote = !origins
		? ''
		: origins.cmd === 'image' && origins.entrypoint === 'image'
			? D.imageDefault
			: origins.cmd !== 'image'
				? D.setByRun
				: '';
	const facts: ContainerRunFacts = d;
	const url = (text: string) => (revealed ? text : maskUrlPasswords(text));
	const env = (entry: string) => (revealed ? entry : maskEnvEntry(entry));
	const mode = summary ? containerMode(summary, facts) : undefined;
	const running = d.state === 'running' || d.state === 'paused';
	return [
		{ label: L.name, value: d.name },
		{ label: L.id, value: shortId(d.id) },
		{ label: L.image, value: `${d.image} (${shortId(d.imageId)})` },
		{
			label: L.state,
			value: d.error ? D.stateError(d.state, d.error) : d.state,
			tone: running ? 'good' : d.exitCode !== 0 ? 'bad' : 'muted',
		},
		...(d.health
			? [
					{
						label: L.health,
						value: D.health(d.health.status, d.health.failingStreak, d.health.lastOutput.split('\n')[0] ?? ''),
						tone:
							d.health.status === 'unhealthy' ? ('bad' as const) : d.health.status === 'starting' ? ('warn' as const) : ('good' as const),
					},
				]
			: []),
		...(mode ? [{ label: L.mode, value: mode.explain }] : []),
		...(!running && d.finishedAt
			? [{ label: L.exitCode, value: String(d.exitCode), tone: d.exitCode === 0 ? ('muted' as const) : ('bad' as const) }]
			: []),
		{ label: L.ttyStdin, value: D.tty(d.tty, d.openStdin) },
		{ label: L.created, value: formatDateTime(d.created) },
		{ label: L.started, value: formatDateTime(d.startedAt) },
		{ label: L.finished, value: running ? '-' : formatDateTime(d.finishedAt) },
		{ label: L.restarts, value: D.restarts(d.restartCount, d.restartPolicy), ...(d.restartCount ? { tone: 'warn' as const } : {}) },
		...(usage
			? [
					{
						label: L.thinLayer,
						value: D.thinLayer(formatBytes(usage.sizeRw)),
						tone: usage.sizeRw ? ('info' as const) : ('muted' as const),
					},
					{ label: L.imageBelow, value: D.imageBelow(formatBytes(Math.max(0, usage.sizeRootFs - usage.sizeRw)), siblings) },
				]
			: [{ label: L.thinLayer, value: D.readingUsage, tone: 'muted' as const }]),
		{ label: L.command, value: (url(d.command) || D.none) + commandNote },
		...(origins?.entrypoint === 'changed'
			? [{ label: L.entrypoint, value: D.entrypointChanged(url(argv(d.entrypoint))), tone: 'info' as const }]
			: []),
		{ label: L.workdir, value: d.workingDir || '/' },
		{ label: L.user, value: d.user || D.rootUser },
		...list(L.ports, d.ports),
		...list(
			L.mounts,
			d.mounts.map(m => `${m.type} ${m.source} -> ${m.destination}${m.readWrite ? '' : D.readOnlyMount}`),
		),
		...secretLines(revealed, d.env, [d.command]),
		...list(
			L.env,
			d.env.map((entry, i) => (origins ? `${env(entry)} · ${D.origin[origins.env[i]!]}` : env(entry))),
		),
	];
}

/** What `docker image inspect` says about an image, as labelled lines. */
export function imageDetailLines(d: ImageDetail, usedBy: number, usage?: ImageUsage, revealed = false): DetailLine[] {
	const argvShown = (value: readonly string[] | null) => (revealed ? argv(value) : maskUrlPasswords(argv(value)));
	const entry = (text: string) => (revealed ? text : maskEnvEntry(text));
	const labels = Object.entries(d.labels).map(([k, v]) => `${k}=${v}`);
	const L = T.detail.labels;
	const D = T.detail;
	return [
		...list(L.tags, d.tags, D.danglingTags),
		...fullReference(d.tags[0]),
		{ label: L.id, value: shortId(d.id) },
		{ label: L.created, value: formatDateTime(d.created) },
		{ label: L.size, value: formatBytes(d.size) },
		...(usage
			? [
					{ label: L.onlyHere, value: D.onlyHere(formatBytes(usage.unique)) },
					{ label: L.shared, value: D.shared(formatBytes(usage.shared)), tone: usage.shared ? ('info' as const) : ('muted' as const) },
					{ label: L.removing, value: removalFrees(d, usedBy, usage), tone: 'info' as const },
				]
			: [{ label: L.shared, value: D.readingUsage, tone: 'muted' as const }]),
		{ label: L.layers, value: D.layers(d.layers.length) },
		{ label: L.usedBy, value: D.usedBy(usedBy), tone: usedBy ? 'good' : 'muted' },
		{ label: L.platform, value: `${d.os}/${d.architecture}` },
		{ label: L.cmd, value: argvShown(d.cmd) },
		{ label: L.entrypoint, value: argvShown(d.entrypoint) },
		{ label: L.workdir, value: d.workingDir || '/' },
		{ label: L.user, value: d.user || D.rootUser },
		...list(L.exposed, d.exposedPorts),
		...secretLines(revealed, [...d.env, ...labels], [argv(d.cmd), argv(d.entrypoint)]),
		...list(L.env, d.env.map(entry)),
		...list(L.labels, labels.map(entry)),
		...list(L.digests, d.digests, D.noDigests),
	];
}

/** The first tag as Docker completes it: registry, namespace, name and tag all spelled out. */
function fullReference(tag: string | undefined): DetailLine[] {
	const ref = tag ? referenceFacts(tag) : undefined;
	return ref
		? [{ label: T.detail.labels.reference, value: `${ref.registry}/${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}:${ref.tag}` }]
		: [];
}

/** What removing an image would free now, which is not its size when layers are shared. */
export function removalFrees(d: ImageDetail, usedBy: number, usage: ImageUsage): string {
	const F = T.detail.frees;
	if (d.tags.length > 1) return F.untagOnly(d.tags.length);
	const frees = F.notAll(formatBytes(usage.unique), formatBytes(d.size), formatBytes(usage.shared));
	if (usedBy > 0) return F.inUse(usedBy, frees);
	return usage.shared ? frees : F.all(formatBytes(usage.unique));
}
