// Every dashboard page in a real browser against the built site: it renders from the embedded data,
// its tables hold the seed figures, the URL selection round-trips, switching area updates the figures,
// no console errors, no requests off the origin, and axe-core finds no serious or critical violations.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, BASE, shot, seriousViolations } from './harness.js';

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

const PAGES = [
	// path, figure that must render, texts its tables must hold (seed figures where the page shows them)
	['/', '#fig-trajectory-E08000018', ['2,154', '2,019', '2,397', '1,957']],
	['/treatment', '#fig-trajectory-E08000018', ['2,154', '2,050', '2,178', '2,415']],
	['/treatment?area=E06000035', '#fig-substances-E06000035', ['1,190', '220', '300', '400', '150', '615', '48%', '47%']],
	['/continuity', '#fig-continuity-E08000018', ['25%', '40%', '60%', '75%', '37%']],
	['/continuity?area=E06000035', '#fig-continuity-E06000035', ['50%', '49%']],
	['/continuity?area=E06000033', '#fig-continuity-E06000033', ['29%', '37%']],
	['/rehab', '#fig-rehab-plan-E08000018', ['14', '26', '38']],
	['/deaths', '#fig-poisoning-E08000018', ['26', '33', '4,312']],
	['/deaths?area=northamptonshire', '#fig-poisoning-northamptonshire', ['28', '49']],
	['/resources', '#fig-workforce-E08000018', ['24.5', '£3,052,000', '£5,495,263']],
	['/resources?area=northamptonshire', '#fig-contracts-northamptonshire', ['£5,492,000', '£363,181', '£1,089,920']],
	['/data', 'table.files', ['seed-figures.csv', 'synthetic-journeys.csv']]
];

for (const [path, selector, texts] of PAGES) {
	test(`${path} renders its figures with the seed numbers, no errors, no foreign requests`, async () => {
		const { page, foreign, errors, context } = await openPage(browser);
		await page.goto(`${BASE}${path}`);
		await page.locator(selector).first().waitFor();
		// Selection from the URL applies after hydration.
		await page.waitForFunction(() => performance.getEntriesByName('hydrated').length > 0);
		const text = await page.locator('main').textContent();
		for (const t of texts) assert.ok(text.includes(t), `${path} should show ${t}`);
		await page.screenshot({ path: shot(`page${path.replace(/[/?=&]+/g, '-')}-1366`), fullPage: true });
		assert.deepEqual(foreign, [], 'no request leaves the origin');
		assert.deepEqual(errors, [], 'no console errors');
		await context.close();
	});
}

test('no page is wider than the window at 1366×768 or 1920×1080 (the synthetic watermark once pushed /outcomes 1 px wider)', async () => {
	for (const viewport of [
		{ width: 1366, height: 768 },
		{ width: 1920, height: 1080 }
	]) {
		const { page, context } = await openPage(browser, viewport);
		for (const path of [
			'/',
			'/deaths',
			'/treatment',
			'/continuity',
			'/rehab',
			'/outcomes',
			'/resources',
			'/indicators',
			'/data',
			'/explore'
		]) {
			await page.goto(`${BASE}${path}`);
			await page.waitForFunction(() => performance.getEntriesByName('hydrated').length > 0);
			const { scroll, client } = await page.evaluate(() => ({
				scroll: document.documentElement.scrollWidth,
				client: document.documentElement.clientWidth
			}));
			assert.ok(scroll <= client, `${path} at ${viewport.width} px: ${scroll} px wide in a ${client} px window`);
		}
		await context.close();
	}
});

test('every chart is an accessible figure: title, summary, SVG with a text alternative, source, data table', async () => {
	const { page, context } = await openPage(browser);
	for (const path of ['/', '/treatment', '/continuity', '/rehab', '/deaths', '/resources']) {
		await page.goto(`${BASE}${path}`);
		const figures = await page.locator('figure.figure').all();
		assert.ok(figures.length > 0, `${path} has figures`);
		for (const f of figures) {
			assert.ok((await f.locator('h3').textContent()).trim().length > 10);
			assert.ok((await f.locator('.summary').textContent()).trim().length > 20);
			const svg = f.locator('.chart svg[role="img"]').first();
			assert.ok((await svg.locator('title').textContent()).trim().length > 10);
			assert.match(await f.locator('figcaption').textContent(), /Source:/);
			assert.ok((await f.locator('details.data table tbody tr').count()) > 0);
		}
	}
	await context.close();
});

test('the URL selection round-trips and an area switch updates every figure', async () => {
	const { page, context, errors } = await openPage(browser);
	await page.goto(`${BASE}/treatment?area=E06000035&cohort=opiate`);
	await page.waitForFunction(() => performance.getEntriesByName('hydrated').length > 0);
	await page.locator('#fig-trajectory-E06000035').waitFor();
	assert.equal(await page.locator('button[aria-pressed="true"]', { hasText: 'Opiate' }).count(), 1);
	const before = await page.locator('main').textContent();
	await page.getByRole('button', { name: 'Southend-on-Sea' }).click();
	await page.waitForURL(/area=E06000033/);
	assert.match(page.url(), /cohort=opiate/);
	await page.locator('#fig-trajectory-E06000033').waitFor();
	const after = await page.locator('main').textContent();
	assert.notEqual(before, after);
	for (const h of await page.locator('figure.figure h3').allTextContents())
		assert.ok(!h.includes('Medway'), `figure still about Medway: ${h}`);
	// Reload: the link reopens exactly this view.
	await page.reload();
	await page.locator('#fig-trajectory-E06000033').waitFor();
	assert.equal(await page.locator('button[aria-pressed="true"]', { hasText: 'Southend-on-Sea' }).count(), 1);
	// Several areas: small multiples, one figure each.
	await page.goto(`${BASE}/treatment?area=E08000018,E06000035,E06000061,E06000062`);
	await page.locator('#fig-trajectory-northamptonshire').waitFor();
	assert.equal(await page.locator('figure[id^="fig-trajectory-"]').count(), 3);
	await page.screenshot({ path: shot('treatment-compare-1366'), fullPage: true });
	assert.deepEqual(errors, []);
	await context.close();
});

test('keyboard tooltips: a focused chart reads its values with the arrow keys', async () => {
	const { page, context } = await openPage(browser);
	await page.goto(`${BASE}/`);
	await page.waitForFunction(() => performance.getEntriesByName('hydrated').length > 0);
	await page.locator('#fig-trajectory-E08000018 svg[role="img"]').focus();
	await page.keyboard.press('End');
	await page.keyboard.press('ArrowLeft');
	const tip = await page.locator('#fig-trajectory-E08000018 .tooltip').textContent();
	assert.match(tip, /2023-24/);
	assert.match(tip, /Guide trajectory: 2,154/);
	await context.close();
});

test('no serious or critical accessibility violations (axe-core), light and dark', async () => {
	for (const colorScheme of ['light', 'dark']) {
		const { page, context } = await openPage(browser, { colorScheme, context: { bypassCSP: true } });
		for (const path of ['/', '/treatment', '/continuity', '/rehab', '/deaths', '/resources', '/data']) {
			await page.goto(`${BASE}${path}`);
			await page.waitForFunction(() => performance.getEntriesByName('hydrated').length > 0);
			assert.deepEqual(await seriousViolations(page), [], `${path} (${colorScheme})`);
		}
		if (colorScheme === 'dark') await page.screenshot({ path: shot('home-dark-1366'), fullPage: false });
		await context.close();
	}
});
