/**
 * The one way the project reads CSV: decode the bytes (BOM, UTF-16, Windows-1252), read the header in JS,
 * then let DuckDB parse the body with fixed options (no sniffing), every column as text, rejected lines
 * recorded with their line numbers. `ingestFile` and `readCsvRows` both go through `stageCsv`, so the
 * csv-spectrum suite tests exactly what the loader runs.
 *
 * Line numbers are counted as DuckDB counts them and as a spreadsheet shows rows: the header is line 1,
 * blank lines count, and a quoted field that spans several lines counts once.
 */
import type { Db } from './db';
import { toUtf8, isUtf8, type Encoding } from './decode';
import { readHeader, firstBreak, splitRecord, type Header } from './header';

/** DuckDB's `max_line_size`: a longer line is rejected (and listed), not loaded. */
export const MAX_LINE_BYTES = 4_000_000;
const HEADER_SAMPLE = 65536;

export class IngestError extends Error {
	constructor(
		readonly fileName: string,
		readonly problem: string,
		readonly line: number | null = null
	) {
		super(`${fileName}${line ? `, line ${line}` : ''}: ${problem}`);
		this.name = 'IngestError';
	}
}

export interface DecodedCsv {
	/** UTF-8 bytes without a BOM: what DuckDB reads. */
	bytes: Uint8Array;
	encoding: Encoding;
	header: Header;
}

/** A line DuckDB could not split into the header's number of fields (one entry per line). */
export interface CsvReject {
	line: number;
	type: string;
	message: string;
	/** Fields actually on the line, when DuckDB stopped counting (too many fields). */
	fields?: number;
}

