import { ListPanel, type ListPanelProps } from '../components/list-panel.js';
import type { Column, Row } from '../components/table.js';
import type { ImageLayers, LayerRow } from '../model/types.js';
import { formatBytes } from '../format/bytes.js';
import { shortDigest } from '../format/ids.js';
import type { Resource } from '../store/store.js';
import { perLanguage, T } from '../i18n/index.js';

const makeColumns = (names: boolean, build: boolean, c = T.layers.columns): readonly Column[] => [
	{ title: c.instruction, flex: 2, min: 12 },
	{ title: c.size, width: 7, align: 'right' },
	names ? { title: c.alsoIn, flex: 1, min: 8 } : { title: c.shared, width: 6, align: 'right' },
	build ? { title: c.build, width: 6 } : { title: c.digest, width: 12 },
	{ title: c.from, width: 6, optional: true },
];
// the four column sets, made once per language so the rows' memo holds
const columnSets = perLanguage(() => [
	makeColumns(false, false),
	makeColumns(false, true),
	makeColumns(true, false),
	makeColumns(true, true),
]);
const columns = (names: boolean, build: boolean) => columnSets()[(names ? 2 : 0) + (build ? 1 : 0)]!;

/** How the selected image's layers relate to the other local images. */
export interface LayerSharing {
	/** The other images (labels) that have this filesystem layer. */
	readonly others: (digest: string) => readonly string[];
	/** List their names instead of counting them. */
	readonly names: boolean;
	/** The local image this one was built on, and how many of the oldest steps are its. */
	readonly base?: { readonly label: string; readonly steps: number };
	/** Just built: the layers the tag's previous image had, to mark each layer new or the same. */
	readonly previous?: { readonly label: string; readonly layers: ReadonlySet<string> };
}

/** The "also in" cell: how many other local images have this layer, or their names ("…" while the other images' layers are still being read). */
function sharedCell(layer: LayerRow, sharing: LayerSharing | undefined, indexing: boolean) {
	if (layer.empty || !layer.digest || !sharing) return { text: layer.empty ? '' : indexing ? '…' : '?', tone: 'muted' as const };
	const others = sharing.others(layer.digest);
	if (sharing.names)
		return { text: others.length ? others.join(', ') : T.layers.onlyHere, tone: others.length ? ('info' as const) : ('muted' as const) };
	return { text: String(others.length), tone: others.length ? ('info' as const) : ('muted' as const) };
}

/**
 * One row per history step: what made it, its size, how many other images share its layer, its
 * layer digest or "metadata only", and whether it came from the base image.
 */
export function layerRows(layers: readonly LayerRow[], mapping: ImageLayers['mapping'], sharing?: LayerSharing, indexing = false): Row[] {
	const baseFrom = sharing?.base ? layers.length - sharing.base.steps : Infinity;
	return layers.map((layer, i) => ({
		key: String(i),
		dim: layer.empty,
		cells: [
			layer.instruction,
			formatBytes(layer.size),
			sharedCell(layer, sharing, indexing),
			sharing?.previous
				? layer.empty
					? { text: '', tone: 'muted' as const }
					: !layer.digest
						? { text: '?', tone: 'muted' as const }
						: sharing.previous.layers.has(layer.digest)
							? { text: T.layers.same, tone: 'muted' as const }
							: { text: T.layers.new, tone: 'good' as const }
				: layer.empty
					? { text: T.layers.metadata, tone: 'muted' as const }
					: layer.digest
						? { text: shortDigest(layer.digest).replace(/^sha256:/, ''), tone: 'info' as const }
						: { text: mapping === 'unknown' ? T.layers.unknown : T.layers.layer, tone: 'muted' as const },
			// the base's newest step is marked: below it, everything came with FROM
			i === baseFrom
				? { text: `${T.layers.base}▔▔`, tone: 'warn' as const }
				: i > baseFrom
					? { text: T.layers.base, tone: 'muted' as const }
					: { text: T.layers.own, tone: 'good' as const },
		],
	}));
}

/** "1 new, 3 same · ": how a just-built image's layers compare with the tag's previous image. */
function buildCounts(rows: readonly LayerRow[], previous: NonNullable<LayerSharing['previous']>): string {
	const own = rows.filter(r => !r.empty && r.digest);
	const same = own.filter(r => previous.layers.has(r.digest!)).length;
	return T.layers.buildCounts(own.length - same, same);
}

/** The layers panel (`docker image history`) for the selected image, key 3. */
export function LayersPanel(
	props: ListPanelProps & {
		readonly image?: string;
		readonly resource?: Resource<ImageLayers>;
		readonly visible: readonly LayerRow[];
		readonly sharing?: LayerSharing;
		/** The local images' layers are still being read: sharing is not known yet. */
		readonly indexing?: boolean;
	},
) {
	const { image, resource, visible, filter, total, sharing, indexing = false } = props;
	const layers = resource?.value;
	const fsLayers = layers?.rows.filter(r => !r.empty).length ?? 0;
	const previous = sharing?.previous && layers ? buildCounts(layers.rows, sharing.previous) : '';
	const counts = layers ? `${previous}${T.layers.counts(fsLayers, total, sharing?.base?.label, layers.mapping === 'unknown')}` : '';
	const empty = !image
		? T.layers.selectImage
		: resource?.error
			? T.layers.cannotRead(resource.error)
			: layers
				? filter
					? T.layers.noMatch(filter)
					: T.layers.noHistory
				: T.layers.loading;
	// the base boundary is counted from the oldest step, so it only holds for the unfiltered list
	const rows = layers
		? layerRows(
				visible,
				layers.mapping,
				sharing && visible.length !== layers.rows.length ? { ...sharing, base: undefined } : sharing,
				indexing,
			)
		: [];
	return (
		<ListPanel
			{...props}
			title={T.layers.title(image)}
			counts={counts}
			columns={columns(sharing?.names ?? false, Boolean(sharing?.previous))}
			rows={rows}
			empty={empty}
		/>
	);
}
