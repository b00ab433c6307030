// Unmet need: 1 − in treatment ÷ the estimate of people who need it, the estimate's limits carried through.
import { describe, it, expect } from 'vitest';
import unmetNeed from '../../src/lib/measures/outcomes/unmet-need';
import unmetNeedOcu from '../../src/lib/measures/outcomes/unmet-need-ocu';
import type { AreaInfo, FigureRow, Model, YearlyRow } from '../../src/lib/metrics/model';
import { AREAS as REGISTRY } from '../../src/lib/data/areas';

const AREA = 'E08000018';
const figure = (f: Partial<FigureRow>): FigureRow =>
	({
		area: AREA,
		area_name: 'Rotherham',
		cohort: null,
		category: null,
		sex: null,
		age: null,
		kind: 'actual',
		numerator: null,
		denominator: null,
		lower_ci: null,
		upper_ci: null,
		unit: 'count',
		note: null,
		source: 'test',
		compared_to_england: null,
		synthetic: false,
		file: 'test',
		indicator_name: null,
		...f
	}) as FigureRow;
const estimate = (value: number, lower: number | null, upper: number | null, f: Partial<FigureRow> = {}) =>
	figure({
		metric: 'alcohol_dependent_adults',
		period: '2017-18',
		start: '2017-04-01',
		end: '2018-03-31',
		period_kind: 'financial_year',
		value,
		lower_ci: lower,
		upper_ci: upper,
		...f
	});
const inTreatment = (fy: number, value: number) =>
	figure({
		metric: 'numbers_in_treatment',
		cohort: 'alcohol',
		period: `${fy}-${(fy + 1) % 100}`,
		start: `${fy}-04-01`,
		end: `${fy + 1}-03-31`,
		period_kind: 'financial_year',
		value
	});
const model = (figures: FigureRow[]) =>
	({ dataDate: null, areas: [], files: [], figures, yearly: [], monthly: [], continuity: [] }) as unknown as Model;
const build = (figures: FigureRow[]) => unmetNeed.build({ model: model(figures), area: AREA, cohort: 'adults', suppress: true });

describe('unmet need for alcohol treatment', () => {
	it.each([
		// estimate, lower, upper, in treatment → not in treatment, range
		[4000, 3000, 5000, 1000, '75%', '66.7% to 80%'],
		[3444, 2796, 4356, 588, '82.9%', '79.0% to 86.5%'], // Rotherham's estimate (PHE 2017/18) with 588 in treatment
		[1000, null, null, 1000, '0%', '–'], // everyone in treatment; no limits given
		[500, 400, 600, 800, '0%', '0% to 0%'] // more in treatment than estimated: never below zero
	])('estimate %i (%s to %s), %i in treatment → %s, %s', (est, lower, upper, n, unmet, range) => {
		const m = build([estimate(est, lower, upper), inTreatment(2022, n)])!;
		expect(m.table.rows).toEqual([{ year: '2022-23', n: n.toLocaleString('en-GB'), unmet, range }]);
		expect(m.synthetic).toBe(false);
	});

	it('shows nothing without an estimate, or without anyone counted', () => {
		expect(build([inTreatment(2022, 100)])).toBeNull();
		expect(build([estimate(1000, 900, 1100)])).toBeNull();
	});
});

const AREAS: AreaInfo[] = REGISTRY.map((a) => ({ ...a, has_records: true }));

// Opiate and crack users: opiate (with or without crack) + crack without opiates, against an estimate of users.
// Every number below is invented for the test.
const year = (group: string, fy: number, n: number, area = AREA): YearlyRow => ({
	area,
	group,
	fy,
	in_treatment: n,
	new_presentations: 0,
	deaths_in_treatment: 0,
	rehab_starts: 0,
	synthetic: true
});
const records = (fy: number, groups: Record<string, number>, area = AREA) => Object.entries(groups).map(([g, n]) => year(g, fy, n, area));
const ocuEstimate = (value: number, lower: number | null, upper: number | null, f: Partial<FigureRow> = {}) =>
	estimate(value, lower, upper, { metric: 'ocu_prevalence', source: 'OCU estimate (test fixture)', ...f });
/** Fingertips 93517's layout: the rate per 1,000 as the value, the number of users as the count. */
const ocuRate = (rate: number, lower: number, upper: number, count: number | null) =>
	ocuEstimate(rate, lower, upper, { unit: 'rate_per_1000', numerator: count });
