import { T } from './i18n/index.js';

/** One option of the command line: what meow parses, and what a one-line error shows as an example value. */
export interface FlagSpec {
	readonly type: 'string' | 'boolean';
	readonly shortFlag?: string;
	/** May be given more than once (each adds a value). */
	readonly isMultiple?: boolean;
	readonly default?: boolean;
	/** A value to show in "--host needs a value, as in --host …". */
	readonly example?: string;
}

/** Every option dockdeck takes; meow parses with it and checkArgv holds every command line to it first. */
export const FLAGS = {
	host: { type: 'string', shortFlag: 'H', example: 'unix:///var/run/docker.sock' },
	context: { type: 'string', shortFlag: 'c', example: 'default' },
	readOnly: { type: 'boolean', default: false },
	learn: { type: 'boolean', default: false },
	lang: { type: 'string', example: 'ko' },
	image: { type: 'string', example: 'busybox' },
	clean: { type: 'boolean', default: false },
	yes: { type: 'boolean', shortFlag: 'y', default: false },
	detachKeys: { type: 'string', example: 'ctrl-p,ctrl-q' },
	logBuffer: { type: 'string', example: '10000' },
	tag: { type: 'string', shortFlag: 't', example: 'myapp:dev' },
	file: { type: 'string', shortFlag: 'f', example: 'Dockerfile.dev' },
	buildArg: { type: 'string', isMultiple: true, example: 'VERSION=1.2' },
	target: { type: 'string', example: 'build' },
	// meow reads --no-cache as "cache: false"
	cache: { type: 'boolean', default: true },
	help: { type: 'boolean', shortFlag: 'h' },
	version: { type: 'boolean', shortFlag: 'v' },
} as const satisfies Record<string, FlagSpec>;

/** A command line dockdeck cannot take, said in one line. */
export class ArgvError extends Error {
	override readonly name = 'ArgvError';
}

const kebab = (name: string) => name.replace(/[A-Z]/g, c => `-${c.toLowerCase()}`);

/** The edit distance of two short strings, for "did you mean". */
function distance(a: string, b: string): number {
	const row = Array.from({ length: b.length + 1 }, (_, i) => i);
	for (let i = 1; i <= a.length; i++) {
		let previous = row[0]!;
		row[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const current = row[j]!;
			row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
			previous = current;
		}
	}
	return row[b.length]!;
}

/** True when --help or --version is asked for (before any --): they answer whatever else is on the line. */
export function asksHelpOrVersion(argv: readonly string[]): boolean {
	const end = argv.indexOf('--');
	return (end < 0 ? argv : argv.slice(0, end)).some(a => ['-h', '--help', '-v', '--version'].includes(a));
}

/**
 * The first --lang value on the line that looks like one, read before anything else so that every
 * other problem is said in that language; undefined when there is none.
 */
export function langFromArgv(argv: readonly string[]): string | undefined {
	for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
		const arg = argv[i]!;
		if (arg.startsWith('--lang=')) return arg.slice(7);
		if (arg === '--lang' && argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('-')) return argv[i + 1];
	}
	return undefined;
}

/**
 * Holds a command line to the option table before meow reads it, so that every mistake is one line
 * that says what is wrong and what to type: an unknown option (with the nearest known one), an
 * option without its value, a value that is empty, an option given twice, a value given to a switch.
 */
export function checkArgv(argv: readonly string[], flags: Readonly<Record<string, FlagSpec>> = FLAGS): void {
	const C = T.cli.args;
	const byLong = new Map(Object.entries(flags).map(([name, spec]) => [kebab(name), { name, spec }]));
	const byShort = new Map(
		Object.entries(flags).flatMap(([name, spec]) => (spec.shortFlag ? [[spec.shortFlag, { name, spec }] as const] : [])),
	);
	const seen = new Map<string, string>();
	const given = (name: string, as: string) => {
		const before = seen.get(name);
		if (before !== undefined && !flags[name]!.isMultiple) throw new ArgvError(before === as ? C.twice(as) : C.twiceAs(before, as));
		seen.set(name, as);
	};
	const unknown = (as: string): never => {
		const known = [...byLong.keys()].map(k => `--${k}`);
		const near = known.map(k => [k, distance(as, k)] as const).sort((a, b) => a[1] - b[1])[0];
		throw new ArgvError(near && near[1] <= 2 ? C.unknownNear(as, near[0]) : C.unknown(as));
	};
	const value = (as: string, spec: FlagSpec, inline: string | undefined, next: string | undefined): number => {
		const example = `${as} ${spec.example ?? 'VALUE'}`;
		if (inline !== undefined) {
			if (!inline.trim()) throw new ArgvError(C.empty(as, example));
			return 0;
		}
		if (next === undefined || (next.startsWith('-') && next.length > 1)) throw new ArgvError(C.needsValue(as, example));
		if (!next.trim()) throw new ArgvError(C.empty(as, example));
		return 1;
	};
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		if (arg === '--') return;
		if (!arg.startsWith('-') || arg === '-' || /^-\d/.test(arg)) continue;
		if (arg.startsWith('--')) {
			const [body, inline] = arg.includes('=')
				? [arg.slice(2, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
				: [arg.slice(2), undefined];
			const negated = body.startsWith('no-') && byLong.get(body.slice(3))?.spec.type === 'boolean';
			const found = byLong.get(negated ? body.slice(3) : body);
			if (!found) unknown(`--${body}`);
			const { name, spec } = found!;
			given(name, `--${body}`);
			if (spec.type === 'boolean') {
				if (inline !== undefined && !/^(true|false)$/.test(inline)) throw new ArgvError(C.noValue(`--${body}`));
			} else i += value(`--${body}`, spec, inline, argv[i + 1]);
			continue;
		}
		// short options: -H value, -Hvalue, or switches together (-yh)
		for (let j = 1; j < arg.length; j++) {
			const found = byShort.get(arg[j]!);
			if (!found) unknown(`-${arg[j]}`);
			const { name, spec } = found!;
			given(name, `-${arg[j]}`);
			if (spec.type === 'boolean') continue;
			const rest = arg.slice(j + 1);
			i += value(`-${arg[j]}`, spec, rest || undefined, argv[i + 1]);
			break;
		}
	}
}
