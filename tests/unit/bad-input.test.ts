/**
 * Bad-input suite (issue "6/6 Reliability: bad input"). Every file in tests/bad-input/ (listed with its expected
 * outcome in cases.json), plus a few cases built at run time, goes through `ingestFile` into ONE database that
 * already holds the embedded default files. After every case the earlier data must be unchanged, no staging
 * table may be left behind, and the caller's bytes must still be whole. The only exception allowed out of
 * `ingestFile` is IngestError.
 *
 * The database is wrapped so that `registerFile` detaches the buffer it is given, as DuckDB-WASM does when it
 * posts the bytes to its worker: the browser keeps the same bytes for IndexedDB after loading them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_FILES } from '../../src/lib/data/defaults';
import { openDefaultDb } from '../../src/lib/data/node-defaults';
import { checkSize, forgetFile, ingestFile, IngestError, MAX_FILE_BYTES, type ValidationReport } from '../../src/lib/data/ingest';
import type { Db } from '../../src/lib/data/db';

type Outcome = 'loaded' | 'loaded_with_warnings' | 'rejected';
interface Case {
	file: string;
	covers: string;
	outcome: Outcome;
	kind?: string;
	encoding?: string;
	delimiter?: string;
	rowsLoaded?: number;
	rowsRejected?: number;
	rejects?: [number, string][];
	warnings?: [number, string][];
	ignoredColumns?: string[];
	message?: string;
	line?: number | null;
	db?: { sql: string; rows: Record<string, unknown>[] }[];
}

const DIR = path.resolve('tests/bad-input');
const { cases } = JSON.parse(readFileSync(path.join(DIR, 'cases.json'), 'utf8')) as { cases: Case[] };
const enc = new TextEncoder();

/** DuckDB-WASM transfers the registered buffer to its worker; the sender's view is then detached. */
function browserLike(db: Db): Db {
	return {
		...db,
		async registerFile(name: string, bytes: Uint8Array) {
			const { byteOffset, byteLength } = bytes;
			const moved = structuredClone(bytes.buffer, { transfer: [bytes.buffer as ArrayBuffer] });
			await db.registerFile(name, new Uint8Array(moved, byteOffset, byteLength));
		}
	};
}

let db: Db;
let baseline: unknown;
let nextId = 100;
const DEFAULT_IDS = DEFAULT_FILES.map((_, i) => i + 1);
const tally = {
	tried: 0,
	outcomes: { loaded: 0, loaded_with_warnings: 0, rejected: 0 } as Record<Outcome, number>,
	byKind: {} as Record<string, Record<string, number>>
};

/** Everything the embedded files put in the database: counts and a hash of every row, per file. */
async function snapshot(): Promise<unknown> {
	const out: Record<string, unknown> = {};
	for (const t of ['figures', 'journeys', 'releases'])
		out[t] = await db.query(
			`SELECT file_id, count(*) AS n, bit_xor(hash(${t})) AS h FROM ${t} WHERE file_id IN (${DEFAULT_IDS}) GROUP BY file_id ORDER BY file_id`
		);
	out.files = await db.query(
		`SELECT file_id, file_name, kind, rows_loaded, rows_rejected, synthetic, embedded, array_to_string(area_codes, ',') AS areas FROM files WHERE file_id IN (${DEFAULT_IDS}) ORDER BY file_id`
	);
	return out;
}

function outcomeOf(r: ValidationReport): Outcome {
	const duplicateColumn = r.ignoredColumns.some((c) => c.includes('duplicate name'));
	return r.rowsRejected > 0 || r.warnings.length > 0 || duplicateColumn ? 'loaded_with_warnings' : 'loaded';
}

interface Result {
	fileId: number;
	report?: ValidationReport;
	error?: IngestError;
}

