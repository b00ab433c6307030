/**
 * NDTMS ViewIt adult download (data/README.md, input kind 5): area names → codes, Barnet's figures against the
 * file's own cells (read here with a tiny CSV split, not the loader's SQL), drug groups → cohorts, sums of
 * rounded counts labelled, NULL → missing, the England download's layout, and a loaded area in the model.
 * The fixture is three periods of the real Barnet file (scripts/build-viewit-fixture.js); when the reference
 * folder is on this machine the whole file, the England file and the upper-tier names are checked too.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openEmptyDb } from '../../src/lib/data/node-defaults';
import { ingestFile, type ValidationReport } from '../../src/lib/data/ingest';
import { computeModel } from '../../src/lib/metrics/model';
import { trajectory } from '../../src/lib/metrics/treatment';
import type { Db } from '../../src/lib/data/db';

const FIXTURE_DIR = path.resolve('tests/fixtures/viewit');
const FIXTURE = path.join(FIXTURE_DIR, 'viewit-adult-barnet-extract.csv');
const BARNET = 'E09000003';
const enc = new TextEncoder();

/** The file as rows of cells by header name: the real files have no quoted fields. */
function cellsOf(text: string): Record<string, string>[] {
	const [header, ...lines] = text.trim().split(/\r?\n/);
	const names = header.split(',');
	return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [names[i], v])));
}

type Figure = {
	metric: string;
	cohort: string;
	category: string | null;
	period: string;
	value: number | null;
	note: string | null;
	source: string;
};

let db: Db;
let nextId = 100;
async function load(name: string, text: string | Uint8Array): Promise<{ report: ValidationReport; figures: Figure[] }> {
	const fileId = nextId++;
	const report = await ingestFile(db, { fileId, name, data: typeof text === 'string' ? enc.encode(text) : text });
	const figures = await db.query<Figure>(
		`SELECT metric, cohort, category, p.period_label AS period, value, note, source FROM figures JOIN periods p USING (period_raw)
		WHERE file_id = ? ORDER BY metric, cohort, category, period`,
		[fileId]
	);
	return { report, figures };
}
const pick = (figs: Figure[], metric: string, cohort: string, period: string, category: string | null = null) =>
	figs.find((f) => f.metric === metric && f.cohort === cohort && f.period === period && f.category === category);

const text = readFileSync(FIXTURE, 'utf8');
const rows = cellsOf(text);
const header = text.slice(0, text.indexOf('\n'));

beforeAll(async () => {
	db = await openEmptyDb();
});
afterAll(async () => db?.close());

