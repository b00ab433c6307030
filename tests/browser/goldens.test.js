// One definition, three frames: for each measure the board shows, the page figure, the report figure and
// the slide carry the numbers of the measure's golden (tests/unit/output/measures/<area>/<id>.json, written
// and checked by tests/unit/measures.test.ts from the same registry), for the four partnerships.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { BASE, launch, openPage } from './harness.js';

const AREAS = ['E08000018', 'E06000035', 'E06000033', 'northamptonshire'];
/** Measure id and the page that draws it; measures not on the board are in NO_SLIDE. */
const MEASURES = [
	['misuse', '/deaths'],
	['rate-drug_misuse_deaths_rate', '/deaths'],
	['poisoning', '/deaths'],
	['grant-deaths', '/deaths'],
	['deaths-in-treatment', '/deaths'],
	['trajectory', '/treatment'],
	['monthly', '/treatment'],
	['presentations', '/treatment'],
	['substances', '/treatment'],
	['progress', '/treatment'],
	['continuity', '/continuity'],
	['rehab', '/rehab'],
	['rehab-plan', '/rehab'],
	['treatment-per-population', '/treatment'],
	['young-people', '/outcomes'],
	['completions', '/outcomes'],
	['completions-substance', '/outcomes'],
	['representations', '/outcomes'],
	['early-exits', '/outcomes'],
	['waits', '/outcomes'],
	['unmet-need-alcohol', '/outcomes']
];
const NO_SLIDE = new Set(['treatment-per-population', 'representations', 'unmet-need-alcohol']);
const MISSING = '–';

function golden(area, id) {
	const file = `tests/unit/output/measures/${area}/${id}.json`;
	assert.ok(existsSync(file), `golden ${file} exists`);
	return JSON.parse(readFileSync(file, 'utf8'));
}

/** A table's rows as arrays of cell texts, in column order. */
const tableRows = (locator) =>
	locator.evaluate((t) => [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => c.textContent.trim())));

const hydrated = (page) => page.waitForFunction(() => performance.getEntriesByName('hydrated').length > 0);

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

for (const area of AREAS) {
	test(`${area}: pages, report and board show each measure's golden numbers`, async () => {
		const { page, context, errors } = await openPage(browser, { width: 1366, height: 768 });
		const shown = MEASURES.map(([id, path]) => ({ id, path, g: golden(area, id) })).filter((m) => m.g.shown);
		assert.ok(shown.length >= 6, `${area}: at least 6 measures shown (got ${shown.length})`);

		for (const { id, path, g } of shown) {
			await page.goto(`${BASE}${path}?area=${area}`);
			await hydrated(page);
			const fig = page.locator(`#fig-${id}-${area}`);
			assert.equal((await fig.locator('h3').innerText()).trim(), g.title, `${id}: page title`);
			const expected = g.table.rows.map((r) => g.table.columns.map((c) => r[c.key] ?? ''));
			assert.deepEqual(await tableRows(fig.locator('details.data table')), expected, `${id}: page table = golden`);
		}

		await page.goto(`${BASE}/report?area=${area}`);
		await hydrated(page);
		for (const { id, g } of shown) {
			const block = page.locator('.report-figure', { has: page.locator(`#fig-${id}-${area}`) });
			// The report drops columns that are empty in every row.
			const cols = g.table.columns.filter((c, i) => i === 0 || g.table.rows.some((r) => (r[c.key] ?? '') !== '' && r[c.key] !== MISSING));
			const expected = g.table.rows.map((r) => cols.map((c) => r[c.key] ?? ''));
			assert.deepEqual(await tableRows(block.locator('.table-block table')), expected, `${id}: report table = golden`);
			assert.match(
				await block.locator('figcaption').innerText(),
				new RegExp(`^Figure \\d+: ${g.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`)
			);
		}

		await page.goto(`${BASE}/board?area=${area}`);
		await page.locator('.board[data-ready="true"]').waitFor();
		const slides = Number(await page.locator('.board').getAttribute('data-slides'));
		const onSlides = new Set();
		for (let n = 2; n <= slides; n++) {
			await page.goto(`${BASE}/board?area=${area}&slide=${n}`);
			await page.locator(`.board[data-ready="true"][data-slide="${n}"]`).waitFor();
			const key = await page.locator('.slide').getAttribute('data-slide-id');
			const g = golden(area, key);
			onSlides.add(key);
			assert.equal(await page.locator('.slide h1').innerText(), g.name, `${key}: slide heading`);
			assert.ok((await page.locator('.slide .sentence').innerText()).startsWith(g.sentences[0]), `${key}: slide sentence`);
		}
		for (const { id } of shown) assert.equal(onSlides.has(id), !NO_SLIDE.has(id), `${id}: on the board or not, as defined`);
		assert.deepEqual(errors, []);
		await context.close();
	});
}
