// The width of text made of the characters dockdeck's screens are built from, without the full
// rules. string-width segments text into graphemes (Intl.Segmenter, whose set-up costs ~20 ms)
// and tests each cluster against emoji regexes (compiling \p{RGI_Emoji} costs ~20 ms more) as soon
// as a string holds anything beyond printable ASCII: a border (─│╭), "·", "…", an arrow, Korean.
// The bundle has string-width ask here first (source/tools/bundle.mjs), and the full rules run
// only for text this cannot answer. test/unit/format.test.ts checks every answer against them.

/**
 * Cells a UTF-16 code unit takes when it stands alone, for code units that are a whole character
 * and can neither join nor be joined by the next one (no marks, joiners, selectors or surrogates,
 * no emoji that would take two cells). -1: only the full rules can tell.
 */
export function knownWidth(code: number): number {
	if (code >= 0x20 && code <= 0x7e) return 1;
	if (code < 0xa0) return -1;
	// Latin-1, Latin Extended, IPA, spacing modifiers (not the soft hyphen, which takes no cell)
	if (code <= 0x2ff) return code === 0xad ? -1 : 1;
	// dashes, quotes, bullets, ellipsis; per mille, primes, angle quotes, reference mark
	if ((code >= 0x2010 && code <= 0x2027) || (code >= 0x2030 && code <= 0x203b)) return 1;
	// arrows; control pictures (␛); box drawing and block elements; geometric shapes up to U+25FA
	if ((code >= 0x2190 && code <= 0x21ff) || (code >= 0x2400 && code <= 0x243f) || (code >= 0x2500 && code <= 0x25fa)) return 1;
	// check mark and ballot x, the replacement character
	if (code === 0x2713 || code === 0x2717 || code === 0xfffd) return 1;
	// Hangul compatibility jamo (not the filler U+3164, which takes no cell) and syllables: two cells each
	if ((code >= 0x3131 && code <= 0x318e && code !== 0x3164) || (code >= 0xac00 && code <= 0xd7a3)) return 2;
	return -1;
}

/** The cells `text` takes when every code unit of it has a known width, else -1. */
export function knownTextWidth(text: string): number {
	let width = 0;
	for (let i = 0; i < text.length; i++) {
		const w = knownWidth(text.charCodeAt(i));
		if (w < 0) return -1;
		width += w;
	}
	return width;
}
