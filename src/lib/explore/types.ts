/** Shapes shared by the explorer's page and components (no runtime code, so nothing heavy is imported). */

/** A cell as the explorer shows, sorts and exports it: dates are ISO strings, numbers plain numbers. */
export type CellValue = number | string | boolean | null;

export type ColumnKind = 'number' | 'text' | 'date' | 'timestamp' | 'boolean' | 'other';

export interface ColumnInfo {
	name: string;
	/** DuckDB-style type name, e.g. INTEGER, VARCHAR, DATE, DECIMAL(38,0). */
	type: string;
	kind: ColumnKind;
}

/** The result of one run: what the table, the chart and the downloads read. */
export interface QueryResult {
	sql: string;
	columns: ColumnInfo[];
	rowCount: number;
	/** True when the query returned more than `maxRows` rows and only the first `maxRows` were fetched. */
	capped: boolean;
	maxRows: number;
	/** Milliseconds from sending the query to having the rows. */
	ms: number;
	/** Statements run (the result is the last one's). */
	statements: number;
	/** ENUM columns whose values could not be read (a statement that is not a query: it is never run twice). */
	unreadableEnums: string[];
	cell(row: number, col: number): CellValue;
	/** Every value of a column, in result order (materialised once, then cached). */
	column(col: number): CellValue[];
	/** The result as an Arrow IPC file (starts and ends with "ARROW1"). */
	ipc(): Uint8Array;
}

export interface SchemaColumn {
	name: string;
	type: string;
}

export interface SchemaObject {
	name: string;
	kind: 'table' | 'view';
	temporary: boolean;
	columns: SchemaColumn[];
	rows: number | null;
	/** Why the rows could not be counted (e.g. a view over a dropped table). */
	problem?: string;
}
