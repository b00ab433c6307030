// Ingest through the file input on /data (the same code path as a user's file choice), timed from the
// input's change event to the app's 'load-redrawn' mark (set once the model over all views is
// recomputed), and to the end of the first frame rendered after that mark.
import path from 'node:path';
import { freshPage, waitForEngine, waitForMark, MemoryProbe } from './browser.js';

const INPUT = 'input[data-testid="file-input"]';

/** Page-side: marks the input's change and the first frame after each 'load-redrawn' mark. */
const ARM = (input) => {
	const el = document.querySelector(input);
	if (!window.__benchArmed) {
		window.__benchArmed = true;
		window.__benchFrames = [];
		el.addEventListener('change', () => performance.mark('bench-change'), { capture: true });
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) {
				if (e.name !== 'load-redrawn') continue;
				requestAnimationFrame(() => {
					const mc = new MessageChannel();
					mc.port1.onmessage = () => window.__benchFrames.push(performance.now());
					mc.port2.postMessage(0);
				});
			}
		}).observe({ type: 'mark' });
	}
	return performance.getEntriesByName('load-redrawn').length;
};

/**
 * /data in a fresh context, once DuckDB is ready and the app has done its idle work: the embedded files loaded and
 * the model computed once on them (its 'defaults-warm' mark; `settled` says whether it came within 30 s), so an
 * ingest times the user's file alone, as for a user who chooses a file a few seconds after opening the page.
 */
export async function openDataPage(browser, origin, { initScript, ...opts } = {}) {
	const p = await freshPage(browser, origin, { wasmMemory: true, ...opts });
	if (initScript) await p.page.addInitScript(initScript);
	await p.page.goto(origin + '/data');
	await waitForEngine(p.page);
	p.settled = (await waitForMark(p.page, 'defaults-warm', 30_000)) != null;
	p.memory = await new MemoryProbe(browser, p.page).init();
	return p;
}

/** Loads one file through the input; returns timings, the app's own report and outcome text. */
export async function ingestOnce(page, file, { timeout = 900_000 } = {}) {
	await page.locator(INPUT).waitFor({ state: 'attached' });
	const before = await page.evaluate(ARM, INPUT);
	const w0 = Date.now();
	await page.setInputFiles(INPUT, path.resolve(file));
	await page.waitForFunction((n) => performance.getEntriesByName('load-redrawn').length > n && window.__benchFrames.length > n, before, {
		timeout,
		polling: 25
	});
	const wall = Date.now() - w0;
	const r = await page.evaluate((n) => {
		const changes = performance.getEntriesByName('bench-change');
		const change = changes[changes.length - 1].startTime;
		const redrawn = performance.getEntriesByName('load-redrawn')[n].startTime;
		const model = performance.getEntriesByName('model');
		// The app's own phase measures of this load, where it sets them (browser-session: load-count-rows,
		// load-ingest, load-store; dataset: model).
		const phases = {};
		for (const m of performance.getEntriesByType('measure'))
			if (m.startTime >= change && m.startTime <= redrawn) phases[m.name] = m.duration;
		return {
			toRedrawn: redrawn - change,
			toFrame: window.__benchFrames[n] - change,
			modelMs: model.length ? model[model.length - 1].duration : null,
			phases
		};
	}, before);
	const outcome = (await page.locator('.note-box, .error-box').allTextContents()).map((t) => t.replace(/\s+/g, ' ').trim());
	const loaded = outcome.find((t) => t.startsWith('Loaded'));
	const rows = loaded ? Number(loaded.match(/([\d,]+) rows/)?.[1].replace(/,/g, '')) : null;
	return { ...r, wall, rows, outcome };
}

/**
 * Area and cohort changes on /treatment (reached by a client-side link, so the loaded data stays).
 * For each click: a rAF loop records when each rendered frame's main-thread work ends (rAF + posted
 * message) and a MutationObserver records DOM changes for `windowMs`. Reported per switch:
 *  - firstFrame: end of the first frame after the click (what the user sees first),
 *  - redraw: end of the first frame after the LAST DOM change the click caused (the view is complete;
 *    counts a second render, e.g. from the URL round trip, if there is one),
 *  - doubleRaf: the second animation frame after the click, the usual double-rAF estimate.
 */
export async function switches(page, n = 40, windowMs = 400) {
	await page.locator('nav a', { hasText: 'Treatment' }).click();
	await page.waitForURL(/\/treatment/);
	await page.locator('.cohorts button').first().waitFor();
	await page.waitForTimeout(500);
	return page.evaluate(
		async ({ count, windowMs }) => {
			const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
			const areaButtons = [...document.querySelectorAll('.picker button')];
			const cohortButtons = [...document.querySelectorAll('.cohorts button')];
			const out = [];
			for (let i = 0; i < count; i++) {
				const kind = i % 2 ? 'cohort' : 'area';
				const list = kind === 'area' ? areaButtons : cohortButtons;
				let k = (i >> 1) % list.length;
				if (list[k].getAttribute('aria-pressed') === 'true') k = (k + 1) % list.length;
				const btn = list[k];
				const frames = [];
				let muts = [];
				let live = true;
				const loop = () => {
					if (!live) return;
					requestAnimationFrame(() => {
						const mc = new MessageChannel();
						mc.port1.onmessage = () => {
							frames.push(performance.now());
							loop();
						};
						mc.port2.postMessage(0);
					});
				};
				const mo = new MutationObserver(() => muts.push(performance.now()));
				mo.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
				const dbl = new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.now()))));
				const t0 = performance.now();
				loop();
				btn.click();
				const t2 = await dbl;
				await sleep(windowMs);
				live = false;
				mo.disconnect();
				const last = muts.length ? muts[muts.length - 1] : t0;
				const firstFrame = frames.find((f) => f > t0);
				const redraw = frames.find((f) => f >= last);
				out.push({
					kind,
					label: btn.textContent.trim(),
					ok: btn.getAttribute('aria-pressed') === 'true',
					firstFrame: firstFrame - t0,
					redraw: (redraw ?? last) - t0,
					lastMutation: last - t0,
					doubleRaf: t2 - t0,
					mutationBursts: muts.length
				});
				await sleep(100);
			}
			return out;
		},
		{ count: n, windowMs }
	);
}
