// The dashboard model over the embedded data plus a large generated journeys file, in Node on the same
// engine as the browser (duckdb-wasm, one thread): each query timed, and every part the journeys' cubes feed
// compared with simple SQL: the frozen pre-optimisation SQL in bench/model/baseline/ for the data date, areas and
// files; plain count(DISTINCT) over the journeys (tests/fixtures/people-reference.ts) for the people counts (yearly
// and monthly), one local authority at a time (all of a 1M-row file at once needs more than wasm's 4 GB); and, for
// the recovery outcomes, metrics/sql/outcomes.sql over the cubes the two statements before the one-statement cube
// made (bench/model/baseline/cube-*.sql). The fast cube must equal the simple SQL. (Figures and continuity do not
// read the cubes; their unit tests cover them.)
//   BENCH_MODEL_ROWS=1000000 SVELTEKIT_OUT=.svelte-kit-bench npx vitest run --config bench/vitest.config.ts
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openDefaultDb } from '../../src/lib/data/node-defaults';
import { generatedJourneys } from '../lib/data-file.js';
import { ingestFile } from '../../src/lib/data/ingest';
import { computeModel, type Model } from '../../src/lib/metrics/model';
import type { Db, QueryRunner } from '../../src/lib/data/db';
import { referenceMonthly, referenceYearly } from '../../tests/fixtures/people-reference';
import outcomesSql from '../../src/lib/metrics/sql/outcomes.sql?raw';

const ROWS = Number(process.env.BENCH_MODEL_ROWS ?? 1_000_000);
const REPS = Number(process.env.BENCH_MODEL_REPS ?? 2);
const base = (f: string) => readFileSync(path.resolve('bench/model/baseline', f), 'utf8');

/** Sparse people counts (zeros dropped) from the model's rows, for comparing with the count(DISTINCT) reference. */
function peopleCounts(model: Pick<Model, 'yearly' | 'monthly'>) {
	const yearly = model.yearly
		.filter((r) => r.in_treatment || r.new_presentations || r.deaths_in_treatment || r.rehab_starts)
		.map((r) => `${r.area} ${r.group} ${r.fy}: ${r.in_treatment} ${r.new_presentations} ${r.deaths_in_treatment} ${r.rehab_starts}`)
		.sort();
	const monthly = model.monthly
		.filter((r) => r.in_treatment)
		.map((r) => `${r.area} ${r.group} ${r.month}: ${r.in_treatment}`)
		.sort();
	return { yearly, monthly };
}

type Yearly = Awaited<ReturnType<typeof referenceYearly>>[number];
type Monthly = Awaited<ReturnType<typeof referenceMonthly>>[number];

/** Runs `read` on the database as it would be with only some journeys, then puts them back. */
async function withJourneysOf<T>(where: string, params: unknown[], read: () => Promise<T>): Promise<T> {
	await db.exec('BEGIN TRANSACTION');
	try {
		await db.query(`DELETE FROM journeys WHERE NOT (${where})`, params);
		return await read();
	} finally {
		await db.exec('ROLLBACK');
	}
}

/** People by count(DISTINCT), one local authority at a time: a person is within one area code, so a CDP's count is
 * the sum of its authorities'. */
async function referencePeople(dataDate: string | null): Promise<{ yearly: Yearly[]; monthly: Monthly[] }> {
	const areas = await db.query<{ area: string; cdp: string }>(
		`SELECT DISTINCT j.area_code AS area, coalesce(c.cdp_code, j.area_code) AS cdp FROM journeys j LEFT JOIN area_cdp c USING (area_code) ORDER BY area`
	);
	const yearly: Yearly[] = [];
	const monthly: Monthly[] = [];
	for (const { area, cdp } of areas) {
		const [y, m] = await withJourneysOf('area_code = ?', [area], async () => [
			await referenceYearly(db),
			dataDate ? await referenceMonthly(db, dataDate) : []
		]);
		const own = <R extends { area: string }>(rows: R[]) => rows.filter((r) => r.area === area);
		const asCdp = <R extends { area: string }>(rows: R[]) => (cdp === area ? [] : own(rows).map((r) => ({ ...r, area: cdp })));
		yearly.push(...own(y as Yearly[]), ...asCdp(y as Yearly[]));
		monthly.push(...own(m as Monthly[]), ...asCdp(m as Monthly[]));
	}
	const sum = <R extends Record<string, unknown>>(rows: R[], keys: (keyof R)[], counts: (keyof R)[]) => {
		const out = new Map<string, R>();
		for (const r of rows) {
			const k = keys.map((c) => r[c]).join(' ');
			const prev = out.get(k);
			out.set(k, prev ? { ...prev, ...Object.fromEntries(counts.map((c) => [c, Number(prev[c]) + Number(r[c])])) } : r);
		}
		return [...out.values()];
	};
	return {
		yearly: sum(yearly, ['area', 'group', 'fy'], ['in_treatment', 'new_presentations', 'deaths', 'rehab']),
		monthly: sum(monthly, ['area', 'group', 'month'], ['in_treatment'])
	};
}

