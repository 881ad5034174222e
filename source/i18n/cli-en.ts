/** What the command line prints in English: --help, and the one-line problems before the screen opens. */
export const cliEn = {
	help: (configFile: string) => `
  Usage
    $ dockdeck [options]
    $ dockdeck build PATH [build options] [options]
    $ dockdeck playground [--image <name>] [--clean [--yes]]

  A full-screen dashboard for one Docker engine: live containers, images and
  the layers of each image. Press ? inside for every key. "build" opens it
  building the folder PATH, step by step (the b key does the same inside).
  "playground" makes three labelled practice containers from a local image
  (detached, interactive, exited); --clean removes exactly those.

  Options
    -H, --host <address>  Engine to use: unix:///path/docker.sock, tcp://host:2375,
                          ssh://user@host. Default: $DOCKER_HOST, else the docker
                          context in use, else the local socket.
    -c, --context <name>  Docker context to use (docker context ls), as the docker CLI.
    --read-only           Never change the engine: every action that would is refused;
                          attach shows output only.
    --learn               Open with the learn pane: what the selected item is, in
                          plain words, with its real values (L toggles it).
    --lang <en|ko>        Language of the interface. Default: "lang" in the config,
                          else Korean for a Korean locale (LC_ALL, LC_MESSAGES, LANG).
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

  Playground options (with dockdeck playground)
    --image <name>        The local image to run (default: asks, from docker images).
    --clean               Remove the practice containers (by their label) and nothing else.
    -y, --yes             Do not ask before --clean removes them.

  Environment
    DOCKER_HOST, DOCKER_TLS_VERIFY, DOCKER_CERT_PATH, DOCKER_CONTEXT, DOCKER_CONFIG
                  as for the docker CLI.
    NO_COLOR      no colours.
    LANG, LC_ALL  a Korean locale (ko_KR.UTF-8) shows the interface in Korean.

  Configuration (keys, theme, language, log buffer, detach keys, read-only, per engine)
    ${configFile}

  Examples
    $ dockdeck
    $ dockdeck --host tcp://10.0.0.5:2375 --read-only
    $ dockdeck build . -t myapp:dev
    $ dockdeck playground && dockdeck --learn
`,
	args: {
		unknown: (option: string) => `unknown option ${option}: dockdeck --help lists the options`,
		unknownNear: (option: string, near: string) => `unknown option ${option}: did you mean ${near}? (dockdeck --help lists the options)`,
		needsValue: (option: string, example: string) => `${option} needs a value, as in ${example}`,
		empty: (option: string, example: string) => `${option} is empty: give it a value, as in ${example}`,
		twice: (option: string) => `${option} is given twice: give it once`,
		twiceAs: (first: string, then: string) => `${first} and ${then} are the same option, given twice: give it once`,
		noValue: (option: string) => `${option} is a switch and takes no value: write ${option} alone`,
	},
	badLanguage: (source: string, value: string) => `${source} "${value}" is not a language of dockdeck: use en or ko`,
	buildNeedsPath: 'dockdeck build needs the folder to build: dockdeck build PATH',
	buildOneFolder: (arg: string) => `unexpected argument "${arg}": dockdeck build takes one folder`,
	playgroundNoArgs: (arg: string) => `unexpected argument "${arg}": dockdeck playground takes options only (--image, --clean, --yes)`,
	unexpected: (arg: string) => `unexpected argument "${arg}": see dockdeck --help`,
	flagNeeds: (flag: string, command: string) => `${flag} goes with dockdeck ${command}: see dockdeck --help`,
	buildReadOnly: 'dockdeck build changes the engine, so it cannot go with --read-only',
	playgroundReadOnly: 'dockdeck playground changes the engine, so it cannot go with --read-only',
	readOnlyEngine: (command: string, address: string, file: string) =>
		`dockdeck ${command} changes the engine, and ${address} is read-only in ${file}`,
	detachKeys: (reason: string) => `--detach-keys: ${reason}`,
	logBuffer: (value: string | undefined) => `--log-buffer "${value}" is not valid: give a whole number of lines from 100 to 1000000`,
	needsTerminal: 'needs an interactive terminal: run it in a terminal, not through a pipe.',
	fix: (fix: string) => `Fix: ${fix}`,
	internal: (message: string) => `internal error: ${message}`,
	configProblems: (count: number, file: string, first: string) =>
		`${count} problems in ${file} (their defaults apply); the first: ${first}`,
};
