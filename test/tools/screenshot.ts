// npm run media: starts the test engine with its fixtures, runs the real dashboard in a pty, and
// writes what the terminal shows, colours included, to media/dashboard.svg for the README.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIXTURES, startEngine } from '../support/engine.js';
import { Screen } from '../support/pty.js';

const MEDIA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../media');
const PALETTE = [
	'#1e1e1e',
	'#e06c75',
	'#98c379',
	'#e5c07b',
	'#61afef',
	'#c678dd',
	'#56b6c2',
	'#d7dae0',
	'#7f848e',
	'#ff7b86',
	'#b5e890',
	'#ffd580',
	'#82c4ff',
	'#e0a2f5',
	'#7fe3ef',
	'#ffffff',
];
const FG = '#d7dae0';
const BG = '#1e1e1e';
const CELL_W = 8.4;
const CELL_H = 17;

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function color(
	mode: 'fg' | 'bg',
	cell: {
		isFgDefault(): boolean;
		isBgDefault(): boolean;
		isFgPalette(): boolean;
		isBgPalette(): boolean;
		isFgRGB(): boolean;
		isBgRGB(): boolean;
		getFgColor(): number;
		getBgColor(): number;
	},
): string | undefined {
	const isDefault = mode === 'fg' ? cell.isFgDefault() : cell.isBgDefault();
	if (isDefault) return undefined;
	const value = mode === 'fg' ? cell.getFgColor() : cell.getBgColor();
	if (mode === 'fg' ? cell.isFgRGB() : cell.isBgRGB()) return `#${value.toString(16).padStart(6, '0')}`;
	return PALETTE[value] ?? (mode === 'fg' ? FG : BG);
}

type CellLike = Parameters<typeof color>[1] & { isInverse(): number; isBold(): number; isDim(): number };

/** A cell's effective colours (inverse applied) and a key that is equal for cells drawn alike. */
function styleOf(cell: CellLike): { fg: string; bg: string | undefined; key: string } {
	let fg = color('fg', cell) ?? FG;
	let bg = color('bg', cell);
	if (cell.isInverse() !== 0) [fg, bg] = [bg ?? BG, fg];
	return { fg, bg, key: `${fg}|${bg}|${cell.isBold()}|${cell.isDim()}` };
}

/** Renders the xterm buffer as an SVG: one <text> per run of equal style, background rectangles under it. */
function toSvg(screen: Screen): string {
	const term = screen.terminal;
	const buffer = term.buffer.active;
	const parts: string[] = [];
	for (let y = 0; y < term.rows; y++) {
		const line = buffer.getLine(buffer.viewportY + y);
		if (!line) continue;
		let x = 0;
		while (x < term.cols) {
			const cell = line.getCell(x);
			if (!cell) break;
			const { fg, bg, key } = styleOf(cell);
			let text = '';
			const start = x;
			while (x < term.cols) {
				const c = line.getCell(x);
				if (!c || styleOf(c).key !== key) break;
				text += c.getChars() || (c.getWidth() === 0 ? '' : ' ');
				x += Math.max(1, c.getWidth());
			}
			if (bg)
				parts.push(
					`<rect x="${(start * CELL_W).toFixed(1)}" y="${y * CELL_H}" width="${((x - start) * CELL_W).toFixed(1)}" height="${CELL_H}" fill="${bg}"/>`,
				);
			if (text.trim()) {
				const attrs = `${cell.isBold() ? ' font-weight="bold"' : ''}${cell.isDim() ? ' opacity="0.6"' : ''}`;
				parts.push(
					`<text x="${(start * CELL_W).toFixed(1)}" y="${y * CELL_H + 13}" fill="${fg}"${attrs} textLength="${((x - start) * CELL_W).toFixed(1)}" lengthAdjust="spacingAndGlyphs" xml:space="preserve">${escapeXml(text)}</text>`,
				);
			}
		}
	}
	const w = Math.ceil(term.cols * CELL_W);
	const h = term.rows * CELL_H;
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="DejaVu Sans Mono, Menlo, Consolas, NanumGothicCoding, Noto Sans Mono CJK KR, monospace" font-size="14">\n<rect width="100%" height="100%" fill="${BG}"/>\n${parts.join('\n')}\n</svg>\n`;
}

const engine = await startEngine(line => console.log(line));
try {
	const screen = new Screen(['--host', engine.host], { cols: 120, rows: 36, env: { FORCE_COLOR: '3' } });
	await screen.waitFor(s => s.includes(FIXTURES.ticker) && s.includes('-it') && s.includes('exit 3'), 10_000);
	await screen.press('2');
	for (let i = 0; i < 10 && !(await screen.text()).includes(`3 Layers of ${FIXTURES.demoImage}`); i++) await screen.press('j');
	await screen.waitFor(s => s.includes(`3 Layers of ${FIXTURES.demoImage}`) && s.includes('WORKDIR /app') && s.includes('Only here'), 5000);
	await new Promise(r => setTimeout(r, 300));
	await screen.lines();
	fs.mkdirSync(MEDIA, { recursive: true });
	fs.writeFileSync(path.join(MEDIA, 'dashboard.svg'), toSvg(screen));
	console.log(`wrote media/dashboard.svg (${screen.terminal.cols}x${screen.terminal.rows})`);
	await screen.press('q');
	await screen.exited;

	// learn mode on the -it fixture, in English and, at 80x24, in Korean
	for (const [file, cols, rows, env, expect] of [
		['learn.svg', 120, 36, {}, 'runs with an interactive terminal'],
		['learn-ko.svg', 80, 24, { LANG: 'ko_KR.UTF-8' }, '대화형 터미널'],
	] as const) {
		const learn = new Screen(['--host', engine.host, '--learn'], { cols, rows, env: { FORCE_COLOR: '3', ...env } });
		await learn.waitFor(FIXTURES.shell, 10_000);
		await learn.select(FIXTURES.shell);
		await learn.press('\u001b');
		await learn.waitFor(s => s.includes(expect), 5000);
		await new Promise(r => setTimeout(r, 500));
		await learn.lines();
		fs.writeFileSync(path.join(MEDIA, file), toSvg(learn));
		console.log(`wrote media/${file} (${cols}x${rows})`);
		await learn.press('q');
		await learn.exited;
	}
} finally {
	await engine.stop();
}
