import { describe, it, expect } from 'vitest';
import { parsePeriod, fyOf } from '../../src/lib/data/periods';

describe('parsePeriod', () => {
	const cases: [string, { label: string; start: string; end: string; kind: string } | null][] = [
		['2020', { label: '2020', start: '2020-01-01', end: '2020-12-31', kind: 'year' }],
		['2019 - 21', { label: '2019 to 2021', start: '2019-01-01', end: '2021-12-31', kind: 'years' }],
		// Spaced hyphen (Fingertips' pooled years): calendar years.
		['2006 - 08', { label: '2006 to 2008', start: '2006-01-01', end: '2008-12-31', kind: 'years' }],
		['2019 - 2021', { label: '2019 to 2021', start: '2019-01-01', end: '2021-12-31', kind: 'years' }],
		['2019 -21', { label: '2019 to 2021', start: '2019-01-01', end: '2021-12-31', kind: 'years' }],
		['2019 – 21', { label: '2019 to 2021', start: '2019-01-01', end: '2021-12-31', kind: 'years' }],
		// Unspaced, 2-digit end more than a year on (the seeds' "2018-21 average", the grant period "2022-25"):
		// financial years named by their first start and last end, three years, not four calendar years.
		['2018-21', { label: '2018-19 to 2020-21', start: '2018-04-01', end: '2021-03-31', kind: 'financial_years' }],
		['2022-25', { label: '2022-23 to 2024-25', start: '2022-04-01', end: '2025-03-31', kind: 'financial_years' }],
		['2018/21', { label: '2018-19 to 2020-21', start: '2018-04-01', end: '2021-03-31', kind: 'financial_years' }],
		['2021-23', { label: '2021-22 to 2022-23', start: '2021-04-01', end: '2023-03-31', kind: 'financial_years' }],
		['1998-01', { label: '1998-99 to 2000-01', start: '1998-04-01', end: '2001-03-31', kind: 'financial_years' }],
		// Unspaced with a 4-digit end more than a year on: calendar years.
		['2018-2021', { label: '2018 to 2021', start: '2018-01-01', end: '2021-12-31', kind: 'years' }],
		['2021-22', { label: '2021-22', start: '2021-04-01', end: '2022-03-31', kind: 'financial_year' }],
		['2021/22', { label: '2021-22', start: '2021-04-01', end: '2022-03-31', kind: 'financial_year' }],
		['2021-2022', { label: '2021-22', start: '2021-04-01', end: '2022-03-31', kind: 'financial_year' }],
		['1999/00', { label: '1999-00', start: '1999-04-01', end: '2000-03-31', kind: 'financial_year' }],
		['2006/07 - 08/09', { label: '2006-07 to 2008-09', start: '2006-04-01', end: '2009-03-31', kind: 'financial_years' }],
		['2006 Q1', { label: '2006 Q1', start: '2006-01-01', end: '2006-03-31', kind: 'quarter' }],
		['2006/07 Q1', { label: '2006-07 Q1', start: '2006-04-01', end: '2006-06-30', kind: 'quarter' }],
		['2006/07 Q4', { label: '2006-07 Q4', start: '2007-01-01', end: '2007-03-31', kind: 'quarter' }],
		['2023-24 Q3', { label: '2023-24 Q3', start: '2023-10-01', end: '2023-12-31', kind: 'quarter' }],
		['Jan 2009', { label: 'Jan 2009', start: '2009-01-01', end: '2009-01-31', kind: 'month' }],
		['Feb 2024', { label: 'Feb 2024', start: '2024-02-01', end: '2024-02-29', kind: 'month' }],
		['June 2024', { label: 'Jun 2024', start: '2024-06-01', end: '2024-06-30', kind: 'month' }],
		['Apr 2009 - Mar 2010', { label: 'Apr 2009 to Mar 2010', start: '2009-04-01', end: '2010-03-31', kind: 'months' }],
		[' 2021/22 ', { label: '2021-22', start: '2021-04-01', end: '2022-03-31', kind: 'financial_year' }],
		['2021–22', { label: '2021-22', start: '2021-04-01', end: '2022-03-31', kind: 'financial_year' }],
		['last year', null],
		['2021-20', null],
		['2021-21', null],
		['2021 - 21', null],
		['2010-25', null],
		['', null]
	];
	it.each(cases)('%j', (raw, expected) => {
		expect(parsePeriod(raw)).toEqual(expected);
	});
});

describe('fyOf', () => {
	it.each([
		['2024-03-31', 2023],
		['2024-04-01', 2024],
		['2021-12-06', 2021]
	])('%s is in the financial year starting %i', (date, fy) => {
		expect(fyOf(date)).toBe(fy);
	});
});
