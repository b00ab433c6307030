// A Fingertips export whose rows carry a Count but no Value (the rate withheld, as real exports do for small
// numbers): loaded on /data, the deaths page shows each count with the reason, never "– per 100,000", and a
// chart with no local rate to draw says so instead of showing an empty frame.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launch, openPage, BASE, shot, waitForEngine, visit } from './harness.js';

const FIXTURE = path.resolve('tests/fixtures/fingertips-count-only.csv');
const FIG = 'figure[id^="fig-rate-drug_misuse_deaths_rate-"]';
let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

test('count-only Fingertips rows show their counts on /deaths', async () => {
	const { page, context, foreign, errors } = await openPage(browser);
	await page.goto(`${BASE}/data`);
	await waitForEngine(page);
	await page.getByTestId('file-input').setInputFiles(FIXTURE);
	await page.getByText('Loaded fingertips-count-only.csv').waitFor({ timeout: 60_000 });

	// Rotherham: a rate, then two periods with counts only.
	await visit(page, '/deaths?area=E08000018');
	const fig = page.locator(FIG);
	// The embedded ONS rates show until the model with the loaded file replaces them.
	await fig
		.getByText(/the rate for Rotherham was not published/)
		.first()
		.waitFor({ timeout: 60_000 });
	await fig.locator('details.data summary').click();
	const text = (await fig.textContent()).replace(/\s+/g, ' ');
	assert.match(text, /the rate for Rotherham was not published: Value not published for data quality reasons \(fixture\) \(12 deaths\)/);
	assert.match(text, /Rate not published: fewer than 10 deaths \(7 deaths\)/);
	assert.match(text, /The latest published rate for Rotherham was 9\.1 per 100,000/);
	assert.doesNotMatch(text, /–\s*per 100,000/);
	assert.equal(await fig.locator('.chart svg[role="img"]').count(), 1, 'Rotherham has a rate to draw');
	await page.screenshot({ path: shot('count-only-rotherham'), fullPage: true });

	// Medway: counts in every period, no rate at all: a message, not an empty chart.
	await visit(page, '/deaths?area=E06000035');
	const medway = page.locator(FIG);
	await medway.waitFor({ timeout: 60_000 });
	const mtext = (await medway.textContent()).replace(/\s+/g, ' ');
	assert.match(mtext, /the rate for Medway was not published: fewer than 10 deaths \(9 deaths\)/);
	assert.match(mtext, /No rate is published for Medway in any of the 3 periods; the deaths counted are in the table\./);
	assert.doesNotMatch(mtext, /–\s*per 100,000/);
	assert.equal(await medway.locator('.chart svg[role="img"]').count(), 0, 'no empty chart frame for Medway');
	await page.screenshot({ path: shot('count-only-medway'), fullPage: true });

	await visit(page, '/data');
	await page.getByRole('button', { name: 'Forget all loaded data' }).click();
	await page.getByText('No files of your own are loaded').waitFor({ timeout: 60_000 });
	assert.deepEqual(foreign, []);
	assert.deepEqual(errors, []);
	await context.close();
});
