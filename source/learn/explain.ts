import type { ContainerUsage, ImageUsage } from '../model/usage.js';
import type { ContainerDetail, ContainerRunFacts, ContainerSummary, ImageDetail, ImageRow, LayerRow } from '../model/types.js';
import { shellWord } from '../format/argv.js';
import { formatBytes } from '../format/bytes.js';
import { referenceFacts } from '../format/image-ref.js';
import { runOverrides } from '../format/run-overrides.js';
import { T } from '../i18n/index.js';
import { activeKeymap, displayKey, type ActionId } from '../keymap/keymap.js';
import type { LayerOwners } from '../store/sharing.js';
import type { ContainerFacts, Equivalent, ImageFacts, LayerFacts } from '../model/facts.js';

/** What the learn pane shows: sentences, then the docker commands of the keys that apply. */
export interface Lesson {
	readonly sentences: readonly string[];
	readonly commands: readonly Equivalent[];
}

/** The other images that share at least one of these layers. */
export function sharingImages(owners: LayerOwners, layers: readonly string[], self: string): number {
	const others = new Set<string>();
	for (const layer of layers) for (const id of owners.byLayer.get(layer) ?? []) if (id !== self) others.add(id);
	return others.size;
}

const key = (id: ActionId) => {
	const binding = activeKeymap().find(b => b.id === id);
	return binding ? displayKey(binding.keys[0]!) : '';
};
const quote = shellWord;

/** The container's mode as the learn texts tell it. */
function modeOf(c: ContainerSummary, facts: ContainerRunFacts | undefined): ContainerFacts['mode'] {
	if (c.state === 'exited' || c.state === 'dead') return 'exited';
	if (c.state === 'created' || c.state === 'paused') return c.state;
	if (c.state !== 'running') return 'other';
	if (!facts) return 'running';
	return facts.tty && facts.openStdin ? 'interactive' : facts.attachStdout ? 'attached' : 'detached';
}

/** Explains a container from its summary, inspect, image config and disk usage. */
export function containerLesson(
	c: ContainerSummary,
	o: {
		facts?: ContainerRunFacts;
		detail?: ContainerDetail;
		image?: ImageDetail;
		usage?: ContainerUsage;
		siblings: number;
		sharing?: number;
		detachKeys: string;
	},
): Lesson {
	const overrides = o.detail && o.image ? runOverrides(o.detail, o.image) : undefined;
	const mode = modeOf(c, o.facts ?? o.detail);
	const facts: ContainerFacts = {
		name: c.name,
		mode,
		exitCode: c.exitCode ?? o.facts?.exitCode,
		image: c.image,
		imageLayers: o.image?.layers.length,
		sharingImages: o.sharing,
		siblings: o.siblings,
		written: o.usage ? formatBytes(o.usage.sizeRw) : undefined,
		wroteNothing: o.usage ? o.usage.sizeRw === 0 : undefined,
		overrides: overrides && {
			env: overrides.env.filter(e => e === 'run' || e === 'changed').length,
			cmd: overrides.cmd !== 'image',
			entrypoint: overrides.entrypoint !== 'image',
		},
		detachKeys: o.detachKeys,
	};
	const name = quote(c.name);
	const live = mode === 'detached' || mode === 'interactive' || mode === 'attached' || mode === 'running';
	const commands: Equivalent[] = live
		? [
				...(mode === 'interactive' ? [{ key: key('container.attach'), command: `docker attach ${name}` }] : []),
				{ key: key('container.logs'), command: `docker logs -f ${name}` },
				{ key: key('container.exec'), command: `docker exec -it ${name} sh` },
				{ key: key('container.stop'), command: `docker stop ${name}` },
				{ key: key('container.changes'), command: `docker diff ${name}` },
			]
		: [
				{ key: key('container.startAttach'), command: `docker start -ai ${name}` },
				{ key: key('container.logs'), command: `docker logs ${name}` },
				{ key: key('container.commit'), command: `docker commit ${name} NAME:TAG` },
				{ key: key('container.remove'), command: `docker rm ${name}` },
			];
	return { sentences: T.learn.container(facts), commands };
}

/** Explains an image: its reference, digest, layers and the containers made from it. */
export function imageLesson(
	image: ImageRow,
	o: { detail?: ImageDetail; usage?: ImageUsage; containers: number; running: number; sharing: number; otherTags: number; frees?: string },
): Lesson {
	const label = image.dangling ? image.id.replace('sha256:', '').slice(0, 12) : `${image.repository}:${image.tag}`;
	const repo = image.dangling ? '' : image.repository;
	const digest = (o.detail?.digests ?? image.digests).find(d => d.startsWith(`${repo}@`)) ?? (o.detail?.digests ?? image.digests)[0];
	const facts: ImageFacts = {
		label,
		dangling: image.dangling,
		reference: image.dangling ? undefined : referenceFacts(label),
		digestReference: digest,
		layers: o.detail?.layers.length,
		size: formatBytes(image.size),
		sharingImages: o.sharing,
		containers: o.containers,
		running: o.running,
		otherTags: o.otherTags,
		frees: o.frees,
	};
	const ref = quote(label);
	return {
		sentences: T.learn.image(facts, facts.reference ? T.learn.reference(facts.reference) : ''),
		commands: [
			{ key: key('image.run'), command: `docker run -d ${ref}` },
			{ key: key('focus.layers'), command: `docker image history ${ref}` },
			...(digest ? [{ key: '', command: `docker pull ${quote(digest)}` }] : []),
			{ key: key('image.tag'), command: `docker tag ${ref} NAME:TAG` },
			{ key: key('image.remove'), command: `docker rmi ${ref}` },
		],
	};
}

/** Explains one step of an image's history: layer or metadata, sharing, the build cache. */
export function layerLesson(layer: LayerRow, o: { image: string; index: number; total: number; sharing?: number; base?: string }): Lesson {
	const position = o.total - o.index;
	const step = layer.instruction.replace(/^\/bin\/sh -c #\(nop\)\s*/, '').trim();
	const keyword = /^Imported from\b/.test(step) ? 'docker import' : (/^([A-Z]+)\b/.exec(step)?.[1] ?? '');
	const facts: LayerFacts = {
		image: o.image,
		position,
		total: o.total,
		instruction: layer.instruction,
		keyword,
		empty: layer.empty,
		size: formatBytes(layer.size),
		sharingImages: o.sharing,
		base: o.base,
		later: o.index,
	};
	return {
		sentences: T.learn.layer(facts),
		commands: [
			{ key: '', command: `docker image history --no-trunc ${quote(o.image)}` },
			{ key: key('build.open'), command: 'docker build -t NAME:TAG .' },
		],
	};
}