describe('the Barnet extract', () => {
	let loaded: { report: ValidationReport; figures: Figure[] };
	beforeAll(async () => {
		loaded = await load('viewit-adult-barnet-extract.csv', text);
	});

	test('is recognised from its header and loads every row; the 216 columns not read are listed as ignored', () => {
		const r = loaded.report;
		expect(r.kind).toBe('viewit');
		expect(r.kindLabel).toBe('NDTMS ViewIt adult download');
		expect(r.rowsLoaded).toBe(180);
		expect(r.rowsRejected).toBe(0);
		expect(r.warnings).toEqual([]);
		expect(r.areas).toEqual([BARNET]);
		expect([r.periodStart, r.periodEnd]).toEqual(['2009-04-01', '2018-03-31']);
		expect(r.ignoredColumns).toHaveLength(244 - 23 - 5);
		expect(r.ignoredColumns).toContain('eth_white_allintx');
	});

	test('each count is the Total row of its drug group; non-opiate is the two non-opiate groups added', () => {
		const cell = (period: string, group: string, col: string) => {
			const found = rows.filter(
				(r) => r.ReportingPeriod === period && r.sex === 'Total' && r.age_group === 'Total' && r.drug_group === group
			);
			expect(found).toHaveLength(1);
			return Number(found[0][col]);
		};
		const cols: [string, string, string | null][] = [
			['numbers_in_treatment', 'intreatment_allintx', null],
			['new_presentations', 'newpresentation_newtx', null],
			['successful_completions', 'exits_successfulcompletion_allintx', null],
			['treatment_exits', 'exits_died_allintx', 'died'],
			['treatment_exits', 'exits_droppedout_allintx', 'dropped out'],
			['waits_first_intervention', 'waitsfirst_over6weeks_newtx', 'over 6 weeks'],
			['scnr_completions_not_representing', 'scnr_scrn_allintx', null]
		];
		let checked = 0;
		for (const [period, label] of [
			['2009/10', '2009-10'],
			['2016/17', '2016-17'],
			['2017/18', '2017-18']
		])
			for (const [metric, col, category] of cols) {
				const expected: Record<string, number> = {
					adults: cell(period, 'Total', col),
					opiate: cell(period, 'Opiate', col),
					non_opiate: cell(period, 'Non-opiate only', col) + cell(period, 'Non-opiate & alcohol', col),
					alcohol: cell(period, 'Alcohol only', col)
				};
				for (const [cohort, value] of Object.entries(expected)) {
					expect(pick(loaded.figures, metric, cohort, label, category)?.value, `${metric} ${category ?? ''} ${cohort} ${label}`).toBe(
						value
					);
					checked++;
				}
			}
		expect(checked).toBe(3 * 7 * 4);
	});

	test('hand-checked cells: adults, opiate, non-opiate and alcohol in treatment and new presentations', () => {
		const f = loaded.figures;
		const got = (metric: string, period: string) =>
			['adults', 'opiate', 'non_opiate', 'alcohol'].map((c) => pick(f, metric, c, period)?.value);
		// Read off the file by eye: Total/Total rows, Non-opiate only + Non-opiate & alcohol for non-opiate.
		expect(got('numbers_in_treatment', '2009-10')).toEqual([1105, 565, 85 + 160, 295]);
		expect(got('numbers_in_treatment', '2017-18')).toEqual([1070, 540, 115 + 150, 265]);
		expect(got('new_presentations', '2016-17')).toEqual([470, 170, 50 + 80, 165]);
		expect(got('successful_completions', '2017-18')).toEqual([285, 60, 50 + 45, 125]);
	});

	test('figures are published, real and labelled: rounded to 5 by NDTMS, sums of rounded counts said to be sums', () => {
		const adults = pick(loaded.figures, 'numbers_in_treatment', 'adults', '2017-18')!;
		expect(adults.note).toBe('rounded to the nearest 5 by NDTMS');
		expect(adults.source).toBe(
			'NDTMS ViewIt adult download: numbers in treatment (intreatment_allintx); counts rounded to the nearest 5 by NDTMS'
		);
		expect(pick(loaded.figures, 'numbers_in_treatment', 'non_opiate', '2017-18')!.note).toBe(
			'sum of 2 published counts (Non-opiate only + Non-opiate & alcohol), each rounded to the nearest 5 by NDTMS'
		);
		// 3 periods × 4 cohorts × (in treatment, new presentations, completions, 14 exit reasons, 3 waits, 4 scnr columns).
		expect(loaded.figures).toHaveLength(3 * 4 * 24);
		expect(new Set(loaded.figures.map((f) => f.metric))).toEqual(
			new Set([
				'numbers_in_treatment',
				'new_presentations',
				'successful_completions',
				'treatment_exits',
				'waits_first_intervention',
				'scnr_in_treatment',
				'scnr_completions',
				'scnr_representations',
				'scnr_completions_not_representing'
			])
		);
	});

	test('stored as published figures of a real area, for the financial years', async () => {
		const stored = await db.query(
			`SELECT DISTINCT area_code, area_name, kind, unit, synthetic, sex, age, p.period_kind FROM figures JOIN periods p USING (period_raw) WHERE file_id = ?`,
			[loaded.report.fileId]
		);
		expect(stored).toEqual([
			{
				area_code: BARNET,
				area_name: 'Barnet',
				kind: 'actual',
				unit: 'count',
				synthetic: false,
				sex: null,
				age: null,
				period_kind: 'financial_year'
			}
		]);
	});

	test('Barnet becomes an area of the model, with its published numbers and no records, every year on the treatment measure', async () => {
		const model = await computeModel(db.query.bind(db));
		expect(model.areas.find((a) => a.code === BARNET)).toMatchObject({ name: 'Barnet', type: 'la', has_records: false });
		const adults = model.figures.filter((f) => f.area === BARNET && f.metric === 'numbers_in_treatment' && f.cohort === 'adults');
		expect(adults.map((f) => [f.period, f.value])).toEqual([
			['2009-10', 1105],
			['2016-17', 1025],
			['2017-18', 1070]
		]);
		// The treatment page's measure: every published year, as the headline, with no trajectory to judge it by.
		const t = trajectory(model, BARNET, 'opiate', true);
		expect(t.rows.map((r) => [r.label, r.reported, r.headline, r.actual.value, r.guide, r.status])).toEqual([
			['2009-10', 565, 565, null, null, 'no_target'],
			['2016-17', 560, 560, null, null, 'no_target'],
			['2017-18', 540, 540, null, null, 'no_target']
		]);
		expect(t.sources).toEqual([
			'NDTMS ViewIt adult download: numbers in treatment (intreatment_allintx); counts rounded to the nearest 5 by NDTMS'
		]);
	});
});

