// An NDTMS ViewIt adult download (three periods of the real Barnet file) loaded on the Data page: Barnet, an area
// outside the four partnerships, named in the file and not coded, becomes selectable, and the Treatment page shows
// its published numbers in treatment and new presentations for every year, labelled as rounded to 5 by NDTMS.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launch, openPage, BASE, waitForEngine, visit, shot } from './harness.js';

const BARNET = 'E09000003';
const FIXTURE = path.resolve('tests/fixtures/viewit/viewit-adult-barnet-extract.csv');
let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

/** The figure's data table, as { year: [cells…] }. */
async function tableOf(fig) {
	await fig.locator('details.data summary').click();
	return fig
		.locator('details.data tbody tr')
		.evaluateAll((trs) =>
			Object.fromEntries(trs.map((tr) => [tr.children[0].textContent.trim(), [...tr.children].map((c) => c.textContent.trim())]))
		);
}

test('a ViewIt download makes Barnet selectable, with its published numbers in treatment on the Treatment page', async () => {
	const { page, context, errors, foreign } = await openPage(browser);
	await page.goto(`${BASE}/data`);
	await waitForEngine(page);
	await page.getByTestId('file-input').setInputFiles([FIXTURE]);
	const loaded = page.getByText('Loaded viewit-adult-barnet-extract.csv');
	await loaded.waitFor({ timeout: 60_000 });
	assert.match(await loaded.locator('..').innerText(), /180 rows \(NDTMS ViewIt adult download\)\./);

	// Barnet is offered by name among the other areas, and choosing it selects it.
	const other = page.getByRole('combobox', { name: 'Other area in the loaded data' });
	// The picker's list follows the recomputed model, a moment after the file's "Loaded" line.
	await other.locator('option', { hasText: 'Barnet' }).waitFor({ state: 'attached', timeout: 30_000 });
	await other.selectOption(BARNET);
	await page.waitForURL((u) => u.searchParams.get('area') === BARNET);
	assert.equal(await other.inputValue(), BARNET, 'the picker shows the area chosen');

	await visit(page, `/treatment?area=${BARNET}`);
	const fig = page.locator(`#fig-trajectory-${BARNET}`);
	await fig.waitFor({ timeout: 60_000 });
	await page.screenshot({ path: shot('viewit-treatment-1366-light'), fullPage: false });
	const text = await fig.innerText();
	assert.match(text, /Barnet: adults in treatment against the guide trajectory/);
	assert.match(text, /NDTMS ViewIt adult download: numbers in treatment \(intreatment_allintx\); counts rounded to the nearest 5 by NDTMS/);
	assert.doesNotMatch(text, /illustrative/i, 'published figures of a real area are not illustrative');
	// Financial year, in treatment (records: none), published figure, …: every year of the file.
	const rows = await tableOf(fig);
	assert.deepEqual(
		Object.entries(rows).map(([year, cells]) => [year, cells[1], cells[2]]),
		[
			['2009-10', '–', '1,105'],
			['2016-17', '–', '1,025'],
			['2017-18', '–', '1,070']
		]
	);

	const pres = page.locator(`#fig-presentations-${BARNET}`);
	await pres.waitFor();
	assert.match(await pres.innerText(), /The published figure for 2017-18 is 505 new presentations\./);
	assert.match(await pres.innerText(), /rounded to the nearest 5 by NDTMS/);

	// The opiate cohort is the file's Opiate rows.
	await visit(page, `/treatment?area=${BARNET}&cohort=opiate`);
	await page.locator(`#fig-trajectory-${BARNET}`).getByText('opiate', { exact: false }).first().waitFor();
	const opiate = await tableOf(page.locator(`#fig-trajectory-${BARNET}`));
	assert.equal(opiate['2017-18'][2], '540');

	// Successful completions from the download's own columns, published, on the Outcomes page.
	await visit(page, `/outcomes?area=${BARNET}&cohort=adults`);
	const done = page.locator(`#fig-completions-${BARNET}`);
	await done.waitFor({ timeout: 60_000 });
	assert.match(await done.innerText(), /did not re-present within 6 months: [\d.]+% \(95% CI [^)]+\), as published\./);
	assert.doesNotMatch(await done.innerText(), /illustrative/i);

	await page.setViewportSize({ width: 1920, height: 1080 });
	await page.emulateMedia({ colorScheme: 'dark' });
	await visit(page, `/treatment?area=${BARNET}`);
	await page.locator(`#fig-trajectory-${BARNET}`).waitFor();
	await page.screenshot({ path: shot('viewit-treatment-1920-dark'), fullPage: false });

	assert.deepEqual(foreign, []);
	assert.deepEqual(errors, []);
	await context.close();
});
