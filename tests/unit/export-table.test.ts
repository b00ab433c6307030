import { describe, it, expect } from 'vitest';
import Papa from 'papaparse';
import { neutralise, toTsv, toHtml, slug, type TableSpec } from '$lib/export/table';
import { writeCsv, tableCsv, CSV_BOM } from '$lib/export/csv';
import { cssString, pageCss } from '$lib/export/print';

describe('neutralise: spreadsheet formulas never run from an export', () => {
	const cases: [input: string, expected: string, why: string][] = [
		['=1+2', "'=1+2", 'equals starts a formula'],
		['=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")', 'link formula'],
		['+SUM(A1:A2)', "'+SUM(A1:A2)", 'plus starts a formula'],
		["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0", 'DDE payload after a minus'],
		['@SUM(A1)', "'@SUM(A1)", 'at starts a formula'],
		['\t=1+1', "'\t=1+1", 'leading tab'],
		['\r=1+1', "'\r=1+1", 'leading carriage return'],
		['\n=1+1', "'\n=1+1", 'leading line feed'],
		['-', "'-", 'a lone minus is not a number'],
		['+5 points', "'+5 points", 'signed text is neutralised'],
		['-12', '-12', 'plain negative number kept'],
		['-3.5', '-3.5', 'negative decimal kept'],
		['+12', '+12', 'signed count (a gap) kept'],
		['-1,234', '-1,234', 'negative with thousands separator kept'],
		['+4%', '+4%', 'signed percentage kept'],
		['−34', '−34', 'true minus sign (U+2212) is not a formula'],
		['1,190', '1,190', 'counts untouched'],
		['50%', '50%', 'percentages untouched'],
		['*', '*', 'suppression marker untouched'],
		['–', '–', 'missing marker (en dash) untouched'],
		['', '', 'empty cell'],
		['a=b', 'a=b', 'equals inside text is harmless'],
		[' =1+1', ' =1+1', 'leading space is text, not a formula']
	];
	it.each(cases)('%j → %j (%s)', (input, expected) => {
		expect(neutralise(input)).toBe(expected);
	});
});

const table: TableSpec = {
	caption: 'Test <table> & "caption"',
	columns: [
		{ key: 'year', label: 'Financial year' },
		{ key: 'n', label: 'In treatment', numeric: true },
		{ key: 'note', label: 'Note' }
	],
	rows: [
		{ year: '2022-23', n: '1,235', note: 'as published, "rounded"' },
		{ year: '2023-24', n: '*', note: '=cmd()' },
		{ year: '2024-25 (to date)', n: '978', note: 'line\nbreak\tand tab' }
	],
	notes: ['* = suppressed: a count of 1 to 4.', 'Source: seed 001, Medway.']
};

describe('tableCsv', () => {
	it('quotes, keeps suppression markers and neutralises formulas, with notes after a blank line', () => {
		const csv = tableCsv(table);
		const lines = csv.split('\r\n');
		expect(lines[0]).toBe('Financial year,In treatment,Note');
		expect(lines[1]).toBe('2022-23,"1,235","as published, ""rounded"""');
		expect(lines[2]).toBe("2023-24,*,'=cmd()");
		expect(lines[3]).toBe('2024-25 (to date),978,"line\nbreak\tand tab"');
		expect(lines[4]).toBe('');
		expect(lines[5]).toBe('* = suppressed: a count of 1 to 4.');
		expect(lines[6]).toBe('"Source: seed 001, Medway."');
		expect(csv.endsWith('\r\n')).toBe(true);
	});
});

