import { describe, it, expect } from 'vitest';
import { neutralise, toCsv, toTsv, toHtml, slug, type TableSpec } from '$lib/export/table';
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

describe('toCsv', () => {
	it('quotes, keeps suppression markers and neutralises formulas, with notes after a blank line', () => {
		const csv = toCsv(table);
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

describe('toTsv', () => {
	it('one line per row, tabs between cells, no tabs or newlines inside cells', () => {
		const lines = toTsv(table).split('\n');
		expect(lines).toHaveLength(4);
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
