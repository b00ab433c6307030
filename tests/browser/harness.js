// Shared browser-test set-up: one Chromium per test file, a fresh context per test, every request
// checked against the site's origin (any other URL fails the test), console errors collected.
import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { findChrome } from './chrome.js';

export const BASE = process.env.BASE_URL ?? 'http://127.0.0.1:4173';
export const OUT = path.resolve('tests/browser/out');
mkdirSync(OUT, { recursive: true });

export const CHROME_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic'
];

export async function launch() {
	return chromium.launch({ executablePath: process.env.CHROME_PATH ?? findChrome(), args: CHROME_ARGS, headless: true });
}

/**
 * A page whose every request must stay on the site's origin. `foreign` collects offenders (the request is
 * aborted), `errors` collects console errors and uncaught exceptions.
 */
export async function openPage(browser, { width = 1366, height = 768, colorScheme = 'light', context: ctxOpts = {} } = {}) {
	const context = await browser.newContext({ viewport: { width, height }, colorScheme, acceptDownloads: true, ...ctxOpts });
	const page = await context.newPage();
	const origin = new URL(BASE).origin;
	const foreign = [];
	const errors = [];
	await context.route('**/*', (route) => {
		const url = route.request().url();
		if (url.startsWith(origin) || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
		foreign.push(url);
		return route.abort();
	});
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(m.text());
	});
	page.on('pageerror', (e) => errors.push(String(e)));
	return { context, page, foreign, errors };
}

/** Waits until DuckDB-WASM has started (the embedded files load after it, at idle). */
export async function waitForEngine(page, timeout = 60_000) {
	await page.waitForFunction(() => document.querySelector('header .status')?.textContent?.includes('DuckDB ready'), null, { timeout });
}

/**
 * Elements that run past the content box of the card holding them (its padding and border are the card's own),
 * each as "card: element "text" by N px". A status badge once ran 14–17 px past at 1366 and 1920 px wide.
 */
export async function pastTheirCard(page, cardSelector) {
	return page.evaluate((sel) => {
		const out = [];
		for (const card of document.querySelectorAll(sel)) {
			const c = card.getBoundingClientRect();
			const s = getComputedStyle(card);
			const right = c.right - parseFloat(s.borderRightWidth) - parseFloat(s.paddingRight);
			const left = c.left + parseFloat(s.borderLeftWidth) + parseFloat(s.paddingLeft);
			for (const el of card.querySelectorAll('*')) {
				if (el.closest('title, desc, defs, .visually-hidden')) continue;
				const b = el.getBoundingClientRect();
				if (b.width === 0 && b.height === 0) continue;
				const by = Math.max(b.right - right, left - b.left);
				if (by > 1)
					out.push(
						`${card.querySelector('h2, h3')?.textContent?.trim()}: ${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}" by ${Math.round(by)} px`
					);
			}
		}
		return out;
	}, cardSelector);
}

/** The page's serious and critical accessibility violations (axe-core), each as "rule: its first three targets". */
export async function seriousViolations(page) {
	await page.addScriptTag({ content: readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8') });
	const result = await page.evaluate(async () => await window.axe.run(document, { resultTypes: ['violations'] }));
	return result.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map(
			(v) =>
				`${v.id}: ${v.nodes
					.slice(0, 3)
					.map((n) => n.target.join(' '))
					.join(' | ')}`
		);
}

export function shot(name) {
	return path.join(OUT, `${name}.png`);
}

/**
 * Navigates inside the app the way a click on a link does (SvelteKit's client-side router), so the running engine
 * and the user's loaded data stay in memory. `page.goto` is a reload: use it where a test means one.
 */
export async function visit(page, to) {
	const href = new URL(to, BASE).href;
	await page.evaluate((h) => {
		const a = Object.assign(document.createElement('a'), { href: h });
		document.body.append(a);
		a.click();
		a.remove();
	}, href);
	await page.waitForURL(href);
}
