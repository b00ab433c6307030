/**
 * The journeys fast path (src/lib/data/typed-journeys.ts) against the full check: every journeys file is loaded
 * twice, into two databases, once as the app does (fast path when the file qualifies) and once with the fast
 * path made to fail, and the stored journeys, cubes, files rows and reports must be identical. The test also
 * pins which files take the fast path, so a change that quietly sends every file down the slow path fails.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeDb } from '../../src/lib/data/duckdb-node';
import { initSchema } from '../../src/lib/data/schema';
import { ingestFile, IngestError, type ValidationReport } from '../../src/lib/data/ingest';
import type { Db } from '../../src/lib/data/db';

const enc = new TextEncoder();
const text = (b: Uint8Array) => new TextDecoder().decode(b);

/** Records which paths a load took; with `refuse`, makes the fast path fail at once. */
function instrumented(db: Db, refuse: boolean) {
	const log = { typed: false, full: false };
	const wrapped: Db = {
		...db,
		async exec(sql: string) {
			if (sql.includes('VIEW typed_src AS')) {
				log.typed = true;
				if (refuse) throw new Error('fast path refused by the test');
			}
			// The full check's first step: the all-text staging table.
			if (sql.includes('TEMP TABLE src AS')) log.full = true;
			return db.exec(sql);
		}
	};
	return { db: wrapped, log };
}

let fast: ReturnType<typeof instrumented>;
let full: ReturnType<typeof instrumented>;
let tmp = '';
let nextId = 100;

