import React from 'react';
import { Frame } from '../components/frame.js';
import { Table, type Column, type Row } from '../components/table.js';
import type { ContainerRunFacts, ContainerSummary } from '../docker/types.js';
import { formatAge } from '../format/age.js';
import { containerMode, containerStatus } from '../format/container-mode.js';

const COLUMNS: readonly Column[] = [
	{ title: 'NAME', flex: 3, min: 10 },
	{ title: 'IMAGE', flex: 3, min: 8 },
	{ title: 'MODE', width: 9 },
	{ title: 'STATUS', width: 14 },
	{ title: 'PORTS', flex: 2, min: 5, optional: true },
	{ title: 'AGE', width: 4, align: 'right' },
];

/** Table rows for containers: name, image, mode badge, status, ports, age. */
export function containerRows(containers: readonly ContainerSummary[], facts: ReadonlyMap<string, ContainerRunFacts>, now: number): Row[] {
	return containers.map(c => {
		const f = facts.get(c.id);
		const mode = containerMode(c, f);
		return {
			key: c.id,
			dim: c.state !== 'running' && c.state !== 'paused' && c.state !== 'restarting',
			cells: [c.name, c.image, { text: mode.label, tone: mode.tone }, containerStatus(c, f, now), c.ports, formatAge(c.created, now)],
		};
	});
}

export interface ListPanelProps {
	readonly width: number;
	readonly height: number;
	readonly focused: boolean;
	readonly cursor: number;
	readonly filter: string;
	/** The filter is being typed: the title shows a cursor after it. */
	readonly editing: boolean;
	readonly total: number;
}

/** The right side of a list panel's title: the filter and what it leaves, or the plain counts. */
export function listInfo(props: ListPanelProps, shown: number, counts: string): string {
	return props.filter || props.editing ? `/${props.filter}${props.editing ? '▏' : ''}: ${shown} of ${props.total}` : counts;
}

/** The containers panel (`docker ps -a`), key 1. */
export function ContainersPanel(props: ListPanelProps & { readonly containers: readonly ContainerSummary[]; readonly facts: ReadonlyMap<string, ContainerRunFacts>; readonly now: number; readonly loaded: boolean }) {
	const { containers, facts, now, width, height, focused, cursor, filter, total, loaded } = props;
	const running = containers.filter(c => c.state === 'running').length;
	const info = listInfo(props, containers.length, `${total} · ${running} running`);
	return (
		<Frame title="1 Containers" info={info} width={width} height={height} focused={focused}>
			<Table
				columns={COLUMNS}
				rows={containerRows(containers, facts, now)}
				cursor={cursor}
				width={width - 2}
				height={height - 3}
				focused={focused}
				empty={!loaded ? 'Loading…' : filter ? `No container matches "${filter}" (Esc clears)` : 'No containers. docker run -d <image> starts one.'}
			/>
		</Frame>
	);
}
