// Text from a file is data: an area name, note or source holding markup renders as text in every chart,
// table, tooltip, slide, report and export, and never runs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { launch, openPage, BASE, waitForEngine, visit } from './harness.js';

const NAME = '<img src=x onerror=window.__xss=1>';
let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

test('markup in loaded data renders as text everywhere and never runs', async () => {
	const { page, context, errors } = await openPage(browser);
	let dialogs = 0;
	page.on('dialog', (d) => {
		dialogs++;
		void d.dismiss();
	});
	await page.goto(`${BASE}/data`);
	await waitForEngine(page);
	await page.getByTestId('file-input').setInputFiles(path.resolve('tests/fixtures/markup-in-data.csv'));
	await page.getByText('Loaded markup-in-data.csv').waitFor({ timeout: 60_000 });

	for (const route of ['/', '/treatment', '/continuity', '/resources', '/board', '/board?slide=2', '/report']) {
		await visit(page, `${route}${route.includes('?') ? '&' : '?'}area=E06000099`);
		await page.waitForFunction(() => document.body.innerText.includes('<img src=x'), null, { timeout: 60_000 });
		assert.equal(await page.evaluate(() => window.__xss), undefined, `${route}: no script ran`);
		assert.equal(
			await page.locator('img[src="x"], b[onmouseover], svg[onload], script:not([src]):not([type])').filter({ hasText: /xss/ }).count(),
			0
		);
		assert.equal(await page.locator('img[src="x"]').count(), 0, `${route}: no injected <img>`);
	}
	// The picker offers the area under its name, as text.
	await visit(page, '/treatment?area=E06000099');
	const figure = page.locator('#fig-trajectory-E06000099');
	await figure.locator('h3', { hasText: '<img' }).waitFor({ timeout: 60_000 });
	assert.match(await figure.locator('h3').textContent(), /<img src=x onerror=window\.__xss=1>: adults in treatment/);
	assert.match(await figure.locator('figcaption').textContent(), /<b onmouseover=window\.__xss=3>Test fixture<\/b>/);
	// The keyboard tooltip shows the name as text too.
	await figure.locator('svg[role="img"]').focus();
	await page.keyboard.press('Home');
	assert.equal(await figure.locator('.tooltip img').count(), 0);

	// Exports: the SVG holds the name escaped; the CSV keeps the formula-looking source as inert text.
	const [svgDownload] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: 'SVG' }).click()]);
	const svg = readFileSync(await svgDownload.path(), 'utf8');
	assert.ok(svg.includes('&lt;img src=x onerror=window.__xss=1&gt;'), 'escaped in the SVG');
	assert.ok(!svg.includes(NAME), 'never raw in the SVG');
	await visit(page, '/continuity?area=E06000099');
	const cont = page.locator('#fig-continuity-E06000099');
	await cont.locator('h3', { hasText: '<img' }).waitFor({ timeout: 60_000 });
	const [csvDownload] = await Promise.all([page.waitForEvent('download'), cont.getByRole('button', { name: 'CSV' }).click()]);
	const csv = readFileSync(await csvDownload.path(), 'utf8');
	// The source travels as text in the footer; no cell starts with a formula character.
	assert.ok(csv.includes('=HYPERLINK'), 'the source is kept, as text');
	assert.ok(!/(^|,|\r?\n)"?[=+@]/.test(csv), 'no cell starts with =, + or @');

	assert.equal(dialogs, 0);
	assert.equal(await page.evaluate(() => window.__xss), undefined);
	await visit(page, '/data');
	await page.getByRole('button', { name: 'Forget all loaded data' }).click();
	await page.getByText('No files of your own are loaded').waitFor({ timeout: 60_000 });
	assert.deepEqual(
		errors.filter((e) => !/Content Security Policy|Refused/.test(e)),
		[]
	);
	await context.close();
});
