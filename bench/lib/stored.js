// A reload with the user's own file loaded. In a fresh browser profile: `/` (its first headline figure is the embedded
// one), a client-side link to /data, a small journeys file through the file input (the app stores the files and
// the model it computed before it sets 'load-redrawn'), a link back to `/` (the headline now shows the user's
// figure), then page.reload(): HTTP cache warm, IndexedDB holding the model. Read on the reloaded page, from its
// navigation start: the app's 'stored-model-shown' mark (the budget uses it), the end of the first frame whose
// headline figure is the user's (the bench's own check of what the mark claims), FCP and 'engine-ready'.
import { freshProfile, waitForMark } from './browser.js';
import { ingestOnce } from './ingest.js';

const HEADLINE = 'main .card .value';

// Init script for the reload: the end of the first frame in which the headline shows `user`.
const WATCH_HEADLINE = ({ selector, user }) => {
	const b = (window.__benchStored = { userFrame: null, fcp: null });
	new PerformanceObserver((list) => {
		for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') b.fcp = e.startTime;
	}).observe({ type: 'paint', buffered: true });
	const check = () => {
		if (document.querySelector(selector)?.textContent.trim() === user) {
			const mc = new MessageChannel();
			mc.port1.onmessage = () => (b.userFrame = performance.now());
			mc.port2.postMessage(0);
		} else if (performance.now() < 60_000) requestAnimationFrame(check);
	};
	requestAnimationFrame(check);
};

const headline = (page) => page.locator(HEADLINE).first().textContent({ timeout: 30_000 });

async function follow(page, name, url) {
	await page.getByRole('link', { name, exact: true }).first().click();
	await page.waitForURL(url);
}

export async function storedModelReload(origin, file, { timeout = 20_000 } = {}) {
	const { page, foreign, errors, close } = await freshProfile(origin);
	try {
		await page.goto(origin + '/');
		await waitForMark(page, 'engine-ready');
		const embedded = (await headline(page)).trim();
		await follow(page, 'Data', /\/data$/);
		const load = await ingestOnce(page, file);
		await follow(page, 'Overview', (u) => u.pathname === '/');
		// The overview redraws from the model already in memory; wait until it shows a figure of its own.
		await page.waitForFunction(([s, e]) => document.querySelector(s)?.textContent.trim() !== e, [HEADLINE, embedded], { timeout });
		const user = (await headline(page)).trim();
		await page.addInitScript(WATCH_HEADLINE, { selector: HEADLINE, user });
		await page.reload();
		const shown = await waitForMark(page, 'stored-model-shown', timeout);
		await page.waitForFunction(() => window.__benchStored?.userFrame != null, null, { timeout }).catch(() => {});
		const r = await page.evaluate(() => ({
			...window.__benchStored,
			hydrated: performance.getEntriesByName('hydrated', 'mark')[0]?.startTime ?? null,
			status: document.querySelector('header .status')?.textContent.replace(/\s+/g, ' ').trim() ?? ''
		}));
		const engineReady = await waitForMark(page, 'engine-ready', 60_000);
		return {
			storedShown: shown,
			userFrame: r.userFrame,
			fcp: r.fcp,
			hydrated: r.hydrated,
			engineReady,
			saysYours: r.status.includes('your loaded data'),
			status: r.status,
			embedded,
			user,
			rowsLoaded: load.rows,
			foreign,
			errors
		};
	} finally {
		await close();
	}
}
