// Headless Debian Chromium through playwright-core, launched with the browser tests' flags
// (tests/browser/harness.js) plus --enable-precise-memory-info so performance.memory is not bucketed, and a
// host resolver that fails every name but the loopback server: off-origin requests (the Observable peer's
// theme asks a font host) fail at once without request interception, which would slow every request.
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findChrome } from '../../tests/browser/chrome.js';
import { CHROME_ARGS } from '../../tests/browser/harness.js';

export const BENCH_ARGS = [...CHROME_ARGS, '--enable-precise-memory-info', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'];

function chrome() {
	const executablePath = process.env.CHROME_PATH ?? findChrome();
	if (!executablePath) throw new Error('No Chromium found: set CHROME_PATH or apt-get install -y chromium');
	return executablePath;
}

export async function launch() {
	return chromium.launch({ executablePath: chrome(), args: BENCH_ARGS, headless: true });
}

/**
 * A browser on a new, empty profile directory, as a user's browser is: Chromium keeps compiled wasm (its code
 * cache) only in an on-disk profile, never in the incognito-like contexts of browser.newContext(), so a later
 * visit can only be measured this way. `close` ends the browser and deletes the profile.
 */
export async function freshProfile(origin, { width = 1366, height = 768 } = {}) {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'cdp-bench-profile-'));
	const context = await chromium.launchPersistentContext(dir, {
		executablePath: chrome(),
		args: BENCH_ARGS,
		headless: true,
		viewport: { width, height }
	});
	const page = context.pages()[0] ?? (await context.newPage());
	const foreign = [];
	const errors = [];
	watchPage(page, origin, foreign, errors);
	const close = async () => {
		await context.close();
		rmSync(dir, { recursive: true, force: true });
	};
	return { context, page, foreign, errors, close };
}

// Prepended to the DuckDB worker script in memory runs only: remembers the wasm linear memory (exported or
// imported) so the bench can read its size with worker.evaluate. It changes nothing else.
const WASM_MEMORY_HOOK = `(()=>{const W=WebAssembly;const keep=(m)=>{if(m instanceof W.Memory)self.__benchWasmMemory=m;};for(const k of ['instantiate','instantiateStreaming']){const f=W[k];if(!f)continue;W[k]=function(...a){try{keep(a[1]?.env?.memory);}catch{}return f.apply(W,a).then((r)=>{try{const e=(r.instance??r).exports;for(const n in e)keep(e[n]);}catch{}return r;});};}})();\n`;

/**
 * A fresh context (empty cache, empty IndexedDB). Requests are watched passively (no interception, which
 * would slow every request down): off-origin URLs are collected in `foreign`. With `wasmMemory`, the DuckDB
 * worker script is intercepted once to add WASM_MEMORY_HOOK.
 */
export async function freshPage(browser, origin, { width = 1366, height = 768, wasmMemory = false } = {}) {
	const context = await browser.newContext({ viewport: { width, height } });
	const page = await context.newPage();
	const foreign = [];
	const errors = [];
	watchPage(page, origin, foreign, errors);
	if (wasmMemory) {
		await context.route(/duckdb-browser-(eh|mvp)\.worker\.[^/]*\.js$/, async (route) => {
			const res = await route.fetch();
			route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: WASM_MEMORY_HOOK + (await res.text()) });
		});
	}
	return { context, page, foreign, errors };
}

/** Collects a page's off-origin request URLs in `foreign` and its console errors and exceptions in `errors`. */
export function watchPage(page, origin, foreign, errors) {
	page.on('request', (r) => {
		const url = r.url();
		if (!(url.startsWith(origin) || url.startsWith('blob:') || url.startsWith('data:'))) foreign.push(url);
	});
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(m.text());
	});
	page.on('pageerror', (e) => errors.push(String(e)));
}

export async function waitForEngine(page, timeout = 120_000) {
	await page.waitForFunction(() => document.querySelector('header .status')?.textContent?.includes('DuckDB ready'), null, {
		timeout,
		polling: 50
	});
}

/** Waits for the app's performance mark `name`; resolves with its time from navigation start, or null on timeout. */
export async function waitForMark(page, name, timeout = 120_000) {
	try {
		await page.waitForFunction((n) => performance.getEntriesByName(n, 'mark').length > 0, name, { timeout, polling: 50 });
	} catch (e) {
		if (e.name === 'TimeoutError') return null;
		throw e;
	}
	return page.evaluate((n) => performance.getEntriesByName(n, 'mark')[0].startTime, name);
}

/** Resident and proportional set size (bytes) of a process, from /proc (Linux). */
export function procMemory(pid) {
	try {
		const status = readFileSync(`/proc/${pid}/status`, 'utf8');
		const rss = Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0) * 1024;
		let pss = null;
		try {
			pss = Number(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8').match(/Pss:\s+(\d+)/)?.[1] ?? 0) * 1024;
		} catch {
			/* no smaps_rollup */
		}
		return { rss, pss };
	} catch {
		return null;
	}
}

/**
 * Memory of one page: its main-thread JS heap (CDP Performance.getMetrics and performance.memory), the
 * DuckDB worker's JS heap and ArrayBuffer backing stores (which hold the wasm linear memory) through CDP
 * Runtime.getHeapUsage on the worker target, and the RSS/PSS of every Chromium renderer process
 * (SystemInfo.getProcessInfo + /proc). Page and workers share one renderer process.
 */
export class MemoryProbe {
	constructor(browser, page) {
		this.browser = browser;
		this.page = page;
		this.workers = new Map();
	}

	async init() {
		this.cdp = await this.page.context().newCDPSession(this.page);
		await this.cdp.send('Performance.enable');
		this.browserCdp = await this.browser.newBrowserCDPSession();
		return this;
	}

	async workerUsage() {
		const out = [];
		for (const w of this.page.workers()) {
			try {
				const usage = await w.evaluate(() => ({ wasmMemory: self.__benchWasmMemory?.buffer.byteLength ?? null }));
				out.push({ url: w.url(), ...usage });
			} catch {
				/* worker gone */
			}
		}
		return out;
	}

	async renderers() {
		const { processInfo } = await this.browserCdp.send('SystemInfo.getProcessInfo');
		return processInfo.filter((p) => p.type === 'renderer').map((p) => ({ pid: p.id, ...procMemory(p.id) }));
	}

	async sample() {
		const { metrics } = await this.cdp.send('Performance.getMetrics');
		const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
		const perfMemory = await this.page.evaluate(() => performance.memory?.usedJSHeapSize ?? null).catch(() => null);
		const renderers = await this.renderers();
		const biggest = renderers.reduce((a, b) => (b.rss > (a?.rss ?? 0) ? b : a), null);
		return {
			jsHeapUsed: m.JSHeapUsedSize ?? perfMemory,
			jsHeapTotal: m.JSHeapTotalSize ?? null,
			perfMemoryUsed: perfMemory,
			workers: await this.workerUsage(),
			rendererRss: biggest?.rss ?? null,
			rendererPss: biggest?.pss ?? null,
			renderers
		};
	}

	async close() {
		await this.cdp?.detach().catch(() => {});
		await this.browserCdp?.detach().catch(() => {});
	}
}
