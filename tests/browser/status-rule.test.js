// An area outside the four partnerships, from a figures file made for the test: a flat year (none of the planned
// places added) is off track, not "at risk", and the rule applied stands beside the status on the page, the
// board slide and the report figure; published figures are the headline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launch, openPage, BASE, waitForEngine, visit } from './harness.js';

const AREA = 'E06000099';
let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

test('a flat year is off track, with the rule applied beside the status, in every frame', async () => {
	const { page, context, errors, foreign } = await openPage(browser);
	await page.goto(`${BASE}/data`);
	await waitForEngine(page);
	await page.getByTestId('file-input').setInputFiles([path.resolve('tests/fixtures/figures-flat-year.csv')]);
	await page.getByText('Loaded figures-flat-year.csv').waitFor({ timeout: 60_000 });

	await visit(page, `/treatment?area=${AREA}`);
	const fig = page.locator(`#fig-trajectory-${AREA}`);
	await fig.waitFor({ timeout: 60_000 });
	await fig.locator('details.data summary').click();
	const cells = await fig
		.locator('details.data tbody tr')
		.evaluateAll((trs) =>
			Object.fromEntries(trs.map((tr) => [tr.children[0].textContent.trim(), [...tr.children].map((c) => c.textContent.trim())]))
		);
	// Financial year, in treatment, published, guide, guide additional, plan, plan additional, gap, status.
	assert.equal(cells['2022-23'][2], '500', 'the published figure');
	assert.equal(cells['2022-23'][4], '+20', 'the additional places as printed');
	assert.equal(cells['2022-23'].at(-1), 'Off track', 'a flat year is off track');
	assert.equal(cells['2023-24'].at(-1), 'At risk', '52 of 60 planned places (87%) is at risk');
	const text = await fig.innerText();
	assert.match(
		text,
		/Testshire \(test fixture\) had 552 adults in treatment in 2023-24 \(published figure\), 8 below the guide trajectory of 560/
	);
	assert.match(
		text,
		/At risk\s+against the guide trajectory, 2023-24: 52 of 60 planned additional places delivered \(87%; at risk from 75%\)/
	);

	await visit(page, `/continuity?area=${AREA}`);
	const cont = page.locator(`#fig-continuity-${AREA}`);
	await cont.waitFor({ timeout: 60_000 });
	assert.match(
		await cont.innerText(),
		/Off track\s+against the local plan, 2023-24: 8 of 20 planned percentage points delivered \(40%; at risk from 75%\)/
	);

	await visit(page, `/board?area=${AREA}&slide=2`);
	await page.locator('.board[data-ready="true"][data-slide="2"]').waitFor();
	assert.equal(await page.locator('.slide').getAttribute('data-slide-id'), 'trajectory');
	assert.match(await page.locator('.slide').innerText(), /52 of 60 planned additional places delivered/);

	await visit(page, `/report?area=${AREA}&sections=treatment`);
	await page.locator(`#fig-trajectory-${AREA}`).waitFor({ timeout: 60_000 });
	assert.match(await page.locator(`#fig-trajectory-${AREA}`).innerText(), /At risk\s+against the guide trajectory, 2023-24: 52 of 60/);

	assert.deepEqual(foreign, []);
	assert.deepEqual(errors, []);
	await context.close();
});
