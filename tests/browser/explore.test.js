// The SQL explorer (/explore): running queries and reading results, plain-words errors, the schema panel,
// CSV and Arrow downloads, the query in the URL, cancelling a long query, restoring altered tables, a
// 200,000-row result in the virtualised table, and the quick chart. Screenshots go to tests/browser/out/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, openPage, BASE, shot, waitForEngine, seriousViolations } from './harness.js';
import { embeddedJourneysFacts } from '../fixtures/embedded-journeys-facts.js';

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

const FACTS = embeddedJourneysFacts();
const fmt = (n) => n.toLocaleString('en-GB');

async function openExplorer(query = '') {
	const ctx = await openPage(browser);
	await ctx.page.goto(`${BASE}/explore${query}`);
	await waitForEngine(ctx.page);
	await ctx.page.locator('[data-testid=schema-panel] li[data-object=journeys]').waitFor({ timeout: 60_000 });
	return ctx;
}

/** Types SQL into the editor and runs it with Ctrl+Enter; resolves when the run has finished. */
async function runSql(page, sql) {
	const editor = page.getByTestId('sql-editor');
	const before = Number(await page.getByTestId('run-status').getAttribute('data-runs'));
	await editor.fill(sql);
	await editor.press('Control+Enter');
	await page.waitForFunction((n) => Number(document.querySelector('[data-testid=run-status]')?.getAttribute('data-runs')) > n, before, {
		timeout: 60_000
	});
}

/** The editor's text: CodeMirror draws each line as a .cm-line inside the labelled textbox. */
async function editorText(page) {
	return page.getByTestId('sql-editor').evaluate((el) => [...el.querySelectorAll('.cm-line')].map((line) => line.textContent).join('\n'));
}

/** Text of the visible cells of the result table, row by row. */
async function cells(page) {
	return page.$$eval('[data-testid=result-table] [role=row][aria-rowindex]:not([aria-rowindex="1"])', (rows) =>
		rows.map((r) => [...r.querySelectorAll('[role=cell]')].slice(1).map((c) => c.textContent.trim()))
	);
}

test('the explorer page is prerendered, says nothing leaves the machine and that results are not suppressed', async () => {
	const html = await (await fetch(`${BASE}/explore`)).text();
	assert.match(html, /Explore with SQL/);
	assert.match(html, /nothing you type, load or download leaves this\s+computer/);
	assert.match(html, /Raw results, no suppression/);
	assert.doesNotMatch(html, /duckdb-eh\.wasm/);
});

test('the Medway rehab example answers with the same number as a plain count of the CSV and a second query', async () => {
	const { page, context, foreign, errors } = await openExplorer();
	await page.locator('[data-example=medway-opiate-rehab]').click();
	await page
		.getByTestId('result-summary')
		.getByText(/^1 row, 1 column/)
		.waitFor({ timeout: 60_000 });
	const [[answer]] = await cells(page);
	assert.equal(Number(answer), FACTS.medwayOpiateRehab);
	assert.ok(FACTS.medwayOpiateRehab > 0);
	// The same question asked another way, straight from the canonical table.
	await runSql(
		page,
		`SELECT count(*) AS n FROM (SELECT DISTINCT client_id FROM journeys WHERE area_code = 'E06000035' AND substance_group LIKE 'opiate%' AND year(rehab_start_date) * 100 + month(rehab_start_date) BETWEEN 202304 AND 202403)`
	);
	const [[again]] = await cells(page);
	assert.equal(Number(again), FACTS.medwayOpiateRehab);
	assert.match(await page.getByTestId('run-status').textContent(), /1 row in \d+(\.\d+)? m?s/);
	assert.deepEqual(foreign, []);
	assert.deepEqual(errors, []);
	await context.close();
});

test('ENUM columns show their values and their type (DuckDB-WASM streams them without their dictionaries)', async () => {
	const { page, context, foreign, errors } = await openExplorer();
	await runSql(
		page,
		`SELECT v::ENUM('opiate', 'alcohol') AS "substance ""group""", n FROM (VALUES ('alcohol', 1), ('opiate', 2), (NULL, 3)) t(v, n) ORDER BY n -- last line is a comment`
	);
	assert.deepEqual(await cells(page), [
		['alcohol', '1'],
		['opiate', '2'],
		['NULL', '3']
	]);
	const types = await page.$$eval('[data-testid=result-table] [role=columnheader] .type', (els) => els.map((e) => e.textContent.trim()));
	assert.deepEqual(types, ['ENUM', 'INTEGER']);
	// A statement that is not a query is never run twice, even when it returns an ENUM.
	await runSql(
		page,
		"CREATE TABLE enum_once AS SELECT 1 AS n, 'a'::ENUM('a', 'b') AS e; INSERT INTO enum_once VALUES (2, 'b') RETURNING n, e"
	);
	assert.equal((await cells(page))[0][0], '2');
	// Its ENUM column cannot be read there, and the page says so instead of showing it empty without a word.
	assert.match(
		await page.getByTestId('unreadable-enums').innerText(),
		/The ENUM column "e" cannot be read from a statement that is not a query/
	);
	await runSql(page, 'SELECT count(*) AS rows FROM enum_once');
	assert.equal(await page.getByTestId('unreadable-enums').count(), 0);
	assert.deepEqual(await cells(page), [['2']]);
	assert.deepEqual(foreign, []);
	assert.deepEqual(errors, []);
	await context.close();
});

