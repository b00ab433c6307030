// Headless Debian Chromium through playwright-core, launched with the browser tests' flags
// (tests/browser/harness.js) plus --enable-precise-memory-info so performance.memory is not bucketed.
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { findChrome } from '../../tests/browser/chrome.js';
import { CHROME_ARGS } from '../../tests/browser/harness.js';

export const BENCH_ARGS = [...CHROME_ARGS, '--enable-precise-memory-info'];

export async function launch() {
	const executablePath = process.env.CHROME_PATH ?? findChrome();
	if (!executablePath) throw new Error('No Chromium found: set CHROME_PATH or apt-get install -y chromium');
	const browser = await chromium.launch({ executablePath, args: BENCH_ARGS, headless: true });
	return browser;
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
	page.on('request', (r) => {
		const url = r.url();
		if (!(url.startsWith(origin) || url.startsWith('blob:') || url.startsWith('data:'))) foreign.push(url);
	});
	if (wasmMemory) {
		await context.route(/duckdb-browser-(eh|mvp)\.worker\.[^/]*\.js$/, async (route) => {
			const res = await route.fetch();
			route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: WASM_MEMORY_HOOK + (await res.text()) });
		});
	}
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(m.text());
	});
	page.on('pageerror', (e) => errors.push(String(e)));
	return { context, page, foreign, errors };
}

export async function waitForEngine(page, timeout = 120_000) {
	await page.waitForFunction(() => document.querySelector('header .status')?.textContent?.includes('DuckDB ready'), null, {
		timeout,
		polling: 50
	});
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
