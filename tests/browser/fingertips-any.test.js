// Any Fingertips export, as downloaded: the made-up fixture (indicator 90999 and 90998, every quirk of real exports)
// loaded on /data gives a validation report saying what was ignored; /indicators then shows the unknown indicator's
// trend with England beside it and every area of the same type ranked; an area only the file knows (Corby) is
// selectable; the report has the section. Screenshots at 1366 and 1920, light and dark, from one engine start.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launch, openPage, BASE, shot, waitForEngine, visit } from './harness.js';

const FIXTURE = path.resolve('tests/fixtures/fingertips-any-indicator.csv');
const TREND = '#fig-fingertips-90999-trend-E08000018';
const RANKED = '#fig-fingertips-90999-ranked-E08000018';
const text = async (loc) => (await loc.textContent()).replace(/\s+/g, ' ');
let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

test('an indicator the dashboard has never heard of gets a figure with England beside it', async () => {
	const { page, context, foreign, errors } = await openPage(browser);
	await page.goto(`${BASE}/data`);
	await waitForEngine(page);
	await page.getByTestId('file-input').setInputFiles(FIXTURE);
	await page.getByText('Loaded fingertips-any-indicator.csv').waitFor({ timeout: 60_000 });
	assert.match(
		await text(page.locator('.note-box', { hasText: 'fingertips-any-indicator.csv' })),
		/53 rows \(Fingertips indicator export\); 7 rows ignored/
	);
	const report = page.locator('details', { hasText: 'Validation report for fingertips-any-indicator.csv' });
	await report.locator('summary').click();
	const r = await text(report);
	assert.match(r, /53 rows loaded, 0 rejected, 7 ignored/);
	assert.match(r, /Columns not used: .*Column not used/);
	assert.match(r, /England repeated for 2019 - 21 in another area-type block: the first row is used, this one ignored/);
	assert.match(r, /Area Code "U99999" .* cannot place it: row ignored/);

	await visit(page, '/indicators?area=E08000018');
	const trend = page.locator(TREND);
	await trend.waitFor({ timeout: 30_000 });
	const t = await text(trend);
	assert.match(t, /Rotherham: Test indicator \(test fixture\) against England/);
	assert.match(t, /77\.7 \(95% CI 66\.6 to 88\.8\) against England’s 50\.0: worse than England \(the file’s own judgement\)/);
	assert.match(t, /Source: OHID Fingertips, indicator 90999, Test indicator \(test fixture\), exported fingertips-any-indicator\.csv/);
	assert.equal(await trend.locator('svg[role="img"] .end-label', { hasText: /^England$/ }).count(), 1, 'England drawn beside Rotherham');
	await trend.locator('details.data summary').click();
	const cells = await trend.locator('details.data tr', { hasText: '2018 to 2020' }).locator('th, td').allInnerTexts();
	assert.deepEqual(
		[cells[1], cells[3], cells.at(-1)],
		['–', '4.7', 'No value published: Value suppressed: small count (test fixture) (count 4.7)']
	);
	const ranked = page.locator(RANKED);
	assert.match(await text(ranked), /Rotherham ranks 2nd highest of 10 Counties & UAs \(from Apr 2021\)/);
	assert.equal(await ranked.locator('svg[role="img"] rect').count(), 10);
	assert.equal(await ranked.locator('svg .selected-label').textContent(), 'Rotherham: 77.7');
	await page.screenshot({ path: shot('fingertips-any-1366-light'), fullPage: true });
	await page.setViewportSize({ width: 1920, height: 1080 });
	await page.screenshot({ path: shot('fingertips-any-1920-light'), fullPage: true });
	await page.emulateMedia({ colorScheme: 'dark' });
	await page.screenshot({ path: shot('fingertips-any-1920-dark'), fullPage: true });
	await page.setViewportSize({ width: 1366, height: 768 });
	await page.screenshot({ path: shot('fingertips-any-1366-dark'), fullPage: true });
	await page.emulateMedia({ colorScheme: 'light' });

	// An area only the file knows: chosen from the picker, it has its own trend and ranking.
	await page.getByLabel('Other area in the loaded data').selectOption({ label: 'Corby' });
	await page.locator('#fig-fingertips-90999-trend-E07000150').waitFor({ timeout: 30_000 });
	assert.match(
		await text(page.locator('#fig-fingertips-90999-ranked-E07000150')),
		/Corby ranks highest of 3 Districts & UAs \(from Apr 2021\) with a value in 2017 to 2019/
	);

	// The report carries the loaded indicators in their own section.
	await visit(page, '/report?area=E08000018&sections=indicators');
	const section = page.locator('#section-indicators');
	await section.waitFor({ timeout: 30_000 });
	assert.match(await text(section.locator('h2')), /Other indicators from loaded files/);
	assert.equal(await section.locator('figure[data-measure^="fingertips-"]').count(), 4);

	assert.deepEqual(foreign, []);
	assert.deepEqual(errors, []);
	await context.close();
});
