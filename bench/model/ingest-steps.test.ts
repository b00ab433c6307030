// The steps of loading a large journeys file after the defaults, timed in Node on the browser's engine (duckdb-wasm,
// one thread): the typed read, the file's cube, the model recompute. Then the cube A/B, back to back: the two
// statements it replaced (bench/model/baseline/cube-*.sql, frozen) against the current one, each run must store the
// same rows as the ingest did. Wall and process CPU time (CPU is steadier when other work shares the machine).
//   BENCH_TEST=bench/model/ingest-steps.test.ts BENCH_MODEL_ROWS=1000000 SVELTEKIT_OUT=.svelte-kit-bench npx vitest run --config bench/vitest.config.ts
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { openDefaultDb } from '../../src/lib/data/node-defaults';
import { generatedJourneys } from '../lib/data-file.js';
import { ingestFile } from '../../src/lib/data/ingest';
import { computeModel } from '../../src/lib/metrics/model';
import type { Db } from '../../src/lib/data/db';
import cubeJourneys from '../../src/lib/data/sql/cube-journeys.sql?raw';
import journeyOutcomes from '../../src/lib/data/sql/cube-outcomes.sql?raw';
import { INGEST_STEPS, median, stepTimer, timed, type Time } from './steps';

const ROWS = Number(process.env.BENCH_MODEL_ROWS ?? 1_000_000);
const REPS = Number(process.env.BENCH_MODEL_REPS ?? 3);
const FILE_ID = 100;
const base = (f: string) => readFileSync(path.resolve('bench/model/baseline', f), 'utf8');

const row = (name: string, ts: Time[]) =>
	`${name.padEnd(26)} wall best ${Math.round(Math.min(...ts.map((t) => t.wall)))} median ${Math.round(median(ts.map((t) => t.wall)))}` +
	` | cpu best ${Math.round(Math.min(...ts.map((t) => t.cpu)))} median ${Math.round(median(ts.map((t) => t.cpu)))} ms`;

let db: Db;
let data: Uint8Array;
beforeAll(async () => {
	({ db } = await openDefaultDb());
	const { file } = generatedJourneys(ROWS);
	data = new Uint8Array(readFileSync(file));
});
afterAll(async () => db?.close());

describe(`ingest steps of ${ROWS.toLocaleString('en-GB')} journey rows`, () => {
	it('times each step, and the cube equals the previous SQL’s', async () => {
		const load = [loadavg()[0]];
		const steps = new Map<string, Time>();
		const total = await timed(async () => {
			const r = await ingestFile(stepTimer(db, INGEST_STEPS, steps), { fileId: FILE_ID, name: 'bench.csv', data });
			expect(r.rowsLoaded).toBe(ROWS);
		});
		await db.exec(`CREATE OR REPLACE TEMP TABLE cube_at_ingest AS SELECT * FROM journey_cubes WHERE file_id = ${FILE_ID}`);

		// Whole each time: a query runner computeModel has not seen keeps nothing from an earlier model.
		const models: Time[] = [];
		for (let rep = 0; rep < REPS; rep++)
			models.push(await timed(() => computeModel((sql: string, params?: unknown[]) => db.query(sql, params))));

		const variants: [string, () => Promise<unknown>][] = [
			[
				'cube, before (2 statements)',
				async () => {
					await db.query(base('cube-journeys.sql'), [FILE_ID]);
					await db.query(base('cube-outcomes.sql'), [FILE_ID]);
				}
			],
			[
				'cube, now (1 statement)',
				async () => {
					await db.exec(journeyOutcomes);
					await db.query(cubeJourneys, [FILE_ID]);
				}
			]
		];
		const ab = new Map<string, Time[]>();
		for (let rep = 0; rep < REPS; rep++)
			for (const [name, run] of rep % 2 ? [...variants].reverse() : variants) {
				await db.query('DELETE FROM journey_cubes WHERE file_id = ?', [FILE_ID]);
				ab.set(name, [...(ab.get(name) ?? []), await timed(run)]);
				const [diff] = await db.query<{ missing: number; extra: number }>(
					`SELECT (SELECT count(*) FROM (SELECT * FROM cube_at_ingest EXCEPT ALL SELECT * FROM journey_cubes WHERE file_id = ?)) AS missing,
						(SELECT count(*) FROM (SELECT * FROM journey_cubes WHERE file_id = ? EXCEPT ALL SELECT * FROM cube_at_ingest)) AS extra`,
					[FILE_ID, FILE_ID]
				);
				expect({ name, ...diff }).toEqual({ name, missing: 0, extra: 0 });
			}
		load.push(loadavg()[0]);

		const lines = [
			`ingest ${Math.round(total.wall)} ms wall, ${Math.round(total.cpu)} ms cpu (one run), load ${load.map((l) => l.toFixed(2)).join(' → ')}`,
			...[...steps].map(([name, t]) => row(`  ${name}`, [t])),
			row('model recompute', models),
			...[...ab].map(([name, ts]) => row(name, ts))
		];
		console.log(lines.join('\n'));
		mkdirSync('bench/out', { recursive: true });
		writeFileSync(
			`bench/out/ingest-steps-${ROWS}.json`,
			JSON.stringify(
				{ rows: ROWS, load, ingest: total, steps: Object.fromEntries(steps), model: models, ab: Object.fromEntries(ab) },
				null,
				2
			)
		);
	});
});
