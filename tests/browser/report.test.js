// The scrutiny report (/report): printed to A4 PDF by Chromium, then read back with poppler (pdftotext,
// pdfinfo, pdftoppm): page count, the Medway figures from the seed, the running header with the area
// name and page numbers, no site chrome, figures and tables kept whole, and greyscale pages to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { launch, openPage, BASE, OUT } from './harness.js';

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

const MEDWAY = 'E06000035';
const SOUTHEND = 'E06000033';

async function openReport(page, query) {
	await page.goto(`${BASE}/report?${query}`);
	// The selection applies after hydration; wait for the area-specific title.
	await page.waitForFunction(
		() => document.querySelector('.report-title')?.textContent?.trim() && document.querySelector('#report-page-css')
	);
	// The static HTML already has a title: wait for hydration and the frame after it, when ?area and ?sections apply.
	await page.waitForFunction(() => performance.getEntriesByName('hydrated').length > 0);
	await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

function pdfText(file, first, last) {
	const args = ['-layout'];
	if (first) args.push('-f', String(first), '-l', String(last ?? first));
	return execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' });
}

function pageCount(file) {
	const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
	return Number(info.match(/^Pages:\s+(\d+)/m)[1]);
}

test('Medway report prints to A4 PDF with the seed figures, a running header and page numbers', async () => {
	const { page, context, errors, foreign } = await openPage(browser, { width: 1280, height: 900 });
	await openReport(page, `area=${MEDWAY}`);
	assert.equal(await page.locator('.report-title').innerText(), 'Medway');
	// Rows of each figure's data table, read from the page, to check nothing is split across pages.
	const tables = await page.evaluate(() =>
		[...document.querySelectorAll('.report-figure:has(.table-block)')].map((f) => {
			const rows = [...f.querySelectorAll('.table-block tbody tr')];
			return {
				caption: f.querySelector('.table-block caption')?.textContent?.trim() ?? '',
				first: rows[0]?.querySelector('th')?.textContent?.trim(),
				last: rows.at(-1)?.querySelector('th')?.textContent?.trim()
			};
		})
	);
	assert.ok(tables.length >= 6, `at least 6 figures (got ${tables.length})`);

	const file = path.join(OUT, 'report-medway.pdf');
	await page.pdf({ path: file, format: 'A4', printBackground: true, displayHeaderFooter: false });
	const pages = pageCount(file);
	console.log(`# Medway report: ${pages} A4 pages`);
	assert.ok(pages >= 6 && pages <= 40, `page count ${pages} within 6–40`);

	const text = pdfText(file);
	for (const figure of ['1,190', '615', '50%', '49%']) assert.ok(text.includes(figure), `PDF text contains ${figure}`);
	assert.match(text, /Prepared with the CDP Dashboard on \d{1,2} \w+ \d{4}/);
	assert.match(text, /Illustrative synthetic data – not real figures/);
	assert.match(text, /Figure 1: Medway/);
	// Site chrome is hidden in print; the report's own controls too.
	for (const chrome of ['Skip to content', 'Explore (SQL)', 'Sections to include', 'Print or save as PDF', 'Copy table'])
		assert.ok(!text.includes(chrome), `no "${chrome}" in print`);

	// Running header with the area name on every page after the title page, and "Page n of N" on all.
	for (let n = 1; n <= pages; n++) {
		const lines = pdfText(file, n)
			.split('\n')
			.map((l) => l.trim())
			.filter(Boolean);
		assert.ok(
			lines.some((l) => l.includes(`Page ${n} of ${pages}`)),
			`page ${n} numbered`
		);
		if (n > 1)
			assert.ok(
				lines.some((l) => l.startsWith('Medway: CDP scrutiny report') && l.includes('Records as at 30 September 2024')),
				`page ${n} has the running header: ${lines[0]}`
			);
	}

	// No data table split across pages: its caption and its last row print on the same page.
	const perPage = Array.from({ length: pages }, (_, i) => pdfText(file, i + 1).replace(/\s+/g, ' '));
	for (const t of tables) {
		const head = t.caption.slice(0, 40).replace(/\s+/g, ' ');
		const p = perPage.findIndex((x) => x.includes(head));
		assert.ok(p >= 0, `table "${head}" printed`);
		const rest = perPage[p].slice(perPage[p].indexOf(head));
		// The row header may wrap ("2024-25 (to" / "date)"), so look for its first word.
		const lastKey = t.last.split(' ')[0];
		assert.ok(rest.includes(lastKey), `table "${head}" ends on the page it starts (last row ${t.last})`);
	}

	// Greyscale pages for a human to look at (tests/browser/out/report-medway-grey-NN.png).
	for (const f of execFileSync('ls', [OUT], { encoding: 'utf8' }).split('\n'))
		if (f.startsWith('report-medway-grey')) rmSync(path.join(OUT, f));
	execFileSync('pdftoppm', ['-png', '-r', '60', '-gray', file, path.join(OUT, 'report-medway-grey')]);
	execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '3', file, path.join(OUT, 'report-medway-colour')]);
	assert.deepEqual(foreign, []);
	assert.deepEqual(errors, []);
	await context.close();
});

