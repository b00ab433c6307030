// The embedded ONS deaths (data/ons-drug-deaths-2021.csv) against the workbook's own cells, read here by position
// from trimmed copies of its rows (tests/fixtures/ons-2021/, made by `node scripts/build-real-data.js --fixtures`),
// so CI checks them without the reference folder; where the folder exists, a rebuild of every embedded real-data
// file must be byte-identical to what is committed.
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmptyDb } from '../../src/lib/data/node-defaults';
import { ingestFile } from '../../src/lib/data/ingest';
import { computeModel, type Model } from '../../src/lib/metrics/model';
import { crudeRates, rateSeries } from '../../src/lib/metrics/deaths';
import { misuseRate } from '../../src/lib/measures/deaths/rates';
import { sharedCtx } from '../../src/lib/measures/registry';
import type { Db } from '../../src/lib/data/db';
import {
	build,
	cleanNumber,
	NO_RATE_NOTE,
	OUTPUTS,
	parseCsv,
	readRates,
	REFERENCE_DIR,
	UNRELIABLE_NOTE
} from '../../scripts/build-real-data.js';

const FIXTURES = 'tests/fixtures/ons-2021';
const table = (n: number) => parseCsv(readFileSync(`${FIXTURES}/2021localauthorities__Table_${n}.csv`, 'utf8'));
const embedded = parseCsv(readFileSync(`data/${OUTPUTS.deaths}`, 'utf8')).filter((r) => r.length > 1);
const [header, ...records] = embedded;
const rows = records.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
const find = (area: string, metric: string, period: string) =>
	rows.filter((r) => r.area_code === area && r.metric === metric && r.period === period);

const FOUR = [
	['E08000018', 'Rotherham'],
	['E06000035', 'Medway'],
	['E06000033', 'Southend-on-Sea'],
	['E06000061', 'North Northamptonshire'],
	['E06000062', 'West Northamptonshire']
];
const workbookRow = (rowsOf: string[][], code: string) => rowsOf.find((r) => r[0] === code)!;

describe('annual counts (Tables 1 and 2): every year 1993–2021 for the four partnerships', () => {
	it.each([
		[1, 'drug_poisoning_deaths'],
		[2, 'drug_misuse_deaths']
	])('Table %i → %s', (n, metric) => {
		const t = table(n);
		const head = t.find((r) => r[1] === 'Area Names')!;
		for (const [code, name] of FOUR) {
			const r = workbookRow(t, code);
			expect(r.slice(1, 4).join('').trim()).toBe(name);
			// Columns E onwards: 2021, 2020, … 1993, as the header says.
			for (let i = 4; i < head.length; i++) {
				const got = find(code, metric, head[i]);
				expect(got, `${code} ${head[i]}`).toHaveLength(1);
				expect(got[0].value).toBe(r[i]);
				expect(got[0].source).toBe(
					`ONS, Deaths related to drug poisoning by local authority, England and Wales, 2021 registrations, Table ${n}`
				);
			}
		}
	});

	it('holds the figures a board knows: Rotherham 9 misuse and 23 poisoning deaths in 2021, England 2,846 and 4,532', () => {
		expect(find('E08000018', 'drug_misuse_deaths', '2021')[0].value).toBe('9');
		expect(find('E08000018', 'drug_poisoning_deaths', '2021')[0].value).toBe('23');
		expect(find('E92000001', 'drug_misuse_deaths', '2021')[0].value).toBe('2846');
		expect(find('E92000001', 'drug_poisoning_deaths', '2021')[0].value).toBe('4532');
	});
});

