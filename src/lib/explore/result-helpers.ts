/**
 * Pure helpers over a query result: sorting, cell text, the CSV table, and the data for the quick chart.
 * No DuckDB or Arrow here, so they are unit-tested in Node and ship in the page's small chunk.
 */
import { writeCsv } from '$lib/export/csv';
import type { TableSpec } from '$lib/export/table';
import type { CellValue, ColumnInfo, QueryResult } from './types';

export type SortDir = 'asc' | 'desc';

/**
 * Row order for sorting by one column: a permutation of 0…n-1. Blanks (NULL) always go last; ties keep
 * the result's order. Strings compare by code point (fast on 200,000 rows; ISO dates sort correctly).
 */
export function sortOrder(values: ArrayLike<CellValue>, dir: SortDir): Uint32Array {
	const n = values.length;
	const nonNull: number[] = [];
	const nulls: number[] = [];
	for (let i = 0; i < n; i++) (values[i] == null ? nulls : nonNull).push(i);
	const sign = dir === 'asc' ? 1 : -1;
	const first = nonNull.length ? values[nonNull[0]] : null;
	if (typeof first === 'number' || typeof first === 'boolean') {
		const keys = new Float64Array(n);
		for (const i of nonNull) keys[i] = Number(values[i]);
		nonNull.sort((a, b) => {
			const ka = keys[a];
			const kb = keys[b];
			// NaN sorts after every number, in either direction.
			if (Number.isNaN(ka) || Number.isNaN(kb)) return Number.isNaN(ka) === Number.isNaN(kb) ? a - b : Number.isNaN(ka) ? 1 : -1;
			return (ka - kb) * sign || a - b;
		});
	} else {
		const keys = new Array<string>(n);
		for (const i of nonNull) keys[i] = String(values[i]);
		nonNull.sort((a, b) => {
			const ka = keys[a];
			const kb = keys[b];
			return (ka < kb ? -1 : ka > kb ? 1 : 0) * sign || a - b;
		});
	}
	const out = new Uint32Array(n);
	out.set(nonNull, 0);
	out.set(nulls, nonNull.length);
	return out;
}

/** How a cell reads on screen: numbers without float noise, booleans as true/false, NULL shown by the caller. */
export function cellText(v: CellValue): string {
	if (v == null) return '';
	if (typeof v === 'number') return Number.isInteger(v) || !Number.isFinite(v) ? String(v) : String(Number(v.toPrecision(12)));
	return String(v);
}

/** How a cell is written to CSV: full precision, blank for NULL. */
export function csvText(v: CellValue): string {
	return v == null ? '' : String(v);
}

/** The whole result as a TableSpec (a figure's table): its CSV (`tableCsv`) is the result's CSV, notes after it. */
export function resultTable(result: QueryResult, notes: string[]): TableSpec {
	const cols = result.columns.map((c, i) => ({ key: `c${i}`, label: c.name, numeric: c.kind === 'number' }));
	const data = result.columns.map((_, i) => result.column(i));
	const rows: Record<string, string>[] = new Array(result.rowCount);
	for (let r = 0; r < result.rowCount; r++) {
		const row: Record<string, string> = {};
		for (let c = 0; c < cols.length; c++) row[cols[c].key] = csvText(data[c][r]);
		rows[r] = row;
	}
	return { caption: 'Query result', columns: cols, rows, notes };
}

export interface ResultCsvOptions {
	/** Rows written per slice, with a pause for the page between slices. */
	rowsPerSlice?: number;
	/** Start with the UTF-8 byte order mark, for Excel (default false). */
	bom?: boolean;
}

/**
 * The result as CSV, in pieces (for a Blob, with no giant string): the header, then a slice of rows at a
 * time with a pause for the page between slices, so a 200,000-row download never freezes the page, then
 * the notes. Every piece comes from the site's one CSV writer (`writeCsv`), so the pieces joined are
 * exactly the CSV of the whole result written at once.
 */
export async function resultCsvParts(result: QueryResult, notes: string[], options: ResultCsvOptions = {}): Promise<string[]> {
	const { rowsPerSlice = 5_000, bom = false } = options;
	const pause = () => new Promise<void>((r) => setTimeout(r, 0));
	const names = result.columns.map((c) => c.name);
	const data: CellValue[][] = [];
	for (let c = 0; c < names.length; c++) {
		data.push(result.column(c));
		await pause();
	}
	const parts = [writeCsv(names, [], { bom })];
	for (let start = 0; start < result.rowCount; start += rowsPerSlice) {
		const end = Math.min(result.rowCount, start + rowsPerSlice);
		const rows: string[][] = new Array(end - start);
		for (let r = start; r < end; r++) {
			const row = new Array<string>(names.length);
			for (let c = 0; c < names.length; c++) row[c] = csvText(data[c][r]);
			rows[r - start] = row;
		}
		parts.push(writeCsv(names, rows, { header: false }));
		await pause();
	}
	if (notes.length) parts.push(writeCsv(names, [], { header: false, notes }));
	return parts;
}

