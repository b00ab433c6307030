// The embedded real data on screen: /deaths leads with ONS drug misuse deaths (2021 registrations) and the
// age-standardised rate with its 95% interval against England, each naming its ONS table; Northamptonshire shows
// its two councils' rates, never a summed one; /treatment sets adults in treatment against the adult population.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, BASE, shot, visit } from './harness.js';

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

const text = async (locator) => (await locator.textContent()).replace(/\s+/g, ' ');
const hydrated = (page) => page.waitForFunction(() => performance.getEntriesByName('hydrated').length > 0);

test('deaths: misuse first, with the rate and its interval; Northamptonshire by council; treatment per 1,000 adults', async () => {
	const { page, context, foreign, errors } = await openPage(browser);
	await page.goto(`${BASE}/deaths?area=E08000018`);
	await hydrated(page);

	// The Outcomes Framework's headline leads the page.
	const first = page.locator('figure.figure').first();
	assert.equal(await first.getAttribute('id'), 'fig-misuse-E08000018');
	const misuse = await text(first);
	assert.match(misuse, /9 deaths related to drug misuse were registered for Rotherham residents in 2021/);
	assert.match(misuse, /England registered 2,846 in 2021/);
	assert.match(misuse, /2021 registrations, Table 2/);

	const rate = page.locator('#fig-rate-drug_misuse_deaths_rate-E08000018');
	const r = await text(rate);
	assert.match(
		r,
		/In 2019 to 2021 the rate for Rotherham was 6\.7 per 100,000 \(95% CI 4\.9 to 8\.8\) against England's 5\.1: similar to England/
	);
	assert.match(r, /2021 registrations, Table 6/);
	await rate.locator('details.data summary').click();
	assert.match(await text(rate.locator('details.data table')), /U: from fewer than 20 deaths, so unreliable \(ONS rule\)/);
	assert.equal(await rate.locator('.chart svg[role="img"]').count(), 1);
	await page.screenshot({ path: shot('real-data-deaths-rotherham-1366'), fullPage: true });

	await visit(page, '/deaths?area=northamptonshire');
	const cdp = page.locator('#fig-rate-drug_misuse_deaths_rate-northamptonshire');
	await cdp.waitFor();
	const c = await text(cdp);
	assert.match(c, /No rate is published for Northamptonshire as a whole/);
	assert.match(c, /North Northamptonshire's 4\.8 \(95% CI 3\.6 to 6\.4\) and West Northamptonshire's 3\.6 \(95% CI 2\.6 to 4\.9\)/);
	assert.match(c, /crude rate \(not age-standardised/);

	await visit(page, '/treatment?area=E06000035');
	const per = page.locator('#fig-treatment-per-population-E06000035');
	await per.waitFor();
	assert.match(await text(per), /5\.6 adults per 1,000 adults aged 18 and over were in treatment in Medway \(1,190 people; ONS mid-2020/);

	assert.deepEqual(foreign, []);
	assert.deepEqual(errors, []);
	await context.close();
});
