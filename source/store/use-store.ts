import { useEffect, useSyncExternalStore } from 'react';
import type { DetailKind, Resource, Snapshot, Store } from './store.js';
import type { ContainerDetail, ImageDetail, ImageLayers } from '../docker/types.js';

/** The store's current snapshot; re-renders when it changes. */
export function useSnapshot(store: Store): Snapshot {
	return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

type DetailOf<K extends DetailKind> = K extends 'container' ? ContainerDetail : K extends 'image' ? ImageDetail : ImageLayers;

/** A detail of the selected object, fetched when first shown and again when an event made it stale. */
export function useDetail<K extends DetailKind>(store: Store, snapshot: Snapshot, kind: K, id: string | undefined): Resource<DetailOf<K>> | undefined {
	const resource = id ? (snapshot.details.get(`${kind}:${id}`) as Resource<DetailOf<K>> | undefined) : undefined;
	const needed = Boolean(id) && (!resource || Boolean(resource.stale));
	useEffect(() => {
		if (id && needed) store.request(kind, id);
	}, [store, kind, id, needed, resource]);
	return resource;
}