export async function resultCsv(result: QueryResult, notes: string[], options?: ResultCsvOptions): Promise<string> {
	return (await resultCsvParts(result, notes, options)).join('');
}

export type ChartType = 'line' | 'bar';

export interface ChartSpec {
	type: ChartType;
	x: number;
	/** A numeric column, or -1 for "number of rows". */
	y: number;
	/** A column whose values become separate lines or bar series, or -1 for none. */
	series: number;
}

export interface ChartData {
	categories: string[];
	series: { id: string; label: string; values: (number | null)[] }[];
	/** True when several rows shared an x (and series) value and their y values were added up. */
	summed: boolean;
	/** Categories and series left out to keep the chart readable. */
	droppedCategories: number;
	droppedSeries: number;
}

export const CHART_LIMITS = { line: { categories: 400, series: 8 }, bar: { categories: 40, series: 4 } } as const;

const TIME_NAME = /(^|_)(year|yr|fy|period|quarter|qtr|month|week|day|date|time)(_|$|s$)/i;

function distinctCount(values: CellValue[], stopAt: number): number {
	const seen = new Set<CellValue>();
	for (const v of values) {
		seen.add(v);
		if (seen.size > stopAt) break;
	}
	return seen.size;
}

/** A sensible first chart for a result: time-like x as a line, otherwise bars; null when nothing fits. */
export function defaultChart(columns: ColumnInfo[], column: (i: number) => CellValue[]): ChartSpec | null {
	if (!columns.length) return null;
	const idx = columns.map((_, i) => i);
	const numeric = idx.filter((i) => columns[i].kind === 'number');
	const other = idx.filter((i) => columns[i].kind !== 'number');
	const timeLike = (i: number) => columns[i].kind === 'date' || columns[i].kind === 'timestamp' || TIME_NAME.test(columns[i].name);
	const x = other.find(timeLike) ?? other[0] ?? (numeric.length > 1 ? numeric[0] : undefined);
	if (x == null) return null;
	const ys = numeric.filter((i) => i !== x);
	const y = ys.length ? ys[ys.length - 1] : -1;
	const series =
		other.find(
			(i) =>
				i !== x &&
				columns[i].kind !== 'other' &&
				(() => {
					const d = distinctCount(column(i), 12);
					return d >= 2 && d <= 12;
				})()
		) ?? -1;
	return { type: timeLike(x) ? 'line' : 'bar', x, y, series };
}

/** Adds y up per (x, series), in a readable order, within the chart's limits. */
export function buildChartData(columns: ColumnInfo[], column: (i: number) => CellValue[], spec: ChartSpec): ChartData {
	const limits = CHART_LIMITS[spec.type];
	const xs = column(spec.x);
	const ys = spec.y >= 0 ? column(spec.y) : null;
	const ss = spec.series >= 0 ? column(spec.series) : null;
	const n = xs.length;
	const catOrder: string[] = [];
	const catKey = new Map<string, CellValue>();
	const seriesOrder: string[] = [];
	const totals = new Map<string, number>();
	const sums = new Map<string, Map<string, number | null>>();
	let summed = false;
	for (let r = 0; r < n; r++) {
		const xv = xs[r];
		if (xv == null) continue;
		const cat = cellText(xv);
		if (!catKey.has(cat)) {
			catKey.set(cat, xv);
			catOrder.push(cat);
		}
		const s = ss ? (ss[r] == null ? '(blank)' : cellText(ss[r])) : '';
		let m = sums.get(s);
		if (!m) {
			m = new Map();
			sums.set(s, m);
			seriesOrder.push(s);
		}
		const yv = ys ? ys[r] : 1;
		const y = typeof yv === 'number' && Number.isFinite(yv) ? yv : null;
		if (m.has(cat)) summed = true;
		const prev = m.get(cat);
		m.set(cat, y == null ? (prev ?? null) : (prev ?? 0) + y);
		totals.set(s, (totals.get(s) ?? 0) + Math.abs(y ?? 0));
	}
	const xKind = columns[spec.x].kind;
	if (xKind === 'number') catOrder.sort((a, b) => Number(catKey.get(a)) - Number(catKey.get(b)));
	else if (xKind === 'date' || xKind === 'timestamp') catOrder.sort();
	const categories = catOrder.slice(0, limits.categories);
	// Keep the largest series, shown in the order they first appear.
	const keep = new Set([...seriesOrder].sort((a, b) => (totals.get(b) ?? 0) - (totals.get(a) ?? 0)).slice(0, limits.series));
	const series = seriesOrder
		.filter((s) => keep.has(s))
		.map((s, i) => ({
			id: `s${i}`,
			label: ss ? s : spec.y >= 0 ? columns[spec.y].name : 'rows',
			values: categories.map((c) => sums.get(s)!.get(c) ?? null)
		}));
	return {
		categories,
		series,
		summed,
		droppedCategories: catOrder.length - categories.length,
		droppedSeries: seriesOrder.length - series.length
	};
}
