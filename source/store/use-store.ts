import { useEffect, useSyncExternalStore } from 'react';
import type { ContainerDetail, ImageDetail, ImageLayers } from '../model/types.js';
import type { SizeKind } from './sizes.js';
import type { DetailKind, Resource, Snapshot } from './snapshot.js';
import type { Store } from './store.js';

/** The store's current snapshot; re-renders when it changes. */
export function useSnapshot(store: Store): Snapshot {
	return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

type DetailOf<K extends DetailKind> = K extends 'container' ? ContainerDetail : K extends 'image' ? ImageDetail : ImageLayers;

/** A detail of the selected object, fetched when first shown and again when an event made it stale. */
export function useDetail<K extends DetailKind>(
	store: Store,
	snapshot: Snapshot,
	kind: K,
	id: string | undefined,
): Resource<DetailOf<K>> | undefined {
	const resource = (id ? (kind === 'layers' ? snapshot.layers.get(id) : snapshot.details.get(`${kind}:${id}`)) : undefined) as
		Resource<DetailOf<K>> | undefined;
	const needed = Boolean(id) && (!resource || Boolean(resource.stale));
	useEffect(() => {
		if (id && needed) store.request(kind, id);
	}, [store, kind, id, needed, resource]);
	return resource;
}

/** While mounted (and `on`), the store knows sizes of this kind are on screen and keeps them current. */
export function useSizesShown(store: Store, kind: SizeKind, on = true): void {
	useEffect(() => (on ? store.showSizes(kind) : undefined), [store, kind, on]);
}

/** How long a container must stay selected before its thin layer is measured: a key held down asks nothing. */
const SETTLE_MS = 150;

/** Measures the thin layer of the container on screen once the selection rests on it, and again when it changes. */
export function useContainerSize(store: Store, id: string | undefined): void {
	useEffect(() => {
		if (!id) return;
		let unwatch: (() => void) | undefined;
		const timer = setTimeout(() => (unwatch = store.watchContainerSize(id)), SETTLE_MS);
		return () => {
			clearTimeout(timer);
			unwatch?.();
		};
	}, [store, id]);
}
