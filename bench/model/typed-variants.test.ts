import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { openDefaultDb } from '../../src/lib/data/node-defaults';
import { readCsvSql } from '../../src/lib/data/read-csv';
import typedSql from '../../src/lib/data/sql/typed-journeys.sql?raw';
import cubeSql from '../../src/lib/data/sql/cube-journeys.sql?raw';

it('variants', async ({ expect }) => {
	expect(1).toBe(1);
	const { db } = await openDefaultDb();
	await db.registerFile('j.csv', new Uint8Array(readFileSync('bench/out/data/journeys-1000000.csv')));
	const header = {
		names: 'CLIENTID,EPISODID,LA,AGE,SEX,SUBSTANCE,REFLD,RFLS,TRIAGED,DISD,DISRSN,RESRHBST,synthetic'.split(','),
		delimiter: ',',
		newline: '\n',
		empty: false
	} as never;
	const types = [
		undefined,
		undefined,
		undefined,
		'INTEGER',
		undefined,
		undefined,
		'DATE',
		undefined,
		'DATE',
		'DATE',
		undefined,
		'DATE',
		undefined
	];
	const ids =
		'client_id,journey_id,area_code,age,sex,substance,referral_date,referral_source,triage_date,discharge_date,discharge_reason,rehab_start_date,synthetic'.split(
			','
		);
	await db.exec(
		`CREATE OR REPLACE TEMP VIEW typed_src AS SELECT ${ids.map((id, i) => `c${i} AS ${id}`).join(', ')} FROM ${readCsvSql('j.csv', header, '\n', { types })}`
	);
	const head = typedSql.slice(0, typedSql.indexOf('WHERE CASE')).replace('$1', '7');
	const where = (conds: string) => `${head} WHERE CASE WHEN ${conds} THEN error('x') ELSE true END`;
	const variants: [string, string][] = (JSON.parse(process.env.VARIANTS ?? '[]') as [string, string][]).map(([n, c]) => [
		n,
		c === 'FULL' ? typedSql.replace('$1', '7') : c === 'NONE' ? head : c.startsWith('SQL:') ? c.slice(4) : where(c)
	]);
	const best: Record<string, number> = {};
	for (let rep = 0; rep < Number(process.env.REPS ?? 3); rep++)
		for (const [name, sql] of variants) {
			await db.exec('DELETE FROM journeys WHERE file_id = 7; DELETE FROM journey_cubes WHERE file_id = 7; DROP TABLE IF EXISTS x;');
			if (sql.includes('journey_cubes')) await db.exec(head);
			const t = performance.now();
			await db.exec(sql.replaceAll('$1', '7'));
			best[name] = Math.min(best[name] ?? Infinity, Math.round(performance.now() - t));
		}
	console.log('RESULT ' + JSON.stringify(best));
	void cubeSql;
});
