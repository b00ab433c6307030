// Unmet need for alcohol treatment: 1 − in treatment ÷ PHE's estimate, the estimate's limits carried through.
import { describe, it, expect } from 'vitest';
import unmetNeed from '../../src/lib/measures/outcomes/unmet-need';
import type { FigureRow, Model } from '../../src/lib/metrics/model';

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
const estimate = (value: number, lower: number | null, upper: number | null) =>
	figure({
		metric: 'alcohol_dependent_adults',
		period: '2017/18',
		start: '2017-04-01',
		end: '2018-03-31',
		period_kind: 'financial_year',
		value,
		lower_ci: lower,
		upper_ci: upper
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
