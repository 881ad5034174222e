import { plural } from './plural.js';
import type { ReferenceFacts } from '../model/facts.js';
import type { ContainerFacts, ImageFacts, LayerFacts } from '../model/facts.js';

/** Learn mode's sentences in English, made from real values. */
export const learnEn = {
	title: 'Learn',
	off: 'Learn mode: L shows what the selected item is, in plain words.',
	nothing: 'Select a container, an image or a layer: this pane explains it with its real values.',
	commands: 'As docker commands',
	prune:
		'Prune removes what nothing uses: stopped containers with their thin layers, dangling images (no tag points at them), unused images (no container was made from them) and build cache. Untick what you want to keep; each item is removed on its own, and what comes into use meanwhile is skipped.',
	container(f: ContainerFacts): string[] {
		const mode = {
			detached: `${f.name} runs detached (-d): it has no terminal, its output goes to its log (l shows it, as docker logs -f).`,
			interactive: `${f.name} runs with an interactive terminal (-it): a attaches your keyboard to it, and ${f.detachKeys} detaches again while it keeps running (typing exit would stop it).`,
			attached: `${f.name} runs attached: a docker run without -d is showing its output in the terminal that started it.`,
			running: `${f.name} is running.`,
			exited: `${f.name} has stopped: its main process exited with code ${f.exitCode ?? 0}. Its files stay in its layer until it is removed, and A starts it again attached (docker start -ai).`,
			created: `${f.name} was created but never started: S starts it (docker start).`,
			paused: `${f.name} is paused: its processes are frozen until P unpauses them.`,
			other: `${f.name} is changing state.`,
		}[f.mode];
		const layers =
			f.imageLayers === undefined
				? ''
				: ` (${plural(f.imageLayers, 'read-only layer')}${f.sharingImages ? `, shared with ${plural(f.sharingImages, 'other image')}` : ''})`;
		const image = `It is an instance of the image ${f.image}${layers}: one image is a template for any number of containers${f.siblings ? `, and ${plural(f.siblings, 'other container')} here came from it too` : ''}.`;
		const written =
			f.written === undefined
				? ''
				: f.wroteNothing
					? 'It has written nothing to its own writable layer yet: every file it sees comes from the image.'
					: `It has written ${f.written} to its own writable layer (copy-on-write), which rm would discard. C commits that layer as a new image; a Dockerfile step built with b (docker build) makes the same change in a way that can be repeated and reviewed.`;
		const o = f.overrides;
		const set =
			o && (o.env || o.cmd || o.entrypoint)
				? `docker run set ${[o.env ? plural(o.env, 'Env entry', 'Env entries') : '', o.cmd ? 'its command' : '', o.entrypoint ? 'its entrypoint' : ''].filter(Boolean).join(' and ')}; the rest came from the image's ENV and CMD.`
				: o
					? "Its Env and command are the image's own (ENV and CMD), which docker run could override."
					: '';
		return [mode, image, written, set].filter(Boolean);
	},
	reference(r: ReferenceFacts): string {
		const registry = r.registryDefaulted ? `no registry is named, so Docker Hub (${r.registry}) is meant` : `registry ${r.registry}`;
		const namespace = r.namespaceDefaulted
			? r.registryDefaulted
				? `namespace ${r.namespace} (official images)`
				: ''
			: `namespace ${r.namespace}`;
		const tag = r.tagDefaulted ? `no tag, so ${r.tag}` : `tag ${r.tag}`;
		return `${r.text} reads as: ${[registry, namespace, `repository ${r.name}`, tag].filter(Boolean).join(', ')}.`;
	},
	image(f: ImageFacts, reference: string): string[] {
		const name = f.dangling
			? `This image has no tag (dangling): a newer build or tag took its name. ${f.containers ? 'A container still uses it, so prune keeps it.' : 'Nothing uses it, so p (prune) would remove it.'}`
			: reference;
		const digest = f.digestReference
			? `Its digest reference ${f.digestReference} names exactly this content: a tag can later point at another image, a digest cannot, which is why production deployments pin the digest.`
			: f.dangling
				? ''
				: 'It has no digest: it was built or imported here, never pushed or pulled. A registry gives it one (name@sha256:…), the reference production pins because a tag can move.';
		const layers =
			f.layers === undefined
				? ''
				: `${plural(f.layers, 'layer')}, ${f.size}${f.sharingImages ? `, sharing layers with ${plural(f.sharingImages, 'other image')} (stored once)` : ''}`;
		const use = `It is a read-only template${layers ? ` (${layers})` : ''}; ${f.containers ? `${plural(f.containers, 'container')} (${f.running} running) were created from it, each with its own thin writable layer on top.` : 'no container uses it: r runs one (docker run).'}`;
		const frees = f.otherTags
			? `It has ${plural(f.otherTags, 'other tag')}: d removes only this name, the layers stay.`
			: f.frees
				? `Removing it ${f.frees}.`
				: '';
		return [name, digest, use, frees].filter(Boolean);
	},
	layer(f: LayerFacts): string[] {
		const what = f.empty
			? `Step ${f.position} of ${f.total} (${f.keyword || 'this instruction'}) added no files: ${/^(ENV|CMD|ENTRYPOINT)$/.test(f.keyword) ? `${f.keyword} is metadata in the image's config, and docker run can override it (${f.keyword === 'ENV' ? '-e NAME=value' : f.keyword === 'CMD' ? 'a command after the image name' : '--entrypoint'}).` : "it changed the image's config only."}`
			: `Step ${f.position} of ${f.total} (${f.keyword || 'this instruction'}) made a read-only layer of ${f.size}${f.sharingImages ? `, shared with ${plural(f.sharingImages, 'other image')}: stored once on disk` : ''}.`;
		const base = f.base ? `It came with FROM ${f.base}, the image this one was built on.` : '';
		const cache = f.later
			? `docker build reuses it from the cache while this step and every one before it are unchanged; a change here runs it and the ${plural(f.later, 'later step')} again, which is why what changes often (COPY of your code) goes last.`
			: 'It is the newest step: changing it runs only this step again, the cache keeps the rest.';
		return [what, base, cache].filter(Boolean);
	},
};
