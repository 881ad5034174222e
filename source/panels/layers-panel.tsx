import { ListPanel, type ListPanelProps } from '../components/list-panel.js';
import type { Column, Row } from '../components/table.js';
import type { ImageLayers, LayerRow } from '../docker/types.js';
import { formatBytes } from '../format/bytes.js';
import { shortDigest } from '../format/ids.js';
import type { Resource } from '../store/store.js';

const COLUMNS: readonly Column[] = [
	{ title: 'INSTRUCTION (newest first)', flex: 1, min: 12 },
	{ title: 'SIZE', width: 7, align: 'right' },
	{ title: 'LAYER DIGEST', width: 12 },
];

/** One row per history step: what made it, its size, and its layer digest or "metadata only". */
export function layerRows(layers: readonly LayerRow[], mapping: ImageLayers['mapping']): Row[] {
	return layers.map((layer, i) => ({
		key: String(i),
		dim: layer.empty,
		cells: [
			layer.instruction,
			formatBytes(layer.size),
			layer.empty
				? { text: 'metadata', tone: 'muted' as const }
				: layer.digest
					? { text: shortDigest(layer.digest).replace(/^sha256:/, ''), tone: 'info' as const }
					: { text: mapping === 'unknown' ? 'unknown' : 'layer', tone: 'muted' as const },
		],
	}));
}

/** The layers panel (`docker image history`) for the selected image, key 3. */
export function LayersPanel(props: ListPanelProps & { readonly image?: string; readonly resource?: Resource<ImageLayers>; readonly visible: readonly LayerRow[] }) {
	const { image, resource, visible, filter, total } = props;
	const layers = resource?.value;
	const fsLayers = layers?.rows.filter(r => !r.empty).length ?? 0;
	const counts = layers ? `${fsLayers} layers · ${total} steps${layers.mapping === 'unknown' ? ' · digests unknown' : ''}` : '';
	const empty = !image ? 'Select an image to see its layers.' : resource?.error ? `Cannot read layers: ${resource.error}` : layers ? (filter ? `No step matches "${filter}"` : 'No history recorded.') : 'Loading layers…';
	const rows = layers ? layerRows(visible, layers.mapping) : [];
	return <ListPanel {...props} title={`3 Layers${image ? ` of ${image}` : ''}`} counts={counts} columns={COLUMNS} rows={rows} empty={empty} />;
}
