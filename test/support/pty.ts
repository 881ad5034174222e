import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pty from 'node-pty';
import xterm from '@xterm/headless';

// DOCKDECK_BENCH_CLI runs another build (an older one, to measure both in one run)
const CLI = process.env.DOCKDECK_BENCH_CLI || path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../dist/cli.js');

/** A person's terminal is not a CI job: drop the variables that make libraries think it is. */
function withoutCi(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
	return Object.fromEntries(Object.entries(env).filter(([k]) => k !== 'CI' && k !== 'CONTINUOUS_INTEGRATION' && !k.startsWith('CI_')));
}

/** The built CLI running in a real pseudo-terminal, its screen kept by a headless xterm. */
export class Screen {
	private readonly term: xterm.Terminal;
	/** The headless terminal itself, for tools that read colours (the screenshot script). */
	get terminal(): xterm.Terminal {
		return this.term;
	}
	private readonly proc: pty.IPty;
	private pending = Promise.resolve();
	private waiters: (() => void)[] = [];
	private readonly chunkListeners = new Set<(data: string, at: number) => void>();
	/**
	 * False: output is kept raw but not fed to the terminal emulator, whose parsing would compete
	 * for the CPU with the program being measured (the benchmark's log flood). The screen is stale
	 * until it is set true again and the program redraws.
	 */
	emulate = true;
	/** Everything the program wrote, as raw text (escape sequences included). */
	raw = '';
	/** Bytes the program has written so far, and when (performance.now()) the last of them arrived. */
	written = 0;
	lastDataAt = 0;
	exitCode: number | undefined;
	readonly exited: Promise<number>;

	/** `args` go to the CLI; with `shell`, that shell command line runs instead (it can call the CLI as $DOCKDECK). */
	constructor(
		args: readonly string[],
		options: { cols?: number; rows?: number; env?: NodeJS.ProcessEnv; shell?: string; cwd?: string } = {},
	) {
		const cols = options.cols ?? 120;
		const rows = options.rows ?? 40;
		this.term = new xterm.Terminal({ cols, rows, allowProposedApi: true });
		const [file, argv] = options.shell ? ['/bin/sh', ['-c', options.shell]] : [process.execPath, [CLI, ...args]];
		this.proc = pty.spawn(file, argv, {
			cols,
			rows,
			name: 'xterm-256color',
			cwd: options.cwd,
			// no config file of the machine's user: a test that wants one passes DOCKDECK_CONFIG
			env: {
				...withoutCi(process.env),
				TERM: 'xterm-256color',
				DOCKDECK: `${process.execPath} ${CLI}`,
				DOCKDECK_CONFIG: '/nonexistent/dockdeck-test-config.json',
				LANG: 'C.UTF-8',
				LC_ALL: '',
				LC_MESSAGES: '',
				...options.env,
			} as Record<string, string>,
		});
		this.proc.onData(data => {
			this.lastDataAt = performance.now();
			this.written += Buffer.byteLength(data);
			this.raw += data;
			for (const listener of this.chunkListeners) listener(data, this.lastDataAt);
			if (!this.emulate) return;
			this.pending = this.pending.then(() => new Promise<void>(r => this.term.write(data, r)));
			if (this.waiters.length) {
				const waiters = this.waiters;
				this.waiters = [];
				void this.pending.then(() => waiters.forEach(w => w()));
			}
		});
		this.exited = new Promise(resolve =>
			this.proc.onExit(({ exitCode }) => {
				this.exitCode = exitCode;
				resolve(exitCode);
			}),
		);
	}

	/** Hears every chunk of output as it arrives, with its arrival time; returns the way to stop. */
	onChunk(listener: (data: string, at: number) => void): () => void {
		this.chunkListeners.add(listener);
		return () => this.chunkListeners.delete(listener);
	}

	/** Writes keys at once, without the pause `press` leaves after each. */
	type(keys: string): void {
		this.proc.write(keys);
	}

	/** The process id of the program in the terminal. */
	get pid(): number {
		return this.proc.pid;
	}

	/** The visible screen, one string per row, trailing spaces trimmed. */
	async lines(): Promise<string[]> {
		await this.pending;
		const buffer = this.term.buffer.active;
		const out: string[] = [];
		for (let i = 0; i < this.term.rows; i++) out.push(buffer.getLine(buffer.viewportY + i)?.translateToString(true) ?? '');
		return out;
	}

	/** The visible screen cell by cell: a wide character fills its first cell, its second is ''. */
	async cells(): Promise<string[][]> {
		await this.pending;
		const buffer = this.term.buffer.active;
		const rows: string[][] = [];
		for (let y = 0; y < this.term.rows; y++) {
			const line = buffer.getLine(buffer.viewportY + y);
			rows.push(Array.from({ length: this.term.cols }, (_, x) => line?.getCell(x)?.getChars() ?? ''));
		}
		return rows;
	}

