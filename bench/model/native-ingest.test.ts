// The dashboard's own ingest of a large journeys file (the same ingestFile, the same SQL: typed read, checks, the
// people and outcome cube, the files row) and the model recompute, run by native DuckDB (@duckdb/node-api, one
// thread) beside the yardstick the bench divides by (native CREATE TABLE AS read_csv of the same file). Their
// ratio is what the product's work costs over a plain read in native code, with no wasm or browser in the way:
// if it is over 2, no engine or browser change can bring the browser ingest within 2× the plain read.
//   node bench/ensure-native.js && [BENCH_NATIVE_THREADS=2] BENCH_TEST=bench/model/native-ingest.test.ts BENCH_MODEL_ROWS=1000000 SVELTEKIT_OUT=.svelte-kit-bench npx vitest run --config bench/vitest.config.ts
import { it, expect } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import type { DuckDBValue } from '@duckdb/node-api';
import { plainRow, type Db, type Row } from '../../src/lib/data/db';
import { initSchema } from '../../src/lib/data/schema';
import { ingestFile } from '../../src/lib/data/ingest';
import { loadDefaultFiles } from '../../src/lib/data/node-defaults';
import { computeModel } from '../../src/lib/metrics/model';
import { generatedJourneys } from '../lib/data-file.js';
import { INGEST_STEPS, median, stepTimer, type Time } from './steps';

const ROWS = Number(process.env.BENCH_MODEL_ROWS ?? 1_000_000);
const REPS = Number(process.env.BENCH_MODEL_REPS ?? 5);
// BENCH_NATIVE_THREADS=2: the dashboard's work with both cores (the yardstick's read stays on one).
const THREADS = process.env.BENCH_NATIVE_THREADS ?? '1';

/** The app's Db over native DuckDB, one thread; registered files are written to a folder DuckDB searches. */
async function nativeDb(): Promise<Db> {
	const { DuckDBInstance } = await import('@duckdb/node-api');
	const dir = mkdtempSync(path.join(tmpdir(), 'cdp-native-'));
	const instance = await DuckDBInstance.create(':memory:', { threads: THREADS });
	const c = await instance.connect();
	await c.run(`SET file_search_path = '${dir}'`);
	return {
		async query<T = Row>(sql: string, params: unknown[] = []) {
			const r = await c.runAndReadAll(sql, params.length ? (params as DuckDBValue[]) : undefined);
			return r.getRowObjectsJS().map((row) => plainRow(row as Row) as T);
		},
		async exec(sql: string) {
			const statements = await c.extractStatements(sql);
			for (let i = 0; i < statements.count; i++) await (await statements.prepare(i)).run();
		},
		async registerFile(name: string, bytes: Uint8Array) {
			writeFileSync(path.join(dir, name), bytes);
		},
		async registerBlob(name: string, blob: Blob) {
			writeFileSync(path.join(dir, name), new Uint8Array(await blob.arrayBuffer()));
		},
		async dropFile(name: string) {
			rmSync(path.join(dir, name), { force: true });
		},
		async close() {
			c.closeSync();
			instance.closeSync();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

it(`native DuckDB, ${THREADS} thread(s): the dashboard's ingest of ${ROWS.toLocaleString('en-GB')} journeys against a plain read`, async () => {
	const { file } = generatedJourneys(ROWS);
	const data = new Uint8Array(readFileSync(file));
	const load = [loadavg()[0]];
	const read: number[] = [];
	const ingest: number[] = [];
	const model: number[] = [];
	const steps = new Map<string, number[]>();
	for (let rep = 0; rep < REPS; rep++) {
		// A fresh database each time, with the embedded files in first, as in the browser.
		const db = await nativeDb();
		await initSchema(db);
		await loadDefaultFiles(db);
		await db.exec('SET threads = 1');
		let t0 = performance.now();
		await db.query(`CREATE TEMP TABLE plain AS SELECT * FROM read_csv(?)`, [file]);
		read.push(performance.now() - t0);
		await db.exec(`DROP TABLE plain; SET threads = ${Number(THREADS)}`);
		t0 = performance.now();
		const byStep = new Map<string, Time>();
		const report = await ingestFile(stepTimer(db, INGEST_STEPS, byStep), { fileId: 100, name: 'bench.csv', data });
		ingest.push(performance.now() - t0);
		for (const [step, t] of byStep) steps.set(step, [...(steps.get(step) ?? []), t.wall]);
		expect(report.rowsLoaded).toBe(ROWS);
		t0 = performance.now();
		await computeModel((sql: string, params?: unknown[]) => db.query(sql, params));
		model.push(performance.now() - t0);
		await db.close();
	}
	load.push(loadavg()[0]);
	const ratio = (median(ingest) + median(model)) / median(read);
	const lines = [
		`native DuckDB, ${THREADS} thread(s) (the read: 1), ${ROWS.toLocaleString('en-GB')} rows, medians of ${REPS} (load ${load.map((l) => l.toFixed(2)).join(' → ')}):`,
		`  plain read (CREATE TABLE AS read_csv, the yardstick)  ${Math.round(median(read))} ms (${read.map(Math.round).join(', ')})`,
		`  the dashboard's ingest (ingestFile)                  ${Math.round(median(ingest))} ms (${ingest.map(Math.round).join(', ')})`,
		...[...steps].map(([step, ms]) => `    ${step.padEnd(51)}${Math.round(median(ms))} ms`),
		`  the model recompute                                  ${Math.round(median(model))} ms (${model.map(Math.round).join(', ')})`,
		`  ingest + model ÷ plain read                          ${ratio.toFixed(2)}×`
	];
	console.log(lines.join('\n'));
	mkdirSync('bench/out', { recursive: true });
	writeFileSync(
		`bench/out/native-ingest-${ROWS}-${THREADS}.json`,
		JSON.stringify({ rows: ROWS, threads: THREADS, load, read, ingest, steps: Object.fromEntries(steps), model, ratio }, null, 2)
	);
});
