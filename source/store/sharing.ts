import type { ImageRow } from '../docker/types.js';

/** Which local images hold each filesystem layer, and what each image was built on. */
export interface LayerOwners {
	/** Image ids per layer diff ID. */
	readonly byLayer: ReadonlyMap<string, readonly string[]>;
	/** A short name per image id: its first tag, or "<none> 0123456789ab". */
	readonly label: (id: string) => string;
}

export function imageName(rows: readonly ImageRow[], id: string): string {
	const row = rows.find(r => r.id === id && !r.dangling);
	return row ? `${row.repository}:${row.tag}` : `<none> ${id.replace('sha256:', '').slice(0, 12)}`;
}

/** Indexes the layer lists of all local images by layer. */
export function layerOwners(images: readonly ImageRow[], index: ReadonlyMap<string, readonly string[]>): LayerOwners {
	const byLayer = new Map<string, string[]>();
	for (const [id, layers] of index) {
		for (const layer of new Set(layers)) {
			const owners = byLayer.get(layer);
			if (owners) owners.push(id);
			else byLayer.set(layer, [id]);
		}
	}
	const names = new Map<string, string>();
	return {
		byLayer,
		label: id => {
			let name = names.get(id);
			if (name === undefined) names.set(id, (name = imageName(images, id)));
			return name;
		},
	};
}

/** The other images that have `layer`, by name. */
export function otherOwners(owners: LayerOwners, layer: string, self: string): string[] {
	return (owners.byLayer.get(layer) ?? []).filter(id => id !== self).map(owners.label).sort();
}

/**
 * The local image `id` was built on: the one whose layers are the longest proper prefix of its
 * own (a base shares all its layers, in order, with every image built FROM it).
 */
export function baseImage(id: string, index: ReadonlyMap<string, readonly string[]>): string | undefined {
	const own = index.get(id);
	if (!own?.length) return undefined;
	let best: string | undefined;
	let bestLength = 0;
	for (const [other, layers] of index) {
		if (other === id || layers.length === 0 || layers.length >= own.length || layers.length <= bestLength) continue;
		if (layers.every((layer, i) => own[i] === layer)) {
			best = other;
			bestLength = layers.length;
		}
	}
	return best;
}
