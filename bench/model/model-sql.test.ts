// The dashboard model over the embedded data plus a large generated journeys file, in Node on the same
// engine as the browser (duckdb-wasm, one thread): each query timed, and the result compared with the
// model computed by simple SQL: the frozen pre-optimisation SQL in bench/model/baseline/ for areas, files,
// figures and continuity, and plain count(DISTINCT) over the journeys (tests/fixtures/people-reference.ts) for
// the people counts (yearly and monthly). The fast cube must equal the simple SQL.
//   BENCH_MODEL_ROWS=1000000 SVELTEKIT_OUT=.svelte-kit-bench npx vitest run --config bench/vitest.config.ts
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { openDefaultDb } from '../../src/lib/data/node-defaults';
import { ingestFile } from '../../src/lib/data/ingest';
import { computeModel, type Model } from '../../src/lib/metrics/model';
import type { Db, QueryRunner } from '../../src/lib/data/db';
import { referenceMonthly, referenceYearly } from '../../tests/fixtures/people-reference';

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

/** The simple model: frozen pre-optimisation SQL (bench/model/baseline/model.ts.txt), people by count(DISTINCT). */
async function baselineModel(query: QueryRunner): Promise<Model> {
	await query(base('record-areas.sql'));
	const [{ data_date: dataDate }] = await query<{ data_date: string | null }>(base('data-date.sql'));
	const [areas, files, figures, yearly, monthly, continuity] = [
		await query(base('areas.sql')),
		await query<{ area_codes: string[] }>(
			`SELECT file_id, file_name, kind, rows_loaded, rows_rejected, synthetic, embedded,
				strftime(period_start, '%Y-%m-%d') AS period_start, strftime(period_end, '%Y-%m-%d') AS period_end, area_codes, source
			FROM files ORDER BY file_id`
		),
		await query(base('figures.sql')),
		(await referenceYearly(db)).map((r) => ({ ...r, deaths_in_treatment: r.deaths, rehab_starts: r.rehab })),
		dataDate ? await referenceMonthly(db, dataDate) : [],
		await query(base('continuity.sql'))
	];
	return {
		dataDate,
		areas,
		files: files.map((f) => ({ ...f, area_codes: [...(f.area_codes ?? [])] })),
		figures,
		yearly,
		monthly,
		continuity
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
		const file = path.resolve(`bench/out/data/journeys-${ROWS}.csv`);
		if (!existsSync(file)) {
			mkdirSync(path.dirname(file), { recursive: true });
			spawnSync(process.execPath, ['scripts/generate.js', '--rows', String(ROWS), '--out', file, '--quiet'], { stdio: 'inherit' });
		}
		const t0 = performance.now();
		const r = await ingestFile(db, { fileId: 100, name: path.basename(file), data: new Uint8Array(readFileSync(file)) });
		console.log(`ingested ${r.rowsLoaded} rows in ${Math.round(performance.now() - t0)} ms (Node, duckdb-wasm)`);
	}
});
afterAll(async () => db?.close());

describe(`model over the defaults + ${ROWS.toLocaleString('en-GB')} journey rows`, () => {
	it('is identical to the simple SQL (people by count(DISTINCT)), and timed', async () => {
		const report: Record<string, unknown> = { rows: ROWS, runs: [] };
		let baseline: Model | null = null;
		let current: Model | null = null;
		for (let rep = 0; rep < REPS; rep++) {
			const bl: { sql: string; ms: number }[] = [];
			const t0 = performance.now();
			baseline = await baselineModel(timed(db, bl));
			const tb = performance.now() - t0;
			const cl: { sql: string; ms: number }[] = [];
			const t1 = performance.now();
			current = await computeModel(timed(db, cl));
			const tc = performance.now() - t1;
			console.log(`run ${rep + 1}: baseline ${Math.round(tb)} ms, current ${Math.round(tc)} ms`);
			for (const [name, l] of [
				['baseline', bl],
				['current', cl]
			] as const)
				for (const q of l) console.log(`  ${name.padEnd(8)} ${String(Math.round(q.ms)).padStart(6)} ms  ${q.sql}`);
			(report.runs as unknown[]).push({ baselineMs: tb, currentMs: tc, baseline: bl, current: cl });
		}
		mkdirSync('bench/out', { recursive: true });
		writeFileSync(`bench/out/model-sql-${ROWS}.json`, JSON.stringify(report, null, 2));
		const { yearly: _cy, monthly: _cm, ...currentRest } = current!;
		const { yearly: _by, monthly: _bm, ...baselineRest } = baseline!;
		expect(currentRest).toEqual(baselineRest);
		expect(peopleCounts(current!)).toEqual(peopleCounts(baseline!));
	});
});