describe('3-year age-standardised rates (Tables 3 and 6)', () => {
	it.each([
		[3, 'drug_poisoning_deaths_rate'],
		[6, 'drug_misuse_deaths_rate']
	])('Table %i → %s: deaths, rate, U flag and both limits for every period', (n, metric) => {
		const t = table(n);
		const head = t.find((r) => r[1] === 'Area Names')!;
		const periods = head.flatMap((h, i) => (/^\d{4}–\d{2}$/.test(h) ? [{ label: h, i }] : []));
		expect(periods).toHaveLength(19);
		for (const [code] of FOUR) {
			const r = workbookRow(t, code);
			for (const { label, i } of periods) {
				const [got] = find(code, metric, label.replace('–', ' - '));
				expect(got, `${code} ${label}`).toBeDefined();
				expect(got.numerator).toBe(r[i]);
				// The cell as the spreadsheet stored it (5.0999999999999996), written as the number it stands for.
				for (const [k, j] of [
					['value', 1],
					['lower_ci', 3],
					['upper_ci', 4]
				] as const) {
					expect(Number(got[k]), `${code} ${label} ${k}`).toBeCloseTo(Number(r[i + j]), 9);
					expect(got[k]).toBe(String(Math.round(Number(r[i + j]) * 10) / 10));
				}
				expect(got.note).toBe(r[i + 2] === 'U' ? UNRELIABLE_NOTE : '');
			}
		}
	});

	it('Rotherham 2019–21: misuse 6.7 (4.9 to 8.8) from 48 deaths; the float artefact 4.9000000000000004 is written 4.9', () => {
		expect(workbookRow(table(6), 'E08000018').slice(4, 9)).toEqual(['48', '6.7', '', '4.9000000000000004', '8.8000000000000007']);
		const [r] = find('E08000018', 'drug_misuse_deaths_rate', '2019 - 21');
		expect([r.value, r.numerator, r.lower_ci, r.upper_ci, r.unit]).toEqual(['6.7', '48', '4.9', '8.8', 'rate_per_100k']);
	});

	it('no Northamptonshire CDP rate: ONS publishes none and rates are never summed', () => {
		expect(rows.some((r) => r.area_code === 'northamptonshire')).toBe(false);
	});

	it('":" (no rate from fewer than 10 deaths) stays blank with a note, never 0', () => {
		// A table of the workbook's shape where every period of every area is ":" from 7 deaths.
		const periods = Array.from({ length: 19 }, (_, k) => `${2019 - k}–${String(21 - k).padStart(2, '0')}`);
		const head = ['Area Codes', 'Area Names', '', '', ...periods.flatMap((p) => [p, '', '', '', '', ''])];
		const sub = [
			'',
			'',
			'',
			'',
			...periods.flatMap(() => ['Deaths', 'Rate 1', '', 'Lower Confidence Limit 2', 'Upper Confidence Limit 2', ''])
		];
		const codes = ['E92000001', 'E12000003', 'E12000004', 'E12000006', 'E12000008', ...FOUR.map(([c]) => c)];
		const body = codes.map((c) => [c, '', 'Somewhere', '', ...periods.flatMap(() => ['7', ':', '', ':', ':', ''])]);
		const out = readRates([head, sub, ...body], { table: 6, metric: 'drug_misuse_deaths_rate' });
		expect(out).toHaveLength(codes.length * 19);
		for (const r of out) expect(r).toMatchObject({ value: null, numerator: 7, lower_ci: null, upper_ci: null, note: NO_RATE_NOTE });
	});

	it('cleanNumber: float artefacts, blanks and markers', () => {
		expect([cleanNumber('5.0999999999999996'), cleanNumber('10.199999999999999'), cleanNumber('2,846')]).toEqual([5.1, 10.2, 2846]);
		expect([cleanNumber(''), cleanNumber(':'), cleanNumber('U')]).toEqual([null, null, null]);
	});
});

// The build script checked against its sources: they are not in the repository (8 MB), so this runs only on a
// machine that has the reference folder (REFERENCE_DIR); the committed fixtures above are checked everywhere.
if (existsSync(`${REFERENCE_DIR}/ons-deaths-2021`))
	describe('rebuilt from the reference folder', () => {
		it('every embedded real-data file is byte-identical to a fresh build', () => {
			for (const [name, text] of Object.entries(build())) expect(text, name).toBe(readFileSync(`data/${name}`, 'utf8'));
		});
		it('the committed fixtures are the workbook rows, byte for byte', () => {
			for (const n of [1, 2, 3, 6]) {
				const name = `2021localauthorities__Table_${n}.csv`;
				const full = readFileSync(`${REFERENCE_DIR}/ons-deaths-2021/${name}`, 'utf8').split(/\r?\n/);
				for (const line of readFileSync(`${FIXTURES}/${name}`, 'utf8').trimEnd().split('\n')) expect(full).toContain(line);
			}
		});
	});

describe('the other embedded reference files', () => {
	const [h, ...b] = parseCsv(readFileSync(`data/${OUTPUTS.reference}`, 'utf8')).filter((r) => r.length > 1);
	const reference = b.map((r) => Object.fromEntries(h.map((k, i) => [k, r[i]])));
	const csv = (...metrics: string[]) => reference.filter((r) => metrics.includes(r.metric));
	it('populations: England mid-2020 is the sum of its districts, 56,550,138 (ONS); adults 18+ beside it', () => {
		const p = csv('population_all_ages', 'population_18plus');
		const get = (area: string, metric: string, year: string) =>
			p.find((r) => r.area_code === area && r.metric === metric && r.period === year)?.value;
		expect(get('E92000001', 'population_all_ages', '2020')).toBe('56550138');
		expect(get('E92000001', 'population_all_ages', '2019')).toBe('56286961');
		expect(Number(get('E08000018', 'population_18plus', '2020'))).toBeLessThan(Number(get('E08000018', 'population_all_ages', '2020')));
		expect(p.every((r) => r.source.startsWith('ONS mid-year population estimates (Nomis)'))).toBe(true);
	});
	it('England in treatment (ViewIt): 2021-22 adults 289,215 = opiate 140,558 + non-opiate 63,960 + alcohol 84,697', () => {
		const t = csv('numbers_in_treatment').filter((r) => r.period === '2021/22');
		const v = Object.fromEntries(t.map((r) => [r.cohort, Number(r.value)]));
		expect(v).toEqual({ adults: 289215, opiate: 140558, non_opiate: 29582 + 34378, alcohol: 84697 });
	});
	it('alcohol-dependent adults 2017/18 with limits; Northamptonshire county is the CDP', () => {
		const a = csv('alcohol_dependent_adults').filter((r) => r.period === '2017/18');
		expect(a.map((r) => [r.area_code, r.value, r.lower_ci, r.upper_ci])).toEqual([
			['E06000033', '2026', '1672', '2588'],
			['E06000035', '2920', '2313', '3849'],
			['E08000018', '3444', '2796', '4356'],
			['E92000001', '586780', '485444', '742305'],
			['northamptonshire', '6603', '5195', '8786']
		]);
	});
});

