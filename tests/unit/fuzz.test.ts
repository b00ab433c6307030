/**
 * Fuzz: seeded, repeatable mutations of small valid files of each kind (byte flips, truncated lines and files,
 * swapped columns, deleted and duplicated lines, inserted quotes, delimiters, line breaks and raw bytes, other
 * line endings and encodings, nasty values), each through `ingestFile` into one database that holds a good
 * file of every kind. The contract, for every input:
 * - either a report (rows loaded ≥ 1, every listed line ≥ 1, counts matching what was stored), or an
 *   IngestError naming the file; never any other exception;
 * - the good files are untouched and no staging table is left behind.
 * Set FUZZ_SEED / FUZZ_CASES to explore further; a failure prints the seed and the case number to replay.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openEmptyDb } from '../../src/lib/data/node-defaults';
import { forgetFile, ingestFile, IngestError, type ValidationReport } from '../../src/lib/data/ingest';
import type { Db } from '../../src/lib/data/db';
import { BASES, KINDS, makeCase } from '../fixtures/fuzz-cases';

const SEED = Number(process.env.FUZZ_SEED ?? 20240331);
const CASES = Number(process.env.FUZZ_CASES ?? 1000);

let db: Db;
let baseline: unknown;
const GOOD_IDS = [1, 2, 3, 4];
const stats = {
	cases: 0,
	reports: 0,
	errors: 0,
	byKind: {} as Record<string, { loaded: number; loaded_with_warnings: number; rejected: number }>,
	problems: new Map<string, number>()
};

/** Every column of a table, for hashing whole rows (hashing the row as a struct is much slower). */
const columns: Record<string, string> = {};

/** One query: the good files' rows (count and hash of every column per table) and what is stored under `id`. */
async function state(id: number) {
	const good = `file_id IN (${GOOD_IDS})`;
	const rows = await db.query<{ t: string; n: number; h: number; mine: number }>(
		['figures', 'journeys', 'releases']
			.map(
				(t) =>
					`SELECT '${t}' AS t, count(*) FILTER (WHERE ${good}) AS n, bit_xor(hash(${columns[t]})) FILTER (WHERE ${good}) AS h, count(*) FILTER (WHERE file_id = ${id}) AS mine FROM ${t}`
			)
			.concat(
				`SELECT 'files', count(*) FILTER (WHERE ${good}), bit_xor(hash(file_id, file_name, kind, rows_loaded, rows_rejected)) FILTER (WHERE ${good}), max(rows_loaded * 1000000 + rows_rejected) FILTER (WHERE file_id = ${id}) FROM files`
			)
			.join(' UNION ALL ')
	);
	const by = Object.fromEntries(rows.map((r) => [r.t, r]));
	const f = by.files.mine == null ? null : `${Math.floor(by.files.mine / 1e6)}:${by.files.mine % 1e6}`;
	return {
		good: rows.map((r) => `${r.t}:${r.n}:${r.h}`).join(' '),
		stored: Number(by.figures.mine) + Number(by.journeys.mine) + Number(by.releases.mine),
		storedFile: f
	};
}

/** Staging tables left behind (their names carry the file id, so a leak names its case). Costly: run every 25 cases. */
async function leftovers(): Promise<string[]> {
	return (await db.query<{ t: string }>(`SELECT table_name AS t FROM duckdb_tables() WHERE temporary ORDER BY 1`)).map((r) => r.t);
}

beforeAll(async () => {
	db = await openEmptyDb();
	let id = 1;
	for (const kind of KINDS) {
		const r = await ingestFile(db, { fileId: id++, name: `good-${kind}.csv`, data: new TextEncoder().encode(BASES[kind] + '\n') });
		expect(r.rowsRejected).toBe(0);
	}
	for (const t of ['figures', 'journeys', 'releases'])
		columns[t] = (
			await db.query<{ c: string }>(
				`SELECT column_name AS c FROM information_schema.columns WHERE table_name = '${t}' ORDER BY ordinal_position`
			)
		)
			.map((r) => r.c)
			.join(', ');
	baseline = (await state(0)).good;
}, 60_000);

