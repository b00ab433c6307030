/**
 * Unmet need for opiate and crack treatment through the real ingest: the synthetic journeys, a made-up Fingertips
 * export of indicator 93517 (a rate per 1,000 with the number of users as its Count; Rotherham, the former
 * Northamptonshire county, England) and a made-up figures file (Medway's estimate as a count, and one year of
 * published numbers in treatment). Every estimate in the fixtures is invented and labelled as a test fixture.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDefaultDb } from '../../src/lib/data/node-defaults';
import { ingestFile, type ValidationReport } from '../../src/lib/data/ingest';
import { yearComplete } from '../../src/lib/data/periods';
import { computeModel, type Model } from '../../src/lib/metrics/model';
import { loadedIndicators } from '../../src/lib/metrics/indicators';
import { frameworkRows, outcomesFramework } from '../../src/lib/metrics/outcomes-framework';
import { bySection, forPage, sharedCtx } from '../../src/lib/measures/registry';
import unmetNeedOcu from '../../src/lib/measures/outcomes/unmet-need-ocu';
import type { Db } from '../../src/lib/data/db';

const ROTHERHAM = 'E08000018';
const MEDWAY = 'E06000035';
let db: Db;
let model: Model;
let reports: ValidationReport[];
const load = (fileId: number, name: string) =>
	ingestFile(db, { fileId, name, data: new Uint8Array(readFileSync(`tests/fixtures/ocu/${name}`)) });

beforeAll(async () => {
	({ db } = await openDefaultDb(['synthetic-journeys.csv']));
	reports = [await load(100, 'fingertips-93517.csv'), await load(101, 'ocu-figures.csv')];
	model = await computeModel(db.query);
});
afterAll(async () => db?.close());

const build = (area: string) => unmetNeedOcu.build(sharedCtx({ model, area }));
/** fmtPct's form: an integer bare, anything else (66.000…01 too) to one decimal. */
const pct = (x: number) => (Number.isInteger(x) ? `${x}%` : `${x.toFixed(1)}%`);
const unmet = (n: number, d: number) => pct(Math.max(0, 1 - n / d) * 100);
/** People in treatment for opiates or crack from the records: the opiate group and crack without opiates. */
const recordsOcu = (area: string, fy: number) =>
	['opiate', 'crack_only'].reduce((s, g) => s + model.yearly.find((r) => r.area === area && r.group === g && r.fy === fy)!.in_treatment, 0);
const wholeYears = (area: string, from: number) =>
	[...new Set(model.yearly.filter((r) => r.area === area && r.fy >= from && yearComplete(r.fy, model.dataDate)).map((r) => r.fy))].sort();
const label = (fy: number) => `${fy}-${String((fy + 1) % 100).padStart(2, '0')}`;

describe('the estimate loads from either format', () => {
	it('reads every row of both files', () => {
		expect(reports.map((r) => [r.kind, r.rowsLoaded, r.rowsRejected])).toEqual([
			['fingertips', 6, 0],
			['figures', 3, 0]
		]);
	});

	it('maps Fingertips 93517 to ocu_prevalence, as a rate with its count, not to the other indicators page', () => {
		const row = model.figures.find(
			(f) => f.metric === 'ocu_prevalence' && f.area === ROTHERHAM && f.period === '2019-20' && f.sex === 'Persons'
		);
		expect(row).toMatchObject({ value: 12, numerator: 3000, lower_ci: 10, upper_ci: 15, unit: 'rate_per_1000' });
		expect(loadedIndicators(model).map((i) => i.id)).not.toContain('93517');
	});
});

