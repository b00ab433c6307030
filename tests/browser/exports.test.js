// Exports from a chart, in a real browser: PNG at 2× (signature and size), SVG with the title and source
// drawn in (valid, standalone, loads as an image), CSV equal to the figure's data table (suppression
// markers kept, formulas neutralised), and the table copied to the clipboard as text and HTML.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, openPage, BASE, shot } from './harness.js';

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

/** Minimal RFC 4180 parser (quotes, doubled quotes, CRLF). */
function parseCsv(text) {
	const rows = [];
	let row = [];
	let cell = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (quoted) {
			if (ch === '"' && text[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else cell += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ',') {
			row.push(cell);
			cell = '';
		} else if (ch === '\n' || ch === '\r') {
			if (ch === '\r' && text[i + 1] === '\n') i++;
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
		} else cell += ch;
	}
	if (cell || row.length) {
		row.push(cell);
		rows.push(row);
	}
	return rows;
}

async function download(page, button) {
	const [dl] = await Promise.all([page.waitForEvent('download'), button.click()]);
	const file = await dl.path();
	return { name: dl.suggestedFilename(), bytes: await readFile(file) };
}

/** The figure's data table as the page shows it: header row, then body rows (all cells, as text). */
async function shownTable(figure) {
	return figure
		.locator('table')
		.first()
		.evaluate((t) => [
			[...t.querySelectorAll('thead th')].map((c) => c.textContent.trim()),
			...[...t.querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => c.textContent.replace(/ \(selected\)$/, '').trim()))
		]);
}