/** The outcomes from the cubes the previous SQL makes of every journeys file loaded. */
async function outcomesFromPreviousCubes(dataDate: string): Promise<unknown[]> {
	const files = await db.query<{ file_id: number }>(`SELECT file_id FROM files WHERE kind = 'journeys'`);
	await db.exec('BEGIN TRANSACTION');
	try {
		await db.exec('DELETE FROM journey_cubes');
		for (const { file_id } of files) {
			await db.query(base('cube-journeys.sql'), [file_id]);
			await db.query(base('cube-outcomes.sql'), [file_id]);
		}
		return await db.query(outcomesSql, [dataDate]);
	} finally {
		await db.exec('ROLLBACK');
	}
}

/** The simple model: frozen pre-optimisation SQL (bench/model/baseline/model.ts.txt), people by count(DISTINCT). */
async function baselineModel(query: QueryRunner): Promise<Model> {
	await query(base('record-areas.sql'));
	const [{ data_date: dataDate }] = await query<{ data_date: string | null }>(base('data-date.sql'));
	const people = await referencePeople(dataDate);
	const [areas, files, outcomes] = [
		await query(base('areas.sql')),
		await query<{ area_codes: string[] }>(
			`SELECT file_id, file_name, kind, rows_loaded, rows_rejected, synthetic, embedded,
				strftime(period_start, '%Y-%m-%d') AS period_start, strftime(period_end, '%Y-%m-%d') AS period_end, area_codes, source
			FROM files ORDER BY file_id`
		),
		dataDate ? await outcomesFromPreviousCubes(dataDate) : []
	];
	return {
		dataDate,
		areas,
		files: files.map((f) => ({ ...f, area_codes: [...(f.area_codes ?? [])] })),
		yearly: people.yearly.map((r) => ({ ...r, deaths_in_treatment: r.deaths, rehab_starts: r.rehab })),
		monthly: people.monthly,
		outcomes
	} as unknown as Model;
}

function timed(db: Db, log: { sql: string; ms: number }[]): QueryRunner {
	return (async (sql: string, params?: unknown[]) => {
		const t0 = performance.now();
		const r = await db.query(sql, params);
		log.push({
			sql: sql
				.replace(/^(--.*\n)+/, '')
				.replace(/\s+/g, ' ')
				.slice(0, 70),
			ms: performance.now() - t0
		});
		return r;
	}) as QueryRunner;
}

let db: Db;
beforeAll(async () => {
	({ db } = await openDefaultDb());
	if (ROWS > 0) {
		const { file } = generatedJourneys(ROWS);
		const t0 = performance.now();
		const r = await ingestFile(db, { fileId: 100, name: path.basename(file), data: new Uint8Array(readFileSync(file)) });
		console.log(`ingested ${r.rowsLoaded} rows in ${Math.round(performance.now() - t0)} ms (Node, duckdb-wasm)`);
	}
});
afterAll(async () => db?.close());

describe(`model over the defaults + ${ROWS.toLocaleString('en-GB')} journey rows`, () => {
	it('is identical to the simple SQL (people by count(DISTINCT)), and timed', async () => {
		const report: Record<string, unknown> = { rows: ROWS, runs: [] };
		// The reference is slow (count(DISTINCT) per authority) and is computed once; the model REPS times.
		const bl: { sql: string; ms: number }[] = [];
		const t0 = performance.now();
		const baseline = await baselineModel(timed(db, bl));
		console.log(`baseline ${Math.round(performance.now() - t0)} ms`);
		for (const q of bl) console.log(`  baseline ${String(Math.round(q.ms)).padStart(6)} ms  ${q.sql}`);
		let current: Model | null = null;
		for (let rep = 0; rep < REPS; rep++) {
			const cl: { sql: string; ms: number }[] = [];
			const t1 = performance.now();
			current = await computeModel(timed(db, cl));
			const tc = performance.now() - t1;
			console.log(`run ${rep + 1}: current ${Math.round(tc)} ms`);
			for (const q of cl) console.log(`  current  ${String(Math.round(q.ms)).padStart(6)} ms  ${q.sql}`);
			(report.runs as unknown[]).push({ currentMs: tc, current: cl });
		}
		report.baseline = bl;
		mkdirSync('bench/out', { recursive: true });
		writeFileSync(`bench/out/model-sql-${ROWS}.json`, JSON.stringify(report, null, 2));
		const { yearly: _cy, monthly: _cm, figures: _cf, continuity: _cc, ...currentRest } = current!;
		const { yearly: _by, monthly: _bm, ...baselineRest } = baseline;
		expect(currentRest).toEqual(baselineRest);
		expect(peopleCounts(current!)).toEqual(peopleCounts(baseline));
	});
});
