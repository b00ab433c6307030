#!/usr/bin/env node
/**
 * `npm run bench`: measures the built site against the budgets in DESIGN.md ("Budgets") in headless
 * Chromium, prints a table, writes bench/out/results.json and exits non-zero naming any budget missed.
 * Method and history: BENCHMARKS.md.
 *
 *   node bench/run.js [--runs 5] [--warmup 1] [--skip-build] [--sizes 100000,1000000,3000000]
 *                     [--switches 40] [--cycles 10] [--only cold,ingest,switch,scale,forget,bytes]
 *                     [--profile] [--ceiling] [--quick] [--dir ALREADY_BUILT_DIR]
 *
 * Run it as `npm run bench`: bench/ensure-native.js first installs the native yardstick (@duckdb/node-api) if missing.
 * The site is built into build-bench/ (SVELTEKIT_OUT=.svelte-kit-bench) so it never touches the build/
 * and .svelte-kit/ that tests and other builds use.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './lib/server.js';
import { launch, BENCH_ARGS } from './lib/browser.js';
import { measureBytes } from './lib/bytes.js';
import { coldLoad } from './lib/cold.js';
import { openDataPage, ingestOnce, switches } from './lib/ingest.js';
import { loadForgetCycles } from './lib/forget.js';
import { nativeRead } from './lib/native.js';
import { summary, percentile, median, round } from './lib/stats.js';
import { profileIngest } from './lib/profile.js';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const OUT = path.join(ROOT, 'bench/out');
const DATA = path.join(OUT, 'data');
// --dir PATH serves another, already built site (e.g. a local copy with a proposed fix) instead of building.
const BUILD_DIR = process.argv.includes('--dir') ? path.resolve(process.argv[process.argv.indexOf('--dir') + 1]) : 'build-bench';
const SVELTEKIT_OUT = '.svelte-kit-bench';

// ---- options -------------------------------------------------------------------------------------------
const argv = process.argv.slice(2);
const flag = (n) => argv.includes(`--${n}`);
const opt = (n, d) => {
	const i = argv.indexOf(`--${n}`);
	return i >= 0 ? argv[i + 1] : d;
};
const quick = flag('quick');
const RUNS = Number(opt('runs', quick ? 2 : 5));
const WARMUP = Number(opt('warmup', 1));
const SWITCHES = Number(opt('switches', quick ? 20 : 40));
const CYCLES = Number(opt('cycles', quick ? 2 : 10));
const SIZES = opt('sizes', quick ? '100000,1000000' : '100000,1000000,3000000')
	.split(',')
	.map(Number);
const ONLY = new Set(opt('only', 'bytes,cold,ingest,switch,scale,forget').split(','));
const MAIN_ROWS = 1_000_000;

// Budgets, from DESIGN.md "Budgets".
const BUDGETS = {
	firstChart: { label: 'first chart painted (cold load)', limit: 1000, unit: 'ms' },
	engineReady: { label: 'DuckDB ready (cold load)', limit: 3000, unit: 'ms' },
	ingestRatio: { label: '1M-row ingest ÷ native DuckDB read', limit: 2, unit: '×' },
	switchP95: { label: 'area/cohort change p95 (1M rows loaded)', limit: 100, unit: 'ms' },
	jsGz: { label: 'JavaScript shipped, gzipped (excl. DuckDB worker + wasm)', limit: 250 * 1024, unit: 'B' }
};

const t00 = Date.now();
const log = (...a) => console.log(`[bench ${((Date.now() - t00) / 1000).toFixed(0).padStart(4)} s]`, ...a);
const load1 = () => round(os.loadavg()[0], 2);

// ---- environment ---------------------------------------------------------------------------------------
function sh(cmd, args) {
	const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8' });
	return r.status === 0 ? r.stdout.trim() : null;
}
const pkgVersion = (name) => {
	try {
		return JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version;
	} catch {
		return null;
	}
};
function machine(browserVersion) {
	const cpus = os.cpus();
	return {
		cpu: cpus[0]?.model ?? 'unknown',
		cores: cpus.length,
		memoryGiB: round(os.totalmem() / 2 ** 30, 1),
		os: `${os.type()} ${os.release()}`,
		node: process.version,
		chromium: browserVersion,
		chromiumArgs: BENCH_ARGS,
		duckdbWasm: pkgVersion('@duckdb/duckdb-wasm'),
		duckdbNodeApi: pkgVersion('@duckdb/node-api'),
		playwrightCore: pkgVersion('playwright-core'),
		gitCommit: sh('git', ['rev-parse', '--short', 'HEAD']),
		gitDirty: (sh('git', ['status', '--porcelain', '--', 'src']) ?? '').length > 0,
		loadAvgAtStart: os.loadavg().map((x) => round(x, 2))
	};
}

// ---- steps -----------------------------------------------------------------------------------------------
function build() {
	if ((flag('skip-build') || flag('dir')) && existsSync(path.join(ROOT, BUILD_DIR, 'index.html'))) {
		log(`using the existing ${BUILD_DIR}/ (--skip-build)`);
		return null;
	}
	log(`building into ${BUILD_DIR}/ …`);
	const t0 = Date.now();
	const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
		cwd: ROOT,
		stdio: ['ignore', 'inherit', 'inherit'],
		env: { ...process.env, BUILD_DIR, SVELTEKIT_OUT }
	});
	if (r.status !== 0) {
		console.error('bench: the build failed');
		process.exit(2);
	}
	return Date.now() - t0;
}

function dataFile(rows) {
	const file = path.join(DATA, `journeys-${rows}.csv`);
	if (!existsSync(file)) {
		log(`generating ${rows.toLocaleString('en-GB')} journey rows …`);
		const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/generate.js'), '--rows', String(rows), '--out', file, '--quiet'], {
			cwd: ROOT,
			stdio: 'inherit'
		});
		if (r.status !== 0) throw new Error(`generate.js failed for ${rows} rows`);
	}
	return { file, rows, bytes: statSync(file).size };
}

const memOf = (s) =>
	s && {
		jsHeapUsed: s.jsHeapUsed,
		perfMemoryUsed: s.perfMemoryUsed,
		wasmMemory: s.workers.reduce((a, w) => a + (w.wasmMemory ?? 0), 0) || null,
		workers: s.workers.length,
		rendererRss: s.rendererRss,
		rendererPss: s.rendererPss
	};

// ---- main ------------------------------------------------------------------------------------------------
mkdirSync(DATA, { recursive: true });
const buildMs = build();
const results = { date: new Date().toISOString(), options: { RUNS, WARMUP, SWITCHES, CYCLES, SIZES, quick }, buildMs };
const server = await serve(ROOT, BUILD_DIR);
const browser = await launch();
results.machine = machine(browser.version());
log(`serving ${BUILD_DIR}/ at ${server.url}; Chromium ${browser.version()}; load average ${results.machine.loadAvgAtStart.join(' ')}`);

try {
	if (ONLY.has('bytes')) {
		results.bytes = measureBytes(path.join(ROOT, BUILD_DIR));
		log(`bytes: JS ${(results.bytes.js.gz / 1024).toFixed(1)} KB gz, CSS ${(results.bytes.css.gz / 1024).toFixed(1)} KB gz`);
	}

	if (ONLY.has('cold')) {
		const runs = [];
		for (let i = 0; i < WARMUP + RUNS; i++) {
			const load = load1();
			const r = await coldLoad(browser, server.url);
			r.loadAvg = load;
			r.warmup = i < WARMUP;
			runs.push(r);
			log(
				`cold ${r.warmup ? 'warm-up' : `run ${i - WARMUP + 1}`}: FCP ${round(r.fcp)} ms, chart frame ${round(r.chartFrame)} ms, LCP ${round(r.lcp)} ms (${r.lcpTag}), duckdb-ready ${round(r.duckdbReady)} ms, engine-ready ${round(r.engineReady)} ms${r.foreign.length ? `, FOREIGN ${r.foreign.length}` : ''}`
			);
		}
		const m = runs.filter((r) => !r.warmup);
		results.cold = {
			firstChart: summary(m.map((r) => r.firstChart)),
			fcp: summary(m.map((r) => r.fcp)),
			chartFrame: summary(m.map((r) => r.chartFrame)),
			lcp: summary(m.map((r) => r.lcp)),
			hydrated: summary(m.map((r) => r.hydrated)),
			duckdbStart: summary(m.map((r) => r.duckdbStart)),
			duckdbReady: summary(m.map((r) => r.duckdbReady)),
			engineReady: summary(m.map((r) => r.engineReady)),
			foreignRequests: runs.reduce((a, r) => a + r.foreign.length, 0),
			errors: [...new Set(runs.flatMap((r) => r.errors))],
			runs
		};
	}

	// 1M-row ingest: WARMUP + RUNS fresh tabs; the last one stays open for the area/cohort switches.
	let keep = null;
	if (ONLY.has('ingest') || ONLY.has('switch')) {
		const d = dataFile(MAIN_ROWS);
		const runs = [];
		const total = ONLY.has('ingest') ? WARMUP + RUNS : 1;
		for (let i = 0; i < total; i++) {
			const p = await openDataPage(browser, server.url);
			const load = load1();
			const before = memOf(await p.memory.sample());
			const r = await ingestOnce(p.page, d.file);
			const after = memOf(await p.memory.sample());
			Object.assign(r, {
				loadAvg: load,
				warmup: ONLY.has('ingest') && i < WARMUP,
				before,
				after,
				foreign: p.foreign.length,
				errors: p.errors
			});
			runs.push(r);
			log(
				`ingest 1M ${r.warmup ? 'warm-up' : `run ${runs.filter((x) => !x.warmup).length}`}: ${round(r.toRedrawn)} ms to 'load-redrawn' (${round(r.toFrame)} ms to the next frame; model ${round(r.modelMs)} ms), ${r.rows?.toLocaleString('en-GB')} rows, JS heap ${(after.jsHeapUsed / 1e6).toFixed(0)} MB, wasm ${(after.wasmMemory / 1e6).toFixed(0)} MB, renderer RSS ${(after.rendererRss / 1e6).toFixed(0)} MB, load ${load}`
			);
			if (i === total - 1) keep = p;
			else await p.context.close();
		}
		const m = runs.filter((r) => !r.warmup);
		log('native DuckDB (@duckdb/node-api, threads=1) reading the same file …');
		// `npm run bench` installs @duckdb/node-api first (bench/ensure-native.js); without it the ratio is unmeasured.
		const native = await nativeRead(d.file, WARMUP + RUNS).catch((e) => ({
			version: null,
			rows: null,
			ms: [],
			error: String(e.message ?? e)
		}));
		if (native.error) log(`native DuckDB read FAILED (${native.error}); run through \`npm run bench\`, which installs @duckdb/node-api`);
		const nat = native.ms.slice(WARMUP);
		results.ingest = {
			file: { rows: d.rows, bytes: d.bytes },
			toRedrawn: summary(m.map((r) => r.toRedrawn)),
			toFrame: summary(m.map((r) => r.toFrame)),
			model: summary(m.map((r) => r.modelMs)),
			wall: summary(m.map((r) => r.wall)),
			jsHeapAfter: summary(m.map((r) => r.after.jsHeapUsed)),
			perfMemoryAfter: summary(m.map((r) => r.after.perfMemoryUsed)),
			wasmAfter: summary(m.map((r) => r.after.wasmMemory)),
			rendererRssAfter: summary(m.map((r) => r.after.rendererRss)),
			rowsLoaded: m.map((r) => r.rows),
			phases: Object.fromEntries(
				[...new Set(m.flatMap((r) => Object.keys(r.phases ?? {})))].map((k) => [k, summary(m.map((r) => r.phases?.[k]))])
			),
			native: { version: native.version, rows: native.rows, ms: summary(nat), warmupMs: native.ms.slice(0, WARMUP) },
			runs
		};
		const nativeMedian = results.ingest.native.ms.median;
		results.ingest.ratio = nativeMedian ? results.ingest.toRedrawn.median / nativeMedian : null;
		results.ingest.ratioMin = nativeMedian ? results.ingest.toRedrawn.min / nativeMedian : null;
		log(
			`ingest 1M: median ${round(results.ingest.toRedrawn.median)} ms vs native ${round(nativeMedian)} ms → ${results.ingest.ratio?.toFixed(2) ?? '–'}×`
		);
	}

	if (ONLY.has('switch') && keep) {
		const load = load1();
		const s = await switches(keep.page, SWITCHES);
		const all = s.map((x) => x.redraw);
		const pct = (list) => ({ p50: percentile(list, 50), p95: percentile(list, 95), max: Math.max(...list), n: list.length });
		results.switch = {
			rowsLoaded: results.ingest?.runs.at(-1).rows ?? null,
			loadAvg: load,
			redraw: pct(all),
			firstFrame: pct(s.map((x) => x.firstFrame)),
			doubleRaf: pct(s.map((x) => x.doubleRaf)),
			area: pct(s.filter((x) => x.kind === 'area').map((x) => x.redraw)),
			cohort: pct(s.filter((x) => x.kind === 'cohort').map((x) => x.redraw)),
			allPressed: s.every((x) => x.ok),
			switches: s
		};
		log(
			`switches (${s.length}): redraw p50 ${round(results.switch.redraw.p50)} ms, p95 ${round(results.switch.redraw.p95)} ms; first frame p95 ${round(results.switch.firstFrame.p95)} ms; double rAF p95 ${round(results.switch.doubleRaf.p95)} ms`
		);
	}
	if (keep) await keep.context.close();

	if (ONLY.has('scale')) {
		results.scale = [];
		const sizes = [...SIZES, ...(flag('ceiling') ? [6_000_000, 9_000_000] : [])];
		for (const rows of sizes) {
			if (rows === MAIN_ROWS && results.ingest) {
				const r = results.ingest;
				results.scale.push({
					rows,
					bytes: r.file.bytes,
					ms: r.toRedrawn.median,
					nativeMs: r.native.ms.median,
					runs: r.toRedrawn.runs.length,
					jsHeap: r.jsHeapAfter.median,
					wasm: r.wasmAfter.median,
					rendererRss: r.rendererRssAfter.median,
					rowsLoaded: r.rowsLoaded[0],
					from: '1M runs above'
				});
				continue;
			}
			const d = dataFile(rows);
			const reps = rows <= 200_000 ? 2 : 1;
			const ms = [];
			let after = null;
			let loaded = null;
			let error = null;
			for (let k = 0; k < reps; k++) {
				const p = await openDataPage(browser, server.url);
				try {
					const r = await ingestOnce(p.page, d.file);
					ms.push(r.toRedrawn);
					after = memOf(await p.memory.sample());
					loaded = r.rows;
					if (!r.rows) error = r.outcome.join(' | ');
				} catch (e) {
					error = String(e.message ?? e).split('\n')[0];
					after = memOf(await p.memory.sample().catch(() => null));
				}
				await p.context.close();
			}
			const native = await nativeRead(d.file, 2).catch((e) => ({ ms: [NaN, NaN], error: String(e) }));
			const entry = {
				rows,
				bytes: d.bytes,
				ms: median(ms),
				runs: ms.length,
				nativeMs: native.ms[1],
				jsHeap: after?.jsHeapUsed,
				wasm: after?.wasmMemory,
				rendererRss: after?.rendererRss,
				rowsLoaded: loaded,
				error
			};
			results.scale.push(entry);
			log(
				`scale ${rows.toLocaleString('en-GB')} rows (${(d.bytes / 1e6).toFixed(0)} MB): ${round(entry.ms)} ms (native ${round(entry.nativeMs)} ms), wasm ${(entry.wasm / 1e6).toFixed(0)} MB, renderer RSS ${(entry.rendererRss / 1e6).toFixed(0)} MB${error ? `, ERROR ${error}` : ''}`
			);
		}
	}

	if (ONLY.has('forget')) {
		const d = dataFile(MAIN_ROWS);
		const p = await openDataPage(browser, server.url);
		log(`load/forget × ${CYCLES} …`);
		const r = await loadForgetCycles(p, d.file, CYCLES, (i, c) =>
			log(
				`  cycle ${i}: ingest ${round(c.ingestMs)} ms (${Object.entries(c.phases ?? {})
					.map(([k, v]) => `${k} ${round(v)}`)
					.join(
						', '
					)}), forget ${c.forgetMs} ms, load ${round(c.loadAvg, 2)}; after load: heap ${(c.afterLoad.jsHeapUsed / 1e6).toFixed(0)} MB, wasm ${(memOf(c.afterLoad).wasmMemory / 1e6).toFixed(0)} MB, RSS ${(c.afterLoad.rendererRss / 1e6).toFixed(0)} MB; after forget: heap ${(c.afterForget.jsHeapUsed / 1e6).toFixed(0)} MB, wasm ${(memOf(c.afterForget).wasmMemory / 1e6).toFixed(0)} MB, RSS ${(c.afterForget.rendererRss / 1e6).toFixed(0)} MB`
			)
		);
		await p.context.close();
		results.forget = {
			baseline: memOf(r.baseline),
			cycles: r.cycles.map((c) => ({ ...c, afterLoad: memOf(c.afterLoad), afterForget: memOf(c.afterForget) }))
		};
	}

	if (flag('profile')) {
		log('profiling one 1M-row ingest (worker request timings) …');
		results.profile = await profileIngest(browser, server.url, dataFile(MAIN_ROWS).file);
	}
} finally {
	await browser.close().catch(() => {});
	await server.stop();
}

// ---- verdicts, table, files ------------------------------------------------------------------------------
const verdicts = [];
const check = (key, value) => {
	if (value == null || Number.isNaN(value)) return;
	const b = BUDGETS[key];
	verdicts.push({ key, label: b.label, value, limit: b.limit, unit: b.unit, pass: value <= b.limit });
};
check('firstChart', results.cold?.firstChart.median);
check('engineReady', results.cold?.engineReady.median);
check('ingestRatio', results.ingest?.ratio);
if (results.ingest && results.ingest.ratio == null)
	verdicts.push({
		key: 'ingestRatio',
		label: `${BUDGETS.ingestRatio.label}: NOT MEASURED (native DuckDB unavailable)`,
		value: NaN,
		limit: BUDGETS.ingestRatio.limit,
		unit: '×',
		pass: false
	});
check('switchP95', results.switch?.redraw.p95);
check('jsGz', results.bytes?.js.gz);
results.budgets = verdicts;
results.loadAvgAtEnd = os.loadavg().map((x) => round(x, 2));
results.totalSeconds = Math.round((Date.now() - t00) / 1000);

const table = renderTable(results);
console.log(`\n${table}`);
writeFileSync(path.join(OUT, 'results.json'), JSON.stringify(results, null, 2));
writeFileSync(path.join(OUT, 'results.md'), table + '\n');
log(`wrote bench/out/results.json and bench/out/results.md (${results.totalSeconds} s)`);
const missed = verdicts.filter((v) => !v.pass);
if (!verdicts.length) {
	console.log('\nNo budget was measured in this run.');
	process.exit(0);
}
if (missed.length) {
	console.error(`\nBUDGET MISSED: ${missed.map((v) => `${v.label} (${fmtVal(v.value, v.unit)} > ${fmtVal(v.limit, v.unit)})`).join('; ')}`);
	process.exit(1);
}
console.log('\nAll measured budgets met.');

// ---- formatting ------------------------------------------------------------------------------------------
function fmtVal(v, unit) {
	if (v == null || Number.isNaN(v)) return '–';
	if (unit === 'ms') return v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`;
	if (unit === '×') return `${v.toFixed(2)}×`;
	if (unit === 'B') return v >= 1e6 ? `${(v / 1e6).toFixed(1)} MB` : `${(v / 1024).toFixed(1)} KB`;
	if (unit === 'MB') return `${(v / 1e6).toFixed(0)} MB`;
	return String(v);
}

function renderTable(r) {
	const rows = [];
	const verdict = (key) => {
		const v = r.budgets.find((x) => x.key === key);
		return v ? `${v.pass ? 'PASS' : '**MISS**'} (≤ ${fmtVal(v.limit, v.unit)})` : '';
	};
	const s3 = (s, unit = 'ms') =>
		s && s.median != null
			? [fmtVal(s.median, unit), fmtVal(s.min, unit), fmtVal(s.max, unit), String(s.runs.length)]
			: ['–', '–', '–', '0'];
	const add = (name, cells, budget = '') => rows.push([name, ...cells, budget]);
	if (r.cold) {
		add('Cold load: first chart painted (max of FCP, chart frame)', s3(r.cold.firstChart), verdict('firstChart'));
		add('  first contentful paint', s3(r.cold.fcp));
		add('  largest contentful paint', s3(r.cold.lcp));
		add('  hydrated (mark)', s3(r.cold.hydrated));
		add('Cold load: DuckDB ready (engine-ready mark)', s3(r.cold.engineReady), verdict('engineReady'));
		add(
			'  duckdb-start → duckdb-ready (marks)',
			s3(
				r.cold.duckdbStart && { ...r.cold.duckdbReady, median: r.cold.duckdbReady.median - r.cold.duckdbStart.median, min: null, max: null }
			)
		);
	}
	if (r.ingest) {
		const i = r.ingest;
		add(`Ingest 1M rows (${(i.file.bytes / 1e6).toFixed(0)} MB) → 'load-redrawn'`, s3(i.toRedrawn));
		add('  → first frame after redraw', s3(i.toFrame));
		for (const [k, v] of Object.entries(i.phases ?? {})) if (k !== 'model') add(`  phase ${k} (app measure; phases overlap)`, s3(v));
		add('  of which model recompute (measure)', s3(i.model));
		add('  native DuckDB read_csv, 1 thread', s3(i.native.ms));
		add('  ratio browser ÷ native (medians)', [fmtVal(i.ratio, '×'), fmtVal(i.ratioMin, '×'), '', ''], verdict('ingestRatio'));
		add('  JS heap after load (CDP JSHeapUsedSize)', s3(i.jsHeapAfter, 'MB'));
		add('  DuckDB worker wasm memory after load', s3(i.wasmAfter, 'MB'));
		add('  renderer process RSS after load', s3(i.rendererRssAfter, 'MB'));
	}
	if (r.switch) {
		const s = r.switch;
		add(`Area/cohort change, p50 (${s.redraw.n} switches)`, [
			fmtVal(s.redraw.p50, 'ms'),
			'',
			fmtVal(s.redraw.max, 'ms'),
			String(s.redraw.n)
		]);
		add('Area/cohort change, p95', [fmtVal(s.redraw.p95, 'ms'), '', '', ''], verdict('switchP95'));
		add('  area p50 / p95', [`${fmtVal(s.area.p50, 'ms')} / ${fmtVal(s.area.p95, 'ms')}`, '', '', String(s.area.n)]);
		add('  cohort p50 / p95', [`${fmtVal(s.cohort.p50, 'ms')} / ${fmtVal(s.cohort.p95, 'ms')}`, '', '', String(s.cohort.n)]);
		add('  first frame p50 / p95', [`${fmtVal(s.firstFrame.p50, 'ms')} / ${fmtVal(s.firstFrame.p95, 'ms')}`, '', '', '']);
		add('  double rAF p50 / p95', [`${fmtVal(s.doubleRaf.p50, 'ms')} / ${fmtVal(s.doubleRaf.p95, 'ms')}`, '', '', '']);
	}
	if (r.bytes) {
		const b = r.bytes;
		add(`JavaScript gz (${b.js.files} files, excl. DuckDB worker + wasm)`, [fmtVal(b.js.gz, 'B'), '', '', ''], verdict('jsGz'));
		add('  home page: HTML gz + JS gz + CSS gz', [
			`${fmtVal(b.homePage.htmlGz, 'B')} + ${fmtVal(b.homePage.jsGz, 'B')} + ${fmtVal(b.homePage.cssGz, 'B')}`,
			'',
			'',
			''
		]);
		add('CSS gz', [fmtVal(b.css.gz, 'B'), '', '', '']);
		for (const w of b.wasm)
			add(`wasm ${path.basename(w.file).replace(/\.[^.]+\.wasm$/, '.wasm')} raw / gz`, [
				`${fmtVal(w.raw, 'B')} / ${fmtVal(w.gz, 'B')}`,
				'',
				'',
				''
			]);
		for (const w of b.duckdbWorkers)
			add(`DuckDB worker ${path.basename(w.file).replace(/\.[^.]+\.js$/, '.js')} gz`, [fmtVal(w.gz, 'B'), '', '', '']);
	}
	const head = ['measure', 'median', 'min', 'max', 'runs', 'budget'];
	let out = mdTable(head, rows);
	if (r.scale) {
		out +=
			'\n\nScaling (ingest through the file input, to load-redrawn):\n\n' +
			mdTable(
				['rows', 'CSV', 'browser', 'runs', 'native', 'ratio', 'rows/s', 'wasm memory', 'JS heap', 'renderer RSS', 'note'],
				r.scale.map((e) => [
					e.rows.toLocaleString('en-GB'),
					fmtVal(e.bytes, 'MB'),
					fmtVal(e.ms, 'ms'),
					String(e.runs),
					fmtVal(e.nativeMs, 'ms'),
					e.ms && e.nativeMs ? fmtVal(e.ms / e.nativeMs, '×') : '–',
					e.ms ? Math.round(e.rows / (e.ms / 1000)).toLocaleString('en-GB') : '–',
					fmtVal(e.wasm, 'MB'),
					fmtVal(e.jsHeap, 'MB'),
					fmtVal(e.rendererRss, 'MB'),
					(e.error ? `FAILED: ${e.error.replace(/^Not loaded\.\s*/, '').slice(0, 110)}…` : null) ??
						(e.rowsLoaded ? `${e.rowsLoaded.toLocaleString('en-GB')} loaded` : '')
				])
			);
	}
	if (r.forget) {
		const f = r.forget;
		out +=
			`\n\nMemory across ${f.cycles.length} loads and forgets of the 1M-row file in one tab (after a forced GC):\n\n` +
			mdTable(
				['state', 'JS heap', 'wasm memory', 'DuckDB workers', 'renderer RSS', 'ingest', 'forget'],
				[
					[
						'baseline',
						fmtVal(f.baseline.jsHeapUsed, 'MB'),
						fmtVal(f.baseline.wasmMemory, 'MB'),
						String(f.baseline.workers),
						fmtVal(f.baseline.rendererRss, 'MB'),
						'',
						''
					],
					...f.cycles.flatMap((c) => [
						[
							`after load ${c.cycle}`,
							fmtVal(c.afterLoad.jsHeapUsed, 'MB'),
							fmtVal(c.afterLoad.wasmMemory, 'MB'),
							String(c.afterLoad.workers),
							fmtVal(c.afterLoad.rendererRss, 'MB'),
							fmtVal(c.ingestMs, 'ms'),
							''
						],
						[
							`after forget ${c.cycle}`,
							fmtVal(c.afterForget.jsHeapUsed, 'MB'),
							fmtVal(c.afterForget.wasmMemory, 'MB'),
							String(c.afterForget.workers),
							fmtVal(c.afterForget.rendererRss, 'MB'),
							'',
							fmtVal(c.forgetMs, 'ms')
						]
					])
				]
			);
	}
	const m = r.machine;
	out += `\n\nMachine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB; ${m.os}; Node ${m.node}; Chromium ${m.chromium}; duckdb-wasm ${m.duckdbWasm}; @duckdb/node-api ${m.duckdbNodeApi} (DuckDB ${r.ingest?.native.version ?? '?'}); commit ${m.gitCommit}${m.gitDirty ? ' + uncommitted src changes' : ''}; load average ${m.loadAvgAtStart.join(' ')} at start, ${r.loadAvgAtEnd.join(' ')} at end.`;
	return out;
}

function mdTable(head, rows) {
	const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i] ?? '').length)));
	const line = (cells) => `| ${cells.map((c, i) => String(c ?? '').padEnd(widths[i])).join(' | ')} |`;
	return [line(head), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}
