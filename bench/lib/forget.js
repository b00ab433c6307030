// Ten loads and forgets of a 1M-row file in one tab: memory at baseline, after each load and after each
// "Forget all loaded data" (which terminates the DuckDB worker and starts a new one). Before each sample
// the page's garbage is collected (CDP HeapProfiler.collectGarbage) so retained memory, not garbage not
// yet collected, is what shows.
import { ingestOnce } from './ingest.js';
import { waitForEngine } from './browser.js';

async function settledSample(p) {
	await p.memory.cdp.send('HeapProfiler.collectGarbage').catch(() => {});
	await p.page.waitForTimeout(300);
	return p.memory.sample();
}

export async function loadForgetCycles(p, file, cycles, log = () => {}) {
	const { page } = p;
	await p.memory.cdp.send('HeapProfiler.enable').catch(() => {});
	const baseline = await settledSample(p);
	const out = [];
	for (let i = 1; i <= cycles; i++) {
		const ing = await ingestOnce(page, file);
		const afterLoad = await settledSample(p);
		const n = await page.evaluate(() => performance.getEntriesByName('model').length);
		const t0 = Date.now();
		await page.getByRole('button', { name: 'Forget all loaded data' }).click();
		await page.waitForFunction((k) => performance.getEntriesByName('model').length > k && !document.querySelector('button.danger'), n, {
			timeout: 180_000,
			polling: 50
		});
		await waitForEngine(page);
		const forgetMs = Date.now() - t0;
		const afterForget = await settledSample(p);
		out.push({
			cycle: i,
			ingestMs: ing.toRedrawn,
			phases: ing.phases,
			rows: ing.rows,
			forgetMs,
			afterLoad,
			afterForget,
			loadAvg: (await import('node:os')).loadavg()[0]
		});
		log(i, out[out.length - 1]);
	}
	return { baseline, cycles: out };
}
