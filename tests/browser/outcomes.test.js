// The outcomes framework and the recovery measures (issue 15): the /outcomes page for Rotherham shows every outcome
// of the framework as a row, each measure the data can show with its figure and the others with the data that
// would show them, rows linking to their figures, and each recovery figure's table equal to its golden (small
// numbers suppressed as the board and report show them); the board's framework slide at 1920×1080 fits the slide
// and carries the illustrative label; the report has the two sections.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { BASE, launch, openPage, shot, visit } from './harness.js';

const AREA = 'E08000018';
const golden = (id) => JSON.parse(readFileSync(`tests/unit/output/measures/${AREA}/${id}.json`, 'utf8'));
/** A table row's cells as text (the figure's table may sit in a closed <details>, where innerText is empty). */
const cells = (row) => row.evaluate((tr) => [...tr.cells].map((c) => c.textContent.trim()));
const hydrated = (page) => page.waitForFunction(() => performance.getEntriesByName('hydrated').length > 0);

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

test('the outcomes page, the board slide and the report for Rotherham', async () => {
	const { page, context, errors, foreign } = await openPage(browser, { width: 1366, height: 768 });
	await page.goto(`${BASE}/outcomes?area=${AREA}`);
	await hydrated(page);
	assert.equal(await page.locator('nav[aria-label="Main"] a[aria-current="page"]').innerText(), 'Outcomes');

	// The framework: every outcome a group, every measure a row, shown or naming the data that would show it.
	const fw = page.locator(`#fig-outcomes-framework-${AREA}`);
	const g = golden('outcomes-framework');
	assert.equal((await fw.locator('h3').innerText()).trim(), g.title);
	const groups = await fw.locator('table.score tr.group th').allInnerTexts();
	assert.deepEqual(
		groups.map((t) => t.split(/\s+(Strategic|Intermediate|Grant)/)[0]),
		[
			'Reducing drug use',
			'Reducing drug-related crime',
			'Reducing drug-related deaths and harm',
			'Reducing drug supply',
			'Increasing engagement in drug treatment',
			'Improving drug recovery outcomes',
			'Also held to by the treatment grant'
		]
	);
	const rows = await fw
		.locator('table.score tbody tr:not(.group)')
		.evaluateAll((trs) =>
			trs.map((tr) => ({ text: tr.textContent.replace(/\s+/g, ' ').trim(), href: tr.querySelector('a')?.getAttribute('href') ?? null }))
		);
	assert.equal(rows.length, g.table.rows.length, 'one row per measure');
	for (const [i, r] of rows.entries()) {
		const want = g.table.rows[i];
		if (want.value === 'not in the loaded data') {
			assert.match(r.text, /Not in the loaded data\. Would show it: /, `${want.measure}: names the data`);
			assert.equal(r.href, null);
		} else {
			assert.ok(r.text.includes(want.value), `${want.measure}: ${want.value} shown`);
			assert.ok(r.href, `${want.measure}: links to its figure`);
		}
	}
	assert.ok(
		rows.some((r) => /Illustrative: off track/.test(r.text)),
		'statuses from synthetic data say so'
	);

	// A row's link leads to its figure on this page.
	await fw.getByRole('link', { name: /^Completed treatment/ }).click();
	await page.waitForURL(/#fig-completions-E08000018$/);
	assert.ok(await page.locator(`#fig-completions-${AREA}`).isVisible());

	// Each recovery figure: title, the synthetic label and its table, as the golden has them (suppressed as shown).
	const ids = ['completions', 'completions-substance', 'representations', 'early-exits', 'waits'];
	const figs = await page.evaluate(
		({ ids, area }) =>
			ids.map((id) => {
				const f = document.getElementById(`fig-${id}-${area}`);
				return {
					title: f.querySelector('h3').textContent.trim(),
					summary: f.querySelector('.summary').textContent.trim(),
					rows: [...f.querySelectorAll('details.data table tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent.trim()))
				};
			}),
		{ ids, area: AREA }
	);
	ids.forEach((id, i) => {
		const want = golden(id);
		assert.equal(figs[i].title, want.title, `${id}: title`);
		assert.match(figs[i].summary, /^Illustrative data: /, `${id}: illustrative`);
		assert.deepEqual(
			figs[i].rows,
			want.table.rows.map((r) => want.table.columns.map((c) => r[c.key] ?? '')),
			`${id}: table = golden`
		);
	});
	await page.screenshot({ path: shot('outcomes-rotherham'), fullPage: false });

	// The board's framework slide at 1920×1080: the table fits between the heading and the footer, nothing cut off.
	await page.setViewportSize({ width: 1920, height: 1080 });
	// The framework is the deck's last slide (a recap): a slide number past the end opens it.
	await visit(page, `/board?area=${AREA}&slide=99`);
	await page.locator('.board[data-ready="true"]').waitFor();
	assert.equal(await page.locator('.slide').getAttribute('data-slide-id'), 'outcomes-framework');
	const box = await page.evaluate(() => {
		const t = document.querySelector('.slide table.score').getBoundingClientRect();
		const foot = document.querySelector('.slide footer.meta').getBoundingClientRect();
		const wrap = document.querySelector('.slide .wrap');
		return { bottom: t.bottom, right: t.right, footTop: foot.top, width: innerWidth, overflow: wrap.scrollWidth - wrap.clientWidth };
	});
	assert.ok(box.bottom <= box.footTop, `the table ends above the footer (${box.bottom} ≤ ${box.footTop})`);
	assert.ok(box.right <= box.width && box.overflow <= 0, 'no column is cut off');
	const slide = await page.locator('.slide').innerText();
	assert.match(slide, /Illustrative synthetic data/);
	assert.match(slide, /Successful completions\s+14\.9%/);
	await page.screenshot({ path: shot('outcomes-board-1920') });

	// The report: the framework and the recovery sections, suppressed and labelled.
	await visit(page, `/report?area=${AREA}&sections=outcomes,recovery`);
	await page.locator(`#fig-waits-${AREA}`).waitFor();
	assert.match(await page.locator('#section-outcomes h2').innerText(), /Outcomes framework$/);
	assert.match(await page.locator('#section-recovery h2').innerText(), /Recovery outcomes$/);
	assert.match(await page.locator(`#fig-completions-${AREA}`).innerText(), /Illustrative data: In the 12 months to Mar 2024/);

	assert.deepEqual(foreign, []);
	assert.deepEqual(errors, []);
	await context.close();
});

test('unmet need for opiate and crack users appears once an estimate is loaded (Fingertips 93517 or a figures file)', async () => {
	const { page, context, errors, foreign } = await openPage(browser, { width: 1366, height: 768 });
	await page.goto(`${BASE}/outcomes?area=E06000035`);
	await hydrated(page);
	// Nothing is loaded: no figure, and the framework row names the data that would show it.
	assert.equal(await page.locator('#fig-unmet-need-ocu-E06000035').count(), 0);
	assert.match(
		await page.locator('#fig-outcomes-framework-E06000035').innerText(),
		/a Fingertips export of indicator 93517, or a figures file with metric ocu_prevalence/
	);

	await visit(page, '/data');
	await page.getByTestId('file-input').setInputFiles(['tests/fixtures/ocu/fingertips-93517.csv', 'tests/fixtures/ocu/ocu-figures.csv']);
	await page.waitForFunction(() => performance.getEntriesByName('load-redrawn').length > 0, null, { timeout: 60_000 });

	// Medway, from the figures file: 500 published in 2022-23 against an estimate of 2,000 (1,600 to 2,500).
	await visit(page, '/outcomes?area=E06000035');
	const medway = page.locator('#fig-unmet-need-ocu-E06000035');
	await medway.waitFor({ timeout: 60_000 });
	assert.deepEqual(await cells(medway.locator('table tbody tr', { hasText: '2022-23' })), ['2022-23', '500', '75%', '68.8% to 80%']);
	assert.match(await page.locator('#fig-outcomes-framework-E06000035').innerText(), /2,000 users \(1,600 to 2,500\)/);

	// Rotherham, from the Fingertips export: its Count (3,000), with the rate's limits scaled to whole people; the
	// treatment count comes from synthetic records here, and says so.
	await visit(page, '/outcomes?area=E08000018');
	const rotherham = page.locator('#fig-unmet-need-ocu-E08000018');
	await rotherham.waitFor({ timeout: 60_000 });
	const text = await rotherham.innerText();
	assert.match(text, /3,000/);
	assert.match(text, /Illustrative/);
	assert.match(await page.locator('#fig-outcomes-framework-E08000018').innerText(), /3,000 users \(2,500 to 3,750\)/);

	// The report carries the figure, naming the estimate and its source.
	await visit(page, '/report?area=E06000035&sections=recovery');
	const printed = page.locator('#fig-unmet-need-ocu-E06000035');
	await printed.waitFor({ timeout: 60_000 });
	const report = await printed.textContent();
	assert.match(report, /against an estimated 2,000 opiate and\/or crack cocaine users \(2019-20 estimate\)/);
	assert.match(report, /Source: Test fixture: invented values not real/);
	await page.screenshot({ path: shot('unmet-need-ocu-report'), fullPage: false });

	assert.deepEqual(foreign, []);
	assert.deepEqual(errors, []);
	await context.close();
});
