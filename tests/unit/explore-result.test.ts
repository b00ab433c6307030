import { describe, expect, it } from 'vitest';
import { sortOrder, cellText, resultTable, resultCsv, defaultChart, buildChartData } from '../../src/lib/explore/result-helpers';
import { writeCsv, tableCsv, CSV_BOM } from '../../src/lib/export/csv';
import type { CellValue, ColumnInfo, QueryResult } from '../../src/lib/explore/types';

function fake(columns: ColumnInfo[], rows: CellValue[][]): QueryResult {
	return {
		sql: 'SELECT 1',
		columns,
		rowCount: rows.length,
		capped: false,
		maxRows: 200_000,
		ms: 1,
		statements: 1,
		unreadableEnums: [],
		cell: (r, c) => rows[r][c],
		column: (c) => rows.map((r) => r[c]),
		ipc: () => new Uint8Array()
	};
}

describe('sorting a result', () => {
	it('sorts numbers both ways with NULLs last and ties in result order', () => {
		const v = [3, null, 1, 2, 1, null, -5];
		expect([...sortOrder(v, 'asc')]).toEqual([6, 2, 4, 3, 0, 1, 5]);
		expect([...sortOrder(v, 'desc')]).toEqual([0, 3, 2, 4, 6, 1, 5]);
	});

	it('sorts text and ISO dates by code point', () => {
		const v = ['b', 'a', null, '2024-03-31', '2023-04-01', 'B'];
		expect([...sortOrder(v, 'asc')].map((i) => v[i])).toEqual(['2023-04-01', '2024-03-31', 'B', 'a', 'b', null]);
	});

	it('sorts 200,000 rows quickly', () => {
		const v = Array.from({ length: 200_000 }, (_, i) => ((i * 7919) % 200_003) / 3);
		const t0 = performance.now();
		const order = sortOrder(v, 'desc');
		const ms = performance.now() - t0;
		let sorted = true;
		for (let i = 1; i < order.length; i++) if (v[order[i - 1]] < v[order[i]]) sorted = false;
		expect(sorted).toBe(true);
		expect(ms).toBeLessThan(1000);
	});
});

describe('cells and CSV', () => {
	it('shows numbers without float noise', () => {
		expect(cellText(0.1 + 0.2)).toBe('0.3');
		expect(cellText(2021)).toBe('2021');
		expect(cellText(null)).toBe('');
		expect(cellText(true)).toBe('true');
	});

	it('builds a CSV with every row, blanks for NULL, formulas neutralised and the notes after', () => {
		const r = fake(
			[
				{ name: 'area', type: 'VARCHAR', kind: 'text' },
				{ name: 'n', type: 'DOUBLE', kind: 'number' },
				{ name: 'n', type: 'DOUBLE', kind: 'number' }
			],
			[
				['=HYPERLINK("x")', -12, null],
				['Medway, Kent', 1.5, 3]
			]
		);
		const csv = tableCsv(resultTable(r, ['Raw result: not suppressed.']));
		expect(csv).toBe(`area,n,n\r\n"'=HYPERLINK(""x"")",-12,\r\n"Medway, Kent",1.5,3\r\n\r\nRaw result: not suppressed.\r\n`);
	});
});

describe('CSV built in slices', () => {
	it('is exactly the CSV of the whole table, whatever the slice size', async () => {
		const rows: CellValue[][] = Array.from({ length: 23 }, (_, i) => [`=cmd${i}`, i % 5 === 0 ? null : i * 1.5, `a,"b"\n${i}`]);
		const r = fake(
			[
				{ name: 'x', type: 'VARCHAR', kind: 'text' },
				{ name: 'n', type: 'DOUBLE', kind: 'number' },
				{ name: 'odd, "name"', type: 'VARCHAR', kind: 'text' }
			],
			rows
		);
		const whole = tableCsv(resultTable(r, ['note one', '=note two']));
		for (const slice of [1, 5, 23, 100]) expect(await resultCsv(r, ['note one', '=note two'], { rowsPerSlice: slice })).toBe(whole);
		expect(await resultCsv(r, [], { rowsPerSlice: 7 })).toBe(tableCsv(resultTable(r, [])));
		expect(await resultCsv(fake(r.columns, []), ['n'])).toBe(tableCsv(resultTable(fake(r.columns, []), ['n'])));
	});
});

