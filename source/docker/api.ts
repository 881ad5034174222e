import type Docker from 'dockerode';
import type { Readable } from 'node:stream';
import type { EngineEvent } from '../model/types.js';
import { readArchive, statPath, writeArchive } from './archive.js';
import { buildImage, imageForTag, type BuildOptions } from './build.js';
import { containerChanges } from './changes.js';
import { containerSize, inspectContainer, listContainers } from './containers.js';
import { watchEvents, type StreamState } from './events.js';
import { commitContainer, removeImage, tagImage, type CommitOptions } from './image-ops.js';
import { danglingImageIds, inspectImage, listImages, readImageRows } from './images.js';
import { imageLayers } from './layers.js';
import { changeState, removeContainer, type LifecycleVerb } from './lifecycle.js';
import { followLogs, type LogFollow, type LogStream } from './logs.js';
import {
	createPractice,
	hasImage,
	localImages,
	playgroundContainers,
	pullImage,
	removePractice,
	takenNames,
	type Practice,
} from './playground.js';
import { diskInUse, prunePreview, removeItems, type PruneItem } from './prune.js';
import { createContainer, nextExit, startContainer, type RunSpec } from './run.js';
import { attachContainer, execInContainer } from './session.js';
import { readDiskUsage, readImageUsage } from './usage.js';
import type { BuildMessage } from '../format/build-log.js';

/**
 * What the rest of dockdeck may ask of an engine: dockdeck's own operations, bound to one
 * connection (requests with a timeout, streams without). Nothing outside docker/ sees dockerode.
 */
export function engineApi(api: Docker, streams: Docker) {
	return {
		listContainers: (ids?: readonly string[]) => listContainers(api, ids),
		inspectContainer: (id: string) => inspectContainer(api, id),
		containerSize: (id: string) => containerSize(api, id),
		containerChanges: (id: string) => containerChanges(api, id),
		listImages: () => listImages(api),
		readImageRows: (idOrName: string) => readImageRows(api, idOrName),
		danglingImageIds: () => danglingImageIds(api),
		inspectImage: (id: string) => inspectImage(api, id),
		imageForTag: (tag: string | undefined) => imageForTag(api, tag),
		imageLayers: (id: string, diffIds: readonly string[], layerCount: (imageId: string) => Promise<number | undefined>) =>
			imageLayers(api, id, diffIds, layerCount),
		readDiskUsage: () => readDiskUsage(api),
		readImageUsage: () => readImageUsage(api),
		watchEvents: (onEvent: (event: EngineEvent) => void, onState: (state: StreamState) => void) => watchEvents(streams, onEvent, onState),
		followLogs: (
			id: string,
			options: Parameters<typeof followLogs>[2],
			onLine: (stream: LogStream, time: string, text: string) => void,
		): Promise<LogFollow> => followLogs(streams, id, options, onLine),
		changeState: (id: string, verb: LifecycleVerb) => changeState(api, id, verb),
		removeContainer: (id: string, options: { force: boolean; volumes: boolean }) => removeContainer(api, id, options),
		removeImage: (reference: string, force: boolean) => removeImage(api, reference, force),
		tagImage: (id: string, repository: string, tag: string) => tagImage(api, id, repository, tag),
		commitContainer: (id: string, options: CommitOptions) => commitContainer(api, id, options),
		createContainer: (spec: RunSpec) => createContainer(api, spec),
		startContainer: (id: string) => startContainer(api, id),
		nextExit: (id: string, signal: AbortSignal) => nextExit(api, id, signal),
		attachContainer: (id: string, options: Parameters<typeof attachContainer>[2]) => attachContainer(api, id, options),
		execInContainer: (id: string, options: Parameters<typeof execInContainer>[2]) => execInContainer(api, id, options),
		statPath: (id: string, path: string) => statPath(api, id, path),
		// a copy can take longer than any request timeout
		readArchive: (id: string, path: string, signal?: AbortSignal) => readArchive(streams, id, path, signal),
		writeArchive: (id: string, dir: string, tar: Readable, signal?: AbortSignal) => writeArchive(streams, id, dir, tar, signal),
		buildImage: (context: Readable, options: BuildOptions, onMessage: (message: BuildMessage) => void) =>
			buildImage(api, context, options, onMessage),
		prunePreview: () => prunePreview(api),
		removeItems: (items: readonly PruneItem[]) => removeItems(api, items),
		diskInUse: () => diskInUse(api),
		localImages: () => localImages(api),
		hasImage: (reference: string) => hasImage(api, reference),
		pullImage: (reference: string) => pullImage(api, reference),
		playgroundContainers: () => playgroundContainers(api),
		takenNames: () => takenNames(api),
		createPractice: (practice: Practice, image: string) => createPractice(api, practice, image),
		removePractice: (id: string) => removePractice(api, id),
	};
}

/** An engine's operations (see engineApi). */
export type EngineApi = ReturnType<typeof engineApi>;