describe('unmet need for opiate and crack treatment from loaded files', () => {
	it('Rotherham: the Fingertips count (3,000) and its limits scaled from the rate (10 and 15 per 1,000 → 2,500 and 3,750)', () => {
		const m = build(ROTHERHAM)!;
		const years = wholeYears(ROTHERHAM, 2019);
		expect(years.length).toBeGreaterThan(1);
		expect(m.table.caption).toBe('Rotherham: opiate and/or crack cocaine users not in treatment, against the 2019-20 estimate of 3,000');
		expect(m.table.rows).toEqual(
			years.map((fy) => {
				const n = recordsOcu(ROTHERHAM, fy);
				return { year: label(fy), n: n.toLocaleString('en-GB'), unmet: unmet(n, 3000), range: `${unmet(n, 2500)} to ${unmet(n, 3750)}` };
			})
		);
		expect(m.synthetic).toBe(true);
		expect(m.sentences[0]).toMatch(
			/^Illustrative data: In \d{4}-\d{2}, [\d,]+ adults were in treatment for opiates or crack in Rotherham against an estimated 3,000 opiate and\/or crack cocaine users \(2019-20 estimate\)/
		);
		expect(m.sources).toEqual([
			'Fingertips indicator 93517: Estimated prevalence of opiate and/or crack cocaine use (TEST FIXTURE: invented values, not real)',
			'synthetic-journeys.csv (record level)'
		]);
	});

	it('Medway: the figures file’s count, and its published year before the records', () => {
		const m = build(MEDWAY)!;
		const rows = m.table.rows;
		expect(rows.map((r) => r.year)).toEqual(wholeYears(MEDWAY, 2019).map(label));
		expect(rows.find((r) => r.year === '2022-23')).toEqual({ year: '2022-23', n: '500', unmet: '75%', range: '68.8% to 80%' });
		const n = recordsOcu(MEDWAY, 2021);
		expect(rows.find((r) => r.year === '2021-22')).toEqual({
			year: '2021-22',
			n: n.toLocaleString('en-GB'),
			unmet: unmet(n, 2000),
			range: `${unmet(n, 1600)} to ${unmet(n, 2500)}`
		});
		expect(m.sources).toContain('Test fixture: invented values not real');
	});

	it('Northamptonshire: the former county’s estimate, named; either council alone has none', () => {
		const m = build('northamptonshire')!;
		expect(m.table.caption).toBe(
			'Northamptonshire: opiate and/or crack cocaine users not in treatment, against the 2019-20 estimate of 4,000 (given for Northamptonshire (former county), the same area)'
		);
		const n = recordsOcu('northamptonshire', 2019);
		expect(m.table.rows[0]).toEqual({
			year: '2019-20',
			n: n.toLocaleString('en-GB'),
			unmet: unmet(n, 4000),
			range: `${unmet(n, 3200)} to ${unmet(n, 5000)}`
		});
		expect(build('E06000061')).toBeNull();
	});

	it('is on the Outcomes page and in the report, not on the board', () => {
		expect(forPage('outcomes', model).map((s) => s.id)).toContain('unmet-need-ocu');
		expect((bySection({ model, area: ROTHERHAM }).get('recovery') ?? []).map((m) => m.key)).toContain('unmet-need-ocu');
		expect(unmetNeedOcu.slide).toBeUndefined();
	});
});

describe('the outcomes framework', () => {
	const row = (area: string, id: string) => frameworkRows(outcomesFramework(model, area, true)).find((r) => r.id === id);

	it('shows the estimate as the prevalence row, linked to unmet need, and unmet need under engagement', () => {
		expect(row(ROTHERHAM, 'prevalence')).toMatchObject({
			value: '3,000 users (2,500 to 3,750)',
			period: '2019-20',
			direction: 'increasing',
			href: `/outcomes#fig-unmet-need-ocu-${ROTHERHAM}`,
			needs: null
		});
		const last = build(ROTHERHAM)!.table.rows.at(-1)!;
		expect(row(ROTHERHAM, 'unmet-need-ocu')).toMatchObject({
			value: `${last.unmet} (${last.range})`,
			period: last.year,
			illustrative: true,
			href: `/outcomes#fig-unmet-need-ocu-${ROTHERHAM}`
		});
		const engagement = outcomesFramework(model, ROTHERHAM, true).find((g) => g.id === 'engagement')!;
		expect(engagement.rows.map((r) => r.id)).toContain('unmet-need-ocu');
	});

	it('names the files that would show it where no estimate is loaded', () => {
		expect(row('E06000061', 'prevalence')).toMatchObject({
			value: null,
			needs: expect.stringContaining('Fingertips export of indicator 93517')
		});
		expect(row('E06000061', 'prevalence')!.needs).toContain('a figures file with metric ocu_prevalence');
		expect(row('E06000061', 'unmet-need-ocu')).toBeUndefined();
	});
});