/** Runs one file through ingestFile and checks the contract that holds for every input. */
async function run(name: string, bytes: Uint8Array, fileId = nextId++): Promise<Result> {
	const length = bytes.byteLength;
	const head = bytes.slice(0, 64);
	let result: Result;
	try {
		result = { fileId, report: await ingestFile(db, { fileId, name, data: bytes }) };
	} catch (e) {
		if (!(e instanceof IngestError))
			throw new Error(`${name}: ingestFile threw ${(e as Error)?.name}: ${(e as Error)?.message}`, { cause: e });
		result = { fileId, error: e };
	}
	// The caller still has its bytes (the browser stores them after loading).
	expect(bytes.byteLength, `${name}: caller's bytes were detached`).toBe(length);
	expect(bytes.slice(0, 64)).toEqual(head);
	// Earlier data untouched; no staging tables left behind.
	expect(await snapshot(), `${name}: previously loaded data changed`).toEqual(baseline);
	expect(await db.query(`SELECT table_name FROM duckdb_tables() WHERE temporary`)).toEqual([]);

	const stored = async () => {
		const per: Record<string, number> = {};
		for (const t of ['figures', 'journeys', 'releases', 'files']) {
			const [{ n }] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${t} WHERE file_id = ?`, [fileId]);
			per[t] = Number(n);
		}
		return per;
	};
	if (result.error) {
		const e = result.error;
		expect(e.fileName).toBe(name);
		expect(e.message.startsWith(name)).toBe(true);
		if (e.line != null) {
			expect(e.line).toBeGreaterThanOrEqual(1);
			expect(e.message).toContain(`line ${e.line}`);
		}
		// Nothing of a refused file is stored (unless the id belonged to an earlier file).
		if (fileId >= 100 && !reusedIds.has(fileId)) expect(await stored()).toEqual({ figures: 0, journeys: 0, releases: 0, files: 0 });
	} else {
		const r = result.report!;
		expect(r.fileName).toBe(name);
		expect(r.rowsLoaded).toBeGreaterThan(0);
		expect(r.rowsRejected).toBeGreaterThanOrEqual(0);
		for (const p of [...r.rejects, ...r.warnings]) expect(p.line, `${name}: ${p.problem}`).toBeGreaterThanOrEqual(2);
		const per = await stored();
		// A ViewIt download's rows (sex × age group × drug group) are summed into figures, so figures ≠ rows.
		if (r.kind === 'viewit') expect(per.figures).toBeGreaterThan(0);
		else expect(per[r.kind === 'fingertips' ? 'figures' : r.kind]).toBe(r.rowsLoaded);
		expect(per.files).toBe(1);
		const [f] = await db.query<{ rows_loaded: number; rows_rejected: number; kind: string }>(
			'SELECT rows_loaded, rows_rejected, kind FROM files WHERE file_id = ?',
			[fileId]
		);
		expect(f).toEqual({ rows_loaded: r.rowsLoaded, rows_rejected: r.rowsRejected, kind: r.kind });
	}
	const outcome: Outcome = result.error ? 'rejected' : outcomeOf(result.report!);
	tally.tried++;
	tally.outcomes[outcome]++;
	const kind = result.report?.kind ?? 'none';
	tally.byKind[kind] ??= {};
	tally.byKind[kind][outcome] = (tally.byKind[kind][outcome] ?? 0) + 1;
	return result;
}
const reusedIds = new Set<number>();

function expectRejected(res: Result, message: string, line: number | null) {
	expect(res.report, `expected a rejection, got a report`).toBeUndefined();
	expect(res.error!.message).toContain(message);
	expect(res.error!.line).toBe(line);
	if (line != null) expect(res.error!.message).toContain(`, line ${line}:`);
}

beforeAll(async () => {
	const opened = await openDefaultDb();
	expect(opened.reports.map((r) => r.fileId)).toEqual(DEFAULT_IDS);
	db = browserLike(opened.db);
	baseline = await snapshot();
}, 120_000);

afterAll(async () => {
	const kinds = Object.entries(tally.byKind)
		.map(
			([k, o]) =>
				`${k === 'none' ? 'no kind (refused)' : k}: ${Object.entries(o)
					.map(([x, n]) => `${x} ${n}`)
					.join(', ')}`
		)
		.join('; ');
	console.log(
		`bad-input: ${tally.tried} files tried (${cases.length} committed + ${tally.tried - cases.length} built at run time); ` +
			`outcomes: loaded ${tally.outcomes.loaded}, loaded_with_warnings ${tally.outcomes.loaded_with_warnings}, rejected ${tally.outcomes.rejected}; by kind: ${kinds}`
	);
	await db?.close();
});

describe('bad-input files (tests/bad-input/cases.json)', () => {
	test('the suite is big enough and every file is listed once', async () => {
		expect(cases.length).toBeGreaterThanOrEqual(45);
		expect(new Set(cases.map((c) => c.file)).size).toBe(cases.length);
		const { readdirSync } = await import('node:fs');
		const files = readdirSync(DIR).filter((f) => !f.endsWith('.json') && !f.endsWith('.mjs'));
		expect(files.sort()).toEqual(cases.map((c) => c.file).sort());
	});

	test.each(cases.map((c) => [c.file, c] as const))('%s', async (file, c) => {
		const res = await run(file, new Uint8Array(readFileSync(path.join(DIR, file))));
		if (c.outcome === 'rejected') {
			expectRejected(res, c.message!, c.line ?? null);
			return;
		}
		expect(res.error?.message, `expected a report for ${c.covers}`).toBeUndefined();
		const r = res.report!;
		expect(outcomeOf(r)).toBe(c.outcome);
		expect(r.kind).toBe(c.kind);
		if (c.encoding) expect(r.encoding).toBe(c.encoding);
		if (c.delimiter) expect(r.delimiter).toBe(c.delimiter);
		expect(r.rowsLoaded).toBe(c.rowsLoaded);
		expect(r.rowsRejected).toBe(c.rowsRejected);
		expect(r.rejects.map((p) => p.line)).toEqual((c.rejects ?? []).map(([line]) => line));
		(c.rejects ?? []).forEach(([, text], i) => expect(r.rejects[i].problem).toContain(text));
		expect(r.warnings.map((p) => p.line)).toEqual((c.warnings ?? []).map(([line]) => line));
		(c.warnings ?? []).forEach(([, text], i) => expect(r.warnings[i].problem).toContain(text));
		if (c.ignoredColumns) expect(r.ignoredColumns).toEqual(c.ignoredColumns);
		for (const check of c.db ?? []) expect(await db.query(check.sql, [res.fileId]), check.sql).toEqual(check.rows);
	});
});

describe('bad input built at run time', () => {
	const JH = 'CLIENTID,EPISODID,LA,AGE,SEX,SUBSTANCE,REFLD,RFLS,TRIAGED,DISD,DISRSN,RESRHBST';
	const row = (id: string) => `${id},J,E08000018,30,M,opiate_only,,4,2023-01-02,,,`;

	test('a line of 10 MB is rejected and listed; the other rows load', async () => {
		const big = `BI9002,J,E08000018,30,M,opiate_only,,"${'x'.repeat(10 * 1024 * 1024)}",2023-01-02,,,`;
		const res = await run('ten-mb-line-journeys.csv', enc.encode([JH, row('BI9001'), big, row('BI9003')].join('\n') + '\n'));
		const r = res.report!;
		expect(r.rowsLoaded).toBe(2);
		expect(r.rowsRejected).toBe(1);
		expect(r.rejects).toEqual([{ line: 3, problem: 'the line is longer than 4 MB' }]);
	});

	test('an unquoted 10 MB line is one rejected line, not one per missing field', async () => {
		const res = await run(
			'ten-mb-unquoted-line-journeys.csv',
			enc.encode([JH, row('BI9011'), 'y'.repeat(10 * 1024 * 1024), row('BI9013')].join('\r\n') + '\r\n')
		);
		expect(res.report!.rowsLoaded).toBe(2);
		expect(res.report!.rejects.map((p) => p.line)).toEqual([3]);
	});

	test('a 10 MB header line is refused', async () => {
		const res = await run('ten-mb-header.csv', enc.encode(`CLIENTID,${'h'.repeat(10 * 1024 * 1024)}\n${row('BI1')}\n`));
		expectRejected(res, 'the first line (the header) is longer than 4 MB', 1);
	});

	test('a header of 10,000 columns is refused, counted in full', async () => {
		const names = Array.from({ length: 10_000 }, (_, i) => `column_number_${i}`);
		const res = await run('ten-thousand-columns.csv', enc.encode(`${names.join(',')}\n${names.map((_, i) => i).join(',')}\n`));
		expectRejected(res, 'the header has 10,000 columns; no supported extract has more than 1,000', 1);
	});

	test('a file too large for the browser is refused before it is read', () => {
		tally.tried++;
		tally.outcomes.rejected++;
		tally.byKind.none = { ...tally.byKind.none, rejected: (tally.byKind.none?.rejected ?? 0) + 1 };
		expect(() => checkSize('huge-journeys.csv', MAX_FILE_BYTES)).not.toThrow();
		let error: unknown;
		try {
			checkSize('huge-journeys.csv', 5 * 1024 ** 3);
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(IngestError);
		expect((error as IngestError).message).toBe(
			'huge-journeys.csv: the file is 5,120 MB; the largest file this browser tab can load is 350 MB. Split it by year or area and load the parts.'
		);
	});

	test('a Windows-1252 byte past the first 64 KB: the whole file is re-read as Windows-1252', async () => {
		const FH = 'area_code,area_name,metric,cohort,category,period,kind,value,numerator,denominator,lower_ci,upper_ci,unit,note,source';
		const rows = Array.from(
			{ length: 900 },
			(_, i) => `E08000018,Rotherham,rehab_starts,,line ${i},2022-23,actual,${i},,,,,count,,Bad-input suite`
		);
		const text = [FH, ...rows].join('\n') + '\n';
		const bytes = new Uint8Array([
			...enc.encode(text),
			...enc.encode('E06000035,Medway,rehab_starts,,late,2022-23,actual,1,,,,,count,'),
			0xa3,
			...enc.encode('1 late,Bad-input suite\n')
		]);
		expect(bytes.length).toBeGreaterThan(65536);
		const res = await run('late-windows-1252-figures.csv', bytes);
		expect(res.report!.encoding).toBe('windows-1252');
		expect(res.report!.rowsLoaded).toBe(901);
		expect(await db.query(`SELECT note FROM figures WHERE file_id = ? AND category = 'late'`, [res.fileId])).toEqual([{ note: '£1 late' }]);
	});

	test('the same file loaded twice: two separate file ids, both complete, neither disturbs the other', async () => {
		// At the ingest level a second load is a new file (its own id and rows); refusing a duplicate is the
		// app's job (browser-session.ts checks the name and row count before calling ingestFile).
		const bytes = new Uint8Array(readFileSync(path.join(DIR, 'crlf-journeys.csv')));
		const first = await run('crlf-journeys.csv', bytes);
		const count = async (id: number) => (await db.query<{ n: number }>('SELECT count(*) AS n FROM journeys WHERE file_id = ?', [id]))[0].n;
		const firstRows = await db.query('SELECT * FROM journeys WHERE file_id = ? ORDER BY client_id', [first.fileId]);
		const second = await run('crlf-journeys.csv', bytes);
		expect(first.report!.rowsLoaded).toBe(3);
		expect(second.report!.rowsLoaded).toBe(3);
		expect(second.fileId).not.toBe(first.fileId);
		expect(await count(first.fileId)).toBe(3);
		expect(await count(second.fileId)).toBe(3);
		expect(await db.query('SELECT * FROM journeys WHERE file_id = ? ORDER BY client_id', [first.fileId])).toEqual(firstRows);

		// Loading again under an id already in use is refused as a whole, and the earlier file keeps its rows.
		reusedIds.add(first.fileId);
		const clash = await run('crlf-journeys.csv', bytes, first.fileId);
		expect(clash.error!.message).toContain('could not be stored');
		expect(await count(first.fileId)).toBe(3);
		expect((await db.query('SELECT count(*) AS n FROM files WHERE file_id = ?', [first.fileId]))[0]).toEqual({ n: 1 });

		// Forgetting one copy leaves the other.
		await forgetFile(db, second.fileId);
		expect(await count(second.fileId)).toBe(0);
		expect(await count(first.fileId)).toBe(3);
		expect(await snapshot()).toEqual(baseline);
	});
});
