#!/usr/bin/env node
// The engine's own floor, outside the app: a bare page (no SvelteKit, nothing else running) that starts
// DuckDB-WASM and reads the 1M-row file with read_csv, as the native yardstick does (bench/lib/engine-floor.js;
// `npm run bench` measures the same floor beside each ingest). It answers "how fast can this engine go in this
// browser at all?", the baseline behind BENCHMARKS.md's "why out of reach" notes.
//   node bench/bare-engine.js [--runs 3] [--reads 3] [--gzip] [--file bench/out/data/journeys-1000000.csv]
import { statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch } from './lib/browser.js';
import { startEngineFloor, engineFloorPage } from './lib/engine-floor.js';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const gzip = args.includes('--gzip');
const csv = path.resolve(opt('file', 'bench/out/data/journeys-1000000.csv'));
const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)));

const floor = await startEngineFloor(root, csv, { gzip });
const browser = await launch();
const ms = (v) => `${Math.round(v)} ms`;
console.log(`duckdb-eh, 1 thread${gzip ? ', wasm gzipped' : ''}, ${path.basename(csv)} (${(statSync(csv).size / 1e6).toFixed(0)} MB)`);
try {
	for (let run = 1; run <= Number(opt('runs', 3)); run++) {
		const r = await engineFloorPage(browser, floor.url, Number(opt('reads', 3)));
		console.log(
			`run ${run}: instantiate ${ms(r.instantiate)}, read_csv ${r.reads.map(ms).join(' / ')}, then a people count ${ms(r.people)}`
		);
	}
} finally {
	await browser.close();
	await floor.stop();
}
