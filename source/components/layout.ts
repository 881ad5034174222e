/** A box size in terminal cells. */
export interface Size { readonly width: number; readonly height: number }

/** Where each panel goes for a terminal size. */
export interface Layout {
	readonly containers: Size;
	readonly images: Size;
	readonly layers: Size;
	readonly detail: Size;
	/** True when the detail pane stands at the right of the three panels, full height. */
	readonly side: boolean;
}

/** Sizes the panels: wide terminals get a detail column; others stack it under the panels. */
export function computeLayout(columns: number, body: number): Layout {
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
			detail: { width: detailWidth, height: body },
		};
	}
	const containers = Math.max(7, Math.floor(body * 0.38));
	const middle = Math.max(6, Math.floor(body * 0.32));
	const imagesWidth = Math.floor(columns * 0.48);
	return {
		side: false,
		containers: { width: columns, height: containers },
		images: { width: imagesWidth, height: middle },
		layers: { width: columns - imagesWidth, height: middle },
		detail: { width: columns, height: Math.max(3, body - containers - middle) },
	};
}
