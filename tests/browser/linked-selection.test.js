// Linked selection: choosing a year in one chart (click or keyboard) sets the shared selection; the other
// charts and tables on the page follow, a removable chip shows it, and it lives in the URL.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, BASE, shot } from './harness.js';

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

test('clicking a year in the trajectory chart highlights it in the monthly chart and the tables', async () => {
	const { page, context, errors } = await openPage(browser);
	await page.goto(`${BASE}/treatment?area=E06000035`);
	await page.waitForFunction(() => performance.getEntriesByName('hydrated').length > 0);
	const chart = page.locator('#fig-trajectory-E06000035 svg[role="img"]');
	// Keyboard: focus, move to 2023-24 (the second last category), press Enter.
	await chart.focus();
	await page.keyboard.press('End');
	await page.keyboard.press('ArrowLeft');
	await page.keyboard.press('Enter');
	await page.waitForURL(/period=2023-24/);
	await page.getByText('Period: 2023-24').waitFor();
	// The monthly chart shades the twelve months of 2023-24, the presentations chart its year.
	assert.equal(await page.locator('#fig-monthly-E06000035 .selected-band').count(), 12);
	assert.equal(await page.locator('#fig-presentations-E06000035 .selected-band').count(), 1);
	assert.equal(await page.locator('#fig-trajectory-E06000035 tr.selected th').textContent(), '2023-24');
	await page.screenshot({ path: shot('linked-selection'), fullPage: false });
	// Clicking a month in the other chart moves the selection to that month's financial year.
	const monthly = page.locator('#fig-monthly-E06000035 svg[role="img"]');
	await monthly.scrollIntoViewIfNeeded();
	const box = await monthly.boundingBox();
	await page.mouse.move(box.x + box.width * 0.2, box.y + box.height / 2);
	await page.mouse.click(box.x + box.width * 0.2, box.y + box.height / 2);
	await page.waitForURL((u) => /period=20\d\d-\d\d/.test(u.search) && !u.search.includes('period=2023-24'));
	const period = new URL(page.url()).searchParams.get('period');
	assert.equal(await page.locator('#fig-trajectory-E06000035 tr.selected th').textContent(), period);
	// The chip removes it.
	await page.getByRole('button', { name: `Remove period ${period}` }).click();
	await page.waitForURL((u) => !u.search.includes('period='));
	assert.equal(await page.locator('.selected-band').count(), 0);
	assert.deepEqual(errors, []);
	await context.close();
});
