// The embedded default data, loaded through the real loaders into DuckDB (the same engine as the browser),
// checked against the seed documents' figures and against independent counts of the synthetic records.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { openDefaultDb } from '../../src/lib/data/node-defaults';
import { computeModel, type Model } from '../../src/lib/metrics/model';
import { trajectory } from '../../src/lib/metrics/treatment';
import { continuity } from '../../src/lib/metrics/continuity';
import { countSeries } from '../../src/lib/metrics/deaths';
import { rehab } from '../../src/lib/metrics/rehab';
import { seedExpectations } from '../fixtures/seed-expectations';
import type { Db } from '../../src/lib/data/db';
import type { ValidationReport } from '../../src/lib/data/ingest';

let db: Db;
let reports: ValidationReport[];
let model: Model;

beforeAll(async () => {
	({ db, reports } = await openDefaultDb());
	model = await computeModel(db.query);
});
afterAll(async () => db?.close());

describe('embedded files load cleanly', () => {
	it.each([
		['seed-figures.csv', 'figures', false],
		['ons-drug-deaths-2021.csv', 'figures', false],
		['reference-figures.csv', 'figures', false],
		['synthetic-journeys.csv', 'journeys', true],
		['synthetic-prison-releases.csv', 'releases', true]
	])('%s is a %s file, synthetic: %s, with no rejected rows', (name, kind, synthetic) => {
		const r = reports.find((x) => x.fileName === name)!;
		expect(r.kind).toBe(kind);
		expect(r.synthetic).toBe(synthetic);
		expect(r.rowsRejected).toBe(0);
		expect(r.rowsLoaded).toBeGreaterThan(100);
		expect(r.warningCount).toBe(0);
	});
});

describe('every seed figure is in the canonical figures table', () => {
	it.each(
		seedExpectations.map(
			(e) => [`${e.seed} ${e.area_code} ${e.metric} ${e.cohort ?? ''} ${e.category ?? ''} ${e.period} ${e.kind} = ${e.value}`, e] as const
		)
	)('%s', async (_, e) => {
		const rows = await db.query<{ n: number }>(
			`SELECT count(*) AS n FROM figures f JOIN files USING (file_id)
			WHERE file_name = 'seed-figures.csv' AND area_code = ? AND metric = ? AND cohort IS NOT DISTINCT FROM ? AND category IS NOT DISTINCT FROM ?
				AND period_raw = ? AND f.kind = ? AND value = ? AND f.source LIKE ?`,
			[e.area_code, e.metric, e.cohort, e.category, e.period, e.kind, e.value, `%(seed ${e.seed})%`]
		);
		expect(rows[0].n).toBe(1);
	});
});

describe('ONS drug poisoning deaths: the 2021 workbook agrees with the 1993–2020 extract embedded before it', () => {
	// The earlier extract (shared/reference/ons_drug_poisoning_deaths_registered_by_la_1993_2020.csv) gave these;
	// cell-by-cell checks against the 2021 workbook are in ons-deaths-2021.test.ts.
	it.each([
		['E92000001', 2020, 4312],
		['E92000001', 2016, 3450],
		['E08000018', 2020, 26],
		['E08000018', 2019, 33],
		['E06000035', 2018, 27],
		['E06000033', 2020, 21],
		['E06000061', 2016, 24],
		['E06000062', 2017, 35],
		['E06000035', 1993, 11]
	])('%s %i: %i deaths', (area, year, value) => {
		const p = countSeries(model, area, 'drug_poisoning_deaths').points.find((x) => x.year === year);
		expect(p?.value).toBe(value);
	});
	it('sums North and West Northamptonshire for the CDP (counts only)', () => {
		const s = countSeries(model, 'northamptonshire', 'drug_poisoning_deaths');
		expect(s.derived).toBe(true);
		expect(s.points.find((p) => p.year === 2020)?.value).toBe(18 + 10);
		expect(s.points.find((p) => p.year === 2017)?.value).toBe(14 + 35);
		// 2015–17 matches the Northampton Chronicle's 130 (data-formats.md §4.1)
		const sum = [2015, 2016, 2017].reduce((t, y) => t + (s.points.find((p) => p.year === y)?.value ?? 0), 0);
		expect(sum).toBe(130);
	});
});

