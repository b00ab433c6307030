// The floor of the 1M-row ingest on this machine: DuckDB-WASM alone in a bare page (its own API bundled, no
// SvelteKit, nothing else running) reading the same CSV with read_csv into a table, as the native yardstick does,
// with no check, no cube, no IndexedDB copy and no redraw. No ingest in this engine and browser can be faster, so
// floor ÷ native is the lowest ratio any version of the app could reach in the same run (the budget asks ≤ 2×).
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

// The bundle the app selects in Chromium: exceptions, one thread.
const FILES = { wasm: 'duckdb-eh.wasm', worker: 'duckdb-browser-eh.worker.js' };
const TYPES = { '.wasm': 'application/wasm', '.html': 'text/html', '.js': 'text/javascript', '.csv': 'text/csv' };

/** Bundles duckdb-wasm's browser API and serves it, DuckDB's dist files and `csv`; resolves with { url, stop }. */
export async function startEngineFloor(root, csv, { gzip = false } = {}) {
	if (!existsSync(csv)) throw new Error(`${csv} is missing: make it with node scripts/generate.js --rows 1000000 --out ${csv}`);
	const dist = path.dirname(createRequire(path.join(root, 'package.json')).resolve('@duckdb/duckdb-wasm/dist/duckdb-browser.mjs'));
	const dir = mkdtempSync(path.join(os.tmpdir(), 'cdp-engine-floor-'));
	writeFileSync(path.join(dir, 'entry.js'), `import * as duckdb from '@duckdb/duckdb-wasm'; window.duckdb = duckdb;`);
	symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
	// The rolldown that Vite uses, so the API is bundled (with apache-arrow) as the app's build bundles it.
	execFileSync(path.join(root, 'node_modules/.bin/rolldown'), ['entry.js', '--file', 'bundle.js', '--format', 'esm'], {
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
					? path.join(dist, path.basename(url))
					: url === '/data.csv'
						? csv
						: path.join(dir, path.basename(url));
		if (!existsSync(file)) return void res.writeHead(404).end();
		const headers = { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' };
		if (gzip && file.endsWith('.wasm')) {
			const body = gzipSync(readFileSync(file), { level: 6 });
			return void res.writeHead(200, { ...headers, 'content-encoding': 'gzip', 'content-length': body.length }).end(body);
		}
		res.writeHead(200, { ...headers, 'content-length': statSync(file).size });
		createReadStream(file).pipe(res);
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${server.address().port}`,
		stop: async () => {
			await new Promise((resolve) => server.close(resolve));
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

/**
 * One bare page in a fresh context: instantiate DuckDB, hand it the file's bytes, then `reads` times
 * CREATE OR REPLACE TABLE … AS SELECT * FROM read_csv(…). Returns { instantiate, reads } in ms.
 */
export async function engineFloorPage(browser, url, reads = 2) {
	const context = await browser.newContext();
	try {
		const page = await context.newPage();
		await page.goto(url);
		await page.waitForFunction(() => window.duckdb);
		return await page.evaluate(
			async ({ files, reads }) => {
				const { duckdb } = window;
				const t0 = performance.now();
				const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(`/dist/${files.worker}`));
				await db.instantiate(`/dist/${files.wasm}`);
				const instantiate = performance.now() - t0;
				await db.open({});
				const conn = await db.connect();
				await conn.query('SET autoload_known_extensions = false');
				await db.registerFileBuffer('j.csv', new Uint8Array(await (await fetch('/data.csv')).arrayBuffer()));
				const ms = [];
				for (let i = 0; i < reads; i++) {
					const t = performance.now();
					await conn.query(`CREATE OR REPLACE TABLE t AS SELECT * FROM read_csv('j.csv')`);
					ms.push(performance.now() - t);
				}
				// The least a people count (issue 12) adds: each person once per area, nothing else.
				const t = performance.now();
				await conn.query(`SELECT LA, count(DISTINCT CLIENTID) FROM t GROUP BY LA`);
				const people = performance.now() - t;
				await db.terminate();
				return { instantiate, reads: ms, people };
			},
			{ files: FILES, reads }
		);
	} finally {
		await context.close();
	}
}
