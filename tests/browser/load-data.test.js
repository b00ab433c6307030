// Loading the user's own files in the browser: a Fingertips export appears in the charts with no other
// step, a malformed file beside it gives a readable error and leaves the first loaded, a record-level
// extract replaces the synthetic one for its area, files survive a reload, and "forget all" removes them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launch, openPage, BASE, shot, waitForEngine, visit } from './harness.js';

const FIXTURES = path.resolve('tests/fixtures');
let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

test('load a Fingertips export and a malformed file, reload, then forget all', async () => {
	const { page, context, foreign, errors } = await openPage(browser);
	await page.goto(`${BASE}/data`);
	await waitForEngine(page);
	await page
		.getByTestId('file-input')
		.setInputFiles([path.join(FIXTURES, 'fingertips-drug-misuse-deaths.csv'), path.join(FIXTURES, 'malformed.csv')]);
	await page.getByText('Loaded fingertips-drug-misuse-deaths.csv').waitFor({ timeout: 60_000 });
	const alert = await page.getByRole('alert').textContent();
	assert.match(alert, /malformed\.csv, line 1: not a recognised extract/);
	assert.match(alert, /Everything loaded before is unchanged/);
	assert.match(await page.locator('table.files').textContent(), /fingertips-drug-misuse-deaths\.csv.*Fingertips indicator export/s);
	await page.screenshot({ path: shot('data-after-load'), fullPage: true });

	// The values appear on the deaths page, compared with England, in place of the embedded ONS rates.
	await visit(page, '/deaths?area=E08000018');
	const fig = page.locator('figure[id^="fig-rate-drug_misuse_deaths_rate-"]');
	await fig
		.getByText(/the rate for Rotherham was 9\.3 per 100,000/)
		.first()
		.waitFor({ timeout: 60_000 });
	const text = await fig.textContent();
	assert.match(text, /9\.3/);
	assert.match(text, /Worse than England/);
	// The sex breakdown row (99.9) is an inequality row, not a headline value.
	assert.ok(!text.includes('99.9'));

	// A reload keeps the file (IndexedDB) and the chart.
	await page.reload();
	await fig
		.getByText(/the rate for Rotherham was 9\.3 per 100,000/)
		.first()
		.waitFor({ timeout: 60_000 });

	// Southend's suppressed period is a gap, never a zero.
	await visit(page, '/deaths?area=E06000033');
	// (in the figure's data table, closed, so attached rather than visible)
	await page
		.locator('#fig-rate-drug_misuse_deaths_rate-E06000033')
		.getByText(/Value suppressed/)
		.first()
		.waitFor({ state: 'attached', timeout: 60_000 });

	await visit(page, '/data');
	await page.getByRole('button', { name: 'Forget all loaded data' }).click();
	await page.getByText('No files of your own are loaded').waitFor({ timeout: 60_000 });
	await visit(page, '/deaths?area=E08000018');
	await page.waitForFunction(() => document.querySelector('header .status')?.textContent?.includes('DuckDB ready'));
	// Once the restarted engine's model (embedded data only) replaces the old one, the rate is ONS's again.
	await page
		.locator('figure[id^="fig-rate-drug_misuse_deaths_rate-"]')
		.getByText(/the rate for Rotherham was 6\.7 per 100,000/)
		.first()
		.waitFor({ timeout: 60_000 });
	assert.deepEqual(foreign, []);
	assert.deepEqual(errors, []);
	await context.close();
});

test('a record-level extract replaces the synthetic records for its area', async () => {
	const { page, context, errors } = await openPage(browser);
	await page.goto(`${BASE}/data`);
	await waitForEngine(page);
	await page.getByTestId('file-input').setInputFiles(path.join(FIXTURES, 'journeys-rotherham-small.csv'));
	await page.getByText('Loaded journeys-rotherham-small.csv').waitFor({ timeout: 60_000 });
	await visit(page, '/treatment');
	await page.locator('#fig-trajectory-E08000018').waitFor();
	await page.waitForFunction(() => document.querySelector('header .status')?.textContent?.includes('your loaded data'), null, {
		timeout: 60_000
	});
	const fig = await page.locator('#fig-trajectory-E08000018').textContent();
	// 60 journeys cannot give the synthetic ~2,000; the figure is no longer labelled synthetic.
	assert.ok(!fig.includes('Illustrative synthetic data – not real figures'), 'Rotherham no longer synthetic');
	assert.match(fig, /Source:.*seed 000/);
	// Guide targets (published) are still there beside the user's numbers.
	assert.match(fig, /2,154/);
	// Medway still shows synthetic data, labelled.
	await visit(page, '/treatment?area=E06000035');
	await page.locator('#fig-trajectory-E06000035 .synthetic-flag').waitFor();
	await visit(page, '/data');
	await page.getByRole('button', { name: 'Forget all loaded data' }).click();
	await page.getByText('No files of your own are loaded').waitFor({ timeout: 60_000 });
	assert.deepEqual(errors, []);
	await context.close();
});
