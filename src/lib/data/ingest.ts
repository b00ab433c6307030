/**
 * Loads one CSV file into the canonical tables: decode → read the header → detect the kind → let DuckDB
 * parse the body (rejects recorded with line numbers) → validate and type in SQL → insert in one
 * transaction. A journeys extract in canonical form takes a fast path (typed-journeys.ts) that stores the
 * same rows in one pass. A bad file throws an IngestError and leaves everything already loaded as it was.
 */
import type { Db } from './db';
import type { Encoding } from './decode';
import { detectKind, KINDS, type Kind } from './kinds';
import { parsePeriod } from './periods';
import { decodeCsv, sniffCsv, stageCsv, rowLines, IngestError, MAX_LINE_BYTES, type CsvReject } from './read-csv';
import { loadTypedJourneys } from './typed-journeys';
import { storeJourneyCube } from './journey-cube';
import { ensureLaNames } from './la-names';
import normaliseJourneys from './sql/normalise-journeys.sql?raw';
import normaliseReleases from './sql/normalise-releases.sql?raw';
import normaliseFigures from './sql/normalise-figures.sql?raw';
import normaliseFingertips from './sql/normalise-fingertips.sql?raw';
import normaliseViewit from './sql/normalise-viewit.sql?raw';
import insertJourneys from './sql/insert-journeys.sql?raw';
import insertReleases from './sql/insert-releases.sql?raw';
import insertFigures from './sql/insert-figures.sql?raw';
import insertFingertips from './sql/insert-fingertips.sql?raw';
import insertViewit from './sql/insert-viewit.sql?raw';

/** Larger files than this are refused before reading: wasm memory tops out near 2 GB in a tab. */
// Measured in Chromium here: a 355 MB (4M-row) extract loads; 444 MB and larger run out of wasm memory.
export const MAX_FILE_BYTES = 350 * 1024 * 1024;
const MAX_COLUMNS = 1000;
const MAX_LISTED = 50;

export { IngestError };

const SQL: Record<Kind, { normalise: string; insert: string }> = {
	journeys: { normalise: normaliseJourneys, insert: insertJourneys },
	releases: { normalise: normaliseReleases, insert: insertReleases },
	figures: { normalise: normaliseFigures, insert: insertFigures },
	fingertips: { normalise: normaliseFingertips, insert: insertFingertips },
	viewit: { normalise: normaliseViewit, insert: insertViewit }
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
	/** Rows read but not stored, by rule (a repeated England row, an area code that cannot be placed); listed among the warnings. */
	rowsIgnored: number;
	rejects: LineProblem[];
	warningCount: number;
	warnings: LineProblem[];
	ignoredColumns: string[];
	areas: string[];
	periodStart: string | null;
	periodEnd: string | null;
	synthetic: boolean;
	embedded: boolean;
	/** Size of the file as given, in bytes. */
	bytes: number;
}

export interface IngestInput {
	fileId: number;
	name: string;
	/** The file: its bytes, or a Blob (a File the user picked), which DuckDB can read without a copy in the page. */
	data: Uint8Array | Blob;
	embedded?: boolean;
}

/** Refuses a file the browser cannot hold, before its bytes are read. */
export function checkSize(name: string, size: number): void {
	if (size > MAX_FILE_BYTES) {
		const mb = (n: number) => `${Math.round(n / 1024 / 1024).toLocaleString('en-GB')} MB`;
		throw new IngestError(name, `the file is ${mb(size)}; the largest file this browser tab can load is ${mb(MAX_FILE_BYTES)}. Split it by year or area and load the parts.`);
	}
}

