import { useEffect, useMemo } from 'react';
import { computeLayout, type Layout } from '../../components/layout.js';
import type { ContainerSummary, ImageRow, LayerRow } from '../../model/types.js';
import { containerMode } from '../../format/container-mode.js';
import { containerDetailLines, imageDetailLines, removalFrees, type DetailLine } from '../../panels/detail-lines.js';
import { imageLabel } from '../../panels/images-panel.js';
import { layerDetailLines } from '../../panels/layer-detail.js';
import type { LayerSharing } from '../../panels/layers-panel.js';
import { baseImage, layerOwners, otherOwners } from '../../store/sharing.js';
import type { Snapshot, Store } from '../../store/store.js';
import { cursorIndex, matchesFilter, type DashboardAction, type DashboardState, type PanelId } from './dashboard-state.js';
import { useContainerSize, useDetail, useSizesShown } from '../../store/use-store.js';
import { T } from '../../i18n/index.js';
import { containerLesson, imageLesson, layerLesson, sharingImages, type Lesson } from '../../learn/explain.js';
import { learnLines, type LearnLine } from '../../panels/learn-panel.js';

/** What the dashboard shows for the current snapshot and UI state, computed once per render. */
export interface DashboardModel {
	readonly layout: Layout;
	readonly usedBy: ReadonlyMap<string, number>;
	readonly containers: readonly ContainerSummary[];
	readonly images: readonly ImageRow[];
	readonly layers: readonly LayerRow[];
	readonly allLayers: readonly LayerRow[];
	readonly cursors: Readonly<Record<PanelId, number>>;
	readonly keys: Readonly<Record<PanelId, readonly string[]>>;
	readonly container?: ContainerSummary;
	readonly image?: ImageRow;
	readonly layersResource: ReturnType<typeof useDetail<'layers'>>;
	readonly sharing?: LayerSharing;
	/** The local images' layers are still being read (start-up): sharing counts are not known yet. */
	readonly indexing: boolean;
	readonly detail: { readonly title: string; readonly lines: readonly DetailLine[]; readonly message?: string };
	/** Learn mode's lines for the selected item, wrapped to its pane; undefined when learn mode is off. */
	readonly learn?: readonly LearnLine[];
	/** Asks the store how the containers on screen run (their mode and uptime need an inspect). */
	readonly wantFacts: (ids: readonly string[]) => void;
}

/** What the dashboard model is made from. */
export interface DashboardInput {
	readonly store: Store;
	readonly snapshot: Snapshot;
	readonly state: DashboardState;
	readonly columns: number;
	readonly bodyRows: number;
	readonly dispatch: (action: DashboardAction) => void;
	readonly detachKeys?: string;
	/** The dashboard is on screen (no view covers it): its image sizes are kept current. */
	readonly shown: boolean;
}

/**
 * Derives the dashboard: filtered lists, selections, the selected image's layers, the detail pane.
 * The app computes it on every frame, whatever is on top: other screens act on its selection.
 */
