import { ListPanel, type ListPanelProps } from '../components/list-panel.js';
import { lazyRows, type Column, type Row, type RowList } from '../components/table.js';
import type { ContainerRunFacts, ContainerSummary } from '../model/types.js';
import { formatAge } from '../format/age.js';
import { useMemo } from 'react';
import { containerMode, containerStatus, widestStatus } from '../format/container-mode.js';
import { perLanguage, T } from '../i18n/index.js';

/** The STATUS column is this wide, and wider (up to STATUS_MAX) when health or a restart loop has more to say. */
const STATUS_MIN = 14;
const STATUS_MAX = 26;

/** The columns for a STATUS width, made once per language and width so the rows' memo holds. */
const columnSets = perLanguage(() => new Map<number, readonly Column[]>());
function columns(status: number): readonly Column[] {
	const made = columnSets();
	const c = T.containers.columns;
	if (!made.has(status)) {
		made.set(status, [
			{ title: c.name, flex: 3, min: 10 },
			{ title: c.image, flex: 3, min: 8 },
			{ title: c.mode, width: 9 },
			{ title: c.status, width: status },
			{ title: c.ports, flex: 2, min: 5, optional: true },
			{ title: c.age, width: 4, align: 'right' },
		]);
	}
	return made.get(status)!;
}

/** Table rows for containers: name, image, mode badge, status, ports, age; made only for the rows shown. */
export function containerRows(
	containers: readonly ContainerSummary[],
	facts: ReadonlyMap<string, ContainerRunFacts>,
	now: number,
	markImage?: string,
): RowList {
	return lazyRows(containers, (c): Row => {
		const f = facts.get(c.id);
		const mode = containerMode(c, f);
		return {
			key: c.id,
			dim: c.state !== 'running' && c.state !== 'paused' && c.state !== 'restarting',
			mark: markImage !== undefined && c.imageId === markImage,
			cells: [c.name, c.image, { text: mode.label, tone: mode.tone }, containerStatus(c, f, now), c.ports, formatAge(c.created, now)],
		};
	});
}

/** The containers panel (`docker ps -a`), key 1. */
export function ContainersPanel(
	props: ListPanelProps & {
		readonly containers: readonly ContainerSummary[];
		readonly facts: ReadonlyMap<string, ContainerRunFacts>;
		readonly now: number;
		readonly loaded: boolean;
		readonly markImage?: string;
		readonly onShown?: (ids: readonly string[]) => void;
	},
) {
	const { containers, facts, now, filter, total, loaded, markImage, onShown } = props;
	const running = containers.filter(c => c.state === 'running').length;
	const empty = !loaded ? T.list.loading : filter ? T.containers.noMatch(filter) : T.containers.none;
	const status = useMemo(() => Math.min(STATUS_MAX, Math.max(STATUS_MIN, widestStatus(containers, facts))), [containers, facts]);
	return (
		<ListPanel
			{...props}
			title={T.containers.title}
			counts={T.containers.counts(total, running)}
			columns={columns(status)}
			rows={containerRows(containers, facts, now, markImage)}
			empty={empty}
			onWindow={onShown ? (start, end) => onShown(containers.slice(start, end).map(c => c.id)) : undefined}
		/>
	);
}
