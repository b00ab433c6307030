/**
 * data/seed-figures.csv against the independently re-read seed figures (tests/fixtures/seed-expectations.ts).
 * Self-contained: a tiny quote-aware CSV splitter, no DuckDB.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seedExpectations, type SeedExpectation } from '../fixtures/seed-expectations';

const HEADER = 'area_code,area_name,metric,cohort,category,period,kind,value,numerator,denominator,lower_ci,upper_ci,unit,note,source';

/** Splits RFC 4180 text into records of fields (quoted fields may hold commas, doubled quotes and newlines). */
function parseCsv(text: string): string[][] {
	const s = text.replace(/^\uFEFF/, '');
	const records: string[][] = [];
	let rec: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < s.length; i++) {
		const ch = s[i];
		if (quoted) {
			if (ch === '"' && s[i + 1] === '"') {
				field += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else field += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ',') {
			rec.push(field);
			field = '';
		} else if (ch === '\n' || ch === '\r') {
			if (ch === '\r' && s[i + 1] === '\n') i++;
			rec.push(field);
			records.push(rec);
			rec = [];
			field = '';
		} else field += ch;
	}
	if (field !== '' || rec.length) {
		rec.push(field);
		records.push(rec);
	}
	return records;
}

const text = readFileSync(new URL('../../data/seed-figures.csv', import.meta.url), 'utf8');
const lines = text.split(/\r?\n/);
const [header, ...records] = parseCsv(text);
const cols = header;
type Row = Record<string, string> & { line: number };
const rows: Row[] = records.map((r, i) => {
	const o = { line: i + 2 } as Row;
	cols.forEach((c, j) => (o[c] = r[j]));
	return o;
});

const blankToNull = (s: string | undefined) => (s === undefined || s === '' ? null : s);

function matches(row: Row, x: SeedExpectation): boolean {
	return (
		row.area_code === x.area_code &&
		row.metric === x.metric &&
		blankToNull(row.cohort) === x.cohort &&
		blankToNull(row.category) === x.category &&
		row.period === x.period &&
		row.kind === x.kind &&
		row.value !== '' &&
		Number(row.value) === x.value &&
		// the same figure may be printed in two seeds (England continuity of care in 000 and 003)
		row.source.includes(`(seed ${x.seed})`)
	);
}

const describeX = (x: SeedExpectation) =>
	`seed ${x.seed} ${x.area_code} ${x.metric} cohort=${x.cohort} category=${x.category} ${x.period} ${x.kind} = ${x.value}`;

describe('data/seed-figures.csv', () => {
	it('has the exact figures header', () => {
		expect(lines[0].replace(/^\uFEFF/, '')).toBe(HEADER);
	});

	it('has 15 fields on every row', () => {
		const bad = records.map((r, i) => ({ line: i + 2, n: r.length })).filter((r) => r.n !== 15);
		expect(bad).toEqual([]);
	});

	it('names a source, area and metric on every row, and values are numbers or blank', () => {
		const bad = rows
			.filter(
				(r) =>
					!r.source?.trim() ||
					!r.area_code ||
					!r.area_name ||
					!r.metric ||
					!r.period ||
					!r.kind ||
					(r.value !== '' && !Number.isFinite(Number(r.value)))
			)
			.map((r) => r.line);
		expect(bad).toEqual([]);
	});

	it('matches every seed expectation to exactly one row', () => {
		expect(seedExpectations.length).toBeGreaterThan(0);
		const problems = seedExpectations
			.map((x) => ({ x, n: rows.filter((r) => matches(r, x)).length }))
			.filter((m) => m.n !== 1)
			.map((m) => `${describeX(m.x)}: ${m.n} rows`);
		expect(problems).toEqual([]);
	});

	it('has no row that is not a re-read seed figure', () => {
		const stray = rows
			.filter((r) => !seedExpectations.some((x) => matches(r, x)))
			.map((r) => `line ${r.line}: ${r.metric} ${r.area_code} ${r.period}`);
		expect(stray).toEqual([]);
		expect(rows.length).toBe(seedExpectations.length);
	});
});