const SIGNATURES: [number[], string][] = [
	[[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive or an Excel workbook (.xlsx), not a CSV file. In Excel use Save As › CSV'],
	[[0xd0, 0xcf, 0x11, 0xe0], 'an old Excel workbook (.xls), not a CSV file. In Excel use Save As › CSV'],
	[[0x25, 0x50, 0x44, 0x46], 'a PDF document, not a CSV file']
];

function looksBinary(bytes: Uint8Array): boolean {
	const n = Math.min(bytes.length, 4096);
	let control = 0;
	for (let i = 0; i < n; i++) {
		const b = bytes[i];
		if (b === 0) return true;
		if (b < 9 || (b > 13 && b < 32)) control++;
	}
	return control > n / 20;
}

/** Decodes the bytes and reads the header. Throws IngestError for an empty, binary or headerless file. */
export function decodeCsv(name: string, raw: Uint8Array): DecodedCsv {
	if (raw.length === 0) throw new IngestError(name, 'the file is empty.');
	for (const [sig, what] of SIGNATURES) if (sig.every((b, i) => raw[i] === b)) throw new IngestError(name, `this is ${what}.`);
	let { bytes, encoding } = toUtf8(raw);
	if (encoding === 'utf-8' && looksBinary(bytes)) throw new IngestError(name, 'this is not a CSV text file (it contains binary data).');
	if ((encoding === 'utf-8' || encoding === 'utf-8-bom') && !isUtf8(bytes.subarray(0, HEADER_SAMPLE))) ({ bytes, encoding } = asWindows1252(raw, encoding));
	return { bytes, encoding, header: headerOf(name, bytes) };
}

/**
 * Decodes enough of a file to read its header: all of a byte array, or a Blob's first 64 KB (all of it when the
 * header or the first data line is not in them). `whole` says whether `csv` covers the entire file.
 */
export async function sniffCsv(name: string, data: Uint8Array | Blob): Promise<{ csv: DecodedCsv; whole: boolean }> {
	if (data instanceof Uint8Array) return { csv: decodeCsv(name, data), whole: true };
	if (data.size > HEADER_SAMPLE) {
		const head = new Uint8Array(await data.slice(0, HEADER_SAMPLE).arrayBuffer());
		// An empty check on a sample only proves the sample has no data row; the whole file decides.
		if (head.includes(10) || head.includes(13)) {
			const csv = decodeCsv(name, head);
			if (!csv.header.empty) return { csv, whole: false };
		}
	}
	return { csv: decodeCsv(name, new Uint8Array(await data.arrayBuffer())), whole: true };
}

/** Re-reads bytes that are not UTF-8 after all as Windows-1252, without a UTF-8 BOM they may start with. */
function asWindows1252(raw: Uint8Array, found: Encoding) {
	return toUtf8(found === 'utf-8-bom' ? raw.subarray(3) : raw, 'windows-1252');
}

function headerOf(name: string, bytes: Uint8Array): Header {
	// Decode just enough to hold the whole first line, however wide the header is.
	let n = HEADER_SAMPLE;
	let text = new TextDecoder().decode(bytes.subarray(0, n));
	while (n < bytes.length && firstBreak(text) === -1) {
		if (n > MAX_LINE_BYTES) throw new IngestError(name, `the first line (the header) is longer than ${MAX_LINE_BYTES / 1e6} MB.`, 1);
		n *= 4;
		text = new TextDecoder().decode(bytes.subarray(0, n));
	}
	const header = readHeader(text);
	if (!header) throw new IngestError(name, 'the first line (the header) is blank.', 1);
	// The sample may end in blank lines with data after them.
	if (header.empty && n < bytes.length && bytes.subarray(n).some((b) => b > 32)) header.empty = false;
	return header;
}

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * The read_csv call: every option fixed, nothing sniffed. Columns are `c0`, `c1`, … in header order, typed as
 * `types` gives (VARCHAR where it gives none). With a `rejectsTag` a line that cannot be read is recorded in
 * `rejects_<tag>` and skipped; without one it stops the read.
 */
export function readCsvSql(internal: string, header: Header, newline: Header['newline'], opts: { rejectsTag?: string; types?: (string | undefined)[] } = {}): string {
	const cols = header.names.map((_, i) => `'c${i}': '${opts.types?.[i] ?? 'VARCHAR'}'`).join(', ');
	const nl = newline === '\r' ? '\\r' : newline === '\r\n' ? '\\r\\n' : '\\n';
	const rejects = opts.rejectsTag
		? `, store_rejects = true, rejects_table = 'rejects_${opts.rejectsTag}', rejects_scan = 'reject_scans_${opts.rejectsTag}'`
		: '';
	return `read_csv(${sqlString(internal)}, header = false, skip = 1, auto_detect = false,
		delim = ${sqlString(header.delimiter)}, quote = '"', escape = '"', new_line = '${nl}',
		columns = {${cols}}${rejects}, max_line_size = ${MAX_LINE_BYTES})`;
}

export interface StageOptions {
	/** TEMP table to create: `row_no` (1-based, file order) plus `select`. */
	table: string;
	/** Columns to keep, over the raw columns `c0`, `c1`, … (header order). */
	select: string;
	/** Unique suffix for the registered file and the rejects tables. */
	tag: string;
	/** Read a row one field short as if its last field were there and empty (Fingertips drops a trailing empty field). */
	padShortRows?: boolean;
}

export interface StagedCsv extends DecodedCsv {
	rejects: CsvReject[];
	/** True when mixed line endings had to be made uniform before DuckDB could read the file. */
	newlinesRepaired: boolean;
}

/**
 * Registers the decoded file with DuckDB and materialises it as a TEMP table. Retries as Windows-1252 when
 * DuckDB finds invalid UTF-8 past the sample, and with uniform line endings when they are mixed. Any other
 * failure becomes an IngestError naming the file. The registered file is dropped before returning.
 */
export async function stageCsv(db: Db, name: string, raw: Uint8Array, csv: DecodedCsv, opts: StageOptions): Promise<StagedCsv> {
	const internal = `csv_${opts.tag}.csv`;
	const pad = (b: Uint8Array) => (opts.padShortRows ? padShortRows(b, csv.header.delimiter, csv.header.names.length) : b);
	let { bytes, encoding } = csv;
	bytes = pad(bytes);
	let newline = csv.header.newline;
	let newlinesRepaired = false;
	const attempt = async (): Promise<(CsvReject & { csv_line?: string | null })[]> => {
		// DuckDB-WASM transfers (detaches) the buffer it is given: hand it a copy, as the caller keeps the raw
		// bytes (to store them) and line numbers are counted on the decoded ones afterwards.
		await db.registerFile(internal, bytes.slice());
		try {
			await db.exec(`DROP TABLE IF EXISTS rejects_${opts.tag}; DROP TABLE IF EXISTS reject_scans_${opts.tag};`);
			await db.exec(
				`CREATE OR REPLACE TEMP TABLE ${opts.table} AS SELECT row_number() OVER () AS row_no, ${opts.select} FROM ${readCsvSql(internal, csv.header, newline, { rejectsTag: opts.tag })}`
			);
			// DuckDB lists a short line once per missing field: keep one entry per line, the most telling.
			return await db.query<CsvReject>(
				`SELECT line, first(error_type ORDER BY error_type = 'LINE SIZE OVER MAXIMUM' DESC, column_idx) AS type,
					first(error_message ORDER BY error_type = 'LINE SIZE OVER MAXIMUM' DESC, column_idx) AS message,
					first(CASE WHEN error_type = 'TOO MANY COLUMNS' THEN left(csv_line, ${MAX_LINE_BYTES}) END) AS csv_line
				FROM rejects_${opts.tag} GROUP BY line ORDER BY line`
			);
		} finally {
			await db.exec(`DROP TABLE IF EXISTS rejects_${opts.tag}; DROP TABLE IF EXISTS reject_scans_${opts.tag};`).catch(() => {});
			await db.dropFile(internal).catch(() => {});
		}
	};
	const read = async (): Promise<(CsvReject & { csv_line?: string | null })[]> => {
		try {
			const rejects = await attempt();
			// A line ending that differs from the header's can make DuckDB read nothing at all.
			if (rejects.length === 0 && !newlinesRepaired && bytes.includes(13)) {
				const [{ n }] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${opts.table}`);
				if (Number(n) === 0) throw new Error('no rows');
			}
			return rejects;
		} catch (e) {
			if (newlinesRepaired || !bytes.includes(13)) throw e;
			// Mixed line endings (CRLF with stray LF or CR) stop DuckDB's parser: make them uniform and retry.
			bytes = uniformNewlines(bytes, csv.header.delimiter);
			newline = '\n';
			newlinesRepaired = true;
			return attempt();
		}
	};
	try {
		let rejects = await read();
		if (rejects.some((r) => r.type === 'INVALID ENCODING') && encoding !== 'windows-1252') {
			// Not UTF-8 after all (e.g. one "£" typed in Excel deep in the file): read it as Windows-1252.
			({ bytes, encoding } = asWindows1252(raw, encoding));
			bytes = pad(bytes);
			newline = csv.header.newline;
			newlinesRepaired = false;
			rejects = await read();
		}
		return {
			bytes,
			encoding,
			header: csv.header,
			rejects: rejects.map(({ csv_line, ...r }) => ({
				...r,
				line: Number(r.line),
				// DuckDB reports the first extra field ("found 13"), not how many the line has.
				...(csv_line != null ? { fields: splitRecord(csv_line.replace(/[\r\n]+$/, ''), csv.header.delimiter).length } : {})
			})),
			newlinesRepaired
		};
	} catch (e) {
		if (e instanceof IngestError) throw e;
		const detail = String((e as Error)?.message ?? e).split('\n')[0].slice(0, 200);
		throw new IngestError(name, `could not be read as CSV (${detail}).`);
	}
}

/** Turns every line break outside quotes into LF; breaks inside quoted fields are data and stay. */
function uniformNewlines(bytes: Uint8Array, delimiter: string): Uint8Array {
	const out = new Uint8Array(bytes.length);
	let o = 0;
	forEachByteState(bytes, delimiter, (c, i, inQuotes) => {
		if (c === 13 && !inQuotes) {
			out[o++] = 10;
			return bytes[i + 1] === 10 ? 1 : 0;
		}
		out[o++] = c;
		return 0;
	});
	return out.subarray(0, o);
}

/**
 * Adds the missing last field to every record that has exactly one field fewer than the header: writers that
 * drop a trailing empty field leave such rows, and the field they dropped was empty. Shorter records are left
 * as they are, for DuckDB to reject with their line numbers. Returns the same bytes when nothing is short.
 */
function padShortRows(bytes: Uint8Array, delimiter: string, columns: number): Uint8Array {
	const d = delimiter.charCodeAt(0);
	const at: number[] = [];
	let fields = 1;
	let empty = true;
	let header = true;
	const end = (i: number) => {
		if (!header && !empty && fields === columns - 1) at.push(i);
		header = false;
		fields = 1;
		empty = true;
	};
	forEachByteState(bytes, delimiter, (c, i, inQuotes) => {
		if (!inQuotes && (c === 10 || c === 13)) {
			end(i);
			return c === 13 && bytes[i + 1] === 10 ? 1 : 0;
		}
		if (!inQuotes && c === d) fields++;
		empty = false;
		return 0;
	});
	end(bytes.length);
	if (!at.length) return bytes;
	const out = new Uint8Array(bytes.length + at.length);
	let from = 0;
	at.forEach((pos, k) => {
		out.set(bytes.subarray(from, pos), from + k);
		out[pos + k] = d;
		from = pos;
	});
	out.set(bytes.subarray(from), from + at.length);
	return out;
}

/**
 * Walks the bytes with the quoting rules DuckDB applies: a quote opens a quoted field only at the start of a
 * field, `""` inside one is a literal quote. `visit` returns how many following bytes to skip.
 */
function forEachByteState(bytes: Uint8Array, delimiter: string, visit: (c: number, i: number, inQuotes: boolean) => number): void {
	const d = delimiter.charCodeAt(0);
	// 0: at the start of a field, 1: in an unquoted field, 2: in a quoted field, 3: just after a quote in a quoted field.
	let state = 0;
	for (let i = 0; i < bytes.length; i++) {
		const c = bytes[i];
		const inQuotes = state === 2;
		if (state === 2) {
			if (c === 34) state = 3;
		} else if (c === 10 || c === 13) state = 0;
		else if (state === 3) state = c === 34 ? 2 : c === d ? 0 : 1;
		else if (c === d) state = 0;
		else if (state === 0) state = c === 34 ? 2 : 1;
		i += visit(c, i, inQuotes);
	}
}

/**
 * Calls `visit(line, blank)` for each record (the header first), with the line number DuckDB gives it.
 * Stops when `visit` returns false.
 */
function forEachRecord(bytes: Uint8Array, delimiter: string, visit: (line: number, blank: boolean) => boolean | void): void {
	let line = 1;
	let empty = true;
	let stopped = false;
	forEachByteState(bytes, delimiter, (c, i, inQuotes) => {
		if (stopped) return bytes.length;
		if (!inQuotes && (c === 10 || c === 13)) {
			if (visit(line, empty) === false) {
				stopped = true;
				return bytes.length;
			}
			line++;
			empty = true;
			return c === 13 && bytes[i + 1] === 10 ? 1 : 0;
		}
		empty = false;
		return 0;
	});
	if (!stopped && !empty) visit(line, false);
}

/**
 * File line numbers of accepted rows (row_no counts the rows DuckDB returned, 1-based). DuckDB skips blank
 * lines (when there is more than one column) and the lines it rejected.
 */
export function rowLines(staged: StagedCsv, rowNos: number[]): Map<number, number> {
	const out = new Map<number, number>();
	if (rowNos.length === 0) return out;
	const wanted = new Set(rowNos);
	const last = Math.max(...rowNos);
	const rejected = new Set(staged.rejects.map((r) => r.line));
	const ncol = staged.header.names.length;
	let rowNo = 0;
	let header = true;
	forEachRecord(staged.bytes, staged.header.delimiter, (line, blank) => {
		if (header) {
			header = false;
			return;
		}
		if ((blank && ncol > 1) || rejected.has(line)) return;
		rowNo++;
		if (wanted.has(rowNo)) out.set(rowNo, line);
		return rowNo < last;
	});
	return out;
}

/**
 * Reads any CSV into text rows exactly as the loader does (same decoding, header and read_csv options).
 * A blank field is ''. With duplicate header names the first column wins. Lines DuckDB rejected are
 * returned in `rejects`, not in `rows`.
 */
export async function readCsvRows(
	db: Db,
	name: string,
	bytes: Uint8Array
): Promise<{ header: string[]; rows: Record<string, string>[]; rejects: CsvReject[] }> {
	const csv = decodeCsv(name, bytes);
	const header = csv.header.names;
	const tag = `read_${Math.random().toString(36).slice(2, 10)}`;
	try {
		const staged = await stageCsv(db, name, bytes, csv, { table: `rows_${tag}`, select: header.map((_, i) => `c${i}`).join(', '), tag });
		const raw = await db.query<Record<string, string | null>>(`SELECT * FROM rows_${tag} ORDER BY row_no`);
		const first = header.map((h, i) => header.indexOf(h) === i);
		// fromEntries makes own properties, so a column named "__proto__" or "toString" is just a column.
		const rows = raw.map((r) => Object.fromEntries(header.flatMap((h, i) => (first[i] ? [[h, r[`c${i}`] ?? '']] : []))));
		return { header, rows, rejects: staged.rejects };
	} finally {
		await db.exec(`DROP TABLE IF EXISTS rows_${tag}`).catch(() => {});
	}
}
