import { ListPanel, type ListPanelProps } from '../components/list-panel.js';
import { lazyRows, type Column, type Row, type RowList } from '../components/table.js';
import type { ImageRow } from '../model/types.js';
import type { ImageUsage } from '../model/usage.js';
import { formatAge } from '../format/age.js';
import { formatBytes } from '../format/bytes.js';
import { shortId } from '../format/ids.js';
import { perLanguage, T } from '../i18n/index.js';

const columns = perLanguage((c = T.images.columns): readonly Column[] => [
	{ title: c.ref, flex: 1, min: 20 },
	{ title: c.id, width: 12, optional: true },
	{ title: c.size, width: 7, align: 'right' },
	{ title: c.unique, width: 7, align: 'right', optional: true },
	{ title: c.shared, width: 7, align: 'right', optional: true },
	{ title: c.age, width: 4, align: 'right', optional: true },
	{ title: c.used, width: 4, align: 'right' },
]);

/** "repo:tag", or "<none> (dangling)" for an untagged image. */
export function imageLabel(image: ImageRow): string {
	return image.dangling
		? `${image.repository === '<none>' ? '<none>' : `${image.repository}@…`} (${T.images.dangling})`
		: `${image.repository}:${image.tag}`;
}

/**
 * Table rows for images: UNIQUE is what only this image holds, SHARED what it has in common with
 * other local images (the `docker system df -v` split); USED counts the containers created from it.
 */
export function imageRows(
	images: readonly ImageRow[],
	usedBy: ReadonlyMap<string, number>,
	now: number,
	usage?: ReadonlyMap<string, ImageUsage>,
	markImage?: string,
): RowList {
	return lazyRows(images, (image): Row => {
		const used = usedBy.get(image.id) ?? 0;
		const split = usage?.get(image.id);
		return {
			key: image.key,
			dim: image.dangling,
			mark: markImage !== undefined && image.id === markImage,
			cells: [
				image.dangling ? { text: imageLabel(image), tone: 'warn' as const } : imageLabel(image),
				shortId(image.id),
				formatBytes(image.size),
				split ? formatBytes(split.unique) : { text: '…', tone: 'muted' as const },
				split
					? { text: formatBytes(split.shared), tone: split.shared ? ('info' as const) : ('muted' as const) }
					: { text: '…', tone: 'muted' as const },
				formatAge(image.created, now),
				{ text: String(used), tone: used > 0 ? ('good' as const) : ('muted' as const) },
			],
		};
	});
}

/** The images panel (`docker images`), key 2. */
export function ImagesPanel(
	props: ListPanelProps & {
		readonly images: readonly ImageRow[];
		readonly usedBy: ReadonlyMap<string, number>;
		readonly now: number;
		readonly loaded: boolean;
		readonly usage?: ReadonlyMap<string, ImageUsage>;
		readonly markImage?: string;
	},
) {
	const { images, usedBy, now, filter, total, loaded, usage, markImage } = props;
	const dangling = images.filter(i => i.dangling).length;
	const empty = !loaded ? T.list.loading : filter ? T.images.noMatch(filter) : T.images.none;
	return (
		<ListPanel
			{...props}
			title={T.images.title}
			counts={T.images.counts(total, dangling)}
			columns={columns()}
			rows={imageRows(images, usedBy, now, usage, markImage)}
			empty={empty}
		/>
	);
}