const published = (cohort: string, fy: number, value: number) => ({ ...inTreatment(fy, value), cohort });
const ocu = (figures: FigureRow[], yearly: YearlyRow[] = [], area = AREA) =>
	unmetNeedOcu.build({ model: { ...model(figures), areas: AREAS, yearly }, area, cohort: 'adults', suppress: true });
// All six substance groups of one year with their cohorts and adults, so the breakdown's own suppression applies.
const substances = (fy: number, g: Record<string, number>) => {
	const sum = (ids: string[]) => ids.reduce((t, id) => t + g[id], 0);
	return records(fy, {
		...g,
		adults: sum(Object.keys(g)),
		opiate: sum(['opiate_only', 'opiate_crack']),
		non_opiate: sum(['crack_only', 'non_opiate_only', 'non_opiate_alcohol']),
		alcohol: g.alcohol_only
	});
};

/** A shown year before a suppressed one: a measure whose only year is suppressed shows nothing. */
const PUBLISHED_2021 = [published('opiate', 2021, 900), published('crack_only', 2021, 100)];

describe('unmet need for opiate and crack treatment', () => {
	it.each([
		// case, figures, record-level rows → the table's row for 2022-23, illustrative
		[
			'published opiate and crack only',
			[published('opiate', 2022, 900), published('crack_only', 2022, 100)],
			[],
			{ n: '1,000', unmet: '50%', range: '37.5% to 60%' },
			false
		],
		[
			'published opiate only, opiate and crack, crack only',
			[published('opiate_only', 2022, 500), published('opiate_crack', 2022, 400), published('crack_only', 2022, 100)],
			[],
			{ n: '1,000', unmet: '50%', range: '37.5% to 60%' },
			false
		],
		[
			'records: opiate and crack only, as people',
			[],
			records(2022, { opiate: 1200, crack_only: 300 }),
			{ n: '1,500', unmet: '25%', range: '6.3% to 40%' },
			true
		],
		[
			'published before records',
			[published('opiate', 2022, 900), published('crack_only', 2022, 100)],
			records(2022, { opiate: 1200, crack_only: 300 }),
			{ n: '1,000', unmet: '50%', range: '37.5% to 60%' },
			false
		],
		[
			'published opiate without crack only: records',
			[published('opiate', 2022, 900)],
			records(2022, { opiate: 1200, crack_only: 300 }),
			{ n: '1,500', unmet: '25%', range: '6.3% to 40%' },
			true
		],
		[
			'crack only suppressed (3): the sum would give it back',
			PUBLISHED_2021,
			records(2022, { opiate: 1200, crack_only: 3 }),
			{ n: '*', unmet: '*', range: '–' },
			true
		],
		['opiate suppressed (4)', PUBLISHED_2021, records(2022, { opiate: 4, crack_only: 300 }), { n: '*', unmet: '*', range: '–' }, true],
		[
			'crack only hidden as the breakdown’s secondary suppression (non-opiate only is 2)',
			PUBLISHED_2021,
			substances(2022, {
				opiate_only: 700,
				opiate_crack: 500,
				crack_only: 10,
				non_opiate_only: 2,
				non_opiate_alcohol: 40,
				alcohol_only: 600
			}),
			{ n: '*', unmet: '*', range: '–' },
			true
		],
		[
			'crack only shown in the breakdown (the secondary falls elsewhere)',
			[],
			substances(2022, {
				opiate_only: 700,
				opiate_crack: 500,
				crack_only: 300,
				non_opiate_only: 2,
				non_opiate_alcohol: 40,
				alcohol_only: 600
			}),
			{ n: '1,500', unmet: '25%', range: '6.3% to 40%' },
			true
		]
	])('%s', (_case, figures, yearly, row, synthetic) => {
		// Fingertips 93517: 8 per 1,000 (6.4 to 10) for 2,000 users → 1,600 to 2,500 users.
		const m = ocu([ocuRate(8, 6.4, 10, 2000), ...(figures as FigureRow[])], yearly as YearlyRow[])!;
		expect(m.table.rows.at(-1)).toEqual({ year: '2022-23', ...row });
		expect(m.synthetic).toBe(synthetic);
		expect(m.sentences[0].startsWith('Illustrative data: ')).toBe(synthetic && row.n !== '*');
	});

	it.each([
		// the estimate as loaded → its number and limits in people, the share for 1,000 in treatment
		['a count with its limits (figures file)', ocuEstimate(2000, 1600, 2500), '2,000', '50%', '37.5% to 60%'],
		['a rate with its Count (Fingertips): limits scaled to the count', ocuRate(12, 10, 15, 3000), '3,000', '66.7%', '60% to 73.3%'],
		['as many in treatment as estimated: never below zero', ocuRate(7, 6.1, 8.3, 1000), '1,000', '0%', '0% to 15.7%'],
		['a count without limits', ocuEstimate(4000, null, null), '4,000', '75%', '–']
	])('%s', (_case, est, value, unmet, range) => {
		const m = ocu([est, published('opiate', 2022, 900), published('crack_only', 2022, 100)])!;
		expect(m.table.caption).toBe(`Rotherham: opiate and/or crack cocaine users not in treatment, against the 2017-18 estimate of ${value}`);
		expect(m.table.rows).toEqual([{ year: '2022-23', n: '1,000', unmet, range }]);
	});

	it('rounds limits scaled from a rate to whole people', () => {
		// 1,000 users at 7 per 1,000: 6.1 → 871.43 → 871 users, 8.3 → 1,185.71 → 1,186; 500 in treatment.
		const m = ocu([ocuRate(7, 6.1, 8.3, 1000), published('opiate', 2022, 400), published('crack_only', 2022, 100)])!;
		expect(m.table.rows[0]).toEqual({
			year: '2022-23',
			n: '500',
			unmet: '50%',
			range: `${(100 - 50000 / 871).toFixed(1)}% to ${(100 - 50000 / 1186).toFixed(1)}%`
		});
	});

	it('uses the latest estimate for every year from its own, and names it', () => {
		const later = ocuEstimate(2000, 1600, 2500, { period: '2019-20', start: '2019-04-01', end: '2020-03-31' });
		const m = ocu(
			[ocuEstimate(5000, 4000, 6000), later],
			[2018, 2019, 2020].flatMap((fy) => records(fy, { opiate: 800 + (fy - 2018) * 100, crack_only: 200 }))
		)!;
		expect(m.table.rows.map((r) => [r.year, r.n, r.unmet])).toEqual([
			['2019-20', '1,100', '45.0%'],
			['2020-21', '1,200', '40%']
		]);
		expect(m.period).toBe('financial years 2019-20 to 2020-21; estimate 2019-20');
		expect(m.sentences[0]).toBe(
			"Illustrative data: In 2020-21, 1,200 adults were in treatment for opiates or crack in Rotherham against an estimated 2,000 opiate and/or crack cocaine users (2019-20 estimate): about 40% were not in treatment (range 25% to 52% from the estimate's 95% limits)."
		);
	});

	it.each([
		['no estimate', [published('opiate', 2022, 900), published('crack_only', 2022, 100)], []],
		['an estimate and no one counted', [ocuEstimate(2000, 1600, 2500)], []],
		['a rate without its Count', [ocuRate(8, 6.4, 10, null), published('opiate', 2022, 900), published('crack_only', 2022, 100)], []],
		[
			'only a breakdown of the estimate (males)',
			[ocuEstimate(2000, 1600, 2500, { sex: 'Male' })],
			records(2022, { opiate: 900, crack_only: 100 })
		],
		[
			'counts only before the estimate’s year',
			[ocuEstimate(2000, 1600, 2500, { start: '2023-04-01', end: '2024-03-31', period: '2023-24' })],
			records(2022, { opiate: 900, crack_only: 100 })
		],
		['crack only counted, opiate not', [ocuEstimate(2000, 1600, 2500)], records(2022, { crack_only: 100 })]
	])('shows nothing with %s', (_case, figures, yearly) => {
		expect(ocu(figures as FigureRow[], yearly as YearlyRow[])).toBeNull();
	});

	it('takes the former county’s estimate for the Northamptonshire partnership, and says so', () => {
		const m = ocu(
			[ocuEstimate(2000, 1600, 2500, { area: 'E10000021', area_name: 'Northamptonshire' })],
			records(2022, { opiate: 900, crack_only: 100 }, 'northamptonshire'),
			'northamptonshire'
		)!;
		expect(m.table.caption).toBe(
			'Northamptonshire: opiate and/or crack cocaine users not in treatment, against the 2017-18 estimate of 2,000 (given for Northamptonshire (former county), the same area)'
		);
		expect(m.table.rows).toEqual([{ year: '2022-23', n: '1,000', unmet: '50%', range: '37.5% to 60%' }]);
	});
});
