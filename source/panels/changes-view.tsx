import { Box, Text } from 'ink';
import { Frame } from '../components/frame.js';
import { Table, type Column, type Row } from '../components/table.js';
import type { Change } from '../docker/changes.js';
import { formatBytes } from '../format/bytes.js';

/** The changes view's data: whose changes, and the list once read. */
export interface ChangesState {
	readonly id: string;
	readonly name: string;
	readonly status: 'loading' | 'ready' | 'error';
	readonly items: readonly Change[];
	readonly cursor: number;
	readonly error?: string;
	/** The writable layer's size, when disk usage has been read. */
	readonly sizeRw?: number;
}

const COLUMNS: readonly Column[] = [
	{ title: '', width: 1 },
	{ title: 'WHAT', width: 8 },
	{ title: 'PATH', flex: 1, min: 10 },
];

const WHAT = { A: { text: 'added', tone: 'good' }, C: { text: 'changed', tone: 'warn' }, D: { text: 'deleted', tone: 'bad' } } as const;

export function changeRows(items: readonly Change[]): Row[] {
	return items.map((c, i) => ({ key: `${i}`, cells: [{ text: c.kind, tone: WHAT[c.kind].tone }, WHAT[c.kind], c.path] }));
}

/** What a container changed on top of its image (`docker diff`), with what that means for rm. */
export function ChangesView({ state, width, height }: { readonly state: ChangesState; readonly width: number; readonly height: number }) {
	const count = (k: Change['kind']) => state.items.filter(c => c.kind === k).length;
	const info = state.status === 'ready' ? `${count('A')} added · ${count('C')} changed · ${count('D')} deleted${state.sizeRw !== undefined ? ` · ${formatBytes(state.sizeRw)}` : ''}` : state.status;
	const empty = state.status === 'loading' ? 'Reading its changes (docker diff)…' : state.status === 'error' ? `Cannot read its changes: ${state.error}` : 'No changes: its writable layer is empty, everything it sees comes from the image.';
	return (
		<Frame title={`Changes in ${state.name} (docker diff)`} info={info} width={width} height={height} focused>
			<Box flexDirection="column">
				<Text color="gray" wrap="truncate">
					In its thin writable layer: lost on docker rm unless committed (C) or kept in a volume.
				</Text>
				<Table columns={COLUMNS} rows={changeRows(state.items)} cursor={state.cursor} width={width - 2} height={height - 4} focused empty={empty} />
			</Box>
		</Frame>
	);
}