export function useDashboard({
	store,
	snapshot,
	state: ui,
	columns,
	bodyRows,
	dispatch,
	detachKeys = 'ctrl-p ctrl-q',
	shown,
}: DashboardInput): DashboardModel {
	const usedBy = useMemo(() => {
		const counts = new Map<string, number>();
		for (const c of snapshot.containers) counts.set(c.imageId, (counts.get(c.imageId) ?? 0) + 1);
		return counts;
	}, [snapshot.containers]);
	const filters = ui.filters;
	const containers = useMemo(
		() =>
			filters.containers
				? snapshot.containers.filter(c =>
						matchesFilter(filters.containers, [
							c.name,
							c.image,
							c.status,
							c.ports,
							containerMode(c, snapshot.facts.get(c.id)).label,
							c.id.slice(0, 12),
						]),
					)
				: snapshot.containers,
		[snapshot.containers, filters.containers ? snapshot.facts : undefined, filters.containers],
	);
	const images = useMemo(
		() =>
			filters.images
				? snapshot.images.filter(i => matchesFilter(filters.images, [imageLabel(i), i.id.replace('sha256:', '').slice(0, 12)]))
				: snapshot.images,
		[snapshot.images, filters.images],
	);
	const containerKeys = useMemo(() => containers.map(c => c.id), [containers]);
	const imageKeys = useMemo(() => images.map(i => i.key), [images]);
	const containerCursor = cursorIndex(ui, 'containers', containerKeys);
	const imageCursor = cursorIndex(ui, 'images', imageKeys);
	const container = containers[containerCursor];
	const image = images[imageCursor];

	const layersResource = useDetail(store, snapshot, 'layers', image?.id);
	const allLayers = layersResource?.value?.rows ?? [];
	const layers = useMemo(
		() => allLayers.filter(l => matchesFilter(ui.filters.layers, [l.instruction, l.digest ?? ''])),
		[allLayers, ui.filters.layers],
	);
	const layerKeys = layers.map((_, i) => String(i));
	const layerCursor = cursorIndex(ui, 'layers', layerKeys);
	useEffect(() => dispatch({ type: 'resetLayers' }), [image?.id]);

	const owners = useMemo(() => layerOwners(snapshot.images, snapshot.layerIndex), [snapshot.images, snapshot.layerIndex]);
	const baseId = useMemo(
		() => (image ? baseImage(image.id, snapshot.layerIndex, snapshot.images) : undefined),
		[image?.id, snapshot.layerIndex, snapshot.images],
	);
	const baseSteps = useDetail(store, snapshot, 'layers', baseId)?.value?.rows.length;
	const build = ui.lastBuild;
	const previous = useMemo(
		() => (build && build.previousLabel ? { label: build.previousLabel, layers: new Set(build.previousLayers) } : undefined),
		[build],
	);
	const sharing: LayerSharing | undefined =
		image && snapshot.layerIndexReady && snapshot.layerIndex.has(image.id)
			? {
					others: digest => otherOwners(owners, digest, image.id),
					names: ui.layerNames,
					base: baseId && baseSteps ? { label: owners.label(baseId), steps: baseSteps } : undefined,
					previous: build?.imageId === image.id ? previous : undefined,
				}
			: undefined;

	const containerDetail = useDetail(store, snapshot, 'container', ui.panel === 'containers' ? container?.id : undefined);
	useContainerSize(store, ui.panel === 'containers' ? container?.id : undefined);
	// the images panel shows each image's unique and shared bytes: disk usage is kept current while it is on screen
	useSizesShown(store, 'images', shown);
	// the container's image config, to show what docker run changed (Env, Cmd, Entrypoint)
	const containerImage = useDetail(store, snapshot, 'image', ui.panel === 'containers' ? container?.imageId : undefined);
	const imageDetail = useDetail(store, snapshot, 'image', ui.panel === 'images' ? image?.id : undefined);
	// the learn pane's lines are wrapped to its width first, so the side column can give it their height
	const firstLayout = computeLayout(columns, bodyRows, ui.learn);
	const valueWidth = Math.max(10, firstLayout.detail.width - 15);
	const selectedLayer = ui.panel === 'layers' ? layers[layerCursor] : undefined;
	const layerBase =
		selectedLayer && sharing?.base && layers.length === allLayers.length && layerCursor >= layers.length - sharing.base.steps
			? sharing.base.label
			: undefined;

	const detail = ((): DashboardModel['detail'] => {
		if (ui.panel === 'containers') {
			if (!container) return { title: T.detail.title, lines: [], message: T.detail.noContainer };
			const d = containerDetail?.value;
			return {
				title: T.detail.container(container.name),
				lines: d
					? containerDetailLines(
							d,
							container,
							snapshot.sizes.get(container.id),
							(usedBy.get(container.imageId) ?? 1) - 1,
							ui.revealed === `containers:${container.id}`,
							containerImage?.value,
						)
					: [],
				message: containerDetail?.error ?? (d ? undefined : T.detail.loading),
			};
		}
		if (ui.panel === 'layers') {
			const layer = layers[layerCursor];
			if (!layer) return { title: T.detail.layerTitle, lines: [], message: image ? T.detail.noStep : T.detail.noImage };
			const also = sharing && layer.digest ? sharing.others(layer.digest) : undefined;
			return {
				title: T.detail.layer(image ? imageLabel(image) : ''),
				lines: layerDetailLines(layer, T.detail.step(layers.length - layerCursor, layers.length), valueWidth, also, layerBase),
			};
		}
		if (!image) return { title: T.detail.title, lines: [], message: T.detail.noImage };
		const d = imageDetail?.value;
		return {
			title: T.detail.image(imageLabel(image)),
			lines: d
				? imageDetailLines(d, usedBy.get(image.id) ?? 0, snapshot.usage?.images.get(image.id), ui.revealed === `images:${image.id}`)
				: [],
			message: imageDetail?.error ?? (d ? undefined : T.detail.loading),
		};
	})();

	const lesson = ((): Lesson | undefined => {
		if (!ui.learn) return undefined;
		if (ui.panel === 'containers') {
			if (!container) return undefined;
			const imageLayers = snapshot.layerIndex.get(container.imageId) ?? [];
			return containerLesson(container, {
				facts: snapshot.facts.get(container.id),
				detail: containerDetail?.value,
				image: containerImage?.value,
				usage: snapshot.sizes.get(container.id),
				siblings: (usedBy.get(container.imageId) ?? 1) - 1,
				sharing: imageLayers.length && snapshot.layerIndexReady ? sharingImages(owners, imageLayers, container.imageId) : undefined,
				detachKeys,
			});
		}
		if (ui.panel === 'layers') {
			const layer = layers[layerCursor];
			if (!layer || !image) return undefined;
			const also = sharing && layer.digest ? sharing.others(layer.digest).length : undefined;
			return layerLesson(layer, {
				image: imageLabel(image),
				index: allLayers.indexOf(layer),
				total: allLayers.length,
				sharing: also,
				base: layerBase,
			});
		}
		if (!image) return undefined;
		const d = imageDetail?.value;
		const usage = snapshot.usage?.images.get(image.id);
		const used = usedBy.get(image.id) ?? 0;
		return imageLesson(image, {
			detail: d,
			usage,
			containers: used,
			running: snapshot.containers.filter(c => c.imageId === image.id && c.state === 'running').length,
			sharing: sharingImages(owners, snapshot.layerIndex.get(image.id) ?? [], image.id),
			otherTags: image.dangling ? 0 : snapshot.images.filter(r => r.id === image.id && !r.dangling).length - 1,
			frees: d && usage ? removalFrees(d, used, usage) : undefined,
		});
	})();
	const learn = firstLayout.learn ? learnLines(lesson, firstLayout.learn.width - 2) : undefined;
	const layout = learn && firstLayout.side ? computeLayout(columns, bodyRows, true, learn.length) : firstLayout;

	return {
		layout,
		usedBy,
		containers,
		images,
		layers,
		allLayers,
		cursors: { containers: containerCursor, images: imageCursor, layers: layerCursor },
		keys: { containers: containerKeys, images: imageKeys, layers: layerKeys },
		container,
		image,
		layersResource,
		sharing,
		indexing: !snapshot.layerIndexReady,
		detail,
		learn,
		wantFacts: store.wantFacts,
	};
}
