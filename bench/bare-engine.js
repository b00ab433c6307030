#!/usr/bin/env node
// The engine's own floor, outside the app: a bare page (no SvelteKit, nothing else running) that starts
// DuckDB-WASM and reads the 1M-row file with read_csv, as the native yardstick does. It answers "how fast can
// this engine go in this browser at all?", the baseline behind BENCHMARKS.md's "why out of reach" notes.
//   node bench/bare-engine.js [--runs 3] [--gzip] [--file bench/out/data/journeys-1000000.csv]
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { findChrome } from '../tests/browser/chrome.js';
import { CHROME_ARGS } from '../tests/browser/harness.js';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const runs = Number(opt('runs', 3));
const gzip = args.includes('--gzip');
const csv = path.resolve(opt('file', 'bench/out/data/journeys-1000000.csv'));
if (!existsSync(csv)) throw new Error(`${csv} is missing: make it with node scripts/generate.js --rows 1000000 --out ${csv}`);

const dist = path.dirname(createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/dist/duckdb-browser.mjs'));
// The bundle the app selects in Chromium: exceptions, one thread.
const FILES = ['duckdb-eh.wasm', 'duckdb-browser-eh.worker.js'];
const dir = mkdtempSync(path.join(tmpdir(), 'bare-engine-'));
// The page's script: duckdb-wasm's browser API, bundled (with apache-arrow) by the rolldown that Vite uses.
writeFileSync(path.join(dir, 'entry.js'), `import * as duckdb from '@duckdb/duckdb-wasm'; window.duckdb = duckdb;`);
symlinkSync(path.resolve('node_modules'), path.join(dir, 'node_modules'));
execFileSync(path.resolve('node_modules/.bin/rolldown'), ['entry.js', '--file', 'bundle.js', '--format', 'esm'], {
	cwd: dir,
	stdio: ['ignore', 'ignore', 'inherit']
});
writeFileSync(path.join(dir, 'index.html'), '<!doctype html><script type="module" src="/bundle.js"></script>');

const server = createServer((req, res) => {
	const url = req.url ?? '/';
	const file =
		url === '/'
			? path.join(dir, 'index.html')
			: url.startsWith('/dist/')
				? path.join(dist, url.slice(6))
				: url === '/data.csv'
					? csv
					: path.join(dir, url);
	if (!existsSync(file)) return void res.writeHead(404).end();
	const headers = {
		'content-type': file.endsWith('.wasm')
			? 'application/wasm'
			: file.endsWith('.html')
				? 'text/html'
				: file.endsWith('.js')
					? 'text/javascript'
					: 'text/csv'
	};
	let body = readFileSync(file);
	if (gzip && file.endsWith('.wasm')) {
		body = gzipSync(body, { level: 6 });
		headers['content-encoding'] = 'gzip';
	}
	res.writeHead(200, { ...headers, 'content-length': body.length }).end(body);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: findChrome(), args: CHROME_ARGS });
const results = [];
try {
	for (let run = 0; run < runs; run++) {
		const page = await (await browser.newContext()).newPage();
		await page.goto(base);
		await page.waitForFunction(() => window.duckdb);
		results.push(
			await page.evaluate(async (files) => {
				const { duckdb } = window;
				const t0 = performance.now();
				const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(`/dist/${files[1]}`));
				await db.instantiate(`/dist/${files[0]}`);
				const instantiate = performance.now() - t0;
				await db.open({});
				const conn = await db.connect();
				await conn.query('SET autoload_known_extensions = false');
				await db.registerFileBuffer('j.csv', new Uint8Array(await (await fetch('/data.csv')).arrayBuffer()));
				const reads = [];
				for (let i = 0; i < 3; i++) {
					const t = performance.now();
					await conn.query(`CREATE OR REPLACE TABLE t AS SELECT * FROM read_csv('j.csv')`);
					reads.push(performance.now() - t);
				}
				return { instantiate, reads };
			}, FILES)
		);
		await page.context().close();
	}
} finally {
	await browser.close();
	server.close();
	rmSync(dir, { recursive: true, force: true });
}
const ms = (v) => `${Math.round(v)} ms`;
console.log(`duckdb-eh, 1 thread${gzip ? ', wasm gzipped' : ''}, ${path.basename(csv)} (${(statSync(csv).size / 1e6).toFixed(0)} MB)`);
for (const [i, r] of results.entries())
	console.log(`run ${i + 1}: instantiate ${ms(r.instantiate)}, read_csv ${r.reads.map(ms).join(' / ')}`);
