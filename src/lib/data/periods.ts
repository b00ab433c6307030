/**
 * Period labels as they arrive (calendar, pooled, financial years, quarters, months) parsed once into
 * start and end dates and a canonical label. Sort by dates, never by label.
 */
export type PeriodKind = 'year' | 'years' | 'financial_year' | 'financial_years' | 'quarter' | 'month' | 'months';

export interface Period {
	label: string;
	start: string; // ISO date
	end: string; // ISO date, inclusive
	kind: PeriodKind;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const iso = (y: number, m: number, d: number) =>
	`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

function lastDay(y: number, m: number): number {
	return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Expands a 2-digit end year relative to a 4-digit start year (2019 - 21 → 2021; 1999/00 → 2000). */
function endYear(start: number, end: string): number {
	if (end.length === 4) return Number(end);
	const century = Math.floor(start / 100) * 100;
	let y = century + Number(end);
	if (y < start) y += 100;
	return y;
}

/** Financial year label in the house style: 2021-22. */
export function fyLabel(startYear: number): string {
	return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

function financialYear(startYear: number): Period {
	return { label: fyLabel(startYear), start: iso(startYear, 4, 1), end: iso(startYear + 1, 3, 31), kind: 'financial_year' };
}

/** The financial year (by start year) containing an ISO date. */
export function fyOf(date: string): number {
	const y = Number(date.slice(0, 4));
	const m = Number(date.slice(5, 7));
	return m >= 4 ? y : y - 1;
}

/** Whether the financial year starting in `startYear` had ended by the data date (no date: nothing is partial). */
export function yearComplete(startYear: number, asAt: string | null | undefined): boolean {
	return asAt == null || `${startYear + 1}-03-31` <= asAt;
}

/** Calendar years `first` to `last`, whole years. */
function calendarYears(first: number, last: number): Period {
	return { label: `${first} to ${last}`, start: iso(first, 1, 1), end: iso(last, 12, 31), kind: 'years' };
}

/** Financial years starting in `first` to the one starting in `last`: 2018-19 to 2020-21. */
function financialYears(first: number, last: number): Period {
	return { label: `${fyLabel(first)} to ${fyLabel(last)}`, start: iso(first, 4, 1), end: iso(last + 1, 3, 31), kind: 'financial_years' };
}

export function parsePeriod(raw: string): Period | null {
	const s = raw.trim().replace(/\s+/g, ' ').replace(/[–—]/g, '-');
	let m: RegExpMatchArray | null;

	// Financial year quarter: 2006/07 Q4 (financial Q1 = Apr–Jun)
	if ((m = s.match(/^(\d{4})[/-](\d{2}|\d{4}) Q([1-4])$/i))) {
		const y = Number(m[1]);
		const q = Number(m[3]);
		const startMonth = 4 + (q - 1) * 3;
		const sy = startMonth > 12 ? y + 1 : y;
		const sm = ((startMonth - 1) % 12) + 1;
		return { label: `${fyLabel(y)} Q${q}`, start: iso(sy, sm, 1), end: iso(sy, sm + 2, lastDay(sy, sm + 2)), kind: 'quarter' };
	}
	// Calendar quarter: 2006 Q1
	if ((m = s.match(/^(\d{4}) Q([1-4])$/i))) {
		const y = Number(m[1]);
		const sm = (Number(m[2]) - 1) * 3 + 1;
		return { label: `${y} Q${m[2]}`, start: iso(y, sm, 1), end: iso(y, sm + 2, lastDay(y, sm + 2)), kind: 'quarter' };
	}
	// Pooled financial years: 2006/07 - 08/09
	if ((m = s.match(/^(\d{4})[/-](\d{2}) ?- ?(\d{2}|\d{4})[/-](\d{2})$/))) {
		const y = Number(m[1]);
		return financialYears(y, endYear(y, m[3]));
	}
	// Two years joined by a hyphen or slash. The form decides what they mean:
	// - spaced, "2019 - 21" (Fingertips' pooled years): calendar years 2019 to 2021;
	// - consecutive, "2021-22", "2021/22", "2021-2022": one financial year;
	// - unspaced with a 2-digit end, "2018-21", "2018/21" (the grant return's "2018-21 average", the grant
	//   period "2022-25"): financial years written by their first and last year ends, so 2018-19 to 2020-21
	//   (1 April 2018 to 31 March 2021), three years, not four;
	// - unspaced with a 4-digit end more than a year on, "2018-2021": calendar years 2018 to 2021.
	if ((m = s.match(/^(\d{4})( ?)([/-])( ?)(\d{2}|\d{4})$/))) {
		const y = Number(m[1]);
		const e = endYear(y, m[5]);
		const spaced = Boolean(m[2] || m[4]);
		if (e - y > 10) return null; // "2021-20" is a typo, not a century
		if (e <= y) return null;
		if (m[3] === '-' && spaced) return calendarYears(y, e);
		if (e === y + 1) return financialYear(y);
		if (m[5].length === 2) return financialYears(y, e - 1);
		return calendarYears(y, e);
	}
	// Calendar year
	if ((m = s.match(/^(\d{4})$/))) {
		const y = Number(m[1]);
		return { label: String(y), start: iso(y, 1, 1), end: iso(y, 12, 31), kind: 'year' };
	}
	// Month range: Apr 2009 - Mar 2010
	if ((m = s.match(/^([A-Za-z]{3})[a-z]* (\d{4}) ?- ?([A-Za-z]{3})[a-z]* (\d{4})$/))) {
		const sm = MONTHS.indexOf(m[1].toLowerCase()) + 1;
		const em = MONTHS.indexOf(m[3].toLowerCase()) + 1;
		if (sm && em) {
			const sy = Number(m[2]);
			const ey = Number(m[4]);
			return { label: `${cap(m[1])} ${sy} to ${cap(m[3])} ${ey}`, start: iso(sy, sm, 1), end: iso(ey, em, lastDay(ey, em)), kind: 'months' };
		}
	}
	// Month: Jan 2009
	if ((m = s.match(/^([A-Za-z]{3})[a-z]* (\d{4})$/))) {
		const mo = MONTHS.indexOf(m[1].toLowerCase()) + 1;
		if (mo) {
			const y = Number(m[2]);
			return { label: `${cap(m[1])} ${y}`, start: iso(y, mo, 1), end: iso(y, mo, lastDay(y, mo)), kind: 'month' };
		}
	}
	return null;
}

function cap(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1, 3).toLowerCase();
}
