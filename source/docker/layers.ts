import type Docker from 'dockerode';
import type { Readable } from 'node:stream';
import tar from 'tar-stream';
import { cleanInstruction, isMetadataInstruction } from '../format/instruction.js';
import type { ImageLayers, LayerRow } from '../model/types.js';

/** One `GET /images/{id}/history` entry (newest first); `Id` names a local image at that step, else "<missing>". */
export interface HistoryEntry {
	readonly Id?: string;
	readonly CreatedBy: string;
	readonly Size: number;
	readonly Created: number;
	readonly Comment?: string;
}
/** One entry of the image config's own history (oldest first), which says exactly which steps are empty. */
export interface ConfigHistoryEntry {
	readonly empty_layer?: boolean;
	readonly created_by?: string;
}

/**
 * How much of a `docker save` stream the config fallback may read before it gives up: the engine
 * writes the image's files in name order, so the config can come after some layers. Beyond this the
 * row gets no digests rather than an export of the whole image.
 */
export const CONFIG_READ_LIMIT = 4 * 1024 * 1024;

function baseRows(history: readonly HistoryEntry[]) {
	return history.map(h => ({
		instruction: cleanInstruction(h.CreatedBy ?? '', h.Comment ?? ''),
		size: h.Size ?? 0,
		created: (h.Created ?? 0) * 1000,
	}));
}

/** Hands out diff IDs oldest first to the rows that made a filesystem layer; null if the counts disagree. */
function assign(rows: ReturnType<typeof baseRows>, empties: readonly boolean[], diffIds: readonly string[]): LayerRow[] | null {
	if (empties.filter(e => !e).length !== diffIds.length) return null;
	let next = diffIds.length - 1; // rows are newest first, so walk the digests from the top
	return rows.map((row, i) => (empties[i] ? { ...row, empty: true } : { ...row, empty: false, digest: diffIds[next--] }));
}

/** What the history alone says of a step: it wrote bytes (a layer), it is metadata only (empty), or it cannot tell. */
type StepKind = 'layer' | 'empty' | 'unsure';

function stepKinds(history: readonly HistoryEntry[]): StepKind[] {
	return baseRows(history).map(r => (r.size > 0 ? 'layer' : isMetadataInstruction(r.instruction) ? 'empty' : 'unsure'));
}

/**
 * Guesses from the history alone. A step that wrote bytes made a layer and a metadata step (ENV,
 * CMD) did not; a 0-byte RUN, WORKDIR or commit may have either way. When the layer count leaves
 * only one way (all of them layers, or none), that is the mapping; otherwise null.
 */
export function mapLayersFromHistory(history: readonly HistoryEntry[], diffIds: readonly string[]): LayerRow[] | null {
	const settled = byCount(stepKinds(history), diffIds.length);
	return settled && assign(baseRows(history), settled, diffIds);
}

/** Settles the unsure steps by the layer count when it leaves one way only (all layers, or none). */
function byCount(kinds: readonly StepKind[], layers: number): boolean[] | null {
	const sure = kinds.filter(k => k === 'layer').length;
	const unsure = kinds.filter(k => k === 'unsure').length;
	if (sure === layers) return kinds.map(k => k !== 'layer');
	if (sure + unsure === layers) return kinds.map(k => k === 'empty');
	return null;
}

/**
 * Exact mapping from the layer counts of the local images the history names: an image built by the
 * legacy builder or by `docker commit` keeps its parent, and a step made a layer exactly when its
 * image has one more layer than the image below it. Unsure steps are settled from the newest down,
 * each by the count of the image below it (`layerCount` may ask the engine), until the layer count
 * settles the rest; null when a step has no local image to ask.
 */
export async function mapLayersFromParents(
	history: readonly HistoryEntry[],
	diffIds: readonly string[],
	layerCount: (imageId: string) => Promise<number | undefined>,
): Promise<LayerRow[] | null> {
	const kinds = stepKinds(history);
	const countAt = async (i: number): Promise<number | undefined> => {
		if (i === 0) return diffIds.length;
		if (i >= history.length) return 0;
		const id = history[i]?.Id;
		return id && id !== '<missing>' ? layerCount(id) : undefined;
	};
	for (let i = 0; i < kinds.length; i++) {
		const settled = byCount(kinds, diffIds.length);
		if (settled) return assign(baseRows(history), settled, diffIds);
		if (kinds[i] !== 'unsure') continue;
		const [here, below] = [await countAt(i), await countAt(i + 1)];
		if (here === undefined || below === undefined) return null;
		kinds[i] = here === below ? 'empty' : 'layer';
	}
	const settled = byCount(kinds, diffIds.length);
	return settled && assign(baseRows(history), settled, diffIds);
}