describe('other layouts and values', () => {
	const only = (keep: (r: Record<string, string>) => boolean) =>
		[
			header,
			...text
				.trim()
				.split('\n')
				.slice(1)
				.filter((_, i) => keep(rows[i]))
		].join('\n') + '\n';

	test('a download without Total rows: each count is the sum of its sex × age group rows, and says so', async () => {
		const { report, figures } = await load(
			'viewit-no-totals.csv',
			only((r) => r.ReportingPeriod === '2017/18' && r.sex !== 'Total' && r.age_group !== 'Total')
		);
		expect(report.rowsLoaded).toBe(2 * 3 * 5);
		const sum = (group: string, col: string) =>
			rows
				.filter((r) => r.ReportingPeriod === '2017/18' && r.sex !== 'Total' && r.age_group !== 'Total' && r.drug_group === group)
				.reduce((s, r) => s + Number(r[col]), 0);
		const adults = pick(figures, 'numbers_in_treatment', 'adults', '2017-18')!;
		expect(adults.value).toBe(sum('Total', 'intreatment_allintx'));
		expect(adults.value).toBe(1070); // here the sum of the six rounded cells equals the rounded total
		expect(adults.note).toBe('sum of 6 published counts (sex × age group rows), each rounded to the nearest 5 by NDTMS');
		expect(pick(figures, 'new_presentations', 'alcohol', '2017-18')!.value).toBe(sum('Alcohol only', 'newpresentation_newtx'));
		expect(pick(figures, 'numbers_in_treatment', 'non_opiate', '2017-18')!).toMatchObject({
			value: sum('Non-opiate only', 'intreatment_allintx') + sum('Non-opiate & alcohol', 'intreatment_allintx'),
			note: 'sum of 12 published counts (sex × age group rows of Non-opiate only and Non-opiate & alcohol), each rounded to the nearest 5 by NDTMS'
		});
	});

	test('NULL is missing, never 0, and a sum with a missing cell is missing', async () => {
		const lines = only((r) => r.ReportingPeriod === '2017/18' && r.sex === 'Total' && r.age_group === 'Total')
			.trim()
			.split('\n');
		const col = header.split(',').indexOf('newpresentation_newtx');
		const blank = (line: string) =>
			line
				.split(',')
				.map((v, i) => (i === col ? 'NULL' : v))
				.join(',');
		// Opiate's and Non-opiate only's new presentations unknown.
		const edited = lines.map((l) => (/,Total,Total,(Opiate|Non-opiate only),/.test(l) ? blank(l) : l));
		const { figures } = await load('viewit-null.csv', edited.join('\n') + '\n');
		expect(pick(figures, 'new_presentations', 'opiate', '2017-18')).toMatchObject({
			value: null,
			note: 'not published (NULL in the download)'
		});
		expect(pick(figures, 'new_presentations', 'non_opiate', '2017-18')).toMatchObject({ value: null });
		expect(pick(figures, 'new_presentations', 'adults', '2017-18')!.value).toBe(505);
		expect(pick(figures, 'numbers_in_treatment', 'opiate', '2017-18')!.value).toBe(540);
	});

	test("the England download's layout (…_Data columns, drug groups in other words and cases): exact counts, not called rounded", async () => {
		const england = [
			'ReportingPeriod_Data,Area_Data,DrugGroup_Data,Gender_Data,AgeGroup_Data,Num_InTreatment_AllInTx,Eth_White_AllInTx',
			// The real file's 2009/10 Total/Total rows (reference/ndtms-viewit/viewit-england-numbers-in-treatment-by-ethnicity-…).
			...englandRows()
		].join('\n');
		const { report, figures } = await load('viewit-england.csv', england + '\n');
		expect(report.kind).toBe('viewit');
		expect(report.areas).toEqual(['E92000001']);
		expect(report.ignoredColumns).toEqual(['Eth_White_AllInTx']);
		const adults = pick(figures, 'numbers_in_treatment', 'adults', '2009-10')!;
		expect(adults.value).toBe(311668);
		expect(adults.note).toBeNull();
		expect(adults.source).toBe('NDTMS ViewIt adult download: numbers in treatment (intreatment_allintx)');
		const [, opiate, nonOnly, alcohol, both] = englandRows().map((l) => Number(l.split(',')[5]));
		expect(pick(figures, 'numbers_in_treatment', 'opiate', '2009-10')!.value).toBe(opiate);
		expect(pick(figures, 'numbers_in_treatment', 'non_opiate', '2009-10')).toMatchObject({
			value: nonOnly + both,
			note: 'sum of 2 published counts (Non-opiate only + Non-opiate & alcohol)'
		});
		expect(pick(figures, 'numbers_in_treatment', 'alcohol', '2009-10')!.value).toBe(alcohol);
	});

	test('area names: spellings, a county that became the CDP, a name that changed meaning, and an unknown name', async () => {
		const row = rows.find(
			(r) => r.ReportingPeriod === '2017/18' && r.sex === 'Total' && r.age_group === 'Total' && r.drug_group === 'Total'
		)!;
		const as = (area: string, period = '2017/18') =>
			Object.values({ ...row, Area: area, ReportingPeriod: period })
				.map((v) => (v.includes(',') ? `"${v}"` : v))
				.join(',');
		const { report } = await load(
			'viewit-names.csv',
			[
				header,
				as('Kingston upon Hull'),
				as('HULL', '2016/17'),
				as('St Helens'),
				as('Bristol'),
				as('Durham'),
				as('Stockton'),
				as('Herefordshire'),
				as('Bath & North East Somerset'),
				as('Northamptonshire'),
				as('Dorset', '2016/17'),
				as('Dorset', '2019/20'),
				as('Barsetshire')
			].join('\n') + '\n'
		);
		expect(report.areas).toEqual([
			'E06000004',
			'E06000010',
			'E06000019',
			'E06000022',
			'E06000023',
			'E06000047',
			'E06000059',
			'E08000013',
			'E10000009',
			'northamptonshire'
		]);
		expect(report.rowsLoaded).toBe(11);
		expect(report.rejects).toEqual([
			{ line: 13, problem: 'area "Barsetshire" is not a known English local authority name (data/la-names.csv)' }
		]);
	});
});

