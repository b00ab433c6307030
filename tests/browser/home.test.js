import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, BASE, shot, waitForEngine, pastTheirCard } from './harness.js';

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

test('the home page is prerendered with the trajectory chart in its static HTML', async () => {
	const html = await (await fetch(`${BASE}/`)).text();
	assert.match(html, /<svg[^>]+role="img"/);
	assert.match(html, /Rotherham: adults in treatment against the guide trajectory/);
	// The Rotherham guide target for 2023-24 is in the prerendered table.
	assert.match(html, /2,154/);
});

test('the home page renders its chart with no console errors and no foreign requests', async () => {
	const { page, foreign, errors, context } = await openPage(browser);
	await page.goto(`${BASE}/`);
	await page.locator('#fig-trajectory-E08000018 svg[role="img"]').waitFor();
	await waitForEngine(page);
	await page.screenshot({ path: shot('home-1366'), fullPage: true });
	assert.deepEqual(foreign, []);
	assert.deepEqual(errors, []);
	await context.close();
});

test('every headline card holds its contents (status badges wrap) at 1366×768 and 1920×1080', async () => {
	for (const viewport of [
		{ width: 1366, height: 768 },
		{ width: 1920, height: 1080 }
	]) {
		const { page, context } = await openPage(browser, viewport);
		await page.goto(`${BASE}/`);
		await page.locator('.cards .card').first().waitFor();
		assert.ok((await page.locator('.cards .card .badge').count()) >= 3, 'the cards show their status badges');
		assert.deepEqual(await pastTheirCard(page, '.cards .card'), [], `${viewport.width}×${viewport.height}`);
		await context.close();
	}
});

test('the comparison table counts the partnerships it shows: four, or five with an area beyond them', async () => {
	const { page, context } = await openPage(browser);
	for (const [query, area, heading, columns] of [
		['', 'Rotherham', 'The four partnerships beside England', 6],
		['?area=E06000061', 'North Northamptonshire', 'The five partnerships beside England', 7]
	]) {
		await page.goto(`${BASE}/${query}`);
		// The prerendered page is Rotherham's; the URL's area applies once the page has hydrated.
		await page.locator('h1', { hasText: `${area}: how the partnership is doing` }).waitFor();
		const section = page.locator('section.compare');
		assert.equal((await section.locator('h2').innerText()).trim(), heading);
		assert.equal(await section.locator('thead th').count(), columns, `${heading}: measure column, the areas and England`);
	}
	await context.close();
});
