/**
 * Any Fingertips export, as downloaded: the made-up fixture (indicators 90999 and 90998, real area codes, numbers
 * that could not pass for real ones) holds every quirk of real exports. It goes through the real ingest into Node
 * DuckDB, then the model, the generic indicator figures and the report's section. A known indicator (92432,
 * loaded beside it) still maps to its own measure and gets no generic figure.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmptyDb } from '../../src/lib/data/node-defaults';
import { ingestFile, type ValidationReport } from '../../src/lib/data/ingest';
import { computeModel, type Model } from '../../src/lib/metrics/model';
import { indicatorRanking, indicatorTrend, loadedIndicators, type LoadedIndicator } from '../../src/lib/metrics/indicators';
import { bySection, forPage, sharedCtx } from '../../src/lib/measures/registry';
import type { Db } from '../../src/lib/data/db';

const FILE = 'fingertips-any-indicator.csv';
const ROTHERHAM = 'E08000018';
let db: Db;
let model: Model;
let report: ValidationReport;
let ind: LoadedIndicator;
const read = (f: string) => new Uint8Array(readFileSync(`tests/fixtures/${f}`));

beforeAll(async () => {
	db = await openEmptyDb();
	report = await ingestFile(db, { fileId: 100, name: FILE, data: read(FILE) });
	await ingestFile(db, { fileId: 101, name: 'fingertips-count-only.csv', data: read('fingertips-count-only.csv') });
	model = await computeModel(db.query);
	ind = loadedIndicators(model).find((i) => i.id === '90999')!;
});
afterAll(async () => db?.close());

const q = <T>(sql: string, params: unknown[] = []) => db.query<T>(sql, params);

describe('every quirk of a real export loads', () => {
	it('the validation report: rows loaded, none rejected, what was ignored and why', () => {
		expect(report).toMatchObject({ kind: 'fingertips', rowsLoaded: 53, rowsRejected: 0, rowsIgnored: 7, warningCount: 7, rejects: [] });
		expect(report.ignoredColumns).toContain('Column not used');
		expect(report.warnings).toEqual([
			{ line: 37, problem: 'England repeated for 2017 - 19 in another area-type block: the first row is used, this one ignored' },
			{ line: 38, problem: 'England repeated for 2018 - 20 in another area-type block: the first row is used, this one ignored' },
			{ line: 39, problem: 'England repeated for 2019 - 21 in another area-type block: the first row is used, this one ignored' },
			{ line: 40, problem: 'Rotherham repeated for 2019 - 21 as Districts & UAs (from Apr 2021): the first row is used, this one ignored' },
			{ line: 41, problem: 'Medway repeated for 2019 - 21 as Districts & UAs (from Apr 2021): the first row is used, this one ignored' },
			{ line: 48, problem: 'England repeated for 2019 - 21 in another area-type block: the first row is used, this one ignored' },
			{
				line: 53,
				problem:
					'Area Code "U99999" (Unplaceable area (test fixture)) is not an ONS area code, so the dashboard cannot place it: row ignored'
			}
		]);
	});

	it.each([
		['a row one field short (the empty last field dropped)', `area_code = 'E54000061'`, [{ value: 75.5, numerator: 150.5 }]],
		['a line feed inside the quoted indicator name', `area_code = 'E06000034'`, [{ value: 70, numerator: 15.5 }]],
		[
			'decimal counts (3-year averages)',
			`area_code = '${ROTHERHAM}' AND period_raw = '2017 - 19' AND sex = 'Persons'`,
			[{ value: 66.6, numerator: 33.3 }]
		],
		[
			'England once per period, however many blocks repeat it',
			`area_code = 'E92000001' AND sex = 'Persons'`,
			[0, 1, 2].map(() => ({ value: 50, numerator: 5000.5 }))
		],
		[
			'a pre-2021 county',
			`area_code = 'E10000021'`,
			[
				{ value: 58.8, numerator: 40.5 },
				{ value: 59.9, numerator: 41.5 }
			]
		],
		['a pre-2021 district', `area_code = 'E07000150'`, [{ value: 77, numerator: 10.5 }]],
		['a clinical commissioning group', `area_code = 'E38000141'`, [{ value: 66.5, numerator: 33.5 }]],
		[
			'a count-only row (no value, a count and a note)',
			`area_code = '${ROTHERHAM}' AND period_raw = '2018 - 20'`,
			[{ value: null, numerator: 4.7 }]
		],
		['the unplaceable code is not stored', `area_code = 'U99999'`, []]
	])('%s', async (_what, where, rows) => {
		expect(
			await q(`SELECT value, numerator FROM figures WHERE file_id = 100 AND metric = 'fingertips_90999' AND ${where} ORDER BY line`)
		).toEqual(rows);
	});

	it('the indicator name is one line; every area type is kept, a repeated area gets both', async () => {
		expect(await q(`SELECT DISTINCT indicator_name FROM figures WHERE file_id = 100 ORDER BY 1`)).toEqual([
			{ indicator_name: 'Second test indicator (test fixture)' },
			{ indicator_name: 'Test indicator (test fixture)' }
		]);
		const types = await q<{ area_type: string }>(`SELECT DISTINCT area_type FROM figures WHERE file_id = 100 ORDER BY 1`);
		expect(types.map((t) => t.area_type)).toEqual([
			'CCGs (from Apr 2019)',
			'Counties & UAs (from Apr 2021)',
			'Counties & UAs (from Apr 2021); Districts & UAs (from Apr 2021)',
			'Districts & UAs (from Apr 2021)',
			'England',
			'ICBs (from Jul 2022)',
			'Region'
		]);
	});

	it('areas the dashboard does not know are selectable, named from the file', () => {
		const names = new Map(model.areas.map((a) => [a.code, a.name]));
		for (const [code, name] of [
			['E07000150', 'Corby'],
			['E10000016', 'Kent'],
			['E54000061', 'NHS South Yorkshire Integrated Care Board'],
			['E38000141', 'NHS Rotherham CCG']
		])
			expect(names.get(code)).toBe(name);
		expect(names.has('U99999')).toBe(false);
	});
});

describe('the generic figure', () => {
	it('one per unknown indicator; a known one (92432) keeps its own measure', () => {
		expect(loadedIndicators(model).map((i) => [i.id, i.name, i.sex, i.age, i.otherBreakdowns])).toEqual([
			['90998', 'Second test indicator (test fixture)', 'Persons', '18+ yrs', []],
			['90999', 'Test indicator (test fixture)', 'Persons', 'All ages', ['Male']]
		]);
		expect(model.figures.some((f) => f.metric === 'drug_misuse_deaths_rate')).toBe(true);
		expect(ind.sources).toEqual([`OHID Fingertips, indicator 90999, Test indicator (test fixture), exported ${FILE}`]);
		expect(forPage('indicators', model).map((s) => s.id)).toEqual([
			'fingertips-90998-trend',
			'fingertips-90998-ranked',
			'fingertips-90999-trend',
			'fingertips-90999-ranked'
		]);
	});

	it('trend: England and the region beside every period, the count where no value, the judgement as given', () => {
		const t = indicatorTrend(model, ind, ROTHERHAM)!;
		expect(t.region).toEqual({ code: 'E12000003', name: 'Yorkshire and The Humber' });
		expect(
			t.points.map((p) => [
				p.period,
				p.value,
				p.lower,
				p.upper,
				p.count,
				p.note,
				p.judgement,
				p.comparison,
				p.england?.value,
				p.region?.value
			])
		).toEqual([
			['2017 to 2019', 66.6, 55.5, 77.7, 33.3, null, 'Worse', 'worse', 50, 60],
			['2018 to 2020', null, null, null, 4.7, 'Value suppressed: small count (test fixture)', 'Not compared', 'not_compared', 50, 60],
			['2019 to 2021', 77.7, 66.6, 88.8, 44.4, null, 'Worse', 'worse', 50, 60]
		]);
		// No judgement in the file: England's value against the local interval, higher or lower (no polarity known).
		const southend = indicatorTrend(model, ind, 'E06000033')!.points.at(-1)!;
		expect([southend.judgement, southend.comparison, southend.judgedByFile]).toEqual([null, 'similar', false]);
		// The Northamptonshire CDP: the former county's rows stand in.
		expect(indicatorTrend(model, ind, 'northamptonshire')!.area).toBe('E10000021');
	});

	it.each([
		[
			ROTHERHAM,
			'Counties & UAs (from Apr 2021)',
			'2019 to 2021',
			['E08000016', ROTHERHAM, 'E08000019', 'E06000034', 'E06000062', 'E06000061', 'E06000033', 'E10000012', 'E10000016', 'E06000035'],
			2
		],
		['E07000070', 'Districts & UAs (from Apr 2021)', '2019 to 2021', [ROTHERHAM, 'E07000066', 'E07000110', 'E07000070', 'E06000035'], 4],
		['E07000150', 'Districts & UAs (from Apr 2021)', '2017 to 2019', ['E07000150', 'E07000154', 'E07000153'], 1],
		['E54000061', 'ICBs (from Jul 2022)', '2019 to 2021', ['E54000061', 'E54000059', 'E54000032'], 1]
	])('ranking for %s: every %s in %s, highest first', (area, type, period, order, rank) => {
		const r = indicatorRanking(model, ind, area)!;
		expect([r.areaType, r.period, r.england]).toEqual([type, period, 50]);
		expect(r.rows.map((x) => x.code)).toEqual(order);
		expect(r.rows.filter((x) => x.selected).map((x) => x.rank)).toEqual([rank]);
	});

	it('ranking in a period where the area has only a count: listed last, unranked', () => {
		const r = indicatorRanking(model, ind, 'northamptonshire')!;
		expect(r.period).toBe('2018 to 2020');
		expect(r.rows.map((x) => [x.name, x.rank])).toEqual([
			['Northamptonshire (former county)', 1],
			['Southend-on-Sea', 2],
			['Medway', 3],
			['Rotherham', null]
		]);
	});

	it('the measures: title, sentences, source, table and charts, and the report section', () => {
		const [trend, ranked] = bySection(sharedCtx({ model, area: ROTHERHAM }))
			.get('indicators')!
			.slice(2);
		expect(trend.title).toBe('Rotherham: Test indicator (test fixture) against England');
		expect(trend.sentences).toEqual([
			'In 2019 to 2021 the value for Rotherham was 77.7 (95% CI 66.6 to 88.8) against England’s 50.0: worse than England (the file’s own judgement).',
			'The value for Yorkshire and The Humber was 60.0.'
		]);
		expect(trend.sources).toEqual(ind.sources);
		expect(trend.comparison).toBe('worse');
		expect(trend.table.rows.map((r) => [r.period, r.value, r.count, r.england, r.region, r.cmp, r.note])).toEqual([
			['2017 to 2019', '66.6', '33.3', '50.0', '60.0', 'Worse (as the file gives it)', ''],
			[
				'2018 to 2020',
				'–',
				'4.7',
				'50.0',
				'60.0',
				'Not compared',
				'No value published: Value suppressed: small count (test fixture) (count 4.7)'
			],
			['2019 to 2021', '77.7', '44.4', '50.0', '60.0', 'Worse (as the file gives it)', '']
		]);
		expect(trend.chart.kind === 'line' && trend.chart.series.map((s) => s.label)).toEqual([
			'Rotherham',
			'England',
			'Yorkshire and The Humber'
		]);

		expect(ranked.title).toBe('Test indicator (test fixture), 2019 to 2021: Rotherham among Counties & UAs (from Apr 2021)');
		expect(ranked.sentences[0]).toBe(
			'Rotherham ranks 2nd highest of 10 Counties & UAs (from Apr 2021) with a value in 2019 to 2021, at 77.7; England 50.0.'
		);
		expect(ranked.table.rows.slice(0, 2)).toEqual([
			{ rank: '1', area: 'Barnsley', value: '88.8', ci: '77.7 to 99.9', count: '30.5', cmp: 'Worse' },
			{ rank: '2', area: 'Rotherham (selected)', value: '77.7', ci: '66.6 to 88.8', count: '44.4', cmp: 'Worse' }
		]);
		expect(ranked.chart.kind === 'rank' && ranked.chart.references?.map((r) => r.label)).toEqual([
			'England 50.0',
			'Yorkshire and The Humber 60.0'
		]);
		// Not on the board.
		expect(forPage('indicators', model).every((s) => s.slide == null)).toBe(true);
	});

	it('an area with no value in any period: a message instead of an empty chart, the counts in the table', () => {
		const m = bySection(sharedCtx({ model, area: 'E06000033' })).get('indicators')![0];
		expect(m.key).toBe('fingertips-90998-trend');
		expect(m.chart.kind === 'line' && m.chart.message).toBe(
			'No value is published for Southend-on-Sea in any of the 2 periods; the counts are in the table.'
		);
		expect(m.sentences).toEqual([
			'In 2022-23 no value was published for Southend-on-Sea: Value not published: small count (test fixture) (count 4.5).',
			'England’s value was 10.0.'
		]);
		expect(m.table.rows.map((r) => r.note)).toEqual([
			'No value published: Value not published: small count (test fixture) (count 3.5)',
			'No value published: Value not published: small count (test fixture) (count 4.5)'
		]);
	});
});