/** Exact mapping from the image config's history, whose `empty_layer` flags say which steps are empty. */
export function mapLayersFromConfig(
	history: readonly HistoryEntry[],
	configHistory: readonly ConfigHistoryEntry[],
	diffIds: readonly string[],
): LayerRow[] | null {
	if (configHistory.length !== history.length) return null;
	const empties = [...configHistory].reverse().map(h => h.empty_layer === true);
	return assign(baseRows(history), empties, diffIds);
}

/** Rows with no digests, when neither mapping fits: better none than a wrong one. */
export function unmappedLayers(history: readonly HistoryEntry[]): LayerRow[] {
	return baseRows(history).map(row => ({ ...row, empty: row.size === 0 && isMetadataInstruction(row.instruction) }));
}

/** What a bounded read of `docker save` found: the config's history (or null), and how many bytes it took. */
export interface ConfigRead {
	readonly history: ConfigHistoryEntry[] | null;
	readonly bytes: number;
}

/**
 * Reads the image config JSON out of a `docker save` stream, stopping as soon as it is found or
 * after `limit` bytes. Handles both the legacy layout (<hex>.json) and the OCI layout (blobs/sha256/<hex>).
 */
export async function readConfigFromSave(source: Readable, id: string, limit = CONFIG_READ_LIMIT): Promise<ConfigRead> {
	const hex = id.replace(/^sha256:/, '');
	const names = new Set([`${hex}.json`, `blobs/sha256/${hex}`]);
	const extract = tar.extract();
	let bytes = 0;
	return await new Promise<ConfigRead>((resolve, reject) => {
		let done = false;
		const finish = (history: ConfigHistoryEntry[] | null) => {
			if (done) return;
			done = true;
			source.unpipe(extract);
			source.destroy();
			extract.destroy();
			resolve({ history, bytes });
		};
		source.on('data', (chunk: Buffer) => {
			bytes += chunk.length;
			if (bytes > limit) finish(null);
		});
		extract.on('entry', (header, stream, next) => {
			if (!names.has(header.name)) {
				stream.on('end', next);
				stream.resume();
				return;
			}
			const chunks: Buffer[] = [];
			stream.on('data', (c: unknown) => chunks.push(c as Buffer));
			stream.on('end', () => {
				try {
					const config = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { history?: ConfigHistoryEntry[] };
					finish(Array.isArray(config.history) ? config.history : null);
				} catch {
					finish(null);
				}
			});
		});
		extract.on('finish', () => finish(null));
		extract.on('error', error => (done ? undefined : reject(error)));
		source.on('error', error => (done ? undefined : reject(error)));
		source.pipe(extract);
	});
}

/** Bytes the last config fallback read, for the benchmark and tests (0 when none ran). */
export const configFallback = { reads: 0, bytes: 0 };

/**
 * The layers of an image, newest first, each matched to its diff ID, checked against the layer
 * count. An image id names its content, so the answer never changes: the store asks once per id.
 * In order: the history alone; the layer counts of the local parent images it names; a bounded
 * read of the image config from `docker save`; else rows without digests.
 */
export async function imageLayers(
	docker: Docker,
	id: string,
	diffIds: readonly string[],
	layerCount: (imageId: string) => Promise<number | undefined>,
): Promise<ImageLayers> {
	const history = (await docker.getImage(id).history()) as HistoryEntry[];
	const guessed = mapLayersFromHistory(history, diffIds);
	if (guessed) return { rows: guessed, mapping: 'history' };
	const fromParents = await mapLayersFromParents(history, diffIds, layerCount);
	if (fromParents) return { rows: fromParents, mapping: 'parents' };
	try {
		const read = await readConfigFromSave((await docker.getImage(id).get()) as unknown as Readable, id);
		configFallback.reads++;
		configFallback.bytes += read.bytes;
		const exact = read.history && mapLayersFromConfig(history, read.history, diffIds);
		if (exact) return { rows: exact, mapping: 'config' };
	} catch {
		// fall through: rows without digests
	}
	return { rows: unmappedLayers(history), mapping: 'unknown' };
}
