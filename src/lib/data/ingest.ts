/**
 * Loads one CSV file into the canonical tables: decode → read the header → detect the kind → let DuckDB
 * parse the body (rejects recorded with line numbers) → validate and type in SQL → insert in one
 * transaction. A bad file throws an IngestError and leaves everything already loaded as it was.
 */
import type { Db } from './db';
import { toUtf8, isUtf8, type Encoding } from './decode';
import { readHeader, type Header } from './header';
import { detectKind, KINDS, type Kind } from './kinds';
import { parsePeriod } from './periods';
import normaliseJourneys from './sql/normalise-journeys.sql?raw';
import normaliseReleases from './sql/normalise-releases.sql?raw';
import normaliseFigures from './sql/normalise-figures.sql?raw';
import normaliseFingertips from './sql/normalise-fingertips.sql?raw';
import insertJourneys from './sql/insert-journeys.sql?raw';
import insertReleases from './sql/insert-releases.sql?raw';
import insertFigures from './sql/insert-figures.sql?raw';

/** Larger files than this are refused before reading: wasm memory tops out near 2 GB in a tab. */
export const MAX_FILE_BYTES = 800 * 1024 * 1024;
export const MAX_COLUMNS = 1000;
const MAX_LISTED = 50;

const SQL: Record<Kind, { normalise: string; insert: string }> = {
	journeys: { normalise: normaliseJourneys, insert: insertJourneys },
	releases: { normalise: normaliseReleases, insert: insertReleases },
	figures: { normalise: normaliseFigures, insert: insertFigures },
	fingertips: { normalise: normaliseFingertips, insert: insertFigures }
};

export interface LineProblem {
	line: number;
	problem: string;
}

export interface ValidationReport {
	fileId: number;
	fileName: string;
	kind: Kind;
	kindLabel: string;
	encoding: Encoding;
	delimiter: string;
	rowsLoaded: number;
	rowsRejected: number;
	rejects: LineProblem[];
	warningCount: number;
	warnings: LineProblem[];
	ignoredColumns: string[];
	areas: string[];
	periodStart: string | null;
	periodEnd: string | null;
	synthetic: boolean;
	embedded: boolean;
}

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

export interface IngestInput {
	fileId: number;
	name: string;
	bytes: Uint8Array;
	embedded?: boolean;
}

/** Refuses a file the browser cannot hold, before its bytes are read. */
export function checkSize(name: string, size: number): void {
	if (size > MAX_FILE_BYTES) {
		const mb = (n: number) => `${Math.round(n / 1024 / 1024).toLocaleString('en-GB')} MB`;
		throw new IngestError(name, `the file is ${mb(size)}; the largest file this browser tab can load is ${mb(MAX_FILE_BYTES)}. Split it by year or area and load the parts.`);
	}
}

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

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

function readCsvSql(internal: string, header: Header, n: number, fileId: number): string {
	const cols = Array.from({ length: n }, (_, i) => `'c${i}': 'VARCHAR'`).join(', ');
	const nl = header.newline === '\r' ? '\\r' : header.newline === '\r\n' ? '\\r\\n' : '\\n';
	return `read_csv(${sqlString(internal)}, header = false, skip = 1, auto_detect = false,
		delim = ${sqlString(header.delimiter)}, quote = '"', escape = '"', new_line = '${nl}',
		columns = {${cols}}, store_rejects = true,
		rejects_table = 'rejects_${fileId}', rejects_scan = 'reject_scans_${fileId}', max_line_size = 4000000)`;
}

/** Turns physical line numbers of DuckDB's accepted-row order into file line numbers. */
function lineOf(rowNo: number, rejectedLines: number[]): number {
	let line = rowNo + 1;
	for (const r of rejectedLines) if (r <= line) line++;
	return line;
}

