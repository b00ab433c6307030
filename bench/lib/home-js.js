// JavaScript for the home page (the budget): every script a cold visit to `/` loads without the user doing
// anything, until the engine is ready and 2 s pass with no new request, except DuckDB's worker scripts (the
// wasm is not JavaScript). From the page's Resource Timing entries; each file is sized as gzip -9 of the built
// file (the budget's measure) and as transferred (bytes on the wire as served: brotli when the build has it).
// Split at the app's 'hydrated' mark: what the page needs to become interactive, and what it fetches after.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { freshPage, waitForMark } from './browser.js';
import { isDuckdbWorker } from './bytes.js';

export async function homePageJs(browser, origin, buildDir) {
	const { page, context, foreign, errors } = await freshPage(browser, origin);
	try {
		await page.goto(origin + '/');
		await waitForMark(page, 'engine-ready');
		const count = () => page.evaluate(() => performance.getEntriesByType('resource').length);
		for (let n = -1, now = await count(); n !== now; n = now, now = await count()) await page.waitForTimeout(2000);
		const { hydrated, entries } = await page.evaluate(() => ({
			hydrated: performance.getEntriesByName('hydrated', 'mark')[0]?.startTime ?? null,
			entries: performance
				.getEntriesByType('resource')
				.map((e) => ({ path: new URL(e.name).pathname, start: e.startTime, transferred: e.encodedBodySize }))
		}));
		const files = entries
			.filter((e) => e.path.endsWith('.js') && !isDuckdbWorker(e.path))
			.map((e) => ({
				...e,
				gz: gzipSync(readFileSync(path.join(buildDir, decodeURIComponent(e.path))), { level: 9 }).length,
				beforeHydration: hydrated != null && e.start < hydrated
			}));
		const sum = (list, k) => list.reduce((a, f) => a + f[k], 0);
		const early = files.filter((f) => f.beforeHydration);
		const late = files.filter((f) => !f.beforeHydration);
		return {
			files: files.length,
			gz: sum(files, 'gz'),
			transferred: sum(files, 'transferred'),
			beforeHydration: { files: early.length, gz: sum(early, 'gz') },
			afterHydration: { files: late.length, gz: sum(late, 'gz') },
			largest: [...files].sort((a, b) => b.gz - a.gz).slice(0, 6),
			foreign,
			errors
		};
	} finally {
		await context.close();
	}
}
