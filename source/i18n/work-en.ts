import { plural } from './plural.js';

/** Attach, exec, run, commit, rmi, tag, save and the forms' outcomes, in English. */
export const workEn = {
	attach: {
		stdinClosed: 'its stdin is not open',
		outputOnly: (name: string, command: string, why: string, keys: string) =>
			`Attached to the output of PID 1 of ${name} (${command}); input is not connected (${why}). ${keys} or Ctrl-C returns to dockdeck; the container keeps running.`,
		intro: (name: string, command: string, keys: string, tty: boolean) =>
			`Attached to PID 1 of ${name} (${command}). Detach with ${keys} and it keeps running; Ctrl-C goes to its main process and may stop it.${tty ? ' Press Enter if no prompt shows.' : ''}`,
		cannot: (name: string, why: string) => `Cannot attach to ${name}: ${why}`,
		startsAttaches: 'A starts it and attaches (docker start -ai)',
		startsShows: 'A starts it and shows its output',
		notRunning: (name: string, state: string, how: string) => `${name} is not running (${state}): ${how}; l shows its logs.`,
		readOnlyStart: (name: string) => `Starting ${name} is off under --read-only; l shows its logs.`,
		paused: (name: string) => `${name} is paused: unpause it first (docker unpause ${name}).`,
		failed: (name: string, why: string) => `Attach to ${name} failed: ${why}`,
		detached: (name: string) => `Detached from ${name}; it keeps running.`,
		exited: (name: string, code: number | string) => `${name} exited with code ${code} while attached.`,
		gone: (name: string, why: string) => `${name} is gone: ${why}`,
	},
	exec: {
		shell: 'bash, else sh',
		notFound: ': not found or not executable in the container',
		readOnly: 'Exec is off under --read-only: a new process can change the container. l shows its logs.',
		needsRunning: (name: string, state: string) => `Exec needs a running container; ${name} is ${state}.`,
		notRun: (why: string) => `Not run: ${why}.`,
		intro: (name: string, shown: string, keys: string) =>
			`A new process in ${name}: ${shown}. Leaving it (exit, or ${keys}) does not stop the container; a attaches to PID 1 instead.`,
		left: (shown: string, name: string) => `Left ${shown} running in ${name} (detached).`,
		ended: (shown: string, code: number | null, meaning: string, name: string) =>
			`${shown} ended with code ${code}${meaning}; ${name} keeps running.`,
		failed: (name: string, why: string) => `Exec in ${name} failed: ${why}`,
	},
	run: {
		failed: (why: string) => `docker run failed, nothing was created: ${why}`,
		notStarted: (label: string, why: string, rm: boolean) =>
			`${label} was created but did not start: ${why}${rm ? '' : ' (it stays as created; d removes it)'}`,
		started: (label: string, command: string) => `Started ${label} detached: ${command}`,
		itsCommand: 'its command',
		runFailed: (label: string, why: string) => `${label} was created but the run failed: ${why}`,
		exited: (label: string, code: number | string, removed: boolean) =>
			`${label} exited with code ${code}${removed ? ' and was removed (--rm)' : ''}.`,
	},
	commit: {
		reference: (name: string) => `Commit ${name} as (repository[:tag])`,
		message: 'Message (docker commit -m; Enter for none)',
		author: 'Author (docker commit -a; Enter for none)',
		changes: 'Changes (-c), separated by ; e.g. CMD ["sh"]; ENV MODE=prod (Enter for none)',
		noDigest: 'an image name cannot carry a digest (@sha256:...)',
		badChange: (change: string) =>
			`"${change}" is not a change commit accepts: use CMD, ENTRYPOINT, ENV, EXPOSE, HEALTHCHECK, LABEL, ONBUILD, STOPSIGNAL, USER, VOLUME or WORKDIR`,
		done: (name: string, ref: string, id: string, command: string) => `Committed ${name} as ${ref} (${id}): ${command}`,
		gone: (name: string) => `${name} was removed meanwhile: nothing was committed.`,
	},
	rmi: {
		onlyName: (tags: string) => `Only this name goes: the image stays, still tagged ${tags}.`,
		deleted: 'The image is deleted with every layer no other image uses. Pulling or building it again is the only way back.',
		unused: 'No container uses it.',
		usedBy: (n: number, names: string, running: string) =>
			`Used by ${plural(n, 'container')}: ${names}${running ? ` (running: ${running})` : ''}.`,
		refuseRunning: (names: string) => `Docker refuses while a running container uses it, even with force: stop and remove ${names} first.`,
		refuseStopped: (names: string) =>
			`Stopped containers use it (${names}): press f to force (the name goes; its layers stay while those containers exist), or remove them first.`,
		untagTitle: (ref: string) => `Untag ${ref}?`,
		removeTitle: (ref: string) => `Remove image ${ref}?`,
		force: 'force (stopped containers use it)',
		untag: 'untag',
		remove: 'remove',
		deletedCount: (n: number) => `; deleted ${plural(n, 'image and layer record')}`,
		stays: '; the image stays',
		removed: (ref: string, untagged: number, deleted: string, command: string) =>
			`Removed ${ref}: untagged ${untagged}${deleted} (${command}).`,
		gone: (ref: string) => `${ref} was already gone: nothing removed.`,
	},
	tag: {
		noDigest: 'a tag cannot carry a digest (@sha256:...)',
		not: (why: string) => `Not tagged: ${why}.`,
		done: (id: string, ref: string, command: string) => `Tagged ${id} as ${ref} (${command}).`,
	},
	save: {
		noName: 'Not saved: no file name given.',
		exists: 'it already exists (choose another name; nothing was overwritten)',
		noFolder: 'its folder does not exist',
		denied: 'permission denied',
		isFolder: 'that is a folder',
		not: (file: string, why: string) => `Not saved to ${file}: ${why}.`,
		done: (lines: string, bytes: string, file: string) => `Saved ${lines} lines (${bytes} bytes) to ${file}.`,
	},
	forms: {
		readingConfig: "Reading the image's config…",
		waitConfig: '(wait for the image config)',
		stillConfig: "Reading the image's config: the container starts as soon as that is done.",
		cannotRead: (image: string, why: string) => `Cannot read ${image}: ${why}`,
		stillFolder: 'Reading the folder: the build starts as soon as that is done.',
		cancelled: (build: boolean) => `Cancelled: nothing was ${build ? 'built' : 'created'}.`,
		buildStopped: 'The build was stopped: nothing was tagged.',
		buildFailed: 'The build failed: b shows where.',
		previous: (label: string, id: string) => `the previous ${label} (${id})`,
		built: (label: string) => `Built ${label}: it is selected in the images panel; b shows the build.`,
		buildRunning: 'A build is running: x stops it first.',
		noBuild: 'No build is running.',
		goesOn: 'The build goes on: b shows it again.',
	},
	context: { connecting: (name: string) => `Connecting to context ${name}…` },
};