export async function ingestFile(db: Db, input: IngestInput): Promise<ValidationReport> {
	const { fileId, name } = input;
	checkSize(name, input.bytes.length);
	if (input.bytes.length === 0) throw new IngestError(name, 'the file is empty.');

	let { bytes, encoding } = toUtf8(input.bytes);
	if (encoding === 'utf-8' && looksBinary(bytes)) throw new IngestError(name, 'this is not a CSV text file (it contains binary data).');
	if ((encoding === 'utf-8' || encoding === 'utf-8-bom') && !isUtf8(bytes.subarray(0, 65536))) {
		({ bytes, encoding } = toUtf8(input.bytes, 'windows-1252'));
	}

	const header = readHeader(new TextDecoder().decode(bytes.subarray(0, 65536)));
	if (!header) throw new IngestError(name, 'the first line (the header) is blank.', 1);
	if (header.names.length > MAX_COLUMNS)
		throw new IngestError(name, `the header has ${header.names.length.toLocaleString('en-GB')} columns; no supported extract has more than ${MAX_COLUMNS.toLocaleString('en-GB')}.`, 1);
	const detected = detectKind(header.names);
	if (!detected) {
		const expected = KINDS.map((k) => `${k.label} (${k.signature.join(', ')})`).join('; ');
		throw new IngestError(name, `not a recognised extract. Its header (${header.names.slice(0, 8).join(', ')}${header.names.length > 8 ? ', …' : ''}) matches none of: ${expected}. See data/README.md.`, 1);
	}
	if (detected.missing.length) throw new IngestError(name, `a ${detected.spec.label} needs the column(s) ${detected.missing.join(', ')}, which the header lacks.`, 1);
	if (header.empty) throw new IngestError(name, 'the file has a header but no data rows.', 2);

	const kind = detected.spec.kind;
	const internal = `file_${fileId}.csv`;
	const ignored = [...detected.ignored];
	const seen = new Set<string>();
	for (const h of header.names) if (h && seen.has(h.toLowerCase())) ignored.push(`${h} (duplicate name: the first is used)`);
	else seen.add(h.toLowerCase());

	// DuckDB may transfer (detach) the buffer it is given: hand it a copy so the caller keeps the original.
	const register = async (b: Uint8Array) => db.registerFile(internal, b === input.bytes ? b.slice() : b);
	await register(bytes);
	try {
		const select = detected.spec.columns
			.map((c) => (detected.index.has(c.id) ? `c${detected.index.get(c.id)} AS ${c.id}` : `NULL::VARCHAR AS ${c.id}`))
			.join(', ');
		const stage = async () => {
			await db.exec(`DROP TABLE IF EXISTS rejects_${fileId}; DROP TABLE IF EXISTS reject_scans_${fileId};`);
			await db.exec(`CREATE OR REPLACE TEMP TABLE src AS SELECT row_number() OVER () AS row_no, ${select} FROM ${readCsvSql(internal, header, header.names.length, fileId)}`);
		};
		await stage();
		let csvRejects = await db.query<{ line: number; error_type: string; error_message: string }>(
			`SELECT line, error_type, error_message FROM rejects_${fileId} ORDER BY line`
		);
		if (csvRejects.some((r) => r.error_type === 'INVALID ENCODING') && encoding !== 'windows-1252') {
			// Not UTF-8 after all (e.g. one "£" typed in Excel deep in the file): read it as Windows-1252.
			({ bytes, encoding } = toUtf8(input.bytes, 'windows-1252'));
			await db.dropFile(internal);
			await register(bytes);
			await stage();
			csvRejects = await db.query(`SELECT line, error_type, error_message FROM rejects_${fileId} ORDER BY line`);
		}

		if (kind === 'figures' || kind === 'fingertips') await registerPeriods(db);
		await db.exec(SQL[kind].normalise);

		const [counts] = await db.query<{ good: number; bad: number; warned: number }>(
			`SELECT count(*) FILTER (WHERE problem IS NULL) AS good, count(*) FILTER (WHERE problem IS NOT NULL) AS bad,
				count(*) FILTER (WHERE problem IS NULL AND warning IS NOT NULL) AS warned FROM norm`
		);
		const rejectedLines = csvRejects.map((r) => Number(r.line));
		const listed = async (col: 'problem' | 'warning', extra: string) =>
			(await db.query<{ row_no: number; msg: string }>(`SELECT row_no, ${col} AS msg FROM norm WHERE ${col} IS NOT NULL ${extra} ORDER BY row_no LIMIT ${MAX_LISTED}`)).map(
				(r) => ({ line: lineOf(Number(r.row_no), rejectedLines), problem: r.msg })
			);
		const rejects: LineProblem[] = [
			...csvRejects.map((r) => ({ line: Number(r.line), problem: csvProblem(r.error_type, r.error_message) })),
			...(await listed('problem', ''))
		]
			.sort((a, b) => a.line - b.line)
			.slice(0, MAX_LISTED);
		const rowsRejected = csvRejects.length + Number(counts.bad);
		if (Number(counts.good) === 0) {
			const first = rejects[0];
			throw new IngestError(name, `no row could be loaded (${rowsRejected.toLocaleString('en-GB')} rejected). ${first ? `First problem: ${first.problem}` : ''}`.trim(), first?.line ?? null);
		}
		const warnings = await listed('warning', 'AND problem IS NULL');

		const synthetic = await insertAtomically(db, kind, fileId, name, Number(counts.good), rowsRejected, input.embedded ?? false);
		const [span] = await db.query<{ areas: string[]; start: string | null; end: string | null }>(
			`SELECT area_codes AS areas, strftime(period_start, '%Y-%m-%d') AS start, strftime(period_end, '%Y-%m-%d') AS "end" FROM files WHERE file_id = ?`,
			[fileId]
		);
		return {
			fileId,
			fileName: name,
			kind,
			kindLabel: detected.spec.label,
			encoding,
			delimiter: header.delimiter,
			rowsLoaded: Number(counts.good),
			rowsRejected,
			rejects,
			warningCount: Number(counts.warned),
			warnings,
			ignoredColumns: ignored,
			areas: [...(span?.areas ?? [])],
			periodStart: span?.start ?? null,
			periodEnd: span?.end ?? null,
			synthetic,
			embedded: input.embedded ?? false
		};
	} finally {
		await db.exec(`DROP TABLE IF EXISTS src; DROP TABLE IF EXISTS norm; DROP TABLE IF EXISTS rejects_${fileId}; DROP TABLE IF EXISTS reject_scans_${fileId};`).catch(() => {});
		await db.dropFile(internal).catch(() => {});
	}
}