afterAll(async () => {
	const top = [...stats.problems].sort((a, b) => b[1] - a[1]).slice(0, 8);
	console.log(
		`fuzz (seed ${SEED}): ${stats.cases} cases run; ${stats.reports} reports, ${stats.errors} IngestErrors; by kind: ` +
			Object.entries(stats.byKind)
				.map(([k, o]) => `${k} loaded ${o.loaded} / with warnings ${o.loaded_with_warnings} / rejected ${o.rejected}`)
				.join('; ') +
			`\n  most common refusals: ${top.map(([p, n]) => `${n}× ${p}`).join(' | ')}`
	);
	await db?.close();
});

test(`${CASES} seeded mutations keep the ingest contract`, async () => {
	if (!process.env.FUZZ_CASES) expect(CASES).toBeGreaterThanOrEqual(1000);
	const started = Date.now();
	const cpu0 = process.cpuUsage();
	let ingestMs = 0;
	for (let n = 0; n < CASES; n++) {
		const c = makeCase(SEED, n);
		const id = 1000 + n;
		const name = `fuzz-${n}-${c.kind}.csv`;
		const where = `seed ${SEED} case ${n} (${c.kind}; ${c.mutations.join(', ')}; ${c.encoding})`;
		let report: ValidationReport | undefined;
		const t0 = performance.now();
		try {
			report = await ingestFile(db, { fileId: id, name, data: c.bytes });
		} catch (e) {
			if (!(e instanceof IngestError)) throw new Error(`${where}: ${(e as Error)?.name}: ${(e as Error)?.message}`, { cause: e });
			expect(e.fileName, where).toBe(name);
			expect(e.message.startsWith(`${name}`), where).toBe(true);
			if (e.line != null) expect(Number.isInteger(e.line) && e.line >= 1, where).toBe(true);
			const p = e.problem
				.replace(/"[^"]*"/g, '"…"')
				.replace(/\d[\d,]*/g, 'N')
				.slice(0, 70);
			stats.problems.set(p, (stats.problems.get(p) ?? 0) + 1);
		}
		ingestMs += performance.now() - t0;
		const s = await state(id);
		expect(s.good, `${where}: the good files changed`).toEqual(baseline);
		if (n % 25 === 0 || n === CASES - 1) expect(await leftovers(), `${where} or the 24 before: staging tables left behind`).toEqual([]);
		stats.cases++;
		const tally = (stats.byKind[report?.kind ?? 'none'] ??= { loaded: 0, loaded_with_warnings: 0, rejected: 0 });
		if (report) {
			stats.reports++;
			expect(report.rowsLoaded, where).toBeGreaterThanOrEqual(1);
			expect(report.rowsRejected, where).toBeGreaterThanOrEqual(0);
			expect(report.rejects.length, where).toBeLessThanOrEqual(report.rowsRejected);
			for (const p of [...report.rejects, ...report.warnings])
				expect(Number.isInteger(p.line) && p.line >= 1, `${where}: line ${p.line}`).toBe(true);
			expect(s.stored, where).toBe(report.rowsLoaded);
			expect(s.storedFile, where).toBe(`${report.rowsLoaded}:${report.rowsRejected}`);
			tally[report.rowsRejected || report.warnings.length ? 'loaded_with_warnings' : 'loaded']++;
			// Every 50th loaded case is forgotten again, which must not touch the good files either.
			if (n % 50 === 0) {
				await forgetFile(db, id);
				const after = await state(id);
				expect([after.stored, after.storedFile], where).toEqual([0, null]);
				expect(after.good, where).toEqual(baseline);
			}
		} else {
			stats.errors++;
			tally.rejected++;
			expect([s.stored, s.storedFile], `${where}: a refused file left rows`).toEqual([0, null]);
		}
	}
	const cpu = process.cpuUsage(cpu0);
	console.log(
		`fuzz: ${CASES} cases in ${((Date.now() - started) / 1000).toFixed(1)} s (ingestFile ${(ingestMs / 1000).toFixed(1)} s; CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s)`
	);
}, 300_000);