describe('the names lookup (data/la-names.csv)', () => {
	test('loads into DuckDB: every English local authority, one code per name at any date', async () => {
		const [counts] = await db.query<Record<string, number>>(
			`SELECT count(DISTINCT code) AS codes, count(*) FILTER (WHERE area_type = 'county') AS counties, count(DISTINCT code) FILTER (WHERE area_type = 'region') AS regions FROM la_names`
		);
		expect(counts).toEqual({ codes: 349, counties: 24, regions: 9 });
		const clashes = await db.query(
			`SELECT a.name_key FROM la_names a JOIN la_names b ON a.name_key = b.name_key AND a.code < b.code
			WHERE coalesce(a.valid_from, DATE '1900-01-01') <= coalesce(b.valid_to, DATE '2999-12-31')
				AND coalesce(b.valid_from, DATE '1900-01-01') <= coalesce(a.valid_to, DATE '2999-12-31')`
		);
		expect(clashes).toEqual([]);
	});

	test('maps every area name of the reference ViewIt files and of PHE’s upper-tier file', async () => {
		const names = new Set<string>();
		for (const f of [
			'viewit-adult-barnet-2009-10-to-2017-18.csv',
			'viewit-england-numbers-in-treatment-by-ethnicity-2009-10-to-2021-22.csv'
		])
			for (const r of cellsOf(readFileSync(path.join(FIXTURE_DIR, f), 'utf8'))) names.add(r.Area ?? r.Area_Data);
		const utla = readFileSync(path.join(FIXTURE_DIR, 'alcohol-dependent-adults-by-utla.csv'), 'utf8');
		for (const m of utla.matchAll(/^[^,\n]*,("[^"]*"|[^,\n]*),/gm)) if (m[1] !== 'Local_Authority') names.add(m[1].replace(/"/g, ''));
		const list = [...names];
		const unmapped = await db.query(
			`SELECT n FROM (VALUES ${list.map(() => '(?)').join(', ')}) t(n) WHERE la_name_key(n) NOT IN (SELECT name_key FROM la_names)`,
			list
		);
		expect(unmapped).toEqual([]);
		expect(names.size).toBeGreaterThan(150);
	});

	test('the whole Barnet file loads: 540 rows, 9 financial years', async () => {
		const { report, figures } = await load(
			'viewit-barnet.csv',
			readFileSync(path.join(FIXTURE_DIR, 'viewit-adult-barnet-2009-10-to-2017-18.csv'))
		);
		expect([report.rowsLoaded, report.rowsRejected, report.warnings.length]).toEqual([540, 0, 0]);
		expect(figures.filter((f) => f.metric === 'numbers_in_treatment' && f.cohort === 'adults').map((f) => f.value)).toEqual([
			1105, 1110, 1065, 1315, 1435, 1325, 1215, 1025, 1070
		]);
	});
});

/** The England file's 2009/10 rows for all persons and ages, copied from reference/ndtms-viewit (the file's own case). */
function englandRows(): string[] {
	return [
		'2009/10,England,Total,Total,Total,311668,272788',
		'2009/10,England,opiates,Total,Total,170032,147714',
		'2009/10,England,non-opiates only,Total,Total,24557,19898',
		'2009/10,England,alcohol only,Total,Total,88087,80303',
		'2009/10,England,alcohol & non-opiates,Total,Total,28992,24873'
	];
}
