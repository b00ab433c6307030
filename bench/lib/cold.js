// Cold load of the built site: a fresh context (empty HTTP cache, empty IndexedDB) per run.
// First chart painted = max(first-contentful-paint, end of the first rendered frame in which the home
// page's trajectory chart SVG is in the DOM with its marks and a non-zero box). The chart is in the
// prerendered HTML, so the two normally coincide: FCP is the paint that contains the chart.
// DuckDB ready = the app's performance marks 'duckdb-ready' (engine + embedded data loaded, set by
// browser-session) and 'engine-ready' (the header says "DuckDB ready"), both from navigation start.
import { freshPage, waitForEngine } from './browser.js';

export const CHART_SELECTOR = '#fig-trajectory svg[role="img"]';

// Runs in the page before any of its scripts (context init script).
const OBSERVE_PAINT = (selector) => {
	const b = (window.__bench = { fcp: null, fp: null, lcp: null, lcpTag: null, chartFrame: null });
	try {
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) {
				if (e.name === 'first-contentful-paint') b.fcp = e.startTime;
				if (e.name === 'first-paint') b.fp = e.startTime;
			}
		}).observe({ type: 'paint', buffered: true });
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) {
				b.lcp = e.startTime;
				b.lcpTag = e.element ? e.element.tagName + (e.element.id ? '#' + e.element.id : '') : null;
			}
		}).observe({ type: 'largest-contentful-paint', buffered: true });
	} catch {
		/* observers unsupported */
	}
	const check = () => {
		const svg = document.querySelector(selector);
		if (svg && svg.getBoundingClientRect().width > 0 && svg.querySelector('path, line, rect, circle')) {
			// This frame's style, layout and paint run right after rAF callbacks; a message posted now is
			// handled after them.
			const mc = new MessageChannel();
			mc.port1.onmessage = () => (b.chartFrame = performance.now());
			mc.port2.postMessage(0);
		} else requestAnimationFrame(check);
	};
	requestAnimationFrame(check);
};

export async function coldLoad(browser, origin, { path = '/' } = {}) {
	const { page, context, foreign, errors } = await freshPage(browser, origin);
	await page.addInitScript(OBSERVE_PAINT, CHART_SELECTOR);
	const t0 = Date.now();
	await page.goto(origin + path, { waitUntil: 'load' });
	await page.waitForFunction(() => window.__bench?.chartFrame != null && window.__bench?.fcp != null, null, {
		timeout: 30_000,
		polling: 20
	});
	await waitForEngine(page);
	const wall = Date.now() - t0;
	const r = await page.evaluate(() => {
		const nav = performance.getEntriesByType('navigation')[0];
		const mark = (n) => performance.getEntriesByName(n)[0]?.startTime ?? null;
		return {
			...window.__bench,
			domContentLoaded: nav?.domContentLoadedEventEnd ?? null,
			load: nav?.loadEventEnd ?? null,
			responseEnd: nav?.responseEnd ?? null,
			hydrated: mark('hydrated'),
			duckdbStart: mark('duckdb-start'),
			duckdbReady: mark('duckdb-ready'),
			engineReady: mark('engine-ready')
		};
	});
	await context.close();
	return { ...r, firstChart: Math.max(r.fcp ?? 0, r.chartFrame ?? 0), engineWall: wall, foreign, errors };
}
