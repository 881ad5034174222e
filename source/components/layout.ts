/** A box size in terminal cells. */
export interface Size {
	readonly width: number;
	readonly height: number;
}

/** Where each panel goes for a terminal size. */
export interface Layout {
	readonly containers: Size;
	readonly images: Size;
	readonly layers: Size;
	readonly detail: Size;
	/** Learn mode's pane: above the detail pane in the side column, or in its place when stacked. */
	readonly learn?: Size;
	/** True when the detail pane stands at the right of the three panels, full height. */
	readonly side: boolean;
}

/** Sizes the panels: wide terminals get a detail column; others stack it under the panels. */
export function computeLayout(columns: number, body: number, learn = false, learnRows = 0): Layout {
	if (columns >= 150) {
		const detailWidth = Math.max(50, Math.floor(columns * 0.34));
		const left = columns - detailWidth;
		const containers = Math.floor(body * 0.44);
		const images = Math.floor((body - containers) / 2);
		return {
			side: true,
			containers: { width: left, height: containers },
			images: { width: left, height: images },
			layers: { width: left, height: body - containers - images },
			detail: { width: detailWidth, height: learn ? body - learnHeight(body, learnRows) : body },
			...(learn ? { learn: { width: detailWidth, height: learnHeight(body, learnRows) } } : {}),
		};
	}
	// learn mode gives the text more room and takes the detail pane's place
	const containers = Math.max(7, Math.floor(body * (learn ? 0.32 : 0.38)));
	const middle = Math.max(6, Math.floor(body * (learn ? 0.28 : 0.32)));
	const rest = Math.max(3, body - containers - middle);
	const imagesWidth = Math.floor(columns * 0.48);
	return {
		side: false,
		containers: { width: columns, height: containers },
		images: { width: imagesWidth, height: middle },
		layers: { width: columns - imagesWidth, height: middle },
		detail: { width: columns, height: learn ? 0 : rest },
		...(learn ? { learn: { width: columns, height: rest } } : {}),
	};
}

/** How many container rows the dashboard shows in a terminal of `columns` x `rows` (the frame's two lines, the panel's border and header apart). */
export function containerRowsShown(columns: number, rows: number, learn = false): number {
	return Math.max(0, computeLayout(columns, rows - 2, learn).containers.height - 3);
}

/**
 * The learn pane's share of the side column: all its lines when they fit, while the detail pane
 * keeps at least 8 rows; without a line count yet, nearly half.
 */
function learnHeight(body: number, rows: number): number {
	const most = Math.max(8, body - 8);
	return rows > 0 ? Math.max(6, Math.min(most, rows + 2)) : Math.max(8, Math.min(16, Math.floor(body * 0.45)));
}
