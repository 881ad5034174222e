import type { LayerRow } from '../docker/types.js';
import { formatDateTime } from '../format/age.js';
import { formatBytes } from '../format/bytes.js';
import type { DetailLine } from './detail-lines.js';

/** Splits a long value into pieces of `width` characters, so a full instruction can be read. */
export function chunk(text: string, width: number): string[] {
	const out: string[] = [];
	for (let i = 0; i < text.length; i += Math.max(1, width)) out.push(text.slice(i, i + Math.max(1, width)));
	return out.length ? out : [''];
}

/** The selected history step in full: instruction, kind, size, full digest. */
export function layerDetailLines(layer: LayerRow, position: string, valueWidth: number, sharedWith?: readonly string[], base?: string): DetailLine[] {
	const [first = '', ...rest] = chunk(layer.instruction, valueWidth);
	return [
		{ label: 'Step', value: position },
		{ label: 'Instruction', value: first },
		...rest.map(value => ({ label: '', value })),
		{
			label: 'Kind',
			value: layer.empty ? 'metadata only: changed the image config, added no files' : 'filesystem layer: read-only, shared by every image and container built on it',
			tone: layer.empty ? ('muted' as const) : ('info' as const),
		},
		...(base ? [{ label: 'From', value: `the base image ${base}: this step came with FROM`, tone: 'info' as const }] : []),
		{ label: 'Size', value: formatBytes(layer.size) },
		{ label: 'Created', value: formatDateTime(layer.created || undefined) },
		{ label: 'Digest', value: layer.digest ?? (layer.empty ? '-' : 'not known (history and layers did not match)') },
		...(layer.empty || !sharedWith
			? []
			: sharedWith.length
				? [{ label: 'Also in', value: `${sharedWith.length} other image${sharedWith.length === 1 ? '' : 's'}: stored once, shared`, tone: 'info' as const }, ...sharedWith.map(value => ({ label: '', value }))]
				: [{ label: 'Also in', value: 'no other local image: removing this image frees it', tone: 'muted' as const }]),
	];
}