/** Cells as the one CSV writer writes them: [input, written cell, why]. */
const CSV_CELLS: [input: string, written: string, why: string][] = [
	['plain', 'plain', 'plain text as it is'],
	['Medway, Kent', '"Medway, Kent"', 'comma: quoted'],
	['say "hi"', '"say ""hi"""', 'double quotes doubled, quoted'],
	['line\nbreak', '"line\nbreak"', 'line feed inside a cell: quoted, kept'],
	['line\r\nbreak', '"line\r\nbreak"', 'CRLF inside a cell: quoted, kept'],
	['tab\tinside', 'tab\tinside', 'a tab inside is plain text'],
	['=1+2', "'=1+2", 'formula neutralised, not quoted'],
	['=HYPERLINK("http://x","y")', '"\'=HYPERLINK(""http://x"",""y"")"', 'formula with quotes and commas: neutralised, then quoted'],
	['+SUM(A1:A2)', "'+SUM(A1:A2)", 'plus formula'],
	['@SUM(A1)', "'@SUM(A1)", 'at formula'],
	['\t=1+1', "'\t=1+1", 'leading tab'],
	['\r=1+1', '"\'\r=1+1"', 'leading CR: neutralised and quoted'],
	['\n=1+1', '"\'\n=1+1"', 'leading LF: neutralised and quoted'],
	['-', "'-", 'a lone minus'],
	['-12', '-12', 'plain negative number kept'],
	['-3.5', '-3.5', 'negative decimal kept'],
	['+12', '+12', 'signed count kept'],
	['-1,234', '"-1,234"', 'negative with thousands separator: kept, quoted for the comma'],
	['+4%', '+4%', 'signed percentage kept'],
	['−34', '−34', 'true minus sign kept'],
	['*', '*', 'suppression marker'],
	['–', '–', 'missing marker (en dash)'],
	['', '', 'empty cell'],
	['£1.5m ✓ Ünïcödé 日本 😀', '£1.5m ✓ Ünïcödé 日本 😀', 'unicode untouched'],
	[' padded ', '" padded "', 'leading and trailing spaces kept inside quotes'],
	['\uFEFFbom', '"\uFEFFbom"', 'a byte order mark inside a cell is quoted']
];

describe('writeCsv: the one CSV writer (Papa Parse quoting, the project’s formula rule)', () => {
	it.each(CSV_CELLS)('%j → %j (%s)', (input, written) => {
		expect(writeCsv(['h'], [[input]], { header: false })).toBe(`${written}\r\n`);
		// Header cells and notes go through the same rule.
		expect(writeCsv([input], [])).toBe(`${written}\r\n`);
		expect(writeCsv([], [], { header: false, notes: [input] })).toBe(`\r\n${written}\r\n`);
	});

	it('reads back (Papa Parse) as the neutralised cells, row by row', () => {
		const inputs = CSV_CELLS.map((c) => c[0]);
		const csv = writeCsv(
			['input', 'again'],
			inputs.map((c) => [c, c]),
			{ notes: ['note, one', '=two'] }
		);
		const parsed = Papa.parse<string[]>(csv, { newline: '\r\n' }).data;
		expect(parsed[0]).toEqual(['input', 'again']);
		for (let i = 0; i < inputs.length; i++) expect(parsed[i + 1]).toEqual([neutralise(inputs[i]), neutralise(inputs[i])]);
		expect(parsed.slice(inputs.length + 1)).toEqual([[''], ['note, one'], ["'=two"], ['']]);
	});

	it('header, rows, a blank line, notes; CRLF after every line; the BOM only when asked', () => {
		expect(
			writeCsv(
				['a', 'b'],
				[
					['1', '2'],
					['3', '4']
				],
				{ notes: ['n'] }
			)
		).toBe('a,b\r\n1,2\r\n3,4\r\n\r\nn\r\n');
		expect(writeCsv(['a', 'b'], [])).toBe('a,b\r\n');
		expect(writeCsv(['a', 'b'], [], { header: false })).toBe('');
		expect(writeCsv(['a'], [['1']], { bom: true })).toBe(`${CSV_BOM}a\r\n1\r\n`);
		expect(CSV_BOM).toBe('\uFEFF');
		// Pieces written without the header continue a CSV begun with it.
		const whole = writeCsv(['a'], [['1'], ['2']], { notes: ['n'] });
		expect(
			writeCsv(['a'], [['1']]) + writeCsv(['a'], [['2']], { header: false }) + writeCsv(['a'], [], { header: false, notes: ['n'] })
		).toBe(whole);
	});
});

