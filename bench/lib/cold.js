// Start-up of the built site in a fresh browser profile (empty HTTP and code caches, empty IndexedDB):
//  - cold: first chart painted (first-chart.js) and the app's marks from navigation start: 'engine-ready'
//    (DuckDB instantiated and the schema made; the budget uses it), 'hydrated', 'duckdb-start', 'duckdb-ready';
//  - later visit: after `idleMs` of idle in the first tab (the app warms its CSV reader at idle; V8 caches hot
//    wasm code after ≈ 2 s without new compilation) the tab is closed and `/` opened in a new tab of the same
//    profile (HTTP cache and Chromium's wasm code cache warm), whose marks are read the same way.
import { freshProfile, waitForMark, watchPage } from './browser.js';
import { armFirstChart, readFirstChart, NAMED_CHART } from './first-chart.js';

const marks = (page) =>
	page.evaluate(() => {
		const mark = (n) => performance.getEntriesByName(n, 'mark')[0]?.startTime ?? null;
		return {
			hydrated: mark('hydrated'),
			duckdbStart: mark('duckdb-start'),
			duckdbReady: mark('duckdb-ready'),
			engineReady: mark('engine-ready')
		};
	});

async function visit(page, origin, timeout) {
	await page.goto(origin + '/', { waitUntil: 'load' });
	const chart = await readFirstChart(page);
	await waitForMark(page, 'engine-ready', timeout);
	return { ...chart, ...(await marks(page)) };
}

export async function coldLoad(origin, { idleMs = null, timeout = 60_000 } = {}) {
	const { page, context, foreign, errors, close } = await freshProfile(origin);
	await armFirstChart(context, { named: NAMED_CHART });
	try {
		const cold = await visit(page, origin, timeout);
		let later = null;
		if (idleMs != null && cold.engineReady != null) {
			await page.waitForTimeout(idleMs);
			// The new tab opens before the old one closes, so the browser keeps running between them.
			const next = await context.newPage();
			await page.close();
			watchPage(next, origin, foreign, errors);
			later = await visit(next, origin, timeout);
		}
		return { cold, later, foreign, errors };
	} finally {
		await close();
	}
}
