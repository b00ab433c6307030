#!/usr/bin/env node
/**
 * `npm run bench`: measures the built site against the budgets in DESIGN.md ("Budgets") in headless
 * Chromium, prints a table, writes bench/out/results.json and exits non-zero naming any budget missed.
 * Method and history: BENCHMARKS.md.
 *
 *   node bench/run.js [--runs 5] [--warmup 1] [--skip-build] [--sizes 100000,1000000,3000000]
 *                     [--switches 40] [--cycles 5] [--idle 8000] [--stored-rows 20000]
 *                     [--only bytes,cold,later,peer,stored,ingest,switch,scale,forget]
 *                     [--peer-src ../shared/peers] [--profile] [--ceiling] [--quick] [--dir ALREADY_BUILT_DIR]
 *
 * Run it as `npm run bench`: bench/ensure-native.js first installs the native yardstick (@duckdb/node-api) if missing.
 * The site is built into build-bench/ (SVELTEKIT_OUT=.svelte-kit-bench) so it never touches the build/
 * and .svelte-kit/ that tests and other builds use. The Observable Framework peer is built outside the repo
 * (bench/lib/peer.js) and measured in the same run, alternating with the dashboard.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './lib/server.js';
import { launch, BENCH_ARGS } from './lib/browser.js';
import { measureBytes } from './lib/bytes.js';
import { coldLoad } from './lib/cold.js';
import { buildPeer, precompressLike, peerLoad } from './lib/peer.js';
import { buildFloor, buildStaticHome } from './lib/floor.js';
import { storedModelReload } from './lib/stored.js';
import { homePageJs } from './lib/home-js.js';
import { servedSizes } from './lib/served.js';
import { openDataPage, ingestOnce, switches } from './lib/ingest.js';
import { loadForgetCycles } from './lib/forget.js';
import { nativeRead } from './lib/native.js';
import { nativeIngest } from './lib/native-ingest.js';
import { generatedJourneys } from './lib/data-file.js';
import { startEngineFloor, engineFloorPage } from './lib/engine-floor.js';
import { summary, percentile, median, round } from './lib/stats.js';
import { profileIngest } from './lib/profile.js';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));
const OUT = path.join(ROOT, 'bench/out');
const DATA = path.join(OUT, 'data');
// --dir PATH serves another, already built site (e.g. a local copy with a proposed fix) instead of building.
const BUILD_DIR = process.argv.includes('--dir') ? path.resolve(process.argv[process.argv.indexOf('--dir') + 1]) : 'build-bench';
const BUILD = path.resolve(ROOT, BUILD_DIR);
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
const CYCLES = Number(opt('cycles', quick ? 2 : 5));
const SIZES = opt('sizes', quick ? '100000,1000000' : '100000,1000000,3000000')
	.split(',')
	.map(Number);
const ONLY = new Set(opt('only', 'bytes,cold,later,peer,stored,ingest,switch,scale,forget').split(','));
const MAIN_ROWS = 1_000_000;
const STORED_ROWS = Number(opt('stored-rows', 20_000));
// Idle in the first tab before the later visit: the app warms its CSV reader at idle, and V8 caches hot wasm
// code after ≈ 2 s with no new compilation.
const IDLE_MS = Number(opt('idle', 8000));
const PEER_SRC = path.resolve(ROOT, opt('peer-src', '../shared/peers'));

// Budgets, from DESIGN.md "Budgets". `strict`: the value must be below the limit, not equal to it.
const BUDGETS = {
	firstChart: { label: 'first chart painted (cold load)', limit: 300, unit: 'ms' },
	firstChartVsPeer: { label: 'first chart ÷ Observable Framework peer (same run)', limit: 0.5, unit: '×', strict: true },
	storedModel: { label: "user's figures after a reload (stored-model-shown)", limit: 500, unit: 'ms' },
	engineReadyLater: { label: 'DuckDB ready, later visit', limit: 1500, unit: 'ms' },
	engineReady: { label: 'DuckDB ready, cold load', limit: 3000, unit: 'ms' },
	ingestRatio: { label: '1M-row ingest ÷ native DuckDB read', limit: 2, unit: '×' },
	switchP95: { label: 'area/cohort change p95 (1M rows loaded)', limit: 50, unit: 'ms' },
	homeJsGz: { label: 'JavaScript for the home page, gzipped (excl. DuckDB worker + wasm)', limit: 150 * 1024, unit: 'B' }
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
	if ((flag('skip-build') || flag('dir')) && existsSync(path.join(BUILD, 'index.html'))) {
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

const dataFile = (rows) => generatedJourneys(rows, log);

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
		const b = measureBytes(BUILD);
		for (const f of [...b.wasm, ...b.duckdbWorkers]) f.served = await servedSizes(server.url, f.file);
		b.homeLoaded = await homePageJs(browser, server.url, BUILD);
		results.bytes = b;
		const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
		log(
			`bytes: home page JS ${kb(b.homeLoaded.gz)} gz (${b.homeLoaded.files} files; ${kb(b.homeLoaded.beforeHydration.gz)} before hydration), all JS ${kb(b.js.gz)} gz, wasm as served ${b.wasm.map((w) => `${path.basename(w.file)} ${w.served.br.encoding} ${(w.served.br.bytes / 1e6).toFixed(1)} MB`).join(', ')}`
		);
	}

	// Start-up: the dashboard (cold, then a later visit) and the Observable peer, alternating in one run, each
	// run in a fresh browser profile; the order flips every round so drift in the machine's load falls on both.
	if (ONLY.has('cold') || ONLY.has('later') || ONLY.has('peer')) {
		const ours = ONLY.has('cold') || ONLY.has('later');
		let peer = null;
		let floor = null;
		let staticHome = null;
		if (ONLY.has('peer')) {
			peer = buildPeer(PEER_SRC, log);
			if (!peer.error)
				try {
					peer.precompressed = await precompressLike(BUILD, peer.dist);
					peer.server = await serve(ROOT, peer.dist);
				} catch (e) {
					peer.error = `peer not served: ${String(e.message ?? e).split('\n')[0]}`;
				}
			if (peer.error) log(`peer not measured: ${peer.error}`);
			const staticPage = async (name, make) => {
				try {
					return { server: await serve(ROOT, make(BUILD)) };
				} catch (e) {
					const error = String(e.message ?? e).split('\n')[0];
					log(`${name} not measured: ${error}`);
					return { error };
				}
			};
			floor = await staticPage('floor', buildFloor);
			staticHome = await staticPage('static home page', buildStaticHome);
		}
		const runs = [];
		const peerRuns = [];
		const floorRuns = [];
		const staticRuns = [];
		for (let i = 0; i < WARMUP + RUNS; i++) {
			const warmup = i < WARMUP;
			const label = warmup ? 'warm-up' : `run ${i - WARMUP + 1}`;
			for (const who of i % 2 ? ['static', 'floor', 'peer', 'ours'] : ['ours', 'peer', 'floor', 'static']) {
				const load = load1();
				if (who === 'ours' && ours) {
					const r = await coldLoad(server.url, { idleMs: ONLY.has('later') ? IDLE_MS : null }).catch((e) => ({
						error: String(e.message ?? e).split('\n')[0]
					}));
					runs.push({ ...r, loadAvg: load, warmup });
					const c = r.cold;
					log(
						r.error
							? `cold ${label}: FAILED ${r.error}`
							: `cold ${label}: first chart ${round(c.firstChart)} ms (FCP ${round(c.fcp)}, chart frame ${round(c.chartFrame)}, named chart ${round(c.namedFrame)}), engine-ready ${round(c.engineReady)} ms${r.later ? `; later visit: engine-ready ${round(r.later.engineReady)} ms, first chart ${round(r.later.firstChart)} ms` : ''}${r.foreign.length ? `, FOREIGN ${r.foreign.length}` : ''}, load ${load}`
					);
				}
				// The peer, the floor and the static home page: one cold load each, the same detector.
				const other = { peer, floor, static: staticHome }[who];
				if (other?.server) {
					const r = await peerLoad(other.server.url).catch((e) => ({ error: String(e.message ?? e).split('\n')[0] }));
					({ peer: peerRuns, floor: floorRuns, static: staticRuns })[who].push({ ...r, loadAvg: load, warmup });
					log(
						r.error
							? `${who} ${label}: FAILED ${r.error}`
							: `${who} ${label}: first chart ${round(r.firstChart)} ms (FCP ${round(r.fcp)}, chart frame ${round(r.chartFrame)}), ${r.foreign.length} off-origin request(s) refused, load ${load}`
					);
				}
			}
		}
		await peer?.server?.stop();
		await floor?.server?.stop();
		await staticHome?.server?.stop();
		const m = runs.filter((r) => !r.warmup && !r.error);
		const of = (list, k) => summary(list.map((r) => r?.[k]));
		if (ours) {
			const cold = m.map((r) => r.cold);
			results.cold = {
				firstChart: of(cold, 'firstChart'),
				fcp: of(cold, 'fcp'),
				chartFrame: of(cold, 'chartFrame'),
				namedFrame: of(cold, 'namedFrame'),
				lcp: of(cold, 'lcp'),
				hydrated: of(cold, 'hydrated'),
				duckdbStart: of(cold, 'duckdbStart'),
				duckdbReady: of(cold, 'duckdbReady'),
				engineReady: of(cold, 'engineReady'),
				chart: cold[0]?.chart ?? null,
				failed: runs.filter((r) => r.error).map((r) => r.error),
				foreignRequests: runs.reduce((a, r) => a + (r.foreign?.length ?? 0), 0),
				errors: [...new Set(runs.flatMap((r) => r.errors ?? []))],
				runs
			};
		}
		if (ONLY.has('later')) {
			const later = m.map((r) => r.later);
			results.later = {
				idleMs: IDLE_MS,
				engineReady: of(later, 'engineReady'),
				firstChart: of(later, 'firstChart'),
				hydrated: of(later, 'hydrated')
			};
		}
		if (peer) {
			const pm = peerRuns.filter((r) => !r.warmup && !r.error);
			const { server: _, ...info } = peer;
			results.peer = {
				...info,
				error: peer.error ?? (pm.length ? null : `every peer run failed: ${peerRuns[0]?.error}`),
				firstChart: of(pm, 'firstChart'),
				fcp: of(pm, 'fcp'),
				chartFrame: of(pm, 'chartFrame'),
				chart: pm[0]?.chart ?? null,
				foreignRefused: [...new Set(peerRuns.flatMap((r) => r.foreign ?? []))],
				runs: peerRuns
			};
			const ratio = (a, b) => (a != null && b ? a / b : null);
			results.peer.ratio = ratio(results.cold?.firstChart.median, results.peer.firstChart.median);
			const fm = floorRuns.filter((r) => !r.warmup && !r.error);
			results.floor = {
				error: floor?.error ?? (fm.length ? null : `every floor run failed: ${floorRuns[0]?.error}`),
				firstChart: of(fm, 'firstChart'),
				fcp: of(fm, 'fcp')
			};
			results.floor.ratio = ratio(results.floor.firstChart.median, results.peer.firstChart.median);
			const sm = staticRuns.filter((r) => !r.warmup && !r.error);
			results.staticHome = {
				error: staticHome?.error ?? (sm.length ? null : `every static home page run failed: ${staticRuns[0]?.error}`),
				firstChart: of(sm, 'firstChart'),
				fcp: of(sm, 'fcp')
			};
			results.staticHome.ratio = ratio(results.staticHome.firstChart.median, results.peer.firstChart.median);
			if (results.peer.ratio != null)
				log(
					`first chart: dashboard ${round(results.cold.firstChart.median)} ms, peer ${round(results.peer.firstChart.median)} ms → ${results.peer.ratio.toFixed(2)}×`
				);
		}
	}

	// A reload with the user's own file loaded: WARMUP + RUNS fresh browser profiles.
	if (ONLY.has('stored')) {
		const d = dataFile(STORED_ROWS);
		const runs = [];
		for (let i = 0; i < WARMUP + RUNS; i++) {
			const load = load1();
			const r = await storedModelReload(server.url, d.file).catch((e) => ({ error: String(e.message ?? e).split('\n')[0] }));
			runs.push({ ...r, loadAvg: load, warmup: i < WARMUP });
			log(
				r.error
					? `stored model ${i < WARMUP ? 'warm-up' : `run ${i - WARMUP + 1}`}: FAILED ${r.error}`
					: `stored model ${i < WARMUP ? 'warm-up' : `run ${i - WARMUP + 1}`}: stored-model-shown ${round(r.storedShown)} ms, headline ${r.embedded} → ${r.user} at ${round(r.userFrame)} ms, FCP ${round(r.fcp)} ms, engine-ready ${round(r.engineReady)} ms, status "${r.status}", load ${load}`
			);
		}
		const m = runs.filter((r) => !r.warmup && !r.error);
		results.stored = {
			file: { rows: d.rows, bytes: d.bytes },
			storedShown: summary(m.map((r) => r.storedShown)),
			userFrame: summary(m.map((r) => r.userFrame)),
			fcp: summary(m.map((r) => r.fcp)),
			engineReady: summary(m.map((r) => r.engineReady)),
			measured: m.length,
			saysYours: m.filter((r) => r.saysYours).length,
			failed: runs.filter((r) => r.error).map((r) => r.error),
			runs
		};
	}

	// 1M-row ingest: WARMUP + RUNS fresh tabs; the last one stays open for the area/cohort switches.
	let keep = null;
	if (ONLY.has('ingest') || ONLY.has('switch')) {
		const d = dataFile(MAIN_ROWS);
		const runs = [];
		const total = ONLY.has('ingest') ? WARMUP + RUNS : 1;
		// The engine's floor (bench/lib/engine-floor.js): a bare DuckDB-WASM page reading the same file, one before
		// each ingest so both see the same machine.
		let floor = null;
		const floorRuns = [];
		if (ONLY.has('ingest')) floor = await startEngineFloor(ROOT, d.file).catch((e) => ({ error: String(e.message ?? e).split('\n')[0] }));
		for (let i = 0; i < total; i++) {
			if (floor?.url) {
				const f = await engineFloorPage(browser, floor.url).catch((e) => ({ error: String(e.message ?? e).split('\n')[0] }));
				floorRuns.push({ ...f, warmup: i < WARMUP });
				log(
					f.error
						? `engine floor: FAILED ${f.error}`
						: `engine floor: read_csv ${f.reads.map((x) => round(x)).join(' ms, then ')} ms in a bare page, people count ${round(f.people)} ms`
				);
			}
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
				settled: p.settled,
				foreign: p.foreign.length,
				errors: p.errors
			});
			runs.push(r);
			log(
				`ingest 1M ${r.warmup ? 'warm-up' : `run ${runs.filter((x) => !x.warmup).length}`}: ${round(r.toRedrawn)} ms to 'load-redrawn' (${round(r.toFrame)} ms to the next frame; model ${round(r.modelMs)} ms), ${r.rows?.toLocaleString('en-GB')} rows, JS heap ${(after.jsHeapUsed / 1e6).toFixed(0)} MB, wasm ${(after.wasmMemory / 1e6).toFixed(0)} MB, renderer RSS ${(after.rendererRss / 1e6).toFixed(0)} MB, load ${load}${p.settled ? '' : ", started without a 'defaults-warm' mark"}`
			);
			if (i === total - 1) keep = p;
			else await p.context.close();
		}
		await floor?.stop?.();
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
		// The same work natively: what the dashboard's ingest costs over a plain read with no wasm or browser in the way.
		const ownWork = {};
		for (const threads of [1, 2]) {
			log(`native DuckDB (${threads} thread(s)) doing the dashboard's own ingest and model of the same file …`);
			ownWork[threads] = await nativeIngest(ROOT, { rows: d.rows, runs: RUNS, threads, svelteKitOut: SVELTEKIT_OUT }).catch((e) => ({
				error: String(e.message ?? e)
			}));
		}
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
			settled: m.filter((r) => r.settled).length,
			phases: Object.fromEntries(
				[...new Set(m.flatMap((r) => Object.keys(r.phases ?? {})))].map((k) => [k, summary(m.map((r) => r.phases?.[k]))])
			),
			native: { version: native.version, rows: native.rows, ms: summary(nat), warmupMs: native.ms.slice(0, WARMUP) },
			ownWork: Object.fromEntries(
				Object.entries(ownWork).map(([threads, w]) => [
					threads,
					w.error
						? { error: w.error }
						: {
								read: summary(w.read),
								ingest: summary(w.ingest),
								model: summary(w.model),
								total: summary(w.ingest.map((x, k) => x + w.model[k])),
								steps: Object.fromEntries(Object.entries(w.steps).map(([k, v]) => [k, summary(v)]))
							}
				])
			),
			runs
		};
		const fm = floorRuns.filter((r) => !r.warmup && !r.error);
		results.ingest.floor = {
			error: floor?.error ?? (fm.length ? null : `every floor run failed: ${floorRuns[0]?.error}`),
			// The page's first read, and its second (the app's reader is warm when the user's file comes).
			first: summary(fm.map((r) => r.reads[0])),
			warm: summary(fm.map((r) => r.reads[1])),
			people: summary(fm.map((r) => r.people))
		};
		const nativeMedian = results.ingest.native.ms.median;
		results.ingest.ratio = nativeMedian ? results.ingest.toRedrawn.median / nativeMedian : null;
		results.ingest.ratioMin = nativeMedian ? results.ingest.toRedrawn.min / nativeMedian : null;
		results.ingest.floor.ratio = nativeMedian && results.ingest.floor.warm.median ? results.ingest.floor.warm.median / nativeMedian : null;
		// Divided by the plain read the same process timed between its ingests: the two side by side, in one process.
		for (const w of Object.values(results.ingest.ownWork)) if (!w.error) w.ratio = w.total.median / w.read.median;
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
// `missing`: why a budget whose step ran has no value; it then counts as missed, named NOT MEASURED.
const check = (key, value, missing = null) => {
	const b = BUDGETS[key];
	if (value == null || Number.isNaN(value)) {
		if (missing)
			verdicts.push({ key, label: `${b.label}: NOT MEASURED (${missing})`, value: NaN, limit: b.limit, unit: b.unit, pass: false });
		return;
	}
	verdicts.push({
		key,
		label: b.label,
		value,
		limit: b.limit,
		unit: b.unit,
		strict: !!b.strict,
		pass: b.strict ? value < b.limit : value <= b.limit
	});
};
check('firstChart', results.cold?.firstChart.median, results.cold && 'no cold run found a chart');
check(
	'firstChartVsPeer',
	results.peer?.ratio,
	results.peer && (results.peer.error ? `peer not measured: ${results.peer.error}` : 'no dashboard first chart')
);
check(
	'storedModel',
	results.stored?.storedShown.median,
	results.stored && (results.stored.failed[0] ?? "the app set no 'stored-model-shown' mark after the reload")
);
check('engineReadyLater', results.later?.engineReady.median, results.later && 'no later visit reached engine-ready');
check('engineReady', results.cold?.engineReady.median, results.cold && 'no engine-ready mark');
check('ingestRatio', results.ingest?.ratio, results.ingest && 'native DuckDB unavailable');
check('switchP95', results.switch?.redraw.p95);
check('homeJsGz', results.bytes?.homeLoaded.gz);
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
	console.error(
		`\nBUDGET MISSED: ${missed.map((v) => (Number.isNaN(v.value) ? v.label : `${v.label} (${fmtVal(v.value, v.unit)} ${v.strict ? '≥' : '>'} ${fmtVal(v.limit, v.unit)})`)).join('; ')}`
	);
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
		return v ? `${v.pass ? 'PASS' : '**MISS**'} (${v.strict ? '<' : '≤'} ${fmtVal(v.limit, v.unit)})` : '';
	};
	const s3 = (s, unit = 'ms') =>
		s && s.median != null
			? [fmtVal(s.median, unit), fmtVal(s.min, unit), fmtVal(s.max, unit), String(s.runs.length)]
			: ['–', '–', '–', '0'];
	const add = (name, cells, budget = '') => rows.push([name, ...cells, budget]);
	const text = (name, value, budget = '') => add(name, [value, '', '', ''], budget);
	if (r.cold) {
		const c = r.cold;
		add('First chart painted, cold (max of FCP, chart frame)', s3(c.firstChart), verdict('firstChart'));
		if (r.peer) {
			add(`  Observable Framework peer, same detector, same run`, s3(r.peer.firstChart));
			text(
				'  ratio dashboard ÷ peer (medians)',
				r.peer.ratio != null ? fmtVal(r.peer.ratio, '×') : `peer not measured: ${r.peer.error}`,
				verdict('firstChartVsPeer')
			);
			if (r.floor) {
				add('  floor: the same chart SVG alone, static (no CSS, no JS)', s3(r.floor.firstChart));
				text(
					'  floor ÷ peer (the lowest ratio any page drawing this chart reaches here)',
					r.floor.ratio != null ? fmtVal(r.floor.ratio, '×') : `not measured: ${r.floor.error}`
				);
			}
			if (r.staticHome) {
				add('  the home page as built without its JavaScript (HTML and inlined CSS)', s3(r.staticHome.firstChart));
				text(
					'  that ÷ peer (what the first screen costs to paint, whatever the scripts do)',
					r.staticHome.ratio != null ? fmtVal(r.staticHome.ratio, '×') : `not measured: ${r.staticHome.error}`
				);
			}
		}
		add('  first contentful paint', s3(c.fcp));
		add('  chart frame (first SVG ≥ 200×100 with a data path)', s3(c.chartFrame));
		add('  named chart frame (trajectory, check of the detector)', s3(c.namedFrame));
		if (c.chart)
			text(
				'  chart the detector found',
				`${c.chart.label} ${c.chart.width}×${c.chart.height}${c.chart.inViewport ? '' : ', below the fold'}`
			);
		add('  largest contentful paint', s3(c.lcp));
		add('  hydrated (mark)', s3(c.hydrated));
		add('DuckDB ready, cold (engine-ready mark)', s3(c.engineReady), verdict('engineReady'));
		if (c.duckdbStart.median != null && c.duckdbReady.median != null)
			text('  duckdb-start → duckdb-ready (marks, medians)', fmtVal(c.duckdbReady.median - c.duckdbStart.median, 'ms'));
		if (c.failed.length) text('  failed runs', c.failed.join(' | '));
	}
	if (r.later) {
		add(`DuckDB ready, later visit (after ${r.later.idleMs / 1000} s idle, new tab)`, s3(r.later.engineReady), verdict('engineReadyLater'));
		add('  later visit: first chart painted', s3(r.later.firstChart));
	}
	if (r.stored) {
		const st = r.stored;
		add(
			`User's figures after a reload (stored-model-shown, ${st.file.rows.toLocaleString('en-GB')} rows)`,
			s3(st.storedShown),
			verdict('storedModel')
		);
		add("  first frame showing the user's headline figure", s3(st.userFrame));
		add('  first contentful paint', s3(st.fcp));
		add('  engine-ready after the reload', s3(st.engineReady));
		text('  header says "your loaded data"', `${st.saysYours} of ${st.measured} runs`);
		if (st.failed.length) text('  failed runs', st.failed.join(' | '));
	}
	if (r.ingest) {
		const i = r.ingest;
		add(`Ingest 1M rows (${(i.file.bytes / 1e6).toFixed(0)} MB) → 'load-redrawn'`, s3(i.toRedrawn));
		add('  → first frame after redraw', s3(i.toFrame));
		for (const [k, v] of Object.entries(i.phases ?? {})) if (k !== 'model') add(`  phase ${k} (app measure; phases overlap)`, s3(v));
		add('  of which model recompute (measure)', s3(i.model));
		add('  native DuckDB read_csv, 1 thread', s3(i.native.ms));
		text("  runs started after the app's 'defaults-warm' mark", `${i.settled} of ${i.toRedrawn.runs.length}`);
		add('  ratio browser ÷ native (medians)', [fmtVal(i.ratio, '×'), fmtVal(i.ratioMin, '×'), '', ''], verdict('ingestRatio'));
		if (i.floor?.error) text('  floor: DuckDB-WASM read_csv alone, bare page', `not measured: ${i.floor.error}`);
		else if (i.floor) {
			add('  floor: DuckDB-WASM read_csv alone, bare page, second read', s3(i.floor.warm));
			add('  floor: the same, first read in the page', s3(i.floor.first));
			add('  floor: then the least people count (distinct clients per area)', s3(i.floor.people));
			add('  floor ÷ native (the lowest ratio any ingest in this engine reaches here)', [fmtVal(i.floor.ratio, '×'), '', '', '']);
		}
		for (const [threads, w] of Object.entries(i.ownWork ?? {})) {
			const who = `  native DuckDB, ${threads} thread${threads === '1' ? '' : 's'}, doing the dashboard's ingest + model`;
			if (w.error) text(who, `not measured: ${w.error}`);
			else {
				add(who, s3(w.total));
				for (const [step, v] of Object.entries(w.steps)) add(`    of which ${step}`, s3(v));
				add('    plain read_csv (1 thread) in the same process, between them', s3(w.read));
				add(`    ÷ that read (no browser or wasm: the work's own ratio)`, [fmtVal(w.ratio, '×'), '', '', '']);
			}
		}
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
		const h = b.homeLoaded;
		text(
			`JavaScript for the home page, gz (${h.files} files loaded by a cold visit to /, excl. DuckDB worker + wasm)`,
			fmtVal(h.gz, 'B'),
			verdict('homeJsGz')
		);
		text('  before / after hydration', `${fmtVal(h.beforeHydration.gz, 'B')} / ${fmtVal(h.afterHydration.gz, 'B')}`);
		text('  as transferred', fmtVal(h.transferred, 'B'));
		text(
			'  linked from the HTML: HTML gz + JS gz + CSS gz',
			`${fmtVal(b.homePage.htmlGz, 'B')} + ${fmtVal(b.homePage.jsGz, 'B')} + ${fmtVal(b.homePage.cssGz, 'B')}`
		);
		text(`All JavaScript gz (${b.js.files} files, every page)`, fmtVal(b.js.gz, 'B'));
		text('CSS gz', fmtVal(b.css.gz, 'B'));
		const served = (f) =>
			`${fmtVal(f.served.raw.bytes, 'B')} / ${fmtVal(f.served.gzip.bytes, 'B')} / ${fmtVal(f.served.br.bytes, 'B')}${f.served.br.encoding === 'br' ? '' : ` (${f.served.br.encoding} for br)`}`;
		for (const w of b.wasm) text(`wasm ${path.basename(w.file).replace(/\.[^.]+\.wasm$/, '.wasm')} served raw / gzip / br`, served(w));
		for (const w of b.duckdbWorkers)
			text(`DuckDB worker ${path.basename(w.file).replace(/\.[^.]+\.js$/, '.js')} served raw / gzip / br`, served(w));
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
	if (r.peer)
		out += r.peer.error
			? `\n\nObservable peer: not measured: ${r.peer.error}.`
			: `\n\nObservable peer: Framework ${r.peer.framework}, Plot ${r.peer.plot}, built from ${PEER_SRC} in ${r.peer.dist}${r.peer.cached ? ' (cached build)' : ` (${Math.round(r.peer.buildMs / 1000)} s)`}; served by scripts/serve.js like the dashboard${r.peer.precompressed ? ` (${r.peer.precompressed} files precompressed by scripts/precompress.js, as the build is)` : ''}; chart found ${r.peer.chart ? `${r.peer.chart.width}×${r.peer.chart.height}` : '–'}; off-origin requests refused: ${r.peer.foreignRefused.map((u) => new URL(u).host).join(', ') || 'none'}.`;
	out += `\n\nMachine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB; ${m.os}; Node ${m.node}; Chromium ${m.chromium}; duckdb-wasm ${m.duckdbWasm}; @duckdb/node-api ${m.duckdbNodeApi} (DuckDB ${r.ingest?.native.version ?? '?'}); commit ${m.gitCommit}${m.gitDirty ? ' + uncommitted src changes' : ''}; load average ${m.loadAvgAtStart.join(' ')} at start, ${r.loadAvgAtEnd.join(' ')} at end.`;
	return out;
}

function mdTable(head, rows) {
	const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i] ?? '').length)));
	const line = (cells) => `| ${cells.map((c, i) => String(c ?? '').padEnd(widths[i])).join(' | ')} |`;
	return [line(head), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}
