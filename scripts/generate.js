#!/usr/bin/env node
/**
 * Deterministic, seeded generator of the synthetic record-level extracts (data/README.md formats 2 and 3).
 *
 *   node scripts/generate.js                       writes data/synthetic-journeys.csv and
 *                                                  data/synthetic-prison-releases.csv (calibrated defaults)
 *   node scripts/generate.js --rows N --out FILE   N journey rows (bench files: 1M+ rows, streamed to disk)
 *        [--kind journeys|releases] [--seed S]
 *   node scripts/generate.js --out FILE [--kind K]  the default-volume file of one kind to FILE
 *
 * Same seed → byte-identical output. Plain Node (20+), no dependencies. Calibration: scripts/generator/config.js.
 * Every row is marked synthetic=true: these are illustrative synthetic data, never real people.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdirSync, statSync } from 'node:fs';
import { KINDS, writeKind } from './generator/output.js';
import { DEFAULT_SEED } from './generator/config.js';

export { DEFAULT_SEED };
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_FILES = {
	journeys: resolve(repoRoot, 'data/synthetic-journeys.csv'),
	releases: resolve(repoRoot, 'data/synthetic-prison-releases.csv')
};

function usage(message) {
	if (message) console.error(`generate: ${message}`);
	console.error('usage: node scripts/generate.js [--rows N] [--out FILE] [--kind journeys|releases] [--seed S] [--quiet]');
	process.exit(2);
}

function parseArgs(argv) {
	const opts = { rows: null, out: null, kind: null, seed: DEFAULT_SEED, quiet: false };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const [name, inline] = arg.includes('=') ? arg.split(/=(.*)/s) : [arg, undefined];
		const value = () => inline ?? argv[++i] ?? usage(`${name} needs a value`);
		if (name === '--rows') {
			const v = value().replace(/_/g, '');
			if (!/^\d+$/.test(v)) usage(`--rows must be a whole number, got ${v}`);
			opts.rows = Number(v);
		} else if (name === '--out') opts.out = value();
		else if (name === '--kind') {
			opts.kind = value();
			if (!KINDS[opts.kind]) usage(`--kind must be journeys or releases, got ${opts.kind}`);
		} else if (name === '--seed') opts.seed = value();
		else if (name === '--quiet') opts.quiet = true;
		else if (name === '--help' || name === '-h') usage();
		else usage(`unknown argument ${arg}`);
	}
	return opts;
}

const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

function run(kind, seed, path, rows, opts) {
	mkdirSync(dirname(path), { recursive: true });
	const t0 = performance.now();
	const result = writeKind(kind, seed, path, rows, rows == null && !opts.quiet);
	const seconds = ((performance.now() - t0) / 1000).toFixed(2);
	const bytes = statSync(path).size;
	if (!opts.quiet) {
		console.log(`${kind}: ${result.rows} rows, ${mb(bytes)} → ${path} (${seconds} s, seed ${seed})`);
		if (result.stats) console.log(result.stats.table() + '\n');
	}
	return result;
}

const opts = parseArgs(process.argv.slice(2));
if (opts.rows == null && opts.out == null) {
	// The embedded defaults (both kinds unless --kind names one).
	for (const kind of opts.kind ? [opts.kind] : ['journeys', 'releases']) run(kind, opts.seed, DEFAULT_FILES[kind], null, opts);
} else {
	const kind = opts.kind ?? 'journeys';
	const out = opts.out ? resolve(process.cwd(), opts.out) : resolve(repoRoot, `tmp/synthetic-${kind}-${opts.rows}.csv`);
	run(kind, opts.seed, out, opts.rows, opts);
}