function csvProblem(type: string, message: string): string {
	switch (type) {
		case 'MISSING COLUMNS':
			return `too few fields (${message.replace('Expected Number of Columns: ', 'expected ').replace(' Found: ', ', found ')})`;
		case 'TOO MANY COLUMNS':
			return `too many fields (${message.replace('Expected Number of Columns: ', 'expected ').replace(' Found: ', ', found ')})`;
		case 'LINE SIZE OVER MAXIMUM':
			return 'the line is longer than 4 MB';
		case 'UNQUOTED VALUE':
		case 'UNTERMINATED QUOTES':
			return 'a quoted field is not closed properly';
		case 'INVALID ENCODING':
			return 'the line is not valid text in any supported encoding';
		default:
			return `${type.toLowerCase()}: ${message}`;
	}
}

/** Parses every new period label in the staged file once, in JS, into the `periods` table. */
async function registerPeriods(db: Db): Promise<void> {
	const raws = await db.query<{ p: string }>(
		`SELECT DISTINCT trim(period) AS p FROM src WHERE nullif(trim(period), '') IS NOT NULL AND trim(period) NOT IN (SELECT period_raw FROM periods)`
	);
	for (const { p } of raws) {
		const parsed = parsePeriod(p);
		if (!parsed) continue;
		await db.query(`INSERT OR IGNORE INTO periods VALUES (?, ?, ?::DATE, ?::DATE, ?)`, [p, parsed.label, parsed.start, parsed.end, parsed.kind]);
	}
}

async function insertAtomically(
	db: Db,
	kind: Kind,
	fileId: number,
	name: string,
	good: number,
	rejected: number,
	embedded: boolean
): Promise<boolean> {
	const [{ synthetic }] = await db.query<{ synthetic: boolean }>(`SELECT coalesce(bool_or(synthetic), false) AS synthetic FROM norm WHERE problem IS NULL`);
	const dateExpr =
		kind === 'journeys' ? 'min(triage_date), max(coalesce(discharge_date, triage_date))' : kind === 'releases' ? 'min(release_date), max(release_date)' : 'min(p.period_start), max(p.period_end)';
	const join = kind === 'figures' || kind === 'fingertips' ? 'JOIN periods p USING (period_raw)' : '';
	await db.exec('BEGIN TRANSACTION');
	try {
		await db.query(SQL[kind].insert, [fileId]);
		await db.query(
			`INSERT INTO files SELECT ?, ?, ?, ?, ?, ?, ?, now()::TIMESTAMP, ${dateExpr}, list(DISTINCT area_code ORDER BY area_code),
				(SELECT min(source) FROM (SELECT ${kind === 'figures' || kind === 'fingertips' ? 'source' : 'NULL AS source'} FROM norm WHERE problem IS NULL LIMIT 1))
			FROM norm ${join} WHERE problem IS NULL`,
			[fileId, name, kind, good, rejected, Boolean(synthetic), embedded]
		);
		await db.exec('COMMIT');
	} catch (e) {
		await db.exec('ROLLBACK').catch(() => {});
		throw new IngestError(name, `could not be stored: ${(e as Error).message}`);
	}
	return Boolean(synthetic);
}

/** Removes one file's rows from every canonical table. */
export async function forgetFile(db: Db, fileId: number): Promise<void> {
	await db.exec('BEGIN TRANSACTION');
	try {
		for (const t of ['figures', 'journeys', 'releases', 'files']) await db.query(`DELETE FROM ${t} WHERE file_id = ?`, [fileId]);
		await db.exec('COMMIT');
	} catch (e) {
		await db.exec('ROLLBACK').catch(() => {});
		throw e;
	}
}