	/**
	 * The foreground colour of the first cell of the first place `text` shows on screen: a palette
	 * index (0-15 the ANSI colours, up to 255), an "#rrggbb" colour, 'default', or undefined when the
	 * text is not on screen.
	 */
	async colourOf(text: string): Promise<number | string | undefined> {
		const lines = await this.lines();
		const y = lines.findIndex(l => l.includes(text));
		if (y < 0) return undefined;
		const line = this.term.buffer.active.getLine(this.term.buffer.active.viewportY + y)!;
		// the column in cells: wide characters before the text take two
		const skip = [...lines[y]!.slice(0, lines[y]!.indexOf(text))].length;
		let x = 0;
		for (let chars = 0; chars < skip || line.getCell(x)?.getWidth() === 0; x++) if (line.getCell(x)?.getWidth() !== 0) chars++;
		const cell = line.getCell(x)!;
		if (cell.isFgDefault()) return 'default';
		if (cell.isFgPalette()) return cell.getFgColor();
		return `#${cell.getFgColor().toString(16).padStart(6, '0')}`;
	}

	/**
	 * Where the boxes on screen are not closed: for each top corner (╭ ┌), the rows below it down to
	 * the matching bottom corner must have a vertical border in the same column, and the right
	 * corner likewise. A wide character counted as one cell pushes a border out of its column.
	 */
	async borderProblems(): Promise<string[]> {
		const cells = await this.cells();
		const problems: string[] = [];
		const vertical = new Set(['│', '├', '┤', '┼', '╰', '╯', '└', '┘', '┴']);
		cells.forEach((row, y) => {
			row.forEach((ch, x) => {
				if (ch !== '╭' && ch !== '┌') return;
				const right = row.findIndex((c, i) => i > x && (c === '╮' || c === '┐'));
				if (right < 0) return void problems.push(`row ${y}: a box opened at column ${x} has no right corner on its row`);
				for (let below = y + 1; below < cells.length; below++) {
					const left = cells[below]![x]!;
					if (left === '╰' || left === '└') {
						if (!['╯', '┘'].includes(cells[below]![right]!))
							problems.push(`row ${below}: the bottom border of the box at column ${x} does not end at column ${right}`);
						break;
					}
					if (!vertical.has(left)) problems.push(`row ${below}: no left border at column ${x} (found "${left}")`);
					if (!vertical.has(cells[below]![right]!))
						problems.push(`row ${below}: no right border at column ${right} (found "${cells[below]![right]}")`);
				}
			});
		});
		return problems;
	}

	async text(): Promise<string> {
		return (await this.lines()).join('\n');
	}

	/**
	 * Resolves once the program has written more than `seen` bytes (and the terminal has taken them
	 * in), or after `timeoutMs`.
	 */
	async nextOutput(seen: number, timeoutMs = 1000): Promise<void> {
		if (this.written !== seen) return await this.pending;
		await new Promise<void>(resolve => {
			const timer = setTimeout(resolve, timeoutMs);
			this.waiters.push(() => {
				clearTimeout(timer);
				resolve();
			});
		});
	}

	/** Waits until the screen satisfies `check` (a substring or a predicate), or fails showing the screen. */
	async waitFor(check: string | RegExp | ((screen: string) => boolean), timeoutMs = 5000): Promise<string> {
		const test =
			typeof check === 'string' ? (s: string) => s.includes(check) : check instanceof RegExp ? (s: string) => check.test(s) : check;
		const deadline = Date.now() + timeoutMs;
		let screen = '';
		while (Date.now() < deadline) {
			screen = await this.text();
			if (test(screen)) return screen;
			if (this.exitCode !== undefined) break;
			await new Promise(r => setTimeout(r, 20));
		}
		throw new Error(
			`screen never showed ${String(check)} within ${timeoutMs} ms${this.exitCode !== undefined ? ` (exited ${this.exitCode})` : ''}; it shows:\n${screen}`,
		);
	}

	/** Types keys as a person would, one at a time with a short pause. */
	async press(...keys: string[]): Promise<void> {
		for (const key of keys) {
			this.proc.write(key);
			await new Promise(r => setTimeout(r, 30));
		}
	}

	/** Selects a container or image by name: filters the focused panel to it and keeps the filter. */
	async select(name: string): Promise<void> {
		await this.press('/', ...name, '\r');
		await this.waitFor(`/${name}: `);
	}

	resize(cols: number, rows: number): void {
		this.proc.resize(cols, rows);
		this.term.resize(cols, rows);
	}

	kill(signal = 'SIGTERM'): void {
		try {
			this.proc.kill(signal);
		} catch {
			// already gone
		}
	}
}

/** The screen line that contains `text`, a table row starting with it first (a filter in a title also names it). */
export function rowOf(screen: string, text: string): string {
	const lines = screen.split('\n');
	return lines.find(l => l.includes(`│${text} `)) ?? lines.find(l => l.includes(text)) ?? '';
}

/** Key sequences a terminal sends. */
export const KEYS = {
	space: ' ',
	backspace: '\u007f',
	ctrlP: '\u0010',
	ctrlQ: '\u0011',
	ctrlU: '\u0015',
	up: '\u001b[A',
	down: '\u001b[B',
	enter: '\r',
	escape: '\u001b',
	tab: '\t',
	shiftTab: '\u001b[Z',
	ctrlC: '\u0003',
	pageDown: '\u001b[6~',
	pageUp: '\u001b[5~',
} as const;
