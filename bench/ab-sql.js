// A/B timing of SQL in the browser: loads the 1M-row file through /data, then runs each [name, sql] of a JSON
// file three times through the Explore page (the app's own query path). Profiling aid: node bench/ab-sql.js variants.json
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { serve } from './lib/server.js';
import { launch } from './lib/browser.js';
import { openDataPage, ingestOnce } from './lib/ingest.js';
const variants = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const srv = await serve(path.resolve('.'), 'build-bench');
const browser = await launch();
try {
	const p = await openDataPage(browser, srv.url);
	const r = await ingestOnce(p.page, 'bench/out/data/journeys-1000000.csv');
	console.log('ingest', Math.round(r.toRedrawn), 'model', Math.round(r.modelMs));
	await p.page.locator('nav a', { hasText: 'Explore' }).click();
	await p.page.waitForURL(/explore/);
	const ed = p.page.locator('.query textarea').first();
	await ed.waitFor();
	for (let rep = 0; rep < 3; rep++)
		for (const [name, sql] of variants) {
			const runs = Number(await p.page.locator('[data-testid=run-status]').getAttribute('data-runs'));
			await ed.fill(sql);
			const t0 = Date.now();
			await p.page.locator('[data-testid=run]').click();
			await p.page.waitForFunction(
				(n) =>
					Number(document.querySelector('[data-testid=run-status]').dataset.runs) > n &&
					!/Running/.test(document.querySelector('[data-testid=run-status]').textContent),
				runs,
				{ timeout: 120000 }
			);
			const status = await p.page.locator('[data-testid=run-status]').textContent();
			const err = await p.page.locator('[data-testid=query-error]').count();
			console.log(
				rep,
				name.padEnd(30),
				String(Date.now() - t0).padStart(6),
				'ms wall |',
				status.trim(),
				err ? 'ERROR ' + (await p.page.locator('[data-testid=query-error]').textContent()) : ''
			);
		}
} finally {
	await browser.close();
	await srv.stop();
}
