/** A table of display strings: what a figure's data table shows, and exactly what its CSV export holds. */
export interface TableColumn {
	key: string;
	label: string;
	numeric?: boolean;
}

export interface TableSpec {
	caption: string;
	columns: TableColumn[];
	rows: Record<string, string>[];
	/** Footnotes carried into every export (synthetic label, suppression, source). */
	notes: string[];
}

/**
 * Stops a cell being read as a formula by Excel/LibreOffice (OWASP "CSV injection"): cells starting with
 * =, +, -, @, tab, CR or LF get a leading apostrophe. Plain signed numbers as the tables show them
 * ("-12", "+1,234", "−3.5", "+4%") are left alone, so the export matches the table.
 */
export function neutralise(cell: string): string {
	if (/^[=+\-@\t\r\n]/.test(cell) && !/^[+-]?\d{1,3}(,\d{3})*(\.\d+)?%?$|^[+-]?\d+(\.\d+)?%?$/.test(cell)) return `'${cell}`;
	return cell;
}

function csvCell(cell: string): string {
	const safe = neutralise(cell);
	return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV with a header row, then the notes as trailing lines so they travel with the numbers. */
export function toCsv(table: TableSpec): string {
	const lines = [table.columns.map((c) => csvCell(c.label)).join(',')];
	for (const row of table.rows) lines.push(table.columns.map((c) => csvCell(row[c.key] ?? '')).join(','));
	if (table.notes.length) {
		lines.push('');
		for (const n of table.notes) lines.push(csvCell(n));
	}
	return lines.join('\r\n') + '\r\n';
}

export function toTsv(table: TableSpec): string {
	const clean = (s: string) => neutralise(s).replace(/[\t\r\n]+/g, ' ');
	return [
		table.columns.map((c) => clean(c.label)).join('\t'),
		...table.rows.map((r) => table.columns.map((c) => clean(r[c.key] ?? '')).join('\t'))
	].join('\n');
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * HTML table for the clipboard, so it pastes as a table into Word. Text is escaped, never markup, and
 * formula-like cells are neutralised as in the CSV (Excel evaluates formulas pasted as HTML too).
 */
export function toHtml(table: TableSpec): string {
	const cell = (s: string) => esc(neutralise(s));
	const head = table.columns.map((c) => `<th>${cell(c.label)}</th>`).join('');
	const body = table.rows
		.map(
			(r) =>
				`<tr>${table.columns.map((c) => `<td${c.numeric ? ' style="text-align:right"' : ''}>${cell(r[c.key] ?? '')}</td>`).join('')}</tr>`
		)
		.join('');
	const notes = table.notes.map((n) => `<p>${esc(n)}</p>`).join('');
	return `<table><caption>${esc(table.caption)}</caption><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>${notes}`;
}

export function slug(s: string): string {
	return (
		s
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '')
			.slice(0, 60) || 'chart'
	);
}
