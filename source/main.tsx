import meow from 'meow';
import { cliBuildValues } from './actions/build-form.js';
import { logMemory } from './diagnostics.js';
import { connectEngine } from './docker/client.js';
import { resolveTarget, UsageError, type Target } from './docker/endpoint.js';
import { describeConnectError } from './docker/errors.js';
import { resolveDetachKeys } from './format/detach-keys.js';
import { DEFAULT_LOG_BUFFER } from './store/log-session.js';
import { Store } from './store/store.js';
import { configPath, engineSettings, loadConfig } from './config.js';
import { setActiveKeymap } from './keymap/keymap.js';

const cli = meow(
	`
  Usage
    $ dockdeck [options]
    $ dockdeck build PATH [build options] [options]

  A full-screen dashboard for one Docker engine: live containers, images and
  the layers of each image. Press ? inside for every key. "build" opens it
  building the folder PATH, step by step (the b key does the same inside).

  Options
    -H, --host <address>  Engine to use: unix:///path/docker.sock, tcp://host:2375,
                          ssh://user@host. Default: $DOCKER_HOST, else the docker
                          context in use, else the local socket.
    -c, --context <name>  Docker context to use (docker context ls), as the docker CLI.
    --read-only           Never change the engine: every action that would is refused;
                          attach shows output only.
    --detach-keys <keys>  Keys that leave an attached container running. Default:
                          detachKeys in ~/.docker/config.json, else ctrl-p,ctrl-q.
    --log-buffer <lines>  Log lines kept in memory per logs view (default 10000).
    -h, --help            Show this help.
    -v, --version         Show the version.

  Build options (with dockdeck build PATH)
    -t, --tag <name:tag>  Name the image (default: no name, as docker build).
    -f, --file <path>     The Dockerfile (default: PATH/Dockerfile).
    --build-arg <K=V>     Set a build-time ARG; give it again for more.
    --target <stage>      Build up to this stage of a multi-stage Dockerfile.
    --no-cache            Run every step again instead of using the cache.

  Environment
    DOCKER_HOST, DOCKER_TLS_VERIFY, DOCKER_CERT_PATH, DOCKER_CONTEXT, DOCKER_CONFIG
                  as for the docker CLI.
    NO_COLOR      no colours.

  Configuration (keys, theme, log buffer, detach keys, read-only, per engine)
    ${configPath()}

  Examples
    $ dockdeck
    $ dockdeck --host tcp://10.0.0.5:2375 --read-only
    $ dockdeck build . -t myapp:dev
`,
	{
		importMeta: import.meta,
		flags: {
			host: { type: 'string', shortFlag: 'H' },
			context: { type: 'string', shortFlag: 'c' },
			readOnly: { type: 'boolean', default: false },
			detachKeys: { type: 'string' },
			logBuffer: { type: 'string' },
			tag: { type: 'string', shortFlag: 't' },
			file: { type: 'string', shortFlag: 'f' },
			buildArg: { type: 'string', isMultiple: true },
			target: { type: 'string' },
			// meow reads --no-cache as "cache: false"
			cache: { type: 'boolean', default: true },
			help: { type: 'boolean', shortFlag: 'h' },
			version: { type: 'boolean', shortFlag: 'v' },
		},
		allowUnknownFlags: false,
		autoHelp: true,
		autoVersion: true,
	},
);

/** Prints a one-screen problem and exits non-zero; never a stack trace. */
function fail(lines: readonly string[], code = 1): never {
	process.stderr.write(`dockdeck: ${lines.join('\n  ')}\n`);
	process.exit(code);
}

async function main(): Promise<void> {
	const building = cli.input[0] === 'build';
	if (building && cli.input.length !== 2) fail([cli.input.length < 2 ? 'dockdeck build needs the folder to build: dockdeck build PATH' : `unexpected argument "${cli.input[2]}": dockdeck build takes one folder`], 2);
	if (!building && cli.input.length > 0) fail([`unexpected argument "${cli.input[0]}": see dockdeck --help`], 2);
	const { tag, file, buildArg, target } = cli.flags;
	const noCache = !cli.flags.cache;
	const buildFlag = tag !== undefined ? '--tag' : file !== undefined ? '--file' : buildArg?.length ? '--build-arg' : target !== undefined ? '--target' : noCache ? '--no-cache' : undefined;
	if (!building && buildFlag) fail([`${buildFlag} goes with dockdeck build PATH: see dockdeck --help`], 2);
	if (building && cli.flags.readOnly) fail(['dockdeck build changes the engine, so it cannot go with --read-only'], 2);
	const initialBuild = building ? cliBuildValues(cli.input[1]!, { tag, file, buildArg, target, noCache }) : undefined;
	let resolved: Target;
	try {
		resolved = resolveTarget({ host: cli.flags.host, context: cli.flags.context });
	} catch (error) {
		if (error instanceof UsageError) fail([error.message], 2);
		throw error;
	}
	const { endpoint, context } = resolved;
	// the config file: a problem is reported on the screen and the rest of the settings still apply
	const { config, problems } = loadConfig(configPath());
	setActiveKeymap(config.keymap);
	const settings = engineSettings(config, endpoint.address, cli.flags.readOnly, context);
	if (building && settings.readOnly) fail([`dockdeck build changes the engine, and ${endpoint.address} is read-only in ${configPath()}`], 2);
	let detach: ReturnType<typeof resolveDetachKeys>;
	try {
		detach = resolveDetachKeys(cli.flags.detachKeys ?? config.detachKeys);
	} catch (error) {
		fail([`--detach-keys: ${(error as Error).message}`], 2);
	}
	const logBuffer = cli.flags.logBuffer === undefined ? (config.logBuffer ?? DEFAULT_LOG_BUFFER) : Number(cli.flags.logBuffer);
	if (!Number.isInteger(logBuffer) || logBuffer < 100 || logBuffer > 1_000_000) fail([`--log-buffer "${cli.flags.logBuffer}" is not valid: give a whole number of lines from 100 to 1000000`], 2);
	if (!process.stdin.isTTY || !process.stdout.isTTY) fail(['needs an interactive terminal: run it in a terminal, not through a pipe.'], 2);

	let engine;
	try {
		engine = await connectEngine(endpoint);
	} catch (error) {
		const problem = describeConnectError(error, endpoint);
		fail([problem.title, `Fix: ${problem.fix}`]);
	}

	logMemory(process.env.DOCKDECK_MEMORY_LOG);

	const store = new Store(engine);
	store.start();
	// The screen (React, Ink and its layout engine) loads while the engine answers the first lists.
	const { showDashboard } = await import('./ui.js');
	const configFile = configPath();
	const first = problems[0]?.startsWith(`${configFile}: `) ? problems[0].slice(configFile.length + 2) : problems[0];
	const configNotice = problems.length === 0 ? [] : problems.length === 1 ? [problems[0]!] : [`${problems.length} problems in ${configFile} (their defaults apply); the first: ${first}`];
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
		return { store: nextStore, engine: nextEngine, readOnly: nextSettings.readOnly, production: nextSettings.production, dockerContext: next.context };
	};
	await showDashboard(
		{ store, engine, readOnly: settings.readOnly, production: settings.production, dockerContext: context, detachKeys: detach.keys, logBuffer, startupNotice: warnings.length ? { text: warnings.join(' · '), tone: 'warn' as const } : undefined, initialBuild },
		config.theme,
		building ? undefined : open,
	);
}

main().catch((error: unknown) => fail([`internal error: ${error instanceof Error ? error.message : String(error)}`]));
