// "First chart" for any page, the same detector for the dashboard and the Observable peer so their ratio is
// fair: the end of the first rendered frame in which the DOM holds an SVG of at least 200×100 px containing a
// data path (a <path> of three or more commands spanning at least 50×5 px: not an axis tick, a rule or a
// point marker). First chart painted = max(first-contentful-paint, that frame), from navigation start.
// For the dashboard the init script also times the named trajectory chart, to check the generic detector
// against it.

export const MIN_SVG = { width: 200, height: 100 };
export const NAMED_CHART = '[id^="fig-trajectory"] svg[role="img"]';

// Runs in the page before any of its scripts (init script); `named` is a selector also timed, or null.
export const OBSERVE_FIRST_CHART = ({ minWidth, minHeight, named }) => {
	const b = (window.__bench = { fcp: null, fp: null, lcp: null, lcpTag: null, chartFrame: null, chart: null, namedFrame: null });
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
	const dataPath = (p) => {
		if (((p.getAttribute('d') ?? '').match(/[mlhvcsqtaz]/gi) ?? []).length < 3) return false;
		const r = p.getBoundingClientRect();
		return r.width >= 50 && r.height >= 5;
	};
	const chart = () => {
		for (const svg of document.querySelectorAll('svg')) {
			const r = svg.getBoundingClientRect();
			if (r.width >= minWidth && r.height >= minHeight && [...svg.querySelectorAll('path')].some(dataPath))
				return {
					label: svg.closest('[id]')?.id ?? svg.getAttribute('aria-label') ?? null,
					width: Math.round(r.width),
					height: Math.round(r.height),
					inViewport: r.top < innerHeight && r.bottom > 0
				};
		}
		return null;
	};
	// A message posted from a rAF callback is handled after that frame's style, layout and paint.
	const afterFrame = (set) => {
		const mc = new MessageChannel();
		mc.port1.onmessage = () => set(performance.now());
		mc.port2.postMessage(0);
	};
	const check = () => {
		if (!b.chart && (b.chart = chart())) afterFrame((t) => (b.chartFrame = t));
		if (named && b.namedFrame == null) {
			const svg = document.querySelector(named);
			if (svg && svg.getBoundingClientRect().width > 0 && svg.querySelector('path')) {
				b.namedFrame = -1;
				afterFrame((t) => (b.namedFrame = t));
			}
		}
		// Stops once both are found, or after 30 s (a named chart the page no longer has).
		if ((!b.chart || (named && b.namedFrame == null)) && performance.now() < 30_000) requestAnimationFrame(check);
	};
	requestAnimationFrame(check);
};

export async function armFirstChart(context, { named = null } = {}) {
	await context.addInitScript(OBSERVE_FIRST_CHART, { minWidth: MIN_SVG.width, minHeight: MIN_SVG.height, named });
}

/** Waits for the first chart and FCP; returns the detector's record with firstChart = max(FCP, chart frame). */
export async function readFirstChart(page, timeout = 30_000) {
	await page.waitForFunction(() => window.__bench?.chartFrame != null && window.__bench?.fcp != null, null, { timeout, polling: 20 });
	const r = await page.evaluate(() => {
		const nav = performance.getEntriesByType('navigation')[0];
		return { ...window.__bench, responseEnd: nav?.responseEnd ?? null, domContentLoaded: nav?.domContentLoadedEventEnd ?? null };
	});
	return { ...r, namedFrame: r.namedFrame > 0 ? r.namedFrame : null, firstChart: Math.max(r.fcp, r.chartFrame) };
}
