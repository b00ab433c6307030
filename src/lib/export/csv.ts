/**
 * The one CSV writer: every CSV the site exports (a figure's data table, the SQL explorer's result) is
 * written here. Papa Parse does the quoting (RFC 4180: a cell holding a comma, a double quote, a line
 * break or a leading or trailing space is quoted, quotes doubled); this module adds what the project
 * wants on top: formula neutralisation by its own rule, CRLF line ends, notes after the table, and
 * optionally the UTF-8 byte order mark that makes Excel read the file as UTF-8.
 *
 * Why not Papa Parse's `escapeFormulae`: its default rule (`^[=+\-@\t\r]`) would turn the plain
 * negative number `-12` into `'-12` and misses a leading line feed; and whatever rule it is given, it
 * also forces quotes round every neutralised cell. So the cells are neutralised here first and Papa
 * Parse runs with `escapeFormulae` off.
 */
import Papa from 'papaparse';
import { neutralise } from './formula';
import type { TableSpec } from './table';

/** Put first in a CSV file so Excel reads it as UTF-8. */
export const CSV_BOM = '\uFEFF';

export interface CsvOptions {
	/** Lines after the table, one cell each, after a blank line: they travel with the numbers. */
	notes?: readonly string[];
	/** Write the header row (default true). False writes only rows (and notes): the rest of a CSV begun earlier. */
	header?: boolean;
	/** Start with the UTF-8 byte order mark (default false). */
	bom?: boolean;
}

const NEWLINE = '\r\n';

/**
 * CSV text: the header row, the rows, then the notes, every line ending in CRLF. Every cell (header,
 * data and notes) is neutralised against formulas, then quoted by Papa Parse where CSV needs it.
 * Pieces written with `header: false` can be appended to a piece written with the header.
 */
export function writeCsv(columns: readonly string[], rows: readonly (readonly string[])[], options: CsvOptions = {}): string {
	const { notes = [], header = true, bom = false } = options;
	const lines: string[][] = [];
	if (header) lines.push(columns.map(neutralise));
	for (const row of rows) lines.push(row.map(neutralise));
	if (notes.length) {
		lines.push(['']);
		for (const n of notes) lines.push([neutralise(n)]);
	}
	const body = lines.length ? Papa.unparse(lines, { newline: NEWLINE, quotes: false, escapeFormulae: false, header: false }) + NEWLINE : '';
	return bom ? CSV_BOM + body : body;
}

/** A figure's data table as CSV: its column labels, its display strings row by row, then its notes. */
export function tableCsv(table: TableSpec, options: Omit<CsvOptions, 'notes'> = {}): string {
	return writeCsv(
		table.columns.map((c) => c.label),
		table.rows.map((r) => table.columns.map((c) => r[c.key] ?? '')),
		{ ...options, notes: table.notes }
	);
}