export async function ingestFile(db: Db, input: IngestInput): Promise<ValidationReport> {
	const { fileId, name, data } = input;
	const size = data instanceof Uint8Array ? data.length : data.size;
	const embedded = input.embedded ?? false;
	checkSize(name, size);
	const sniffed = await sniffCsv(name, data);
	const { header } = sniffed.csv;
	if (header.names.length > MAX_COLUMNS)
		throw new IngestError(name, `the header has ${header.names.length.toLocaleString('en-GB')} columns; no supported extract has more than ${MAX_COLUMNS.toLocaleString('en-GB')}.`, 1);
	const detected = detectKind(header.names);
	if (!detected) {
		const expected = KINDS.map((k) => `${k.label} (${k.signature.join(', ')})`).join('; ');
		throw new IngestError(name, `not a recognised extract. Its header (${header.names.slice(0, 8).join(', ')}${header.names.length > 8 ? ', …' : ''}) matches none of: ${expected}. See data/README.md.`, 1);
	}
	if (detected.missing.length) throw new IngestError(name, `recognised as ${detected.spec.label}, but the header lacks the required column(s) ${detected.missing.join(', ')}.`, 1);
	if (header.empty) throw new IngestError(name, 'the file has a header but no data rows.', 2);

	const kind = detected.spec.kind;
	const ignored = [...detected.ignored];
	const seen = new Set<string>();
	for (const h of header.names)
		if (h && seen.has(h.toLowerCase())) {
			const plain = ignored.indexOf(h);
			if (plain !== -1) ignored.splice(plain, 1);
			ignored.push(`${h} (duplicate name: the first is used)`);
		} else seen.add(h.toLowerCase());
	// Built from the stored `files` row, so both paths report what was actually stored.
	const report = async (
		fields: Pick<ValidationReport, 'encoding' | 'rowsRejected' | 'rejects' | 'warningCount' | 'warnings'> & { rowsIgnored?: number }
	): Promise<ValidationReport> => {
		const [file] = await db.query<{ rows: number; areas: string[]; start: string | null; end: string | null; synthetic: boolean }>(
			`SELECT rows_loaded AS rows, area_codes AS areas, strftime(period_start, '%Y-%m-%d') AS start, strftime(period_end, '%Y-%m-%d') AS "end", synthetic FROM files WHERE file_id = ?`,
			[fileId]
		);
		return {
			fileId,
			fileName: name,
			kind,
			kindLabel: detected.spec.label,
			delimiter: header.delimiter,
			ignoredColumns: ignored,
			areas: [...(file?.areas ?? [])],
			periodStart: file?.start ?? null,
			periodEnd: file?.end ?? null,
			synthetic: Boolean(file?.synthetic),
			rowsLoaded: Number(file?.rows ?? 0),
			embedded,
			bytes: size,
			rowsIgnored: 0,
			...fields
		};
	};

	const utf8 = sniffed.csv.encoding === 'utf-8' || sniffed.csv.encoding === 'utf-8-bom';
	if (kind === 'journeys' && utf8 && (await loadTypedJourneys(db, { fileId, name, data, header, detected, embedded })))
		return report({ encoding: sniffed.csv.encoding, rowsRejected: 0, rejects: [], warningCount: 0, warnings: [] });

	const bytes = data instanceof Uint8Array ? data : new Uint8Array(await data.arrayBuffer());
	const csv = sniffed.whole ? sniffed.csv : decodeCsv(name, bytes);
	try {
		const select = detected.spec.columns
			.map((c) => (detected.index.has(c.id) ? `c${detected.index.get(c.id)} AS ${c.id}` : `NULL::VARCHAR AS ${c.id}`))
			.join(', ');
		const staged = await stageCsv(db, name, bytes, csv, { table: 'src', select, tag: String(fileId), padShortRows: kind === 'fingertips' });
		const csvRejects: CsvReject[] = staged.rejects;

		if (kind === 'figures' || kind === 'fingertips' || kind === 'viewit') await registerPeriods(db);
		// ViewIt names its areas: their codes come from the names lookup.
		if (kind === 'viewit') await ensureLaNames(db);
		await db.exec(SQL[kind].normalise);
		// The all-text staging table is no longer needed: free it before the insert copies the rows again.
		await db.exec('DROP TABLE IF EXISTS src');

		const [counts] = await db.query<{ good: number; bad: number; warned: number }>(
			`SELECT count(*) FILTER (WHERE problem IS NULL) AS good, count(*) FILTER (WHERE problem IS NOT NULL) AS bad,
				count(*) FILTER (WHERE problem IS NULL AND warning IS NOT NULL) AS warned FROM norm`
		);
		const listed = async (col: 'problem' | 'warning', extra: string) => {
			if (Number(col === 'problem' ? counts.bad : counts.warned) === 0) return [];
			const rows = await db.query<{ row_no: number; msg: string }>(
				`SELECT row_no, ${col} AS msg FROM norm WHERE ${col} IS NOT NULL ${extra} ORDER BY row_no LIMIT ${MAX_LISTED}`
			);
			const lines = rowLines(staged, rows.map((r) => Number(r.row_no)));
			return rows.map((r) => ({ line: lines.get(Number(r.row_no)) ?? Number(r.row_no) + 1, problem: r.msg }));
		};
		const rejects: LineProblem[] = [...csvRejects.map((r) => ({ line: r.line, problem: csvProblem(r) })), ...(await listed('problem', ''))]
			.sort((a, b) => a.line - b.line)
			.slice(0, MAX_LISTED);
		const rowsRejected = csvRejects.length + Number(counts.bad);
		if (Number(counts.good) === 0) {
			const first = rejects[0];
			throw new IngestError(name, `no row could be loaded (${rowsRejected.toLocaleString('en-GB')} rejected). ${first ? `First problem: ${first.problem}` : ''}`.trim(), first?.line ?? null);
		}
		// A normaliser may set rows aside by rule in `ignored_rows` (row_no, reason): neither stored nor rejected, listed as warnings.
		const [{ n: hasIgnored }] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM duckdb_tables() WHERE temporary AND table_name = 'ignored_rows'`);
		const ignored = Number(hasIgnored)
			? await db.query<{ row_no: number; reason: string; n: number }>(
					`SELECT row_no, reason, count(*) OVER () AS n FROM ignored_rows ORDER BY row_no LIMIT ${MAX_LISTED}`
				)
			: [];
		const rowsIgnored = Number(ignored[0]?.n ?? 0);
		const ignoredLines = rowLines(staged, ignored.map((r) => Number(r.row_no)));
		const warnings = [
			...(await listed('warning', 'AND problem IS NULL')),
			...ignored.map((r) => ({ line: ignoredLines.get(Number(r.row_no)) ?? Number(r.row_no) + 1, problem: r.reason }))
		]
			.sort((a, b) => a.line - b.line)
			.slice(0, MAX_LISTED);

		await insertAtomically(db, kind, fileId, name, Number(counts.good), rowsRejected, embedded);
		return report({
			encoding: staged.encoding,
			rowsRejected,
			rowsIgnored,
			rejects,
			warningCount: Number(counts.warned) + rowsIgnored,
			warnings
		});
	} catch (e) {
		if (e instanceof IngestError) throw e;
		// Whatever went wrong, the caller gets one kind of error, naming the file; nothing was stored.
		throw new IngestError(name, `could not be loaded (${String((e as Error)?.message ?? e).split('\n')[0].slice(0, 200)}).`);
	} finally {
		await db.exec(`DROP TABLE IF EXISTS src; DROP TABLE IF EXISTS norm; DROP TABLE IF EXISTS ignored_rows;`).catch(() => {});
	}
}

function csvProblem({ type, message, fields }: CsvReject): string {
	if (type === 'TOO MANY COLUMNS' && fields) message = message.replace(/Found: \d+/, `Found: ${fields}`);
	switch (type) {
		case 'MISSING COLUMNS':
			return `too few fields (${message.replace('Expected Number of Columns: ', 'expected ').replace(' Found: ', ', found ')})`;
		case 'TOO MANY COLUMNS':
			return `too many fields (${message.replace('Expected Number of Columns: ', 'expected ').replace(' Found: ', ', found ')})`;
		case 'LINE SIZE OVER MAXIMUM':
			return `the line is longer than ${MAX_LINE_BYTES / 1e6} MB`;
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
	const rows = raws.flatMap(({ p }) => {
		const parsed = parsePeriod(p);
		return parsed ? [[p, parsed.label, parsed.start, parsed.end, parsed.kind]] : [];
	});
	if (!rows.length) return;
	// One statement for all new labels: each statement is a round trip to the DuckDB worker.
	await db.query(`INSERT OR IGNORE INTO periods VALUES ${rows.map(() => '(?, ?, ?::DATE, ?::DATE, ?)').join(', ')}`, rows.flat());
}

/** Inserts the good rows of `norm` and the file's `files` row (and, for journeys, its cube) in one transaction. */
async function insertAtomically(db: Db, kind: Kind, fileId: number, name: string, good: number, rejected: number, embedded: boolean): Promise<void> {
	await db.exec('BEGIN TRANSACTION');
	try {
		await db.query(SQL[kind].insert, [fileId]);
		if (kind === 'journeys') {
			if (!(await storeJourneyCube(db, { fileId, name, rejected, embedded }))) throw new Error('no journeys to store');
		} else {
			const dates = kind === 'releases' ? 'min(release_date), max(release_date)' : 'min(p.period_start), max(p.period_end)';
			const figures = kind === 'figures' || kind === 'fingertips' || kind === 'viewit';
			await db.query(
				`INSERT INTO files SELECT ?, ?, ?, ?, ?, coalesce(bool_or(synthetic), false), ?, now()::TIMESTAMP, ${dates}, list(DISTINCT area_code ORDER BY area_code),
					(SELECT min(source) FROM (SELECT ${figures ? 'source' : 'NULL AS source'} FROM norm WHERE problem IS NULL LIMIT 1))
				FROM norm ${figures ? 'JOIN periods p USING (period_raw)' : ''} WHERE problem IS NULL`,
				[fileId, name, kind, good, rejected, embedded]
			);
		}
		await db.exec('COMMIT');
	} catch (e) {
		await db.exec('ROLLBACK').catch(() => {});
		throw new IngestError(name, `could not be stored: ${(e as Error).message}`);
	}
}

/** Removes one file's rows from every canonical table. */
export async function forgetFile(db: Db, fileId: number): Promise<void> {
	await db.exec('BEGIN TRANSACTION');
	try {
		for (const t of ['figures', 'journeys', 'journey_cubes', 'releases', 'files']) await db.query(`DELETE FROM ${t} WHERE file_id = ?`, [fileId]);
		await db.exec('COMMIT');
	} catch (e) {
		await db.exec('ROLLBACK').catch(() => {});
		throw e;
	}
}