describe('in the model: ONS rates embedded, a loaded Fingertips export replaces them', () => {
	let db: Db;
	let before: Model;
	let after: Model;
	const load = (fileId: number, path: string, embedded = false) =>
		ingestFile(db, { fileId, name: path.split('/').pop()!, data: new Uint8Array(readFileSync(path)), embedded });
	beforeAll(async () => {
		db = await openEmptyDb();
		await load(2, `data/${OUTPUTS.deaths}`, true);
		await load(3, `data/${OUTPUTS.reference}`, true);
		before = await computeModel(db.query);
		await load(100, 'tests/fixtures/fingertips-drug-misuse-deaths.csv');
		after = await computeModel(db.query);
	});
	afterAll(async () => db?.close());

	it('embedded: 19 ONS periods for Rotherham, England beside, compared as Fingertips does', () => {
		const r = rateSeries(before, 'E08000018', 'drug_misuse_deaths_rate');
		expect(r.points).toHaveLength(19);
		expect(r.points.at(-1)).toMatchObject({
			period: '2019 to 2021',
			local: 6.7,
			localLower: 4.9,
			localUpper: 8.8,
			england: 5.1,
			count: 48
		});
		expect(r.points.at(-1)!.comparison).toBe('similar');
		expect(r.points[0]).toMatchObject({
			period: '2001 to 2003',
			local: 2,
			count: 15,
			flag: 'U: from fewer than 20 deaths, so unreliable (ONS rule)'
		});
		const m = misuseRate.build(sharedCtx({ model: before, area: 'E08000018' }))!;
		expect(m.sentences[0]).toBe(
			"In 2019 to 2021 the rate for Rotherham was 6.7 per 100,000 (95% CI 4.9 to 8.8) against England's 5.1: similar to England (England’s value against the local 95% interval)."
		);
		expect(m.sources).toEqual(['ONS, Deaths related to drug poisoning by local authority, England and Wales, 2021 registrations, Table 6']);
	});

	it('a loaded export replaces the series whole for the areas it covers (two releases are never joined)', () => {
		const r = rateSeries(after, 'E08000018', 'drug_misuse_deaths_rate');
		expect(r.points.map((p) => [p.period, p.local, p.england])).toEqual([
			['2017 to 2019', 9.1, 5.0],
			['2018 to 2020', 9.2, 5.5],
			['2019 to 2021', 9.3, 6.0]
		]);
		expect(r.sources).toEqual(['Fingertips indicator 92432: Deaths from drug misuse (TEST FIXTURE: invented values, not real)']);
	});

	it('Northamptonshire: no CDP rate; the councils side by side, and a crude rate from summed deaths and populations', () => {
		const m = misuseRate.build(sharedCtx({ model: before, area: 'northamptonshire' }))!;
		expect(m.chart.kind === 'line' && m.chart.series.map((s) => s.label)).toEqual([
			'North Northamptonshire',
			'West Northamptonshire',
			'England'
		]);
		expect(m.sentences[0]).toMatch(/^No rate is published for .* as a whole, and the councils' rates cannot be added/);
		const c = crudeRates(before, 'northamptonshire', 'drug_misuse_deaths_rate').points;
		const p = c.find((x) => x.period === '2018 to 2020')!;
		expect(p.deaths).toBe(42 + 33);
		const pop = (y: string) =>
			['E06000061', 'E06000062'].reduce(
				(t, a) => t + (before.figures.find((f) => f.area === a && f.metric === 'population_all_ages' && f.period === y)?.value ?? NaN),
				0
			);
		expect(p.personYears).toBe(pop('2018') + pop('2019') + pop('2020'));
		expect(p.rate).toBeCloseTo((75 / p.personYears!) * 100000, 10);
		expect(c.at(-1)).toMatchObject({ period: '2019 to 2021', rate: null, note: 'no mid-2021 population estimate in the data' });
	});
});