test('series are told apart without colour: every line differs by dash or marker, and lines are labelled directly', async () => {
	const { page, context } = await openPage(browser, { width: 1280, height: 900 });
	await openReport(page, `area=E08000018`);
	const charts = await page.evaluate(() =>
		[...document.querySelectorAll('.report-figure .chart svg[role="img"]')].map((svg) => {
			// Data series and references (targets, plans, ambitions) alike must be told apart without colour.
			const groups = [...svg.querySelectorAll('g.series, g.reference')];
			const sig = groups.map((g) => {
				const line = g.querySelector('path[fill="none"]');
				const dash = line?.getAttribute('stroke-dasharray') ?? 'solid';
				const width = line?.getAttribute('stroke-width') ?? '';
				const marker = g.querySelector('path[transform]')?.getAttribute('d') ?? 'none';
				const hollow = g.querySelector('path[transform]')?.getAttribute('fill')?.includes('--c-bg') ? 'hollow' : 'filled';
				return `${!line || width === '0' ? 'no-line' : dash}|${marker}|${hollow}`;
			});
			return { id: svg.closest('figure').id, sig, labels: svg.querySelectorAll('.end-labels text').length, series: groups.length };
		})
	);
	assert.ok(charts.length >= 6);
	for (const c of charts) {
		if (c.series < 2) continue;
		assert.equal(new Set(c.sig).size, c.sig.length, `${c.id}: series differ by dash/marker (${c.sig.join(' ; ')})`);
		assert.ok(c.labels >= c.series - 1, `${c.id}: series are labelled directly`);
	}
	await context.close();
});

test('sections are chosen with checkboxes, kept in the URL as ?sections=…', async () => {
	const { page, context } = await openPage(browser, { width: 1280, height: 900 });
	await openReport(page, `area=${MEDWAY}&sections=continuity,notes`);
	// Continuity by year and by quarter.
	assert.equal(await page.locator('.report-figure').count(), 2);
	assert.equal(await page.locator('#section-continuity').count(), 1);
	assert.equal(await page.locator('#section-deaths').count(), 0);
	assert.equal(await page.locator('#section-notes').count(), 1);
	await page.getByRole('checkbox', { name: 'Drug and alcohol deaths' }).check();
	await page.waitForFunction(() => new URL(location.href).searchParams.get('sections') === 'deaths,continuity,notes');
	await page.locator('#section-deaths').waitFor();
	assert.equal(new URL(page.url()).searchParams.get('area'), MEDWAY);
	await page.getByRole('checkbox', { name: 'Notes and definitions' }).uncheck();
	await page.waitForFunction(() => new URL(location.href).searchParams.get('sections') === 'deaths,continuity');
	assert.equal(await page.locator('#section-notes').count(), 0);
	// The print button calls window.print().
	await page.evaluate(() => {
		window.__printed = 0;
		window.print = () => window.__printed++;
	});
	await page.getByRole('button', { name: 'Print or save as PDF' }).click();
	assert.equal(await page.evaluate(() => window.__printed), 1);
	await context.close();
});

test('the report always suppresses small numbers, even when the URL turns suppression off', async () => {
	const { page, context } = await openPage(browser, { width: 1280, height: 900 });
	await openReport(page, `area=${SOUTHEND}&suppress=off&sections=deaths_in_treatment`);
	const cells = await page.locator('#section-deaths_in_treatment .table-block td').allInnerTexts();
	assert.ok(cells.includes('*'), 'suppressed cells shown as *');
	assert.ok(!cells.some((c) => /^[1-4]$/.test(c)), 'no count of 1 to 4 shown');
	await context.close();
});

test('the running header text is escaped CSS generated from the data', async () => {
	const { page, context } = await openPage(browser, { width: 1280, height: 900 });
	await openReport(page, `area=${MEDWAY},E08000018`);
	const css = await page.locator('#report-page-css').evaluate((el) => el.textContent);
	assert.match(css, /@top-left \{ content: "Medway and Rotherham: CDP scrutiny report"/);
	assert.match(css, /@bottom-right \{ content: "Page " counter\(page\) " of " counter\(pages\)/);
	assert.match(css, /size: A4/);
	await context.close();
});
