/**
 * Every row of a loaded Fingertips export is shown or explained: a period with a `Count` but a blank `Value`
 * (the rate withheld, as real exports do for small numbers) shows its count in the table and the sentence,
 * never "the rate was – per 100,000"; a chart with no local rate to draw carries a message instead.
 * The fixture goes through the real ingest into DuckDB, then the model and the rate measure.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmptyDb } from '../../src/lib/data/node-defaults';
import { ingestFile, type ValidationReport } from '../../src/lib/data/ingest';
import { computeModel, type Model } from '../../src/lib/metrics/model';
import { rateSeries } from '../../src/lib/metrics/deaths';
import { misuseRate } from '../../src/lib/measures/deaths/rates';
import { sharedCtx } from '../../src/lib/measures/registry';
import type { Db } from '../../src/lib/data/db';
import type { Measure } from '../../src/lib/measures/types';

const FILE = 'tests/fixtures/fingertips-count-only.csv';
let db: Db;
let model: Model;
let report: ValidationReport;
beforeAll(async () => {
	db = await openEmptyDb();
	report = await ingestFile(db, { fileId: 100, name: 'fingertips-count-only.csv', data: new Uint8Array(readFileSync(FILE)) });
	model = await computeModel(db.query);
});
afterAll(async () => db?.close());

const build = (area: string) => misuseRate.build(sharedCtx({ model, area })) as Measure;
const rows = (m: Measure) => m.table.rows.map((r) => ({ period: r.period, local: r.local, count: r.count, note: r.note }));

describe('a Fingertips export with count-only rows', () => {
	it('loads every row, blanks kept blank', async () => {
		expect(report).toMatchObject({ kind: 'fingertips', rowsLoaded: 11, rowsRejected: 0, warningCount: 0 });
		const [{ n }] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM figures WHERE value IS NULL AND numerator IS NOT NULL`);
		expect(Number(n)).toBe(5);
	});

	it('rateSeries keeps the count and says why there is no rate', () => {
		const p = rateSeries(model, 'E08000018', 'drug_misuse_deaths_rate').points;
		expect(p.map((x) => [x.period, x.local, x.count, x.unpublished])).toEqual([
			['2017 to 2019', 9.1, 30, null],
			['2018 to 2020', null, 7, 'fewer than 10 deaths'],
			['2019 to 2021', null, 12, 'Value not published for data quality reasons (fixture)']
		]);
	});

	it.each([
		{
			area: 'E08000018',
			table: [
				{ period: '2017 to 2019', local: '9.1', count: '30', note: '' },
				{ period: '2018 to 2020', local: '–', count: '7', note: 'Rate not published: fewer than 10 deaths (7 deaths)' },
				{
					period: '2019 to 2021',
					local: '–',
					count: '12',
					note: 'Rate not published: Value not published for data quality reasons (fixture) (12 deaths)'
				}
			],
			sentences: [
				'In 2019 to 2021 the rate for Rotherham was not published: Value not published for data quality reasons (fixture) (12 deaths).',
				"England's rate was 6.0 per 100,000.",
				'The latest published rate for Rotherham was 9.1 per 100,000, in 2017 to 2019.'
			],
			message: undefined
		},
		{
			area: 'E06000035',
			table: [
				{ period: '2017 to 2019', local: '–', count: '6', note: 'Rate not published: fewer than 10 deaths (6 deaths)' },
				{ period: '2018 to 2020', local: '–', count: '8', note: 'Rate not published: fewer than 10 deaths (8 deaths)' },
				{ period: '2019 to 2021', local: '–', count: '9', note: 'Rate not published: fewer than 10 deaths (9 deaths)' }
			],
			sentences: [
				'In 2019 to 2021 the rate for Medway was not published: fewer than 10 deaths (9 deaths).',
				"England's rate was 6.0 per 100,000."
			],
			message: 'No rate is published for Medway in any of the 3 periods; the deaths counted are in the table.'
		},
		{
			area: 'E06000033',
			table: [
				{ period: '2018 to 2020', local: '7.2', count: '30', note: '' },
				{ period: '2019 to 2021', local: '–', count: '–', note: 'Value suppressed for disclosure control (fixture)' }
			],
			sentences: [
				'In 2019 to 2021 no rate was published for Southend-on-Sea: Value suppressed for disclosure control (fixture).',
				"England's rate was 6.0 per 100,000.",
				'The latest published rate for Southend-on-Sea was 7.2 per 100,000, in 2018 to 2020.'
			],
			message: undefined
		}
	])('$area: table, sentences and chart', ({ area, table, sentences, message }) => {
		const m = build(area);
		expect(rows(m)).toEqual(table);
		expect(m.sentences).toEqual(sentences);
		for (const s of m.sentences) expect(s).not.toMatch(/–\s*per 100,000/);
		expect(m.chart.kind).toBe('line');
		expect(m.chart.kind === 'line' && m.chart.message).toBe(message);
		expect(m.period).toBe(`periods ${table.map((r) => r.period).join(', ')}`);
	});
});