describe('trajectories', () => {
	it('Rotherham adults: guide targets 2019 / 2154 / 2397 and local plan 2050 / 2178 / 2415', () => {
		const t = trajectory(model, 'E08000018', 'adults', true);
		const by = (fy: number) => t.rows.find((r) => r.fy === fy)!;
		expect([2022, 2023, 2024].map((y) => by(y).guide)).toEqual([2019, 2154, 2397]);
		expect([2022, 2023, 2024].map((y) => by(y).plan)).toEqual([2050, 2178, 2415]);
		expect(by(2021).guide).toBe(1957);
		expect(by(2021).baseline).toBe(1957);
	});
	it.each([
		['opiate', 1088, [1113, 1173, 1274]],
		['non_opiate', 330, [341, 378, 421]],
		['alcohol', 539, [565, 603, 702]],
		['young_people', 34, [39, 47, 59]]
	])('Rotherham %s: baseline %i plus the guide places', (cohort, baseline, targets) => {
		const t = trajectory(model, 'E08000018', cohort, true);
		expect(t.rows.find((r) => r.fy === 2021)?.baseline).toBe(baseline);
		expect([2022, 2023, 2024].map((y) => t.rows.find((r) => r.fy === y)?.guide)).toEqual(targets);
	});
	it('gap = actual − guide target, and status follows the rule', () => {
		const t = trajectory(model, 'E08000018', 'adults', true);
		for (const r of t.rows.filter((x) => x.gap != null)) {
			expect(r.gap).toBe((r.actual.value as number) - (r.guide as number));
			// Judged against the planned increase from the 2021-22 baseline of 1,957 (the seed's figure).
			const actual = r.actual.value as number;
			const guide = r.guide as number;
			const share = guide > 1957 ? (actual - 1957) / (guide - 1957) : 0;
			expect(r.status).toBe(actual >= guide ? 'on_track' : actual < 1957 || share < 0.75 ? 'off_track' : 'at_risk');
		}
	});
	it('Medway 2023-24 shows the published 1,190 beside the records', () => {
		const t = trajectory(model, 'E06000035', 'adults', true);
		expect(t.rows.find((r) => r.fy === 2023)?.reported).toBe(1190);
		expect(t.hasPlan).toBe(false);
	});
	it('the year holding the data date is marked partial, with no status', () => {
		const t = trajectory(model, 'E08000018', 'adults', true);
		const last = t.rows.at(-1)!;
		expect(model.dataDate).toBe('2024-09-30');
		expect(last.partial).toBe(true);
		expect(last.status).toBe('no_target');
	});
});

describe('continuity of care and rehab', () => {
	it.each([
		['E06000033', 2021, 29, 37],
		['E08000018', 2021, 25, 37],
		['E06000035', 2023, 50, 49]
	])('%s %i: published %i%% against England %i%%', (area, fy, local, england) => {
		const row = continuity(model, area, true).rows.find((r) => r.fy === fy)!;
		expect(row.reported).toBe(local);
		expect(row.england).toBe(england);
	});
	it('Rotherham local plan 40 / 60 / 75%', () => {
		const c = continuity(model, 'E08000018', true);
		expect([2022, 2023, 2024].map((y) => c.rows.find((r) => r.fy === y)?.plan)).toEqual([40, 60, 75]);
	});
	it('Rotherham rehab: planned 14 / 26 / 38 against the 2% ambition', () => {
		const r = rehab(model, 'E08000018', true);
		expect([2022, 2023, 2024].map((y) => r.rows.find((x) => x.fy === y)?.planned)).toEqual([14, 26, 38]);
		expect(r.ambition).toBe(2);
		expect(r.average?.value).toBe(9);
		expect(r.averagePct?.value).toBe(0.5);
	});
});

