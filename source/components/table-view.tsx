import { Box, Text } from 'ink';
import { Frame } from './frame.js';
import { Table, type Column, type Row } from './table.js';

/** A full view of one table in a frame, with a line of explanation above or below it. */
export function TableView(props: {
	readonly title: string;
	readonly info: string;
	readonly note: string;
	readonly noteAbove?: boolean;
	readonly columns: readonly Column[];
	readonly rows: readonly Row[];
	readonly cursor: number;
	readonly empty: string;
	readonly width: number;
	readonly height: number;
	/** Lines for the table, its heading included. */
	readonly tableHeight: number;
}) {
	const note = (
		<Text color="gray" wrap="truncate">
			{props.note}
		</Text>
	);
	return (
		<Frame title={props.title} info={props.info} width={props.width} height={props.height} focused>
			<Box flexDirection="column">
				{props.noteAbove ? note : null}
				<Table
					columns={props.columns}
					rows={props.rows}
					cursor={props.cursor}
					width={props.width - 2}
					height={props.tableHeight}
					focused
					empty={props.empty}
				/>
				{props.noteAbove ? null : note}
			</Box>
		</Frame>
	);
}
