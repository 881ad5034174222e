import readline from 'node:readline/promises';
import meow from 'meow';
import { cliBuildValues } from './forms/build-form.js';
import { logMemory, startStep } from './diagnostics.js';
import { connectEngine } from './docker/client.js';
import { resolveTarget, UsageError, type Target } from './docker/endpoint.js';
import { describeConnectError, engineMessage } from './docker/errors.js';
import { resolveDetachKeys } from './format/detach-keys.js';
import { DEFAULT_LOG_BUFFER } from './store/log-session.js';
import { Store } from './store/store.js';
import { containerRowsShown } from './components/layout.js';
import { configPath, engineSettings, loadConfig } from './config.js';
import { KEYMAP, setActiveKeymap } from './keymap/keymap.js';
import { language, LanguageError, pickLanguage, setLanguage, T } from './i18n/index.js';
import { cleanPlayground, createPlayground } from './playground.js';
import { VERSION } from './version.js';
import { ArgvError, asksHelpOrVersion, checkArgv, FLAGS, langFromArgv } from './cli-args.js';

/**
 * Reads the command line and the config file: the language first, since --help and every problem
 * with the command line are said in it. Nothing here runs when the module loads (the single
 * executable's startup snapshot evaluates the modules when it is built).
 */
function readCommandLine() {
	const argv = process.argv.slice(2);
	const early = loadConfig(configPath());
	try {
		setLanguage(pickLanguage(langFromArgv(argv), early.config.lang));
		// meow would print a stack for an option given twice and a bare "Unknown flag" for a typo
		if (!asksHelpOrVersion(argv)) checkArgv(argv);
	} catch (error) {
		if (!(error instanceof LanguageError) && !(error instanceof ArgvError)) throw error;
		process.stderr.write(`dockdeck: ${error.message}\n`);
		process.exit(2);
	}
	// a file with problems is read again once the language is known, so they are said in it
	const { config, problems } = language() === 'en' || early.problems.length === 0 ? early : loadConfig(configPath());

	const cli = meow(T.cli.help(configPath()), {
		importMeta: import.meta,
		// given, so that meow reads no package.json (there is none beside the single executable)
		pkg: { name: 'dockdeck', version: VERSION },
		version: VERSION,
		// with --help or --version the rest of the line is not read: they answer whatever else is there
		argv: asksHelpOrVersion(argv) ? argv.filter(a => ['-h', '--help', '-v', '--version'].includes(a)) : argv,
		// the help text says what dockdeck is, in the language in force
		description: false,
		flags: FLAGS,
		// checkArgv has held the line to FLAGS already
		allowUnknownFlags: true,
		autoHelp: true,
		autoVersion: true,
	});
	return { cli, config, problems };
}

type CommandLine = ReturnType<typeof readCommandLine>;

/** How long start-up waits for the event stream (the cue to list) before loading the screen's code anyway. */
const LISTS_WAIT_MS = 150;
/** How long the first frame waits for what it shows before it is drawn with "Loading…" where answers are missing. */
const FIRST_FRAME_WAIT_MS = 400;

/** Connects, or says why not and how to fix it, and exits. */
async function connectOrFail(endpoint: Target['endpoint']) {
	try {
		return await connectEngine(endpoint);
	} catch (error) {
		const problem = describeConnectError(error, endpoint);
		fail([problem.title, T.cli.fix(problem.fix)]);
	}
}

/** Prints a one-screen problem and exits non-zero; never a stack trace. */
function fail(lines: readonly string[], code = 1): never {
	process.stderr.write(`dockdeck: ${lines.join('\n  ')}\n`);
	process.exit(code);
}