function pngSize(bytes) {
	assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
	assert.equal(bytes.subarray(12, 16).toString('latin1'), 'IHDR');
	return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('on /treatment a figure exports PNG at 2× and a standalone SVG with its title and source', async () => {
	const { page, context, errors, foreign } = await openPage(browser, { width: 1366, height: 900 });
	await page.goto(`${BASE}/treatment`);
	const figure = page.locator('figure:has(.export)').first();
	await figure.locator('svg[role="img"]').waitFor();
	await page.waitForFunction(() => performance.getEntriesByName('hydrated').length > 0);
	const title = (await figure.locator('h3').first().innerText()).trim();
	const source = (await figure.locator('figcaption p').first().innerText()).trim();
	assert.match(source, /^Source: /);

	const svgFile = await download(page, figure.getByRole('button', { name: 'SVG', exact: true }));
	assert.match(svgFile.name, /\.svg$/);
	const svgText = svgFile.bytes.toString('utf8');
	const parsed = await page.evaluate((s) => {
		const doc = new DOMParser().parseFromString(s, 'image/svg+xml');
		const root = doc.documentElement;
		const frameText = [...root.children]
			.filter((e) => e.localName === 'text')
			.map((t) => t.textContent)
			.join(' ');
		return {
			error: doc.querySelector('parsererror')?.textContent ?? null,
			width: Number(root.getAttribute('width')),
			height: Number(root.getAttribute('height')),
			frameText,
			title: root.querySelector('title')?.textContent
		};
	}, svgText);
	assert.equal(parsed.error, null, 'the SVG is well-formed XML');
	assert.ok(parsed.frameText.includes(title), `the SVG shows the title "${title}"`);
	assert.ok(parsed.frameText.replace(/\s+/g, ' ').includes(source.replace(/\s+/g, ' ')), `the SVG shows the source line "${source}"`);
	assert.equal(parsed.title, title);
	assert.ok(!svgText.includes('var(--'), 'no theme variables left: the SVG stands alone');
	assert.match(svgText, /Illustrative synthetic data – not real figures/, 'the synthetic label travels with the image');
	// It loads as an image at its stated size.
	const loaded = await page.evaluate(async (s) => {
		const img = new Image();
		img.src = URL.createObjectURL(new Blob([s], { type: 'image/svg+xml' }));
		await img.decode();
		return { w: img.naturalWidth, h: img.naturalHeight };
	}, svgText);
	assert.deepEqual(loaded, { w: parsed.width, h: parsed.height });

	const png = await download(page, figure.getByRole('button', { name: 'PNG', exact: true }));
	assert.match(png.name, /\.png$/);
	const size = pngSize(png.bytes);
	assert.deepEqual(size, { width: parsed.width * 2, height: parsed.height * 2 }, 'PNG is 2× the SVG');
	// Keep the image for a human to look at.
	await page.setContent(`<img src="data:image/png;base64,${png.bytes.toString('base64')}" style="width:${parsed.width}px">`);
	await page.screenshot({ path: shot('export-treatment-png'), fullPage: true });
	assert.deepEqual(foreign, []);
	assert.deepEqual(errors, []);
	await context.close();
});

for (const [path, selector] of [
	['/treatment', 'figure:has(.export)'],
	['/outcomes?area=E06000035', '#fig-completions-E06000035'],
	['/outcomes?area=northamptonshire', '#fig-unmet-need-alcohol-northamptonshire']
])
	test(`on ${path} the CSV of ${selector} holds exactly the numbers of the figure’s data table`, async () => {
		const { page, context } = await openPage(browser, { width: 1366, height: 900 });
		await page.goto(`${BASE}${path}`);
		const figure = page.locator(selector).first();
		await figure.locator('svg[role="img"]').waitFor();
		await page.waitForFunction(() => performance.getEntriesByName('hydrated').length > 0);
		const shown = await shownTable(figure);
		const csv = await download(page, figure.getByRole('button', { name: 'CSV', exact: true }));
		assert.match(csv.name, /\.csv$/);
		const text = csv.bytes.toString('utf8');
		assert.ok(text.startsWith('\ufeff'), 'UTF-8 BOM for Excel');
		const rows = parseCsv(text.slice(1));
		assert.deepEqual(rows.slice(0, shown.length), shown, 'CSV header and rows equal the data table');
		assert.ok(
			shown.flat().some((c) => /\d,\d{3}/.test(c)),
			'the table holds formatted counts'
		);
		assert.ok(
			rows.slice(shown.length).some((r) => r[0]?.startsWith('Source: ')),
			'the source travels with the data'
		);
		await context.close();
	});

test('a suppressed table exports its * markers (report figure, Southend deaths in treatment)', async () => {
	const { page, context } = await openPage(browser, { width: 1366, height: 900 });
	await page.goto(`${BASE}/report?area=E06000033&sections=deaths_in_treatment`);
	const figure = page.locator('.report-figure').first();
	await page.waitForFunction(() => document.querySelector('.report-figure figure')?.id.endsWith('E06000033'));
	const shown = await shownTable(figure);
	assert.ok(shown.flat().includes('*'), 'the table shows suppressed cells');
	const csv = await download(page, figure.getByRole('button', { name: 'CSV', exact: true }));
	const rows = parseCsv(csv.bytes.toString('utf8').replace(/^\ufeff/, ''));
	assert.deepEqual(rows.slice(0, shown.length), shown);
	assert.ok(rows.flat().includes('*'));
	assert.ok(
		rows.flat().some((c) => c.startsWith('* = suppressed')),
		'the suppression note travels with the data'
	);
	// The report's figures export images too.
	const png = await download(page, figure.getByRole('button', { name: 'PNG', exact: true }));
	pngSize(png.bytes);
	await context.close();
});

test('copy table puts tab-separated text and an HTML table on the clipboard', async () => {
	const { page, context } = await openPage(browser, {
		width: 1366,
		height: 900,
		context: { permissions: ['clipboard-read', 'clipboard-write'] }
	});
	await page.goto(`${BASE}/treatment`);
	const figure = page.locator('figure:has(.export)').first();
	await figure.locator('svg[role="img"]').waitFor();
	await page.waitForFunction(() => performance.getEntriesByName('hydrated').length > 0);
	const shown = await shownTable(figure);
	await figure.getByRole('button', { name: 'Copy table' }).click();
	await figure.getByText('Table copied').waitFor();
	const text = await page.evaluate(() => navigator.clipboard.readText());
	const lines = text.split('\n');
	assert.deepEqual(
		lines.slice(0, shown.length).map((l) => l.split('\t')),
		shown,
		'text/plain is the table, tab-separated'
	);
	// Then its notes, so a table pasted into a paper keeps its source and the synthetic label.
	assert.equal(lines[shown.length], '', 'a blank line before the notes');
	assert.ok(
		lines.some((l) => l.startsWith('Source: ')),
		'the source is copied with the table'
	);
	assert.ok(
		lines.some((l) => l.includes('Illustrative synthetic data')),
		'the synthetic label is copied with the table'
	);
	const html = await page.evaluate(async () => {
		for (const item of await navigator.clipboard.read())
			if (item.types.includes('text/html')) return (await item.getType('text/html')).text();
		return null;
	});
	assert.ok(html, 'text/html on the clipboard');
	assert.match(html, /<table>/);
	assert.ok(html.includes(shown[1][1]), 'the HTML holds the numbers');
	await context.close();
});

test('a formula in loaded data is neutralised in the CSV and the clipboard', async () => {
	const { page, context, errors } = await openPage(browser, {
		width: 1366,
		height: 900,
		context: { permissions: ['clipboard-read', 'clipboard-write'] }
	});
	await page.goto(`${BASE}/data`);
	await page.waitForFunction(() => performance.getEntriesByName('hydrated').length > 0);
	// Cohort ids are lower-cased on load.
	const evil = '=hyperlink("http://example.invalid","click")';
	const csv = [
		'area_code,area_name,metric,cohort,period,kind,value,unit,source',
		`E06000035,Medway,substantial_progress,"${evil.replace(/"/g, '""')}",2023-24,actual,40,percent,Test extract with a formula`
	].join('\n');
	await page.getByTestId('file-input').setInputFiles({ name: 'formula-test.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
	await page.waitForFunction(() => document.querySelector('header .status')?.textContent?.includes('Showing your loaded data'), null, {
		timeout: 90_000
	});
	// Go to Medway's report inside the app (the loaded data lives in this page's DuckDB).
	await page.getByRole('group', { name: 'Area' }).getByRole('button', { name: 'Medway' }).click();
	await page.waitForFunction(() => new URL(location.href).searchParams.get('area') === 'E06000035');
	await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Report' }).click();
	await page.waitForURL((u) => u.pathname === '/report');
	await page.waitForFunction(
		(e) => [...document.querySelectorAll('.report-figure tbody th')].some((th) => th.textContent.trim() === e),
		evil,
		{ timeout: 30_000 }
	);
	const figure = page.locator('.report-figure', { has: page.locator('figure[id^="fig-progress-"]') });
	const file = await download(page, figure.getByRole('button', { name: 'CSV', exact: true }));
	const rows = parseCsv(file.bytes.toString('utf8').replace(/^\ufeff/, ''));
	const cells = rows.flat();
	assert.ok(cells.includes(`'${evil}`), 'the formula cell starts with an apostrophe');
	assert.ok(!cells.some((c) => /^[=+@]/.test(c)), 'no cell starts with = + or @');
	await figure.getByRole('button', { name: 'Copy table' }).click();
	await figure.getByText('Table copied').waitFor();
	const text = await page.evaluate(() => navigator.clipboard.readText());
	assert.ok(
		text.split('\n').some((l) => l.startsWith(`'${evil}`)),
		'neutralised on the clipboard too'
	);
	assert.deepEqual(errors, []);
	await context.close();
});
