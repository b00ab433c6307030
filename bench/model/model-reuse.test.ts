// The model recomputed after loading a file, keeping the parts the file cannot change (metrics/model.ts), against
// the model computed whole on the same database (a new query runner keeps nothing): equal after each step, the kept
// parts the same rows as before, and both timed (best of 3, Node, duckdb-wasm) over the defaults + a large journeys
// file: a figures file added (the treatment counts and outcomes kept), a journeys file added (the figures kept).
//   BENCH_TEST=bench/model/model-reuse.test.ts BENCH_MODEL_ROWS=1000000 SVELTEKIT_OUT=.svelte-kit-bench npx vitest run --config bench/vitest.config.ts
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openDefaultDb } from '../../src/lib/data/node-defaults';
import { generatedJourneys } from '../lib/data-file.js';
import { forgetFile, ingestFile } from '../../src/lib/data/ingest';
import { computeModel, type Model } from '../../src/lib/metrics/model';
import type { Db, QueryRunner } from '../../src/lib/data/db';

const ROWS = Number(process.env.BENCH_MODEL_ROWS ?? 1_000_000);
const REPS = Number(process.env.BENCH_MODEL_REPS ?? 3);
const FIGURES = 'tests/fixtures/fingertips-any-indicator.csv';
const JOURNEYS = 'tests/fixtures/journeys-rotherham-small.csv';

let db: Db;
beforeAll(async () => {
	({ db } = await openDefaultDb());
	if (ROWS > 0) {
		const { file } = generatedJourneys(ROWS);
		await ingestFile(db, { fileId: 100, name: path.basename(file), data: new Uint8Array(readFileSync(file)) });
	}
});
afterAll(async () => db?.close());

const load = (fileId: number, file: string) =>
	ingestFile(db, { fileId, name: path.basename(file), data: new Uint8Array(readFileSync(file)) });
/** The model computed whole: a query runner computeModel has not seen keeps nothing. */
const whole = () => computeModel(((sql: string, params?: unknown[]) => db.query(sql, params)) as QueryRunner);

async function timed(run: () => Promise<Model>): Promise<{ model: Model; ms: number }> {
	const t0 = performance.now();
	const model = await run();
	return { model, ms: performance.now() - t0 };
}

describe(`the model after one more file, over the defaults + ${ROWS.toLocaleString('en-GB')} journey rows`, () => {
	const steps: [string, number, string, (before: Model, after: Model) => void][] = [
		[
			'a figures file',
			200,
			FIGURES,
			(before, after) => {
				for (const p of ['yearly', 'monthly', 'outcomes', 'continuity'] as const) expect(after[p]).toBe(before[p]);
				expect(after.figures).not.toBe(before.figures);
			}
		],
		[
			'a journeys file',
			201,
			JOURNEYS,
			(before, after) => {
				expect(after.figures).toBe(before.figures);
				expect(after.yearly).not.toBe(before.yearly);
			}
		]
	];
	for (const [name, fileId, file, kept] of steps)
		it(`${name}: the parts it cannot change are kept, and the model equals the whole computation`, async () => {
			const reused: number[] = [];
			const full: number[] = [];
			for (let rep = 0; rep < REPS; rep++) {
				const before = await computeModel(db.query);
				await load(fileId, file);
				const after = await timed(() => computeModel(db.query));
				const again = await timed(whole);
				kept(before, after.model);
				expect(after.model).toEqual(again.model);
				reused.push(after.ms);
				full.push(again.ms);
				await forgetFile(db, fileId);
				// Forgotten, the file's parts are computed again, and equal the whole computation too.
				expect(await computeModel(db.query)).toEqual(await whole());
			}
			console.log(
				`${name} added: model kept-parts best ${Math.round(Math.min(...reused))} ms, whole best ${Math.round(Math.min(...full))} ms`
			);
		});
});