beforeAll(async () => {
	const [a, b] = [await createNodeDb(), await createNodeDb()];
	await initSchema(a);
	await initSchema(b);
	fast = instrumented(a, false);
	full = instrumented(b, true);
	tmp = mkdtempSync(path.join(tmpdir(), 'cdp-typed-'));
});
afterAll(async () => {
	await fast?.db.close();
	await full?.db.close();
	if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** Everything a file put in the database, in a comparable form. */
async function stored(db: Db, fileId: number) {
	const hash = async (table: string) =>
		(
			await db.query<{ n: number; h: string }>(`SELECT count(*) AS n, bit_xor(hash(t))::VARCHAR AS h FROM ${table} t WHERE file_id = ?`, [
				fileId
			])
		)[0];
	const [file] = await db.query(
		`SELECT * EXCLUDE (loaded_at, area_codes), array_to_string(area_codes, ',') AS areas, strftime(period_start, '%Y-%m-%d') AS ps,
			strftime(period_end, '%Y-%m-%d') AS pe FROM files WHERE file_id = ?`,
		[fileId]
	);
	return {
		journeys: await hash('journeys'),
		cubes: await hash('journey_cubes'),
		file: { ...file, period_start: undefined, period_end: undefined }
	};
}

type Outcome = { report?: ValidationReport; error?: string };
async function load(target: typeof fast, fileId: number, name: string, data: Uint8Array): Promise<Outcome & { typed: boolean }> {
	Object.assign(target.log, { typed: false, full: false });
	let out: Outcome;
	try {
		out = { report: await ingestFile(target.db, { fileId, name, data }) };
	} catch (e) {
		if (!(e instanceof IngestError)) throw e;
		out = { error: e.message };
	}
	return { ...out, typed: target.log.typed && !target.log.full };
}

async function both(name: string, data: Uint8Array) {
	const fileId = nextId++;
	const a = await load(fast, fileId, name, data);
	const b = await load(full, fileId, name, data);
	expect(b.typed).toBe(false);
	expect(a.error).toBe(b.error);
	expect(a.report).toEqual(b.report);
	expect(await stored(fast.db, fileId)).toEqual(await stored(full.db, fileId));
	return { fast: a.typed, report: a.report, stored: await stored(fast.db, fileId) };
}

const CANONICAL = readFileSync('data/synthetic-journeys.csv');
const [HEADER, ...LINES] = text(CANONICAL).trimEnd().split('\n');
/** The embedded file's header and first 300 rows, with `edit` applied to row 10 (0-based). */
const variant = (edit: (cells: string[]) => string[] = (c) => c, eol = '\n', prefix = '') =>
	enc.encode(prefix + [HEADER, ...LINES.slice(0, 300).map((l, i) => (i === 10 ? edit(l.split(',')).join(',') : l))].join(eol) + eol);
const set = (i: number, v: string) => (c: string[]) => c.map((x, j) => (j === i ? v : x));

describe('files in canonical form take the fast path and store exactly what the full check stores', () => {
	it.each([
		['the embedded synthetic-journeys.csv', () => new Uint8Array(CANONICAL)],
		['a UTF-8 BOM', () => variant(undefined, '\n', '\ufeff')],
		['CRLF line endings', () => variant(undefined, '\r\n')],
		['a quoted field', () => variant(set(0, '"C9"'))],
		['a quoted empty journey id (read as blank, as the full check reads it)', () => variant(set(1, '""'))],
		['a blank optional field (no discharge reason)', () => variant(set(10, ''))]
	])('%s', async (_, make) => {
		const r = await both('canonical.csv', make());
		expect(r.fast).toBe(true);
		expect(r.report?.rowsLoaded).toBeGreaterThan(0);
		expect(r.report?.rowsRejected).toBe(0);
	});

	it('a generated 20,000-row file', async () => {
		const out = path.join(tmp, 'generated.csv');
		execFileSync(process.execPath, ['scripts/generate.js', '--quiet', '--rows', '20000', '--out', out]);
		const r = await both('generated.csv', new Uint8Array(readFileSync(out)));
		expect(r.fast).toBe(true);
		expect(r.report?.rowsLoaded).toBe(20000);
		expect(r.stored.journeys.n).toBe(20000);
	});
});

describe('anything the full check would change or report goes through the full check', () => {
	it.each([
		['a client id with a trailing space', set(0, 'C1 ')],
		['a client id with a leading no-break space', set(0, '\u00a0C1')],
		['a journey id ending in an ideographic space', set(1, 'E1\u3000')],
		['a client id with a non-ASCII letter', set(0, 'Cé1')],
		['a blank client id', set(0, '')],
		['a lower-case area code', (c: string[]) => set(2, c[2].toLowerCase())(c)],
		['an area code that is not an ONS code', set(2, 'X123')],
		['an age of 121', set(3, '121')],
		['an age of "forty"', set(3, 'forty')],
		['sex written as "male"', set(4, 'male')],
		['sex "X"', set(4, 'X')],
		['a substance in capitals', (c: string[]) => set(5, c[5].toUpperCase())(c)],
		['an unknown substance', set(5, 'glue')],
		['a UK-format referral date', set(6, '01/02/2020')],
		['an unknown referral source', set(7, '99')],
		['a blank triage date', set(8, '')],
		['an impossible triage date', set(8, '2023-02-30')],
		['a triage date in the future', set(8, '2099-01-01')],
		['a discharge before the triage', (c: string[]) => set(9, '1990-01-01')(c)],
		['an unknown discharge reason', set(10, '77')],
		['synthetic written as "yes"', set(12, 'yes')],
		['a row with a field too many', (c: string[]) => [...c, 'extra']]
	])('%s', async (_, edit) => {
		const r = await both('edited.csv', variant(edit));
		expect(r.fast).toBe(false);
	});

	it('an extract with readable labels and UK dates (the small Rotherham fixture)', async () => {
		const r = await both('rotherham.csv', new Uint8Array(readFileSync('tests/fixtures/journeys-rotherham-small.csv')));
		expect(r.fast).toBe(false);
		expect(r.report?.rowsLoaded).toBeGreaterThan(0);
	});

	it('a line in Windows-1252 (not UTF-8) deep in the file', async () => {
		const bytes = variant(set(0, 'C£'));
		const latin = new Uint8Array([...bytes].flatMap((b, i, all) => (b === 0xc2 && all[i + 1] === 0xa3 ? [] : [b])));
		const r = await both('latin1.csv', latin);
		expect(r.fast).toBe(false);
		expect(r.report?.encoding).toBe('windows-1252');
	});

	const dir = 'tests/bad-input';
	it.each(readdirSync(dir).filter((f) => f.endsWith('.csv') && f.includes('journeys')))('bad-input/%s: both paths agree', async (f) => {
		await both(f, new Uint8Array(readFileSync(path.join(dir, f))));
	});
});