describe('record-level counts agree with a brute-force count of the people in the CSV', () => {
	const lines = readFileSync('data/synthetic-journeys.csv', 'utf8').trim().split('\n').slice(1);
	const rows = lines.map((l) => l.split(','));
	// A person is in the best-ranked substance group of their journeys in the window (data/README.md).
	const ORDER = ['opiate_crack', 'opiate_only', 'crack_only', 'non_opiate_alcohol', 'non_opiate_only', 'alcohol_only'];
	const COHORT: Record<string, string[]> = {
		opiate: ['opiate_only', 'opiate_crack'],
		alcohol: ['alcohol_only'],
		non_opiate: ['crack_only', 'non_opiate_only', 'non_opiate_alcohol']
	};
	/** Adults of an area in a group with a journey between from and to (ISO dates), each counted once. */
	const people = (area: string, group: string, from: string, to: string) => {
		const best = new Map<string, number>();
		for (const r of rows)
			if (r[2] === area && Number(r[3]) >= 18 && r[8] <= to && (r[9] === '' || r[9] >= from))
				best.set(r[0], Math.min(best.get(r[0]) ?? 9, ORDER.indexOf(r[5])));
		return [...best.values()].filter((b) => group === 'adults' || COHORT[group].includes(ORDER[b])).length;
	};
	it.each([
		['E08000018', 'adults', 2021],
		['E08000018', 'opiate', 2022],
		['E06000035', 'adults', 2023],
		['E06000035', 'alcohol', 2023],
		['E06000033', 'non_opiate', 2020],
		['E06000062', 'adults', 2019]
	])('%s %s %i', (area, group, fy) => {
		const expected = people(area, group, `${fy}-04-01`, `${fy + 1}-03-31`);
		const got = model.yearly.find((y) => y.area === area && y.group === group && y.fy === fy)?.in_treatment;
		expect(got).toBe(expected);
	});
	it('counts people, not journeys', () => {
		const journeys = rows.filter(
			(r) => r[2] === 'E08000018' && Number(r[3]) >= 18 && r[8] <= '2022-03-31' && (r[9] === '' || r[9] >= '2021-04-01')
		).length;
		const got = model.yearly.find((y) => y.area === 'E08000018' && y.group === 'adults' && y.fy === 2021)!.in_treatment;
		expect(got).toBe(1957); // the seed's 1,957 people
		expect(journeys).toBeGreaterThan(got * 1.025);
	});
	const yearly = (area: string, group: string, fy: number) => model.yearly.find((y) => y.area === area && y.group === group && y.fy === fy);
	it.each([
		['adults', 1957],
		['opiate', 1088],
		['non_opiate', 330],
		['alcohol', 539],
		['young_people', 34]
	])("Rotherham 2021-22 %s: exactly the planning return's %i people", (group, people) => {
		expect(yearly('E08000018', group, 2021)?.in_treatment).toBe(people);
	});
	it.each([
		['adults', 1190],
		['opiate_only', 220],
		['crack_only', 30],
		['opiate_crack', 300],
		['alcohol_only', 400],
		['non_opiate_alcohol', 150],
		['non_opiate_only', 90]
	])("Medway 2023-24 %s: exactly the scrutiny update's %i people", (group, people) => {
		expect(yearly('E06000035', group, 2023)?.in_treatment).toBe(people);
	});
	it("Medway 2023-24: exactly the scrutiny update's 615 new presentations", () => {
		expect(yearly('E06000035', 'adults', 2023)?.new_presentations).toBe(615);
	});
	it('the Northamptonshire CDP is the sum of its two councils', () => {
		for (const fy of [2019, 2021, 2023]) {
			const get = (a: string) => model.yearly.find((y) => y.area === a && y.group === 'adults' && y.fy === fy)!.in_treatment;
			expect(get('northamptonshire')).toBe(get('E06000061') + get('E06000062'));
		}
	});
	it('12 months to each month end', () => {
		const area = 'E06000035';
		for (const month of ['2023-03', '2023-11', '2024-09']) {
			const [y, m] = month.split('-').map(Number);
			const end = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
			const start = new Date(Date.UTC(y, m - 12, 1)).toISOString().slice(0, 10);
			expect(model.monthly.find((x) => x.area === area && x.group === 'adults' && x.month === month)?.in_treatment).toBe(
				people(area, 'adults', start, end)
			);
		}
	});
});
