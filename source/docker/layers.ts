import type Docker from 'dockerode';
import type { Readable } from 'node:stream';
import tar from 'tar-stream';
import { cleanInstruction, isMetadataInstruction } from '../format/instruction.js';
import type { ImageLayers, LayerRow } from './types.js';

/** One `GET /images/{id}/history` entry (newest first). */
export interface HistoryEntry { readonly CreatedBy: string; readonly Size: number; readonly Created: number; readonly Comment?: string }
/** One entry of the image config's own history (oldest first), which says exactly which steps are empty. */
export interface ConfigHistoryEntry { readonly empty_layer?: boolean; readonly created_by?: string }

function baseRows(history: readonly HistoryEntry[]) {
	return history.map(h => ({ instruction: cleanInstruction(h.CreatedBy ?? '', h.Comment ?? ''), size: h.Size ?? 0, created: (h.Created ?? 0) * 1000 }));
}

/** Hands out diff IDs oldest first to the rows that made a filesystem layer; null if the counts disagree. */
function assign(rows: ReturnType<typeof baseRows>, empties: readonly boolean[], diffIds: readonly string[]): LayerRow[] | null {
	if (empties.filter(e => !e).length !== diffIds.length) return null;
	let next = diffIds.length - 1; // rows are newest first, so walk the digests from the top
	return rows.map((row, i) => (empties[i] ? { ...row, empty: true } : { ...row, empty: false, digest: diffIds[next--] }));
}

/**
 * Guesses from the history alone: a step is empty when it wrote 0 bytes and is a metadata-only
 * instruction. A WORKDIR or a RUN can add a 0-byte layer, so it is never guessed empty. When the
 * count of layer steps does not match the image's layers, the guess is refused (null).
 */
export function mapLayersFromHistory(history: readonly HistoryEntry[], diffIds: readonly string[]): LayerRow[] | null {
	const rows = baseRows(history);
	return assign(rows, rows.map(r => r.size === 0 && isMetadataInstruction(r.instruction)), diffIds);
}

/** Exact mapping from the image config's history, whose `empty_layer` flags say which steps are empty. */
export function mapLayersFromConfig(history: readonly HistoryEntry[], configHistory: readonly ConfigHistoryEntry[], diffIds: readonly string[]): LayerRow[] | null {
	if (configHistory.length !== history.length) return null;
	const empties = [...configHistory].reverse().map(h => h.empty_layer === true);
	return assign(baseRows(history), empties, diffIds);
}

/** Rows with no digests, when neither mapping fits: better none than a wrong one. */
export function unmappedLayers(history: readonly HistoryEntry[]): LayerRow[] {
	return baseRows(history).map(row => ({ ...row, empty: row.size === 0 && isMetadataInstruction(row.instruction) }));
}

/**
 * Reads the image config JSON out of `docker save` output, stopping as soon as it is found.
 * Handles both the legacy layout (<hex>.json) and the OCI layout (blobs/sha256/<hex>).
 */
export async function readImageConfigHistory(docker: Docker, id: string): Promise<ConfigHistoryEntry[] | null> {
	const hex = id.replace(/^sha256:/, '');
	const names = new Set([`${hex}.json`, `blobs/sha256/${hex}`]);
	const source = (await docker.getImage(id).get()) as unknown as Readable;
	const extract = tar.extract();
	return await new Promise<ConfigHistoryEntry[] | null>((resolve, reject) => {
		let done = false;
		const finish = (value: ConfigHistoryEntry[] | null) => {
			if (done) return;
			done = true;
			source.unpipe(extract);
			source.destroy();
			extract.destroy();
			resolve(value);
		};
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

/** The layers of an image, newest first, each matched to its diff ID, checked against the layer count. */
export async function imageLayers(docker: Docker, id: string, diffIds: readonly string[]): Promise<ImageLayers> {
	const history = (await docker.getImage(id).history()) as HistoryEntry[];
	const guessed = mapLayersFromHistory(history, diffIds);
	if (guessed) return { rows: guessed, mapping: 'history' };
	try {
		const configHistory = await readImageConfigHistory(docker, id);
		const exact = configHistory && mapLayersFromConfig(history, configHistory, diffIds);
		if (exact) return { rows: exact, mapping: 'config' };
	} catch {
		// fall through: rows without digests
	}
	return { rows: unmappedLayers(history), mapping: 'unknown' };
}