describe('the result CSV goes through the one writer', () => {
	const tricky = [
		'=1+2',
		'-12',
		'-3.5',
		'+SUM(A1)',
		'@x',
		'\tx',
		'Medway, Kent',
		'say "hi"',
		'line\nbreak',
		'a\r\nb',
		'£ ✓ 日本 😀',
		' pad ',
		'-1,234',
		''
	];

	it.each([1, 3, 100])('is writeCsv of the column names and the cells as text, notes after (slices of %i rows)', async (rowsPerSlice) => {
		const r = fake(
			[
				{ name: 'text', type: 'VARCHAR', kind: 'text' },
				{ name: 'n', type: 'DOUBLE', kind: 'number' },
				{ name: '=name, "odd"', type: 'VARCHAR', kind: 'text' }
			],
			tricky.map((t, i) => [t, i % 4 === 0 ? null : -i * 1.25, t])
		);
		const expected = writeCsv(
			['text', 'n', '=name, "odd"'],
			tricky.map((t, i) => [t, i % 4 === 0 ? '' : String(-i * 1.25), t]),
			{ notes: ['Raw: not suppressed.', '=note'] }
		);
		expect(await resultCsv(r, ['Raw: not suppressed.', '=note'], { rowsPerSlice })).toBe(expected);
		expect(await resultCsv(r, ['Raw: not suppressed.', '=note'], { rowsPerSlice, bom: true })).toBe(CSV_BOM + expected);
		expect(expected).toContain("'=1+2,,'=1+2\r\n");
		expect(expected).toContain('-12,-1.25,-12\r\n');
		expect(expected).toContain('"line\nbreak",,"line\nbreak"\r\n');
		expect(expected.startsWith('text,n,"\'=name, ""odd"""\r\n')).toBe(true);
	});
});

describe('quick chart', () => {
	const cols: ColumnInfo[] = [
		{ name: 'year', type: 'VARCHAR', kind: 'text' },
		{ name: 'cohort', type: 'VARCHAR', kind: 'text' },
		{ name: 'in_treatment', type: 'DOUBLE', kind: 'number' }
	];
	const rows: CellValue[][] = [
		['2021-22', 'opiate', 10],
		['2021-22', 'alcohol', 5],
		['2022-23', 'opiate', 12],
		['2022-23', 'alcohol', null],
		['2022-23', 'alcohol', 7]
	];
	const r = fake(cols, rows);

	it('picks a time-like x, the last numeric y and a small text column as series', () => {
		expect(defaultChart(r.columns, r.column)).toEqual({ type: 'line', x: 0, y: 2, series: 1 });
		expect(defaultChart([{ name: 'n', type: 'DOUBLE', kind: 'number' }], () => [1])).toBeNull();
	});

	it('adds y up per x and series, and says when it did', () => {
		const d = buildChartData(r.columns, r.column, { type: 'line', x: 0, y: 2, series: 1 });
		expect(d.categories).toEqual(['2021-22', '2022-23']);
		expect(d.series.map((s) => [s.label, s.values])).toEqual([
			['opiate', [10, 12]],
			['alcohol', [5, 7]]
		]);
		expect(d.summed).toBe(true);
		const counts = buildChartData(r.columns, r.column, { type: 'bar', x: 1, y: -1, series: -1 });
		expect(counts.series[0].values).toEqual([2, 3]);
		expect(counts.series[0].label).toBe('rows');
	});

	it('orders numeric x numerically and keeps the biggest series within the limits', () => {
		const many = fake(
			[
				{ name: 'fy', type: 'INTEGER', kind: 'number' },
				{ name: 's', type: 'VARCHAR', kind: 'text' },
				{ name: 'v', type: 'DOUBLE', kind: 'number' }
			],
			Array.from({ length: 60 }, (_, i) => [2030 - (i % 12), `s${i % 6}`, i % 6] as CellValue[])
		);
		const d = buildChartData(many.columns, many.column, { type: 'bar', x: 0, y: 2, series: 1 });
		expect(d.categories[0]).toBe('2019');
		expect(d.series).toHaveLength(4);
		expect(d.droppedSeries).toBe(2);
		expect(d.series.map((s) => s.label).sort()).toEqual(['s2', 's3', 's4', 's5']);
	});
});
