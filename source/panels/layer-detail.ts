import { displayWidth, graphemes } from '../format/text.js';
import type { LayerRow } from '../model/types.js';
import { formatDateTime } from '../format/age.js';
import { formatBytes } from '../format/bytes.js';
import type { DetailLine } from './detail-lines.js';
import { T } from '../i18n/index.js';

/** Splits a long value into pieces of `width` cells, so a full instruction can be read. */
export function chunk(text: string, width: number): string[] {
	// by display width, so wide characters never push a piece past the pane
	const out: string[] = [];
	let piece = '';
	for (const segment of graphemes(text)) {
		if (piece && displayWidth(piece + segment) > Math.max(1, width)) {
			out.push(piece);
			piece = '';
		}
		piece += segment;
	}
	if (piece) out.push(piece);
	return out.length ? out : [''];
}

/** The selected history step in full: instruction, kind, size, full digest. */
export function layerDetailLines(
	layer: LayerRow,
	position: string,
	valueWidth: number,
	sharedWith?: readonly string[],
	base?: string,
): DetailLine[] {
	const [first = '', ...rest] = chunk(layer.instruction, valueWidth);
	const L = T.detail.labels;
	const D = T.detail;
	return [
		{ label: L.step, value: position },
		{ label: L.instruction, value: first },
		...rest.map(value => ({ label: '', value })),
		{
			label: L.kind,
			value: layer.empty ? D.kindMetadata : D.kindLayer,
			tone: layer.empty ? ('muted' as const) : ('info' as const),
		},
		...(base ? [{ label: L.from, value: D.fromBase(base), tone: 'info' as const }] : []),
		{ label: L.size, value: formatBytes(layer.size) },
		{ label: L.created, value: formatDateTime(layer.created || undefined) },
		{ label: L.digest, value: layer.digest ?? (layer.empty ? '-' : D.digestUnknown) },
		...(layer.empty || !sharedWith
			? []
			: sharedWith.length
				? [
						{ label: L.alsoIn, value: D.alsoIn(sharedWith.length), tone: 'info' as const },
						...sharedWith.map(value => ({ label: '', value })),
					]
				: [{ label: L.alsoIn, value: D.alsoInNone, tone: 'muted' as const }]),
	];
}