async function main({ cli, config, problems }: CommandLine): Promise<void> {
	// meow answers --help and --version alone; with other options (--lang ko --help) they come here
	if (cli.flags.help) cli.showHelp(0);
	if (cli.flags.version) cli.showVersion();
	const command = cli.input[0];
	const building = command === 'build';
	const playground = command === 'playground';
	if (building && cli.input.length !== 2) fail([cli.input.length < 2 ? T.cli.buildNeedsPath : T.cli.buildOneFolder(cli.input[2]!)], 2);
	if (playground && cli.input.length > 1) fail([T.cli.playgroundNoArgs(cli.input[1]!)], 2);
	if (!building && !playground && cli.input.length > 0) fail([T.cli.unexpected(cli.input[0]!)], 2);
	const { tag, file, buildArg, target } = cli.flags;
	const noCache = !cli.flags.cache;
	const buildFlag =
		tag !== undefined
			? '--tag'
			: file !== undefined
				? '--file'
				: buildArg?.length
					? '--build-arg'
					: target !== undefined
						? '--target'
						: noCache
							? '--no-cache'
							: undefined;
	if (!building && buildFlag) fail([T.cli.flagNeeds(buildFlag, 'build PATH')], 2);
	const playFlag = cli.flags.image !== undefined ? '--image' : cli.flags.clean ? '--clean' : cli.flags.yes ? '--yes' : undefined;
	if (!playground && playFlag) fail([T.cli.flagNeeds(playFlag, 'playground')], 2);
	if (building && cli.flags.readOnly) fail([T.cli.buildReadOnly], 2);
	if (playground && cli.flags.readOnly) fail([T.cli.playgroundReadOnly], 2);
	const initialBuild = building ? cliBuildValues(cli.input[1]!, { tag, file, buildArg, target, noCache }) : undefined;
	let resolved: Target;
	try {
		resolved = resolveTarget({ host: cli.flags.host, context: cli.flags.context });
	} catch (error) {
		if (error instanceof UsageError) fail([error.message], 2);
		throw error;
	}
	const { endpoint, context } = resolved;
	const settings = engineSettings(config, endpoint.address, cli.flags.readOnly, context);
	if ((building || playground) && settings.readOnly)
		fail([T.cli.readOnlyEngine(building ? 'build' : 'playground', endpoint.address, configPath())], 2);
	let detach: ReturnType<typeof resolveDetachKeys>;
	try {
		detach = resolveDetachKeys(cli.flags.detachKeys ?? config.detachKeys);
	} catch (error) {
		fail([T.cli.detachKeys((error as Error).message)], 2);
	}
	const logBuffer = cli.flags.logBuffer === undefined ? (config.logBuffer ?? DEFAULT_LOG_BUFFER) : Number(cli.flags.logBuffer);
	if (!Number.isInteger(logBuffer) || logBuffer < 100 || logBuffer > 1_000_000) fail([T.cli.logBuffer(cli.flags.logBuffer)], 2);
	if (playground) return runPlayground(cli, endpoint, detach.keys.display);
	if (!process.stdin.isTTY || !process.stdout.isTTY) fail([T.cli.needsTerminal], 2);

	startStep('connecting');
	const engine = await connectOrFail(endpoint);
	startStep('connected');

	logMemory(process.env.DOCKDECK_MEMORY_LOG);

	const store = new Store(engine);
	store.start();
	const shownRows = containerRowsShown(process.stdout.columns || 120, process.stdout.rows || 40, Boolean(cli.flags.learn));
	const firstFrame = store.firstFrame(shownRows, FIRST_FRAME_WAIT_MS);
	// the lists are asked for before the screen's code loads: its evaluation holds the event loop
	// (~50 ms), so requests asked for meanwhile would go out only after it; the engine answers
	// them while the screen loads, and the first frame is drawn once, with what it shows
	await store.listsAsked(LISTS_WAIT_MS);
	startStep('lists-asked');
	const { showDashboard, checkKeymap } = await import('./ui.js');
	startStep('screen-code-loaded');
	await firstFrame;
	startStep('first-frame-read');
	const configFile = configPath();
	// the config file: a problem is reported on the screen and the rest of the settings still apply;
	// a remapping that makes two actions share a key keeps the default keys
	const C = T.misc.config;
	const keys = checkKeymap(config.keymap, KEYMAP, C.bound);
	setActiveKeymap(keys.keymap);
	// the key table is the first setting read from the file: its problems come first
	problems.unshift(...keys.conflicts.map(conflict => C.problem(configFile, 'keys', C.conflict(conflict))));
	const first = problems[0]?.startsWith(`${configFile}: `) ? problems[0].slice(configFile.length + 2) : problems[0];
	const configNotice =
		problems.length === 0 ? [] : problems.length === 1 ? [problems[0]!] : [T.cli.configProblems(problems.length, configFile, first ?? '')];
	const warnings = [...configNotice, ...(detach.warning ? [detach.warning] : [])];
	// the : key: another context, connected before the current one is let go
	const open = async (name: string) => {
		const next = resolveTarget({ context: name });
		const nextSettings = engineSettings(config, next.endpoint.address, cli.flags.readOnly, next.context);
		let nextEngine;
		try {
			nextEngine = await connectEngine(next.endpoint);
		} catch (error) {
			throw new Error(describeConnectError(error, next.endpoint).title.replace(/\.$/, ''));
		}
		const nextStore = new Store(nextEngine);
		nextStore.start();
		return {
			store: nextStore,
			engine: nextEngine,
			readOnly: nextSettings.readOnly,
			production: nextSettings.production,
			dockerContext: next.context,
		};
	};
	await showDashboard(
		{
			store,
			engine,
			readOnly: settings.readOnly,
			production: settings.production,
			dockerContext: context,
			detachKeys: detach.keys,
			logBuffer,
			startupNotice: warnings.length ? { text: warnings.join(' · '), tone: 'warn' as const } : undefined,
			initialBuild,
			learn: cli.flags.learn,
		},
		config.theme,
		building ? undefined : open,
	);
}

/** `dockdeck playground [--clean]`: plain lines and questions on the terminal, no dashboard. */
async function runPlayground(cli: CommandLine['cli'], endpoint: Target['endpoint'], detachKeys: string): Promise<void> {
	const engine = await connectOrFail(endpoint);
	const terminal = process.stdin.isTTY ? readline.createInterface({ input: process.stdin, output: process.stdout }) : undefined;
	const io = {
		ask: terminal ? (question: string) => terminal.question(question) : undefined,
		print: (line: string) => process.stdout.write(`${line}\n`),
	};
	try {
		process.exitCode = cli.flags.clean
			? await cleanPlayground(engine.api, { yes: cli.flags.yes }, io)
			: await createPlayground(engine.api, { image: cli.flags.image, detachKeys }, io);
	} catch (error) {
		fail([engineMessage(error)]);
	} finally {
		terminal?.close();
		engine.close();
	}
}

/** Runs dockdeck: the command line, then the dashboard, a build or the playground. */
export function run(): void {
	startStep('main-evaluated');
	main(readCommandLine()).catch((error: unknown) => fail([T.cli.internal(error instanceof Error ? error.message : String(error))]));
}
