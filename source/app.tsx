import React, { useEffect, useMemo, useReducer, useRef } from 'react';
import { Box, useApp, useInput, useWindowSize, type Key } from 'ink';
import { ConnectionBanner } from './components/banner.js';
import { Footer } from './components/footer.js';
import { Header } from './components/header.js';
import { HELP_ROWS, HelpOverlay, helpPageSize } from './components/help-overlay.js';
import { computeLayout } from './components/layout.js';
import { MIN_COLUMNS, MIN_ROWS, TooSmall } from './components/too-small.js';
import { formatDateTime } from './format/age.js';
import { containerMode } from './format/container-mode.js';
import { activeScopes, lookup, type ActionId } from './keymap/keymap.js';
import { keyName } from './keymap/key-name.js';
import { ContainersPanel } from './panels/containers-panel.js';
import { containerDetailLines, imageDetailLines, type DetailLine } from './panels/detail-lines.js';
import { DetailPanel, maxDetailOffset } from './panels/detail-panel.js';
import { ImagesPanel, imageLabel } from './panels/images-panel.js';
import { layerDetailLines } from './panels/layer-detail.js';
import { LayersPanel } from './panels/layers-panel.js';
import type { Store } from './store/store.js';
import { cursorIndex, initialUi, matchesFilter, uiReducer, type PanelId, type UiAction } from './store/ui.js';
import { useDetail, useSnapshot } from './store/use-store.js';
import { useMinuteClock } from './use-clock.js';

export interface AppProps {
	readonly store: Store;
	readonly readOnly: boolean;
}

