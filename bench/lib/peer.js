// The Observable Framework peer for the first-chart budget (DESIGN.md "Budgets"). Its code is not in this
// repository: ../shared/peers is copied to a cache directory outside the repo and built there with the
// commands of its README (npm install, the offline npm seed, `observable build`); a later run reuses the
// build while the sources are unchanged. Nothing here throws: a missing source or a failed step returns
// { error } and the bench reports "peer not measured" with the reason.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freshProfile } from './browser.js';
import { armFirstChart, readFirstChart } from './first-chart.js';

export const PEER_CACHE = path.join(os.tmpdir(), 'cdp-peer');

function walk(dir) {
	return readdirSync(dir).flatMap((name) => {
		const full = path.join(dir, name);
		return statSync(full).isDirectory() ? walk(full) : [full];
	});
}

const stamp = (src) => {
	const h = createHash('sha256');
	for (const f of walk(src).sort()) h.update(path.relative(src, f)).update('\0').update(readFileSync(f));
	return h.digest('hex');
};

const version = (dir, name) => {
	try {
		return JSON.parse(readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf8')).version;
	} catch {
		return null;
	}
};

// The README's recipe, run in <cache>/peers/observable.
const STEPS = [
	['npm install', 'npm', ['install', '--no-audit', '--no-fund']],
	['npm install (seed)', 'npm', ['install', '--no-audit', '--no-fund'], 'seed'],
	['data', process.execPath, ['../gen.mjs', 'small', 'src/data/series.csv']],
	['seed', 'sh', ['seed/seed.sh']],
	['observable build', 'npx', ['observable', 'build']]
];

/** Builds (or reuses) the peer; resolves to { dist, cached, buildMs, framework, plot } or { error }. */
export function buildPeer(src, log = () => {}) {
	if (!existsSync(path.join(src, 'observable', 'package.json'))) return { error: `${src}/observable not found` };
	const key = stamp(src);
	const work = path.join(PEER_CACHE, 'peers', 'observable');
	const dist = path.join(work, 'dist');
	const info = () => ({
		dist,
		framework: version(work, '@observablehq/framework'),
		plot: version(path.join(work, 'seed'), '@observablehq/plot')
	});
	const stampFile = path.join(PEER_CACHE, 'stamp');
	if (existsSync(path.join(dist, 'index.html')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === key) {
		log(`peer: reusing the build in ${dist}`);
		return { ...info(), cached: true, buildMs: null };
	}
	log(`peer: building ${src} in ${PEER_CACHE} (README recipe) …`);
	const t0 = Date.now();
	rmSync(PEER_CACHE, { recursive: true, force: true });
	mkdirSync(PEER_CACHE, { recursive: true });
	cpSync(src, path.join(PEER_CACHE, 'peers'), { recursive: true });
	// The shared sources are read-only; the build writes beside them.
	spawnSync('chmod', ['-R', 'u+w', PEER_CACHE]);
	mkdirSync(path.join(work, 'src', 'data'), { recursive: true });
	for (const [name, cmd, args, sub] of STEPS) {
		const r = spawnSync(cmd, args, {
			cwd: sub ? path.join(work, sub) : work,
			encoding: 'utf8',
			timeout: 300_000,
			env: { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: 'true' }
		});
		writeFileSync(path.join(PEER_CACHE, 'build.log'), `$ ${cmd} ${args.join(' ')}\n${r.stdout ?? ''}${r.stderr ?? ''}\n`, { flag: 'a' });
		if (r.status !== 0) {
			const why = (r.error?.message ?? `${r.stderr ?? ''}`.trim().split('\n').slice(-3).join(' | ')) || `exit ${r.status}`;
			return { error: `peer build step "${name}" failed: ${why} (log: ${PEER_CACHE}/build.log)` };
		}
	}
	if (!existsSync(path.join(dist, 'index.html'))) return { error: `peer build wrote no ${dist}/index.html` };
	writeFileSync(stampFile, key);
	return { ...info(), cached: false, buildMs: Date.now() - t0 };
}

/**
 * Served like the dashboard: if its build carries precompressed `.br`/`.gz` files, the peer's build gets them from
 * the same code (scripts/precompress.js); scripts/serve.js then sends both the same way. Returns the file count.
 */
export async function precompressLike(buildDir, dist) {
	if (!walk(buildDir).some((f) => /\.(br|gz)$/.test(f))) return 0;
	const { precompress } = await import('../../scripts/precompress.js');
	return precompress(dist);
}

/** One cold load of the peer's page in a fresh profile: first chart painted, the same detector as ours. */
export async function peerLoad(origin) {
	const { page, context, foreign, errors, close } = await freshProfile(origin);
	await armFirstChart(context);
	try {
		await page.goto(origin + '/', { waitUntil: 'load' });
		return { ...(await readFirstChart(page)), foreign, errors };
	} finally {
		await close();
	}
}
