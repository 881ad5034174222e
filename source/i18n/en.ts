import { plural } from './plural.js';
import { KEYMAP, type ActionId } from '../keymap/keymap.js';
import { actionsEn } from './actions-en.js';
import { checksEn } from './checks-en.js';
import { cliEn } from './cli-en.js';
import { copyEn } from './copy-en.js';
import { errorsEn } from './errors-en.js';
import { formsEn } from './forms-en.js';
import { workEn } from './work-en.js';
import { learnEn } from './learn-en.js';
import { miscEn } from './misc-en.js';

/** A key's help text and, for the footer, its short label. */
export type KeyText = readonly [description: string, hint?: string];

type Pair = readonly [label: string, explain: string];

/**
 * Every text the interface shows, in English. ko.ts has the same shape (the compiler and
 * test/unit/i18n.test.ts refuse a missing or extra key). Texts with values are functions.
 */
export const en = {
	/** Ages as the AGE column shows them. */
	age: {
		lessThanMinute: '<1m',
		minutes: (n: number) => `${n}m`,
		hours: (n: number) => `${n}h`,
		days: (n: number) => `${n}d`,
		weeks: (n: number) => `${n}w`,
		years: (n: number) => `${n}y`,
	},
	keys: Object.fromEntries(KEYMAP.map(b => [b.id, (b.hint ? [b.description, b.hint] : [b.description]) as KeyText])) as Record<
		ActionId,
		KeyText
	>,
	scopes: {
		always: 'anywhere',
		views: 'views',
		global: 'dashboard',
		list: 'lists',
		panels: 'panels',
		containers: 'containers',
		images: 'images',
		layers: 'layers',
		filter: 'filter',
		prompt: 'prompt',
		confirm: 'dialog',
		form: 'form',
		logs: 'logs',
		prune: 'prune',
		changes: 'changes',
		usage: 'disk usage',
		events: 'events',
		build: 'build',
		help: 'help',
	},
	help: {
		columns: { key: 'Key', where: 'Where', action: 'Action' },
		title: (from: number, to: number, total: number) => `Keys ${from}-${to} of ${total} · ↑↓ scroll · Esc or ? closes`,
	},
	header: {
		production: 'PRODUCTION',
		readOnly: '[read-only]',
		counts: (containers: number, running: number, images: number) =>
			`${plural(containers, 'container')}, ${running} running · ${plural(images, 'image')}`,
		/** What needs a look, said after the counts in red: unhealthy and restarting containers. */
		trouble: (unhealthy: number, restarting: number) =>
			[unhealthy ? `${unhealthy} unhealthy` : '', restarting ? `${restarting} restarting` : ''].filter(Boolean).join(', '),
	},
	tooSmall: {
		title: 'Terminal too small',
		size: (c: number, r: number, minC: number, minR: number) => `${c}x${r}, needs ${minC}x${minR}`,
		hint: 'Enlarge the window; q quits.',
	},
	banner: {
		down: (reason: string, retry: string, attempt: number, since: string) =>
			` Engine unreachable: ${reason} · retrying in ${retry} (attempt ${attempt}) · showing data from ${since} `,
		never: 'never',
	},
	list: { filtered: (filter: string, shown: number, total: number) => `/${filter}: ${shown} of ${total}`, loading: 'Loading…' },
	containers: {
		title: '1 Containers',
		counts: (total: number, running: number) => `${total} · ${running} running`,
		columns: { name: 'NAME', image: 'IMAGE', mode: 'MODE', status: 'STATUS', ports: 'PORTS', age: 'AGE' },
		noMatch: (filter: string) => `No container matches "${filter}" (Esc clears)`,
		none: 'No containers. docker run -d <image> starts one.',
	},
	images: {
		title: '2 Images',
		counts: (total: number, dangling: number) => `${total}${dangling ? ` · ${dangling} dangling` : ''}`,
		columns: { ref: 'REPOSITORY:TAG', id: 'ID', size: 'SIZE', unique: 'UNIQUE', shared: 'SHARED', age: 'AGE', used: 'USED' },
		dangling: 'dangling',
		noMatch: (filter: string) => `No image matches "${filter}" (Esc clears)`,
		none: 'No images. docker build or docker import makes one.',
	},
	layers: {
		title: (image?: string) => `3 Layers${image ? ` of ${image}` : ''}`,
		columns: {
			instruction: 'INSTRUCTION (newest first)',
			size: 'SIZE',
			alsoIn: 'ALSO IN',
			shared: 'SHARED',
			build: 'BUILD',
			digest: 'LAYER DIGEST',
			from: 'FROM',
		},
		onlyHere: 'only here',
		same: 'same',
		new: 'new',
		metadata: 'metadata',
		unknown: 'unknown',
		layer: 'layer',
		base: 'base',
		own: 'own',
		buildCounts: (fresh: number, same: number) => `${fresh} new, ${same} same · `,
		counts: (layers: number, steps: number, base: string | undefined, unknown: boolean) =>
			`${plural(layers, 'layer')} · ${plural(steps, 'step')}${base ? ` · on ${base}` : ''}${unknown ? ' · digests unknown' : ''}`,
		selectImage: 'Select an image to see its layers.',
		cannotRead: (error: string) => `Cannot read layers: ${error}`,
		noMatch: (filter: string) => `No step matches "${filter}"`,
		noHistory: 'No history recorded.',
		loading: 'Loading layers…',
	},
	mode: {
		exited: (code: number) => [`exit ${code}`, `stopped; its main process exited with code ${code}`] as Pair,
		created: ['created', 'created but never started'] as Pair,
		paused: ['paused', 'its processes are frozen (docker pause)'] as Pair,
		restarting: ['restart', 'the engine is restarting it after an exit'] as Pair,
		removing: ['removing', 'being removed'] as Pair,
		dead: ['dead', 'the engine could not stop or remove it cleanly'] as Pair,
		running: ['running', 'running'] as Pair,
		interactive: ['-it', 'running with an interactive terminal (-it): attach to type into it'] as Pair,
		attached: ['attached', 'running attached: a docker run without -d is showing its output'] as Pair,
		detached: ['detached', 'running detached (-d) in the background'] as Pair,
	},
	status: {
		up: (age: string, paused: boolean, health?: string) => `Up ${age}${paused ? ' (paused)' : ''}${health ? ` ${health}` : ''}`,
		exited: (age: string) => `Exited ${age} ago`,
		health: { healthy: '(healthy)', unhealthy: '(unhealthy)', starting: '(starting)' },
		/** How often the engine restarted it, after the status: a restart loop shows. */
		restarts: (count: number) => `↻${count}`,
		restarting: 'Restarting',
	},
	detail: {
		title: 'Detail',
		container: (name: string) => `Container ${name}`,
		image: (label: string) => `Image ${label}`,
		layer: (label: string) => `Layer of ${label}`,
		layerTitle: 'Layer',
		noContainer: 'No container selected.',
		noImage: 'No image selected.',
		noStep: 'No step selected.',
		loading: 'Loading…',
		scroll: (from: number, to: number, total: number) => `${from}-${to} of ${total} · [ ]`,
		none: '(none)',
		labels: {
			name: 'Name',
			id: 'ID',
			image: 'Image',
			state: 'State',
			mode: 'Mode',
			exitCode: 'Exit code',
			ttyStdin: 'TTY / stdin',
			created: 'Created',
			started: 'Started',
			finished: 'Finished',
			restarts: 'Restarts',
			health: 'Health',
			thinLayer: 'Thin layer',
			imageBelow: 'Image below',
			command: 'Command',
			entrypoint: 'Entrypoint',
			workdir: 'Working dir',
			user: 'User',
			ports: 'Ports',
			mounts: 'Mounts',
			secrets: 'Secrets',
			env: 'Env',
			tags: 'Tags',
			size: 'Size',
			onlyHere: 'Only here',
			shared: 'Shared',
			removing: 'Removing',
			layers: 'Layers',
			usedBy: 'Used by',
			platform: 'Platform',
			cmd: 'Cmd',
			exposed: 'Exposed',
			labels: 'Labels',
			digests: 'Digests',
			reference: 'Reference',
			step: 'Step',
			instruction: 'Instruction',
			kind: 'Kind',
			from: 'From',
			digest: 'Digest',
			alsoIn: 'Also in',
		},
		secretsShown: 'shown for this item (v hides them)',
		secretsHidden: 'hidden (v shows them for this item)',
		stateError: (state: string, error: string) => `${state} (error: ${error})`,
		tty: (tty: boolean, stdin: boolean) => `${tty ? 'tty' : 'no tty'}, ${stdin ? 'stdin open' : 'stdin closed'}`,
		restarts: (count: number, policy: string) => `${count} (policy: ${policy})`,
		health: (status: string, failing: number, said: string) =>
			`${status}${failing ? ` (${plural(failing, 'failing probe')} in a row)` : ''}${said ? `; the last probe said: ${said}` : ''}`,
		thinLayer: (size: string) => `${size} written in its own copy-on-write layer: lost on rm unless committed (C) or kept in a volume`,
		imageBelow: (size: string, siblings: number) =>
			`${size} read-only${siblings ? `, shared with ${plural(siblings, 'other container')}` : ''} (D lists what it changed)`,
		readingUsage: 'reading disk usage…',
		imageDefault: " · the image's default",
		setByRun: " · set by docker run, not the image's CMD",
		entrypointChanged: (value: string) => `${value} · set by docker run --entrypoint`,
		rootUser: 'root (default)',
		readOnlyMount: ' (ro)',
		danglingTags: '<none> (dangling: no tag points at it)',
		onlyHere: (size: string) => `${size} in layers no other local image has`,
		shared: (size: string) => `${size} in layers other local images have too (stored once)`,
		layers: (n: number) => `${n} read-only filesystem layers`,
		usedBy: (n: number) => plural(n, 'container'),
		noDigests: '(none: built or imported here, never pushed or pulled)',
		frees: {
			untagOnly: (tags: number) => `frees nothing while it has other names: removing one of its ${tags} tags only untags it`,
			notAll: (unique: string, size: string, shared: string) =>
				`frees ${unique} now, not ${size}: the ${shared} it shares stays for the others`,
			inUse: (users: number, then: string) =>
				`not possible while ${users} container${users === 1 ? ' uses' : 's use'} it; after that it ${then}`,
			all: (unique: string) => `frees ${unique} now (nothing of it is shared)`,
		},
		origin: {
			image: 'from the image',
			run: 'set by docker run -e',
			changed: "docker run changed the image's value",
			engine: "the engine's default",
		},
		step: (n: number, total: number) => `${n} of ${total} (1 = oldest)`,
		kindMetadata: 'metadata only: changed the image config, added no files',
		kindLayer: 'filesystem layer: read-only, shared by every image and container built on it',
		fromBase: (base: string) => `the base image ${base}: this step came with FROM`,
		digestUnknown: 'not known (history and layers did not match)',
		alsoIn: (n: number) => `${plural(n, 'other image')}: stored once, shared`,
		alsoInNone: 'no other local image: removing this image frees it',
	},
	logs: {
		connecting: 'connecting…',
		live: 'live',
		stopped: (code: number) => `container stopped (exit ${code}); follows again if it restarts`,
		removed: 'container removed: no more lines will come',
		error: (message: string) => `error: ${message}`,
		following: 'following',
		paused: (line: number) => `paused at line ${line} (f follows)`,
		search: (text: string, matches: number) => ` · /${text}: ${plural(matches, 'line')}`,
		kept: (n: string) => ` · last ${n} kept`,
		lines: (n: string) => `${n} lines`,
		title: (name: string) => `Logs of ${name}`,
		empty: 'No output yet. New lines appear here as the container writes them.',
	},
	prune: {
		title: 'Prune: what would be removed',
		columns: { what: 'WHAT', name: 'NAME', frees: 'FREES', result: 'RESULT' },
		removed: 'removed',
		skipped: (reason: string) => `skipped: ${reason}`,
		willGo: 'will go',
		kept: 'kept',
		done: (freed: string, estimate: string) => `freed ${freed} (estimated ${estimate})`,
		ready: (ticked: number, total: number, frees: string) => `${ticked} of ${total} ticked · frees about ${frees}`,
		loading: 'Reading what a prune would remove (docker system df)…',
		cannot: (error: string) => `Cannot preview: ${error}`,
		nothing: 'Nothing to prune: no stopped containers, no unused images, no build cache.',
		status: { loading: 'loading', error: 'error', running: 'removing', ready: 'ready', done: 'done' } as Record<string, string>,
		groups: {
			'stopped containers': 'stopped containers',
			'dangling images': 'dangling images',
			'unused images': 'unused images',
			'build cache': 'build cache',
		} as Record<string, string>,
	},
	usage: {
		title: 'Disk usage (docker system df)',
		read: (time: string) => `read ${time}`,
		reading: 'reading…',
		readingUsage: 'Reading disk usage…',
		columns: { type: 'TYPE', total: 'TOTAL', active: 'ACTIVE', size: 'SIZE', reclaimable: 'RECLAIMABLE', meaning: 'WHAT THAT MEANS' },
		types: { Images: 'Images', Containers: 'Containers', 'Local Volumes': 'Local Volumes', 'Build Cache': 'Build Cache' } as Record<
			string,
			string
		>,
		meaning: {
			Images: 'layers on disk; active = used by a container',
			Containers: 'thin writable layers; reclaimable = stopped ones',
			'Local Volumes': 'data kept apart from containers; active = mounted',
			'Build Cache': 'steps kept to speed up the next build',
		} as Record<string, string>,
		note: "Reclaimable is docker's own figure. p opens the prune preview, which lists exactly what would go and frees it item by item.",
	},
	changes: {
		title: (name: string) => `Changes in ${name} (docker diff)`,
		columns: { what: 'WHAT', path: 'PATH' },
		kinds: { A: 'added', C: 'changed', D: 'deleted' },
		counts: (a: number, c: number, d: number) => `${a} added · ${c} changed · ${d} deleted`,
		status: { loading: 'loading', error: 'error', ready: 'ready' },
		loading: 'Reading its changes (docker diff)…',
		cannot: (error: string) => `Cannot read its changes: ${error}`,
		none: 'No changes: its writable layer is empty, everything it sees comes from the image.',
		note: 'In its thin writable layer: lost on docker rm unless committed (C) or kept in a volume.',
	},
	events: {
		title: 'Engine events (docker events)',
		info: (seen: number, changing: number, paused: boolean) =>
			`${seen} seen · ${changing} changed the screen · ${paused ? 'paused (Space follows)' : 'following'}`,
		columns: { time: 'TIME', type: 'TYPE', action: 'ACTION', name: 'NAME', dockdeck: 'DOCKDECK' },
		changes: 'reads that object again',
		read: 'a read: costs nothing',
		none: 'No event yet: start, stop or exec something from another shell.',
		note: 'Reads make events too (exec_* from healthchecks, save, attach, top): dockdeck leaves them alone, so watching costs the engine nothing.',
	},
	confirm: { on: 'on', off: 'off', notYet: ' (not possible yet)', cancel: ' cancel, nothing changes' },
	learn: learnEn,
	actions: actionsEn,
	copy: copyEn,
	errors: errorsEn,
	forms: formsEn,
	work: workEn,
	checks: checksEn,
	misc: miscEn,
	cli: cliEn,
	playground: {
		notLocalNoAsk: (image: string) =>
			`${image} is not on this engine, and dockdeck pulls nothing without asking: run it in a terminal to be asked, or pick a local image (docker images).`,
		pullQuestion: (image: string) => `${image} is not on this engine. Pull it from its registry? [y/N] `,
		notPulled: 'Nothing was pulled and nothing was created.',
		pulling: (image: string) => `Pulling ${image}…`,
		noImages:
			'This engine has no tagged image to practise with: docker pull busybox (or docker import, docker build) makes one, then run dockdeck playground again.',
		giveImage: (some: readonly string[]) =>
			`Say which local image to use: dockdeck playground --image ${some[0]} (local images: ${some.join(', ')}).`,
		pickTitle: 'Which local image should the practice containers run? It needs a shell (sh); nothing is pulled.',
		pickQuestion: (first: string) => `Number or name [1 = ${first}]: `,
		badChoice: (answer: string) => `"${answer}" is not one of the images listed: nothing was created.`,
		exists: (names: readonly string[]) => `The playground is already there (${names.join(', ')}): dockdeck playground --clean removes it.`,
		nameTaken: (names: readonly string[]) =>
			`Containers that are not the playground's already use ${names.join(', ')}: nothing was created; rename or remove them first.`,
		failed: (name: string, image: string, reason: string) =>
			`Could not start ${name} from ${image}: ${reason}. The practice containers made so far were removed; pick an image with a shell (sh), such as busybox or alpine.`,
		created: (image: string, label: string) => `Made 3 practice containers from ${image}, each labelled ${label}:`,
		roles: {
			ticker: (name: string) => `detached (docker run -d): prints a tick every 2 s; l in dockdeck follows it (docker logs -f ${name})`,
			shell: (name: string, keys: string) =>
				`interactive (docker run -dit): a attaches to its shell, ${keys} detaches and leaves it running (docker attach ${name})`,
			exited: (name: string) => `exited, after an -it shell typed exit: A starts it again attached (docker start -ai ${name})`,
		},
		next: 'Now open the dashboard in learn mode: dockdeck --learn. Remove the practice containers with: dockdeck playground --clean',
		nothingToClean: (label: string) => `No playground containers (label ${label}): nothing to remove.`,
		willRemove: (n: number, label: string) =>
			`${plural(n, 'container')} with the label ${label}, and nothing else, would be removed (docker rm -f -v):`,
		confirmNoAsk: 'Nothing was removed: confirm in a terminal, or add --yes.',
		removeQuestion: (n: number) => `Remove ${n === 1 ? 'it' : `these ${n}`}? [y/N] `,
		cancelled: 'Cancelled: nothing was removed.',
		removed: (name: string) => `removed ${name}`,
		notRemoved: (name: string, reason: string) => `could not remove ${name}: ${reason}`,
	},
};

/** The shape every language's catalog has. */
export type Messages = typeof en;