/** The dashboard: header, three live panels, the detail pane, the footer, and the one key dispatcher. */
export function App({ store, readOnly }: AppProps) {
	const { exit } = useApp();
	const { columns, rows } = useWindowSize();
	const snapshot = useSnapshot(store);
	const now = useMinuteClock();
	// The UI state lives in a ref that each action updates at once, so every key of a burst (a paste,
	// or keys that arrive in one read) sees the state the key before it left.
	const uiRef = useRef(initialUi);
	const [, repaint] = useReducer((n: number) => n + 1, 0);
	const dispatch = (action: UiAction) => {
		const next = uiReducer(uiRef.current, action);
		if (next !== uiRef.current) {
			uiRef.current = next;
			repaint();
		}
	};
	const ui = uiRef.current;

	const usedBy = useMemo(() => {
		const counts = new Map<string, number>();
		for (const c of snapshot.containers) counts.set(c.imageId, (counts.get(c.imageId) ?? 0) + 1);
		return counts;
	}, [snapshot.containers]);

	const containers = useMemo(
		() => snapshot.containers.filter(c => matchesFilter(ui.filters.containers, [c.name, c.image, c.status, c.ports, containerMode(c, snapshot.facts.get(c.id)).label, c.id.slice(0, 12)])),
		[snapshot.containers, snapshot.facts, ui.filters.containers],
	);
	const images = useMemo(
		() => snapshot.images.filter(i => matchesFilter(ui.filters.images, [imageLabel(i), i.id.replace('sha256:', '').slice(0, 12)])),
		[snapshot.images, ui.filters.images],
	);
	const containerCursor = cursorIndex(ui, 'containers', containers.map(c => c.id));
	const imageCursor = cursorIndex(ui, 'images', images.map(i => i.key));
	const container = containers[containerCursor];
	const image = images[imageCursor];

	const layersResource = useDetail(store, snapshot, 'layers', image?.id);
	const allLayers = layersResource?.value?.rows ?? [];
	const layers = useMemo(() => allLayers.filter(l => matchesFilter(ui.filters.layers, [l.instruction, l.digest ?? ''])), [allLayers, ui.filters.layers]);
	const layerKeys = layers.map((_, i) => String(i));
	const layerCursor = cursorIndex(ui, 'layers', layerKeys);
	useEffect(() => dispatch({ type: 'resetLayers' }), [image?.id]);

	const containerDetail = useDetail(store, snapshot, 'container', ui.panel === 'containers' ? container?.id : undefined);
	const imageDetail = useDetail(store, snapshot, 'image', ui.panel === 'images' ? image?.id : undefined);

	const layout = computeLayout(columns, rows - 2 - (snapshot.connection.status === 'down' ? 1 : 0));
	const valueWidth = Math.max(10, layout.detail.width - 15);
	const detail = ((): { title: string; lines: readonly DetailLine[]; message?: string } => {
		if (ui.panel === 'containers') {
			if (!container) return { title: 'Detail', lines: [], message: 'No container selected.' };
			const d = containerDetail?.value;
			return { title: `Container ${container.name}`, lines: d ? containerDetailLines(d, container) : [], message: containerDetail?.error ?? (d ? undefined : 'Loading…') };
		}
		if (ui.panel === 'layers') {
			const layer = layers[layerCursor];
			if (!layer) return { title: 'Layer', lines: [], message: image ? 'No step selected.' : 'No image selected.' };
			return { title: `Layer of ${image ? imageLabel(image) : ''}`, lines: layerDetailLines(layer, `${layers.length - layerCursor} of ${layers.length} (1 = oldest)`, valueWidth) };
		}
		if (!image) return { title: 'Detail', lines: [], message: 'No image selected.' };
		const d = imageDetail?.value;
		return { title: `Image ${imageLabel(image)}`, lines: d ? imageDetailLines(d, usedBy.get(image.id) ?? 0) : [], message: imageDetail?.error ?? (d ? undefined : 'Loading…') };
	})();

	const tooSmall = columns < MIN_COLUMNS || rows < MIN_ROWS;
	const scopes = activeScopes({ overlay: ui.overlay, panel: ui.panel });
	const panelKeys: Record<PanelId, readonly string[]> = { containers: containers.map(c => c.id), images: images.map(i => i.key), layers: layerKeys };
	const page = (panel: PanelId) => Math.max(1, layout[panel].height - 3);

	const run = (id: ActionId) => {
		const ui = uiRef.current;
		const actions: Partial<Record<ActionId, UiAction | (() => void)>> = {
			'app.quit': () => exit(),
			'app.interrupt': () => exit(),
			'help.toggle': { type: 'help', open: ui.overlay !== 'help' },
			'help.close': { type: 'help', open: false },
			'focus.next': { type: 'focusStep', step: 1 },
			'focus.prev': { type: 'focusStep', step: -1 },
			'focus.containers': { type: 'focus', panel: 'containers' },
			'focus.images': { type: 'focus', panel: 'images' },
			'focus.layers': { type: 'focus', panel: 'layers' },
			'cursor.up': { type: 'move', keys: panelKeys[ui.panel], delta: -1 },
			'cursor.down': { type: 'move', keys: panelKeys[ui.panel], delta: 1 },
			'cursor.pageUp': { type: 'move', keys: panelKeys[ui.panel], delta: -page(ui.panel) },
			'cursor.pageDown': { type: 'move', keys: panelKeys[ui.panel], delta: page(ui.panel) },
			'cursor.first': { type: 'move', keys: panelKeys[ui.panel], to: 'first' },
			'cursor.last': { type: 'move', keys: panelKeys[ui.panel], to: 'last' },
			'detail.scrollUp': { type: 'detailScroll', delta: -Math.max(1, layout.detail.height - 3), max: maxDetailOffset(detail.lines.length, layout.detail.height) },
			'detail.scrollDown': { type: 'detailScroll', delta: Math.max(1, layout.detail.height - 3), max: maxDetailOffset(detail.lines.length, layout.detail.height) },
			'filter.start': { type: 'filterStart' },
			'filter.clear': { type: 'filterClear' },
			'filter.accept': { type: 'filterEnd', keep: true },
			'filter.cancel': { type: 'filterEnd', keep: false },
		};
		const action = actions[id];
		if (typeof action === 'function') action();
		else if (action) dispatch(action);
	};

	const handleKey = (name: string | undefined, input: string, key: Key) => {
		const ui = uiRef.current;
		if (tooSmall) {
			if (name === 'q' || name === 'ctrl+c') exit();
			return;
		}
		const binding = name ? lookup(name, activeScopes({ overlay: ui.overlay, panel: ui.panel })) : undefined;
		if (ui.overlay === 'help' && binding?.scope === 'list') {
			const step = binding.id === 'cursor.up' ? -1 : binding.id === 'cursor.down' ? 1 : binding.id === 'cursor.pageUp' ? -5 : binding.id === 'cursor.pageDown' ? 5 : 0;
			dispatch({ type: 'helpScroll', delta: step, max: Math.max(0, HELP_ROWS.length - helpPageSize(rows - 1)) });
			return;
		}
		if (binding) {
			run(binding.id);
			return;
		}
		if (ui.overlay === 'filter') {
			if (name === 'backspace' || name === 'delete') dispatch({ type: 'filterBackspace' });
			else if (input && !key.ctrl && !key.meta && !/[\u0000-\u001f\u007f]/.test(input)) dispatch({ type: 'filterType', text: input });
		}
	};

	useInput((input, key) => {
		const plainBurst = !key.ctrl && !key.meta && !key.escape && [...input].length > 1 && !/[\u0000-\u001f\u007f]/.test(input);
		if (plainBurst) for (const ch of input) handleKey(keyName(ch, key), ch, key);
		else handleKey(keyName(input, key), input, key);
	});

	if (tooSmall) return <TooSmall columns={columns} rows={rows} />;

	const connection = snapshot.connection;
	const stale = connection.status === 'down';
	const header = (
		<Header
			engine={snapshot.engine}
			width={columns}
			containers={snapshot.containers.length}
			running={snapshot.containers.filter(c => c.state === 'running').length}
			images={snapshot.images.length}
			readOnly={readOnly}
		/>
	);
	if (ui.overlay === 'help') {
		return (
			<Box flexDirection="column" width={columns} height={rows}>
				{header}
				<HelpOverlay width={columns} height={rows - 1} offset={ui.helpOffset} />
			</Box>
		);
	}
	const filterProps = (panel: PanelId) => ({ filter: ui.filters[panel], editing: ui.overlay === 'filter' && ui.panel === panel });
	const containersPanel = (
		<ContainersPanel
			{...layout.containers}
			containers={containers}
			facts={snapshot.facts}
			now={now}
			loaded={snapshot.loaded}
			focused={ui.panel === 'containers'}
			cursor={containerCursor}
			{...filterProps('containers')}
			total={snapshot.containers.length}
		/>
	);
	const imagesPanel = (
		<ImagesPanel {...layout.images} images={images} usedBy={usedBy} now={now} loaded={snapshot.loaded} focused={ui.panel === 'images'} cursor={imageCursor} {...filterProps('images')} total={snapshot.images.length} />
	);
	const layersPanel = (
		<LayersPanel
			{...layout.layers}
			image={image ? imageLabel(image) : undefined}
			resource={layersResource}
			visible={layers}
			focused={ui.panel === 'layers'}
			cursor={layerCursor}
			{...filterProps('layers')}
			total={allLayers.length}
		/>
	);
	const detailPanel = <DetailPanel {...layout.detail} title={detail.title} lines={detail.lines} message={detail.message} offset={ui.detailOffset} />;
	const status = ui.overlay === 'filter' ? 'typing a filter: Enter keeps it, Esc drops it' : snapshot.refreshError;
	return (
		<Box flexDirection="column" width={columns} height={rows}>
			{header}
			{stale ? <ConnectionBanner state={connection} width={columns} since={snapshot.syncedAt ? formatDateTime(snapshot.syncedAt) : 'never'} /> : null}
			{layout.side ? (
				<Box>
					<Box flexDirection="column">
						{containersPanel}
						{imagesPanel}
						{layersPanel}
					</Box>
					{detailPanel}
				</Box>
			) : (
				<Box flexDirection="column">
					{containersPanel}
					<Box>
						{imagesPanel}
						{layersPanel}
					</Box>
					{detailPanel}
				</Box>
			)}
			<Footer scopes={scopes} width={columns} status={status} />
		</Box>
	);
}
