import { describe, it, expect } from 'vitest';
import { wilson, byar, exactPoisson, countInterval } from '../../src/lib/metrics/intervals';
import { suppressCount, suppressPercent, deathRateFlag } from '../../src/lib/metrics/suppression';
import { compareWithEngland } from '../../src/lib/metrics/compare';
import { direction, linearFit, projectMonthly } from '../../src/lib/metrics/trend';

describe('Wilson score interval (proportions)', () => {
	// Expected values computed independently with the textbook formula (z = 1.959964).
	it.each([
		[65, 258, 0.20287, 0.30829],
		[0, 10, 0, 0.27753],
		[10, 10, 0.72247, 1],
		[50, 100, 0.40383, 0.59617]
	])('%i of %i', (n, d, lo, hi) => {
		const ci = wilson(n, d)!;
		expect(ci.lower).toBeCloseTo(lo, 4);
		expect(ci.upper).toBeCloseTo(hi, 4);
	});
	it('returns null for an impossible proportion', () => {
		expect(wilson(5, 0)).toBeNull();
		expect(wilson(6, 5)).toBeNull();
	});
});

describe('Poisson intervals (counts)', () => {
	// Exact (Garwood) limits from chi-squared tables; Byar as in PHE's technical guidance.
	it.each([
		[0, 0, 3.68888],
		[1, 0.02532, 5.57164],
		[5, 1.62349, 11.66833],
		[9, 4.11537, 17.08436]
	])('exact limits for %i', (k, lo, hi) => {
		const ci = exactPoisson(k);
		expect(ci.lower).toBeCloseTo(lo, 3);
		expect(ci.upper).toBeCloseTo(hi, 3);
	});
	it.each([
		[26, 16.98, 38.1],
		[100, 81.36, 121.63]
	])('Byar limits for %i', (k, lo, hi) => {
		const ci = byar(k)!;
		expect(ci.lower).toBeCloseTo(lo, 1);
		expect(ci.upper).toBeCloseTo(hi, 1);
	});
	it('switches from exact to Byar at 10 events', () => {
		expect(countInterval(9)).toEqual(exactPoisson(9));
		expect(countInterval(10)).toEqual(byar(10));
	});
});

describe('suppression', () => {
	it.each([
		[0, false, 0],
		[1, true, null],
		[4, true, null],
		[5, false, 5],
		[null, false, null]
	])('count %s', (count, suppressed, value) => {
		expect(suppressCount(count, true)).toEqual({ value, suppressed });
	});
	it('leaves counts alone when switched off for local exploration', () => {
		expect(suppressCount(3, false)).toEqual({ value: 3, suppressed: false });
	});
	it.each([
		[3, 100, true],
		[50, 52, true],
		[50, 100, false],
		[0, 100, false],
		[10, 3, true]
	])('percentage %i / %i suppressed: %s', (n, d, suppressed) => {
		expect(suppressPercent(n, d, true).suppressed).toBe(suppressed);
	});
	it.each([
		[2, false, 'not_calculated'],
		[3, false, 'unreliable'],
		[9, true, 'not_calculated'],
		[10, true, 'unreliable'],
		[20, true, 'ok']
	])('death rate from %i deaths (age-standardised %s) is %s', (deaths, as, flag) => {
		expect(deathRateFlag(deaths, as)).toBe(flag);
	});
});

describe('comparison with England', () => {
	it.each([
		[{ value: 50, lower: 45, upper: 55 }, { value: 49 }, 'high_is_good', 'similar'],
		[{ value: 25, lower: 20, upper: 31 }, { value: 37 }, 'high_is_good', 'worse'],
		[{ value: 60, lower: 55, upper: 65 }, { value: 49 }, 'high_is_good', 'better'],
		[{ value: 9, lower: 7, upper: 11 }, { value: 5, lower: 4.9, upper: 5.1 }, 'low_is_good', 'worse'],
		[{ value: 9, lower: 7, upper: 11 }, { value: 5, lower: 4.9, upper: 5.1 }, 'no_judgement', 'higher'],
		[{ value: 9 }, { value: 5 }, 'low_is_good', 'not_compared'],
		// Fingertips' method: England's value against the local interval. The intervals overlap here (an overlap
		// test would say "similar"), but England's 10.0 lies above the local upper limit of 9.8, so: better.
		[{ value: 8, lower: 6.5, upper: 9.8 }, { value: 10, lower: 9.7, upper: 10.3 }, 'low_is_good', 'better'],
		[{ value: 8, lower: 6.5, upper: 10.2 }, { value: 10, lower: 9.7, upper: 10.3 }, 'low_is_good', 'similar']
	] as const)('%j vs %j (%s)', (local, england, polarity, expected) => {
		expect(compareWithEngland(local, england, polarity)).toBe(expected);
	});
});

describe('trends', () => {
	it('fits a line', () => {
		expect(
			linearFit([
				{ x: 0, y: 1 },
				{ x: 1, y: 3 },
				{ x: 2, y: 5 }
			])
		).toEqual({ slope: 2, intercept: 1 });
	});
	it.each([
		[[100, 110, 120], 'increasing'],
		[[120, 110, 100], 'decreasing'],
		[[100, 101, 100], 'no_change'],
		[[100], 'not_enough_data']
	] as const)('direction of %j', (values, expected) => {
		expect(direction([...values])).toBe(expected);
	});
	it('projects the last six months to the end of the plan period', () => {
		const series = ['2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09'].map((month, i) => ({ month, value: 1200 + 10 * i }));
		const p = projectMonthly(series, '2025-03')!;
		expect(p.points[0]).toEqual({ month: '2024-09', value: 1250 });
		expect(p.points.at(-1)).toEqual({ month: '2025-03', value: 1310 });
		expect(p.slopePerMonth).toBeCloseTo(10);
		expect(projectMonthly(series, '2024-09')).toBeNull();
	});
});

import { fmtSigned, fmtCount, fmtPct } from '../../src/lib/metrics/format';
describe('formats', () => {
	it.each([
		[-54, undefined, '−54'],
		[1234, undefined, '+1,234'],
		[-1, 'percent', '−1.0 points'],
		[-25.2, 'percent', '−25 points'],
		[0, undefined, '0']
	])('fmtSigned(%s, %s) = %s', (v, unit, expected) => {
		expect(fmtSigned(v, unit)).toBe(expected);
	});
	it('never turns a blank into 0, and shows suppression as *', () => {
		expect(fmtCount(null)).toBe('–');
		expect(fmtCount(3, true)).toBe('*');
		expect(fmtPct(null)).toBe('–');
		expect(fmtCount(2154)).toBe('2,154');
	});
});
