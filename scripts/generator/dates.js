/**
 * Day numbers (days since 1970-01-01, UTC) and the generator's month grid.
 * Month index k = 0 is April 2015 (start of the simulated flow); k = 113 is September 2024 (the data date).
 */

export const DAY_MS = 86_400_000;

/** Day number of a calendar date (month 1–12). */
export function dayOf(year, month, day) {
	return Date.UTC(year, month - 1, day) / DAY_MS;
}

/** Last date that may appear in any file. */
export const DATA_DAY = dayOf(2024, 9, 30);
/** First day of the simulated flow of new journeys (a stock of open journeys exists on this day). */
export const SIM_START = dayOf(2015, 4, 1);
/** Month index of the data date. */
export const LAST_MONTH = 113;
/** First and last financial years reported (start years: 2016 = 2016-17). */
export const FIRST_FY = 2016;
export const LAST_FY = 2024;

const ISO_BASE = dayOf(1990, 1, 1);
const ISO_END = dayOf(2036, 1, 1);
const isoTable = [];
for (let d = ISO_BASE; d < ISO_END; d++) isoTable.push(new Date(d * DAY_MS).toISOString().slice(0, 10));

/** ISO yyyy-mm-dd of a day number (1990–2035). */
export function iso(day) {
	return isoTable[day - ISO_BASE];
}

/** Parses yyyy-mm-dd to a day number (NaN for blank). */
export function parseIso(text) {
	if (!text) return NaN;
	return Date.UTC(+text.slice(0, 4), +text.slice(5, 7) - 1, +text.slice(8, 10)) / DAY_MS;
}

/** First day of month index k (k may be negative). */
export function monthStart(k) {
	const m = 3 + k; // months after January 2015
	const year = 2015 + Math.floor(m / 12);
	const month = ((m % 12) + 12) % 12;
	return Date.UTC(year, month, 1) / DAY_MS;
}

const monthTable = new Int16Array(DATA_DAY - SIM_START + 1);
for (let k = 0, d = SIM_START; k <= LAST_MONTH; k++) {
	const end = monthStart(k + 1);
	for (; d < end; d++) monthTable[d - SIM_START] = k;
}

/** Month index of a day between SIM_START and DATA_DAY. */
export function monthOf(day) {
	return monthTable[day - SIM_START];
}

/** Month index of the March that ends financial year fy (fy = start year). */
export function marchOf(fy) {
	return 11 + 12 * (fy - 2015);
}

/** First day of financial year fy (1 April). */
export function fyStart(fy) {
	return dayOf(fy, 4, 1);
}

/** Last day of financial year fy (31 March), capped at the data date. */
export function fyEnd(fy) {
	return Math.min(dayOf(fy + 1, 3, 31), DATA_DAY);
}

/** Financial year label, 2021 → '2021-22'. */
export function fyLabel(fy) {
	return `${fy}-${String((fy + 1) % 100).padStart(2, '0')}`;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day) {
	return (((day + 4) % 7) + 7) % 7;
}
