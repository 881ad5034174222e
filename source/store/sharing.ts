import type { ImageRow } from '../model/types.js';

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
	return (owners.byLayer.get(layer) ?? [])
		.filter(id => id !== self)
		.map(owners.label)
		.sort();
}

/**
 * The local image `id` was built on: the one whose layers are the longest proper prefix of its
 * own (a base shares all its layers, in order, with every image built FROM it). When several
 * have that same prefix (a base and an untagged image that only changed its config, say), a
 * tagged one is preferred, then the oldest: the base came first.
 */
export function baseImage(id: string, index: ReadonlyMap<string, readonly string[]>, images: readonly ImageRow[] = []): string | undefined {
	const own = index.get(id);
	if (!own?.length) return undefined;
	const rank = (other: string) => {
		const rows = images.filter(r => r.id === other);
		return [rows.some(r => !r.dangling) ? 0 : 1, rows[0]?.created ?? Infinity] as const;
	};
	const better = (a: string, b: string) => {
		const [ra, rb] = [rank(a), rank(b)];
		return ra[0] !== rb[0] ? ra[0] < rb[0] : ra[1] < rb[1];
	};
	let best: string | undefined;
	let bestLength = 0;
	for (const [other, layers] of index) {
		if (other === id || layers.length === 0 || layers.length >= own.length || layers.length < bestLength) continue;
		if (layers.length === bestLength && best && !better(other, best)) continue;
		if (layers.every((layer, i) => own[i] === layer)) {
			best = other;
			bestLength = layers.length;
		}
	}
	return best;
}