describe('a figure’s CSV goes through the one writer', () => {
	it('tableCsv(table) and tableCsv(table) are writeCsv of the labels, the display strings and the notes', () => {
		const direct = writeCsv(
			table.columns.map((c) => c.label),
			table.rows.map((r) => table.columns.map((c) => r[c.key])),
			{ notes: table.notes }
		);
		expect(tableCsv(table)).toBe(direct);
		expect(tableCsv(table, { bom: true })).toBe(CSV_BOM + direct);
	});

	it.each(CSV_CELLS)('a table cell %j is written as %j (%s)', (input, written) => {
		const t: TableSpec = { caption: 'c', columns: [{ key: 'k', label: 'K' }], rows: [{ k: input }], notes: [] };
		expect(tableCsv(t)).toBe(`K\r\n${written}\r\n`);
	});
});

describe('toTsv', () => {
	it('one line per row, tabs between cells, no tabs or newlines inside cells, then the notes', () => {
		const lines = toTsv(table).split('\n');
		expect(lines).toHaveLength(7);
		// A table pasted into a committee paper keeps its notes: the synthetic label, suppression, source.
		expect(lines.slice(4)).toEqual(['', '* = suppressed: a count of 1 to 4.', 'Source: seed 001, Medway.']);
		expect(lines[0].split('\t')).toEqual(['Financial year', 'In treatment', 'Note']);
		expect(lines[2].split('\t')).toEqual(['2023-24', '*', "'=cmd()"]);
		expect(lines[3].split('\t')).toEqual(['2024-25 (to date)', '978', 'line break and tab']);
	});
});

describe('toHtml', () => {
	it('escapes text and neutralises formula cells', () => {
		const html = toHtml(table);
		expect(html).toContain('<caption>Test &lt;table&gt; &amp; &quot;caption&quot;</caption>');
		expect(html).toContain("<td>'=cmd()</td>");
		expect(html).toContain('<td style="text-align:right">1,235</td>');
		expect(html).not.toMatch(/<table>.*<table>/);
	});
});

describe('slug', () => {
	it.each([
		['Medway: adults in treatment', 'medway-adults-in-treatment'],
		['Figure 3: Rotherham’s deaths, 2001 to 2020', 'figure-3-rotherham-s-deaths-2001-to-2020'],
		['***', 'chart']
	])('%j → %j', (input, expected) => expect(slug(input)).toBe(expected));
});

describe('cssString: data-driven text in the print header cannot break out of its CSS', () => {
	it.each([
		['Medway', '"Medway"'],
		['Say "hi"', '"Say \\"hi\\""'],
		['back\\slash', '"back\\\\slash"'],
		['</style><script>alert(1)</script>', '"\\3c /style\\3e \\3c script\\3e alert(1)\\3c /script\\3e "'],
		['line\nbreak', '"line\\a break"'],
		['Southend-on-Sea · 30 September 2024', '"Southend-on-Sea · 30 September 2024"']
	])('%j → %j', (input, expected) => {
		expect(cssString(input)).toBe(expected);
		expect(cssString(input)).not.toContain('</');
	});

	it('pageCss sets A4, the running header and page numbers, and no header on the title page', () => {
		const css = pageCss({
			topLeft: 'Medway: "report"',
			topRight: 'Records as at 30 September 2024',
			bottomLeft: 'Illustrative synthetic data – not real figures'
		});
		expect(css).toContain('size: A4;');
		expect(css).toContain('@top-left { content: "Medway: \\"report\\""');
		expect(css).toContain('@bottom-right { content: "Page " counter(page) " of " counter(pages);');
		expect(css).toMatch(/@page :first \{\s*@top-left \{ content: none; \}/);
	});
});
