// A reload after loading files paints the user's figures from the model kept in IndexedDB, before DuckDB starts and
// without DuckDB reading the files again; those figures equal the ones the engine recomputes from the raw files;
// and "Forget all" forgets the stored model with the files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launch, openPage, BASE, shot, waitForEngine, visit } from './harness.js';

const FILE = path.resolve('tests/fixtures/journeys-rotherham-small.csv');
let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

const status = (page) => page.locator('header .status').textContent();
const marks = (page) => page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
/** What the treatment page says of Rotherham: every figure's text, tables included. */
const figures = (page) => page.locator('main').innerText();
/**
 * The charts as drawn (elements, sorted attributes and text; not Svelte's hydration comments, nor the prefix of generated ids,
 * which differs between server and client): hydrating the
 * prerendered page into the stored model must leave no mark of the embedded figures behind.
 */
const charts = (page) =>
	page.$$eval('main figure svg[role=img]', (svgs) => {
		const shape = (el) =>
			`<${el.tagName} ${[...el.attributes]
				.map((a) => `${a.name}=${a.value.replace(/\b[cs]\d+-/g, 'id-')}`)
				.sort()
				.join(
					' '
				)}>${[...el.childNodes].map((n) => (n.nodeType === 1 ? shape(n) : n.nodeType === 3 ? n.nodeValue : '')).join('')}</${el.tagName}>`;
		return svgs.map(shape);
	});

/**
 * Before the page's own scripts: whether src/app.html hid the figures while parsing, and, for every frame until the
 * page settles, whether the figures were visible and showed the embedded (synthetic) Rotherham figure.
 */
const WATCH_FRAMES = () => {
	window.__frames = [];
	document.addEventListener(
		'DOMContentLoaded',
		() => (window.__restoringAtParse = document.documentElement.hasAttribute('data-restoring'))
	);
	const tick = () => {
		const main = document.querySelector('main');
		if (main)
			window.__frames.push({
				visible: getComputedStyle(main).visibility !== 'hidden',
				embedded: main.textContent.includes('Rotherham had 2,089 adults')
			});
		if (window.__frames.length < 300) requestAnimationFrame(tick);
	};
	requestAnimationFrame(tick);
};

/** The stored model's key, read or overwritten straight in IndexedDB. */
function storedKey(page, overwrite = null) {
	return page.evaluate(
		(value) =>
			new Promise((resolve, reject) => {
				const open = indexedDB.open('cdp-dashboard');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const t = db.transaction('model', 'readwrite');
					const req = t.objectStore('model').get('current');
					req.onsuccess = () => {
						if (req.result && value) t.objectStore('model').put({ ...req.result, key: value }, 'current');
					};
					t.oncomplete = () => {
						db.close();
						resolve(req.result?.key ?? null);
					};
				};
			}),
		overwrite
	);
}

test('a reload shows the stored model of the loaded file, equal to what DuckDB recomputes; forget all forgets it', async () => {
	const { page, context, foreign, errors } = await openPage(browser);
	await page.goto(`${BASE}/data`);
	await waitForEngine(page);
	// After the app's idle work (the embedded files loaded and the model computed once on them, then dropped): the
	// model computed for the file keeps the parts that warm-up computed, and the second reload below checks it against
	// a whole recomputation in a fresh engine.
	await page.waitForFunction(() => performance.getEntriesByName('defaults-warm').length > 0, null, { timeout: 60_000 });
	await page.getByTestId('file-input').setInputFiles(FILE);
	await page.waitForFunction(() => performance.getEntriesByName('load-redrawn').length > 0, null, { timeout: 60_000 });
	await visit(page, '/treatment?area=E08000018');
	await page.locator('#fig-trajectory-E08000018').waitFor();
	const computed = await figures(page);
	const drawn = await charts(page);
	// The loaded extract replaces Rotherham's synthetic records: its figures differ from the embedded ones.
	assert.doesNotMatch(computed, /Illustrative data: Rotherham had 2,089 adults/);
	await page.waitForFunction(() => performance.getEntriesByName('model-saved').length > 0);
	assert.ok(await storedKey(page), 'the model is stored once computed');

	// Reload: the user's figures come from the stored model; DuckDB never reads the file again; and no frame shows the
	// embedded figures first (the page's figures stay hidden until the stored model applies).
	assert.equal(await page.evaluate(() => localStorage.getItem('cdp-dashboard:stored-model')), '1');
	await context.addInitScript(WATCH_FRAMES);
	await page.reload();
	await page.waitForFunction(() => performance.getEntriesByName('stored-model-shown').length > 0, null, { timeout: 30_000 });
	await page.waitForFunction(() => window.__frames.length >= 300 || window.__frames.at(-1)?.visible, null, { timeout: 30_000 });
	const frames = await page.evaluate(() => window.__frames);
	assert.equal(await page.evaluate(() => window.__restoringAtParse), true, 'the figures were hidden while the page parsed');
	assert.deepEqual(
		frames.filter((f) => f.visible && f.embedded),
		[],
		`no visible frame shows the embedded figure (${frames.length} frames)`
	);
	assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-restoring')), false);
	assert.match(await status(page), /Showing your loaded data \(as computed on .+, kept in this browser\)/);
	assert.equal(await figures(page), computed);
	assert.deepEqual(await charts(page), drawn);
	await waitForEngine(page);
	await page.waitForFunction(() => performance.getEntriesByName('defaults-loaded').length > 0, null, { timeout: 60_000 });
	const m = await marks(page);
	assert.ok(
		m['stored-model-shown'] < m['engine-ready'],
		`stored figures (${m['stored-model-shown']} ms) before the engine (${m['engine-ready']} ms)`
	);
	assert.equal(m['session-ready'], undefined, 'the stored file was not read again');
	await page.screenshot({ path: shot('stored-model-reload') });

	// A stored model that no longer matches (as after a change of definitions) is not shown: DuckDB reads the stored
	// file again and recomputes, and its figures are the same as those the stored model gave.
	await storedKey(page, 'a different build');
	await page.reload();
	await page.waitForFunction(() => performance.getEntriesByName('session-ready').length > 0, null, { timeout: 60_000 });
	await page.waitForFunction(
		() => /^\s*Showing your loaded data\s*·/.test(document.querySelector('header .status')?.textContent ?? ''),
		null,
		{
			timeout: 60_000
		}
	);
	assert.equal((await marks(page))['stored-model-shown'], undefined);
	assert.equal(await figures(page), computed);
	await page.waitForFunction(() => performance.getEntriesByName('model-saved').length > 0);
	assert.notEqual(await storedKey(page), 'a different build', 'the recomputed model is stored again');

	// Forget all: the stored model goes with the files; a reload shows the embedded data.
	await visit(page, '/data');
	await page.getByRole('button', { name: 'Forget all loaded data' }).click();
	await page.getByText('No files of your own are loaded').waitFor({ timeout: 60_000 });
	assert.equal(await storedKey(page), null);
	assert.equal(await page.evaluate(() => localStorage.getItem('cdp-dashboard:stored-model')), null);
	await page.goto(`${BASE}/treatment?area=E08000018`);
	await waitForEngine(page);
	assert.match(await status(page), /^\s*Showing embedded data/);
	assert.match(await figures(page), /Illustrative data: Rotherham had 2,089 adults/);
	assert.equal((await marks(page))['stored-model-shown'], undefined);
	assert.equal(await page.evaluate(() => window.__restoringAtParse), false, 'with nothing stored, nothing is hidden');
	assert.deepEqual(foreign, []);
	assert.deepEqual(errors, []);
	await context.close();
});
