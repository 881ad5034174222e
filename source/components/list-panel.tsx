import { Frame } from './frame.js';
import { Table, type Column, type RowList } from './table.js';
import { T } from '../i18n/index.js';

/** What every list panel gets from the app: its box, focus, cursor and filter. */
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

/** A bordered, titled, windowed table; the right of the title shows the filter or the counts. */
export function ListPanel(
	props: ListPanelProps & {
		readonly title: string;
		readonly counts: string;
		readonly columns: readonly Column[];
		readonly rows: RowList;
		readonly empty: string;
		readonly onWindow?: (start: number, end: number) => void;
	},
) {
	const { title, counts, columns, rows, empty, width, height, focused, cursor, filter, editing, total, onWindow } = props;
	const info = filter || editing ? T.list.filtered(`${filter}${editing ? '▏' : ''}`, rows.length, total) : counts;
	return (
		<Frame title={title} info={info} width={width} height={height} focused={focused}>
			<Table
				columns={columns}
				rows={rows}
				cursor={cursor}
				width={width - 2}
				height={height - 3}
				focused={focused}
				empty={empty}
				onWindow={onWindow}
			/>
		</Frame>
	);
}
