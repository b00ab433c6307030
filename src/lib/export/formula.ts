/** A plain signed number as the tables show it: "-12", "+1,234", "-3.5", "+4%". Never a formula. */
const SIGNED_NUMBER = /^[+-]?\d{1,3}(,\d{3})*(\.\d+)?%?$|^[+-]?\d+(\.\d+)?%?$/;

/**
 * Stops a cell being read as a formula by Excel/LibreOffice (OWASP "CSV injection"): cells starting with
 * =, +, -, @, tab, CR or LF get a leading apostrophe. Plain signed numbers as the tables show them
 * ("-12", "+1,234", "−3.5", "+4%") are left alone, so the export matches the table. Used by the CSV
 * writer, the tab-separated text and the HTML table copied to the clipboard.
 */
export function neutralise(cell: string): string {
	return /^[=+\-@\t\r\n]/.test(cell) && !SIGNED_NUMBER.test(cell) ? `'${cell}` : cell;
}
