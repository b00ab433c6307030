// Checks a proposed rewrite of src/lib/data/sql/normalise-journeys.sql (bench/model/proposed/) produces
// exactly the same `norm` table as the current one over a generated journeys file, and times both.
//   BENCH_TEST=bench/model/normalise-identity.test.ts SVELTEKIT_OUT=.svelte-kit-bench npx vitest run --config bench/vitest.config.ts
import { it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openDefaultDb } from '../../src/lib/data/node-defaults';
import { decodeCsv, stageCsv } from '../../src/lib/data/read-csv';
import { detectKind } from '../../src/lib/data/kinds';

const CURRENT = readFileSync('src/lib/data/sql/normalise-journeys.sql', 'utf8');
const PROPOSED = readFileSync('bench/model/proposed/normalise-journeys.sql', 'utf8');
const FILE = path.resolve(process.env.CSV ?? 'bench/out/data/journeys-1000000.csv');

it('proposed normalise-journeys.sql gives the same norm table, faster', async () => {
	const { db } = await openDefaultDb();
	const bytes = new Uint8Array(readFileSync(FILE));
	const csv = decodeCsv(path.basename(FILE), bytes);
	const d = detectKind(csv.header.names)!;
	const select = d.spec.columns
		.map((c) => (d.index.has(c.id) ? `c${d.index.get(c.id)} AS ${c.id}` : `NULL::VARCHAR AS ${c.id}`))
		.join(', ');
	await stageCsv(db, 'x.csv', bytes, csv, { table: 'src', select, tag: '100' });
	const ms: Record<string, number[]> = { current: [], proposed: [] };
	for (let i = 0; i < 2; i++)
		for (const [name, sql, table] of [
			['current', CURRENT, 'norm_current'],
			['proposed', PROPOSED, 'norm_proposed']
		] as const) {
			const t0 = performance.now();
			await db.exec(sql);
			ms[name].push(performance.now() - t0);
			await db.exec(`CREATE OR REPLACE TEMP TABLE ${table} AS SELECT * FROM norm`);
		}
	console.log(
		`normalise-journeys over ${FILE}: current ${ms.current.map(Math.round).join(', ')} ms; proposed ${ms.proposed.map(Math.round).join(', ')} ms`
	);
	const cols = (
		await db.query<{ column_name: string }>(
			`SELECT column_name FROM duckdb_columns() WHERE table_name = 'norm_current' ORDER BY column_index`
		)
	)
		.map((c) => `"${c.column_name}"`)
		.join(', ');
	const [diff] = await db.query<{ a: number; b: number; n: number }>(
		`SELECT (SELECT count(*) FROM (SELECT ${cols} FROM norm_current EXCEPT ALL SELECT ${cols} FROM norm_proposed)) AS a,
			(SELECT count(*) FROM (SELECT ${cols} FROM norm_proposed EXCEPT ALL SELECT ${cols} FROM norm_current)) AS b,
			(SELECT count(*) FROM norm_current) AS n`
	);
	console.log(`rows ${diff.n}; only in current ${diff.a}; only in proposed ${diff.b}`);
	expect(Number(diff.a) + Number(diff.b)).toBe(0);
	await db.close();
});