test('bad SQL gives DuckDB’s message inline, in plain words, without a stack', async () => {
	const { page, context, errors } = await openExplorer();
	await runSql(page, 'SELECT * FROM foo');
	const err = page.getByTestId('query-error');
	await err.waitFor();
	const text = await err.textContent();
	assert.match(text, /Catalog Error: Table with name foo does not exist!/);
	assert.doesNotMatch(text, /\.js:\d+|\bat \w+ \(|Stack Trace/);
	await runSql(page, 'SELEC 1');
	assert.match(await err.textContent(), /Parser Error: syntax error at or near "SELEC"/);
	// The editor still holds the query, and a good query clears the error.
	assert.equal(await editorText(page), 'SELEC 1');
	await runSql(page, 'SELECT 42 AS answer');
	assert.equal(await page.getByTestId('query-error').count(), 0);
	assert.deepEqual(await cells(page), [['42']]);
	assert.deepEqual(errors, []);
	await context.close();
});

test('the schema panel lists every table and view with columns, types and row counts', async () => {
	const { page, context } = await openExplorer();
	const panel = page.getByTestId('schema-panel');
	const summary = (name) => panel.locator(`li[data-object="${name}"] summary`).first().textContent();
	assert.match(await summary('journeys'), new RegExp(`journeys\\s*${fmt(FACTS.journeys)} rows`));
	assert.match(await summary('releases'), /releases\s*[\d,]+ rows/);
	assert.match(await summary('figures'), /figures\s*[\d,]+ rows/);
	assert.match(await summary('journeys_in_use'), new RegExp(`${fmt(FACTS.journeys)} rows`));
	for (const name of ['files', 'areas', 'releases_in_use', 'figures_in_use'])
		assert.equal(await panel.locator(`li[data-object="${name}"]`).count(), 1, name);
	// Opening an object shows its columns and types.
	await panel.locator('li[data-object="journeys"] summary').click();
	const cols = await panel.locator('li[data-object="journeys"] table').textContent();
	assert.match(cols, /triage_date\s*DATE/);
	assert.match(cols, /substance_group\s*VARCHAR/);
	await context.close();
});

test('CSV download holds the rows, neutralised formulas and the not-suppressed note', async () => {
	const { page, context } = await openExplorer();
	await runSql(page, `SELECT * FROM (VALUES ('=1+2', -12, NULL::INTEGER), ('Medway, Kent', 3, 4)) AS t(label, n, m) ORDER BY n`);
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-csv').click()]);
	assert.match(download.suggestedFilename(), /^cdp-query-.*\.csv$/);
	const raw = readFileSync(await download.path(), 'utf8');
	assert.ok(raw.startsWith('\uFEFF'), 'UTF-8 BOM for Excel');
	const csv = raw.slice(1);
	const lines = csv.split('\r\n');
	assert.deepEqual(lines.slice(0, 3), ['label,n,m', "'=1+2,-12,", '"Medway, Kent",3,4']);
	assert.match(csv, /NOT SUPPRESSED/);
	assert.match(csv, /illustrative synthetic data/);
	assert.match(csv, /Query: SELECT \* FROM \(VALUES/);
	await context.close();
});

test('Arrow download is an Arrow IPC file that starts with ARROW1', async () => {
	const { page, context } = await openExplorer();
	await runSql(page, 'SELECT area_code, count(*) AS n FROM journeys GROUP BY ALL ORDER BY 1');
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-arrow').click()]);
	assert.match(download.suggestedFilename(), /\.arrow$/);
	const bytes = readFileSync(await download.path());
	assert.equal(bytes.subarray(0, 6).toString('latin1'), 'ARROW1');
	assert.equal(bytes.subarray(bytes.length - 6).toString('latin1'), 'ARROW1');
	await context.close();
});

test('the URL carries the query, compressed; opening the link restores the editor', async () => {
	const { page, context } = await openExplorer();
	const sql =
		"SELECT substance_group, count(*) AS n\nFROM journeys_in_use\nWHERE area_code = 'E06000035' -- Medway £ ✓\nGROUP BY ALL ORDER BY n DESC;";
	await page.getByTestId('sql-editor').fill(sql);
	await page.waitForFunction(() => new URL(location.href).searchParams.has('q'));
	// The URL updates once typing pauses; wait for it to settle on this query.
	await page.waitForTimeout(600);
	const url = page.url();
	assert.match(url, /\/explore\?q=[A-Za-z0-9_-]+$/);
	assert.ok(url.length < sql.length * 3);
	const second = await context.newPage();
	await second.goto(url);
	await second.getByText('Query restored from the link').waitFor({ timeout: 30_000 });
	assert.equal(await editorText(second), sql);
	await context.close();
});

test('a long query can be cancelled, and the explorer keeps working afterwards', async () => {
	const { page, context, errors } = await openExplorer();
	const editor = page.getByTestId('sql-editor');
	await editor.fill('SELECT count(*) FROM journeys a, journeys b WHERE a.age + b.age = 1000');
	await editor.press('Control+Enter');
	const cancel = page.getByTestId('cancel');
	await cancel.waitFor({ timeout: 10_000 });
	await page.waitForTimeout(500);
	const t0 = Date.now();
	await cancel.click();
	await page
		.getByTestId('query-error')
		.getByText(/cancelled/i)
		.waitFor({ timeout: 15_000 });
	const ms = Date.now() - t0;
	console.log(`# cancel took ${ms} ms`);
	assert.ok(ms < 15_000);
	await runSql(page, 'SELECT 7 AS x');
	assert.deepEqual(await cells(page), [['7']]);
	assert.deepEqual(errors, []);
	await context.close();
});

test('Restore tables puts back a dropped table', async () => {
	const { page, context } = await openExplorer();
	await runSql(page, 'DROP TABLE journeys');
	await page.locator('[data-testid=schema-panel] li[data-object=journeys]').waitFor({ state: 'detached', timeout: 30_000 });
	await runSql(page, 'SELECT count(*) AS n FROM journeys');
	assert.match(await page.getByTestId('query-error').textContent(), /Table with name journeys does not exist/);
	await page.getByTestId('restore').click();
	await page.getByText('Tables restored').waitFor({ timeout: 60_000 });
	await runSql(page, 'SELECT count(*) AS n FROM journeys');
	assert.deepEqual(await cells(page), [[String(FACTS.journeys)]]);
	await page.locator('[data-testid=schema-panel] li[data-object=journeys]').waitFor();
	await context.close();
});

test('a 250,000-row result is capped at 200,000, virtualised, sorts fast and scrolls', async () => {
	const { page, context, errors } = await openExplorer();
	await runSql(
		page,
		`SELECT range AS i, range % 7 AS m, 'row ' || range AS label, DATE '2020-01-01' + CAST(range % 1000 AS INTEGER) AS d FROM range(250000)`
	);
	assert.match(await page.getByTestId('result-summary').textContent(), /200,000 rows, 4 columns/);
	assert.match(await page.getByTestId('capped').textContent(), /first 200,000 rows: the query returned more/);
	const domRows = await page.locator('[data-testid=result-table] [role=row]').count();
	assert.ok(domRows < 60, `only visible rows are in the DOM (${domRows})`);
	// Sort descending by i: two clicks on its heading.
	const heading = page.locator('[data-testid=result-table] [role=columnheader] button', { hasText: /^i/ });
	let t0 = Date.now();
	await heading.click();
	await heading.click();
	await page.waitForFunction(
		() =>
			document.querySelector('[data-testid=result-table] [role=row][aria-rowindex="2"] [role=cell]:nth-child(2)')?.textContent === '199999'
	);
	const sortMs = Date.now() - t0;
	console.log(`# two sorts of 200,000 rows: ${sortMs} ms`);
	assert.ok(sortMs < 3000);
	assert.equal(await page.locator('[data-testid=result-table] [role=columnheader][aria-sort=descending]').count(), 1);
	// Scroll to the end: the last rows are drawn.
	t0 = Date.now();
	await page.getByTestId('result-table').evaluate((el) => (el.scrollTop = el.scrollHeight));
	await page.waitForFunction(() =>
		[...document.querySelectorAll('[data-testid=result-table] [role=row]')].some((r) => r.getAttribute('aria-rowindex') === '200001')
	);
	console.log(`# scroll to row 200,000: ${Date.now() - t0} ms`);
	const last = await cells(page);
	assert.deepEqual(last[last.length - 1].slice(0, 2), ['0', '0']);
	assert.deepEqual(errors, []);
	await context.close();
});

test('quick chart of numbers in treatment by cohort and year; screenshots at 1366×768', async () => {
	const { page, context, foreign, errors } = await openExplorer();
	await page.locator('[data-example=treatment-by-cohort]').click();
	await page
		.getByTestId('result-summary')
		.getByText(/rows, 3 columns/)
		.waitFor({ timeout: 60_000 });
	const chart = page.getByTestId('quick-chart');
	await chart.locator('svg[role=img]').waitFor();
	assert.equal(await chart.locator('.series').count(), 3, 'one line per cohort');
	assert.match(await chart.locator('svg title').first().textContent(), /Line chart of in_treatment by year and cohort/);
	await page.screenshot({ path: shot('explore-1366-top') });
	await page.locator('#r-h').evaluate((el) => el.scrollIntoView());
	await page.screenshot({ path: shot('explore-1366-result') });
	await chart.scrollIntoViewIfNeeded();
	await page.screenshot({ path: shot('explore-1366-chart') });
	await page.screenshot({ path: shot('explore-1366-full'), fullPage: true });
	// Bars instead of lines.
	await page.getByLabel('Bar').check();
	await chart.locator('svg g.group rect').first().waitFor();
	// Continuity by quarter, one line per area.
	await page.locator('[data-example=continuity-by-quarter]').click();
	await page
		.getByTestId('result-summary')
		.getByText(/5 columns/)
		.waitFor({ timeout: 60_000 });
	assert.match(await chart.locator('svg title').first().textContent(), /continuity_pct by quarter and area/);
	await chart.scrollIntoViewIfNeeded();
	await page.screenshot({ path: shot('explore-1366-continuity') });
	assert.deepEqual(foreign, []);
	assert.deepEqual(errors, []);
	await context.close();
});

test('no serious or critical accessibility violations with a result and a chart (axe-core), light and dark', async () => {
	for (const colorScheme of ['light', 'dark']) {
		const { page, context } = await openPage(browser, { colorScheme, context: { bypassCSP: true } });
		await page.goto(`${BASE}/explore`);
		await waitForEngine(page);
		await page.locator('[data-example=deaths-by-substance]').click();
		await page.getByTestId('quick-chart').locator('svg[role=img]').waitFor({ timeout: 60_000 });
		await page.locator('[data-testid=schema-panel] li[data-object=journeys] summary').click();
		assert.deepEqual(await seriousViolations(page), [], colorScheme);
		if (colorScheme === 'dark') await page.screenshot({ path: shot('explore-dark-1366'), fullPage: true });
		await context.close();
	}
});

test('the query stays in the URL when the area picker rewrites the query string', async () => {
	const { page, context } = await openExplorer();
	await page.getByTestId('sql-editor').fill('SELECT 1 AS one');
	await page.waitForFunction(() => new URL(location.href).searchParams.has('q'));
	await page.locator('.selection-bar button', { hasText: 'Medway' }).click();
	await page.waitForFunction(() => new URL(location.href).searchParams.get('area') === 'E06000035');
	await page.waitForFunction(() => new URL(location.href).searchParams.has('q'), null, { timeout: 5000 });
	assert.equal(await editorText(page), 'SELECT 1 AS one');
	await context.close();
});

test('the SQL editor (CodeMirror): a labelled textbox, highlighting, completion of table and column names, Tab moves on', async () => {
	const { page, context, foreign, errors } = await openExplorer();
	const editor = page.getByTestId('sql-editor');
	// A labelled, described, multi-line textbox.
	assert.equal(await editor.getAttribute('role'), 'textbox');
	assert.equal(await editor.getAttribute('aria-multiline'), 'true');
	assert.equal(await editor.getAttribute('aria-label'), 'SQL query');
	assert.equal(await editor.getAttribute('aria-describedby'), 'q-hint');
	assert.equal(await editor.getAttribute('contenteditable'), 'true');
	assert.equal(await page.getByRole('textbox', { name: 'SQL query' }).count(), 1);
	// An example puts its SQL in the editor.
	await page.locator('[data-example=medway-opiate-rehab]').click();
	assert.match(await editorText(page), /E06000035/);
	// Highlighting: keywords, strings and numbers are coloured differently from names.
	await editor.fill("SELECT area_code, 42 AS n FROM journeys WHERE area_code = 'E06000035' -- note");
	const colour = (text) =>
		page.evaluate((t) => {
			const span = [...document.querySelectorAll('[data-testid=sql-editor] .cm-line span')].find((s) => s.textContent === t);
			return span ? getComputedStyle(span).color : null;
		}, text);
	const keyword = await colour('SELECT');
	const string = await colour("'E06000035'");
	const number = await colour('42');
	const comment = await colour('-- note');
	const plain = await page.evaluate(() => getComputedStyle(document.querySelector('[data-testid=sql-editor] .cm-line')).color);
	assert.ok(keyword && string && number && comment, 'keyword, string, number and comment are in their own spans');
	assert.equal(new Set([keyword, string, number, comment, plain]).size, 5, 'five different colours');
	// Completion of a table's name from the loaded schema, then of its columns after the dot.
	await editor.fill('SELECT * FROM journ');
	await editor.press('End');
	await editor.press('Control+Space');
	const popup = page.locator('.cm-tooltip-autocomplete');
	await popup.waitFor();
	const options = await popup.locator('li .cm-completionLabel').allTextContents();
	assert.ok(options.includes('journeys') && options.includes('journeys_in_use'), options.join(' '));
	assert.match(
		await popup.locator('li', { has: page.locator('.cm-completionLabel', { hasText: /^journeys$/ }) }).textContent(),
		/table · [\d,]+ rows/
	);
	await page.screenshot({ path: shot('explore-editor-completion-light') });
	await page.keyboard.type('eys_i');
	await popup.locator('li[aria-selected] .cm-completionLabel', { hasText: /^journeys_in_use$/ }).waitFor();
	await editor.press('Enter');
	assert.equal(await editorText(page), 'SELECT * FROM journeys_in_use');
	await editor.fill('SELECT * FROM journeys j WHERE j.subst');
	await editor.press('End');
	await editor.press('Control+Space');
	await popup.waitFor();
	assert.ok((await popup.locator('li .cm-completionLabel').allTextContents()).includes('substance_group'));
	// Choosing with the mouse: under load the popup can still be refreshing when a key arrives, and Enter then
	// falls through to the editor as a new line.
	await popup.locator('li .cm-completionLabel', { hasText: /^substance_group$/ }).click();
	await popup.waitFor({ state: 'detached' });
	// Ctrl+Enter runs what was typed (Escape first closes any completion still open).
	await page.keyboard.type(" = 'alcohol'");
	await editor.press('Escape');
	await popup.waitFor({ state: 'detached' });
	assert.equal(await editorText(page), "SELECT * FROM journeys j WHERE j.substance_group = 'alcohol'");
	const before = Number(await page.getByTestId('run-status').getAttribute('data-runs'));
	await editor.press('Control+Enter');
	await page.waitForFunction((n) => Number(document.querySelector('[data-testid=run-status]')?.getAttribute('data-runs')) > n, before);
	assert.equal(await page.getByTestId('query-error').count(), 0);
	assert.match(await page.getByTestId('result-summary').textContent(), /rows?, \d+ columns/);
	// Undo works; Tab leaves the editor for the next control rather than typing a tab.
	await editor.press('Control+z');
	assert.notEqual(await editorText(page), "SELECT * FROM journeys j WHERE j.substance_group = 'alcohol'");
	await editor.focus();
	await page.keyboard.press('Tab');
	assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'run');
	// Styled by CodeMirror's inline <style> (the CSP allows it): the gutter shows line numbers.
	assert.ok(await page.locator('.cm-gutters .cm-lineNumbers').isVisible());
	assert.deepEqual(foreign, []);
	assert.deepEqual(errors, []);
	await context.close();
});

test('the editor in dark mode: completion popup and highlighting in the dark theme', async () => {
	const { page, context } = await openPage(browser, { colorScheme: 'dark' });
	await page.goto(`${BASE}/explore`);
	await waitForEngine(page);
	await page.locator('[data-testid=schema-panel] li[data-object=journeys]').waitFor({ timeout: 60_000 });
	const editor = page.getByTestId('sql-editor');
	await editor.fill("SELECT count(*) AS n -- how many\nFROM journeys\nWHERE area_code = 'E06000035' AND age > 30\n  AND j");
	await editor.press('Control+End');
	await editor.press('Control+Space');
	await page.locator('.cm-tooltip-autocomplete').waitFor();
	const bg = await page.evaluate(() => getComputedStyle(document.querySelector('.cm-tooltip-autocomplete')).backgroundColor);
	assert.equal(bg, 'rgb(27, 31, 35)', 'the popup has the dark surface colour');
	await page.screenshot({ path: shot('explore-editor-completion-dark') });
	await context.close();
});
