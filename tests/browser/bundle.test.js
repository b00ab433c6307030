// What each prerendered page loads, read from the production build (no browser needed): the JS a page
// loads at first is every script and modulepreload in its HTML, the modules its inline start-up script
// imports, and everything those import statically, transitively. Dynamic `import()`s are left out: they
// load on demand (DuckDB's engine, the image exporter, the router's other pages).
// CodeMirror (the SQL editor) must load on /explore and in no other page's bundle. Prints each page's
// first-load JS, gzipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { PATCHED_WORKERS, patchDuckdbWorker } from '../../scripts/duckdb-worker-patch.js';

const BUILD = path.resolve(process.env.BUILD_DIR ?? 'build');
const OTHER_PAGES = ['/', '/deaths', '/treatment', '/board', '/report', '/data'];

const htmlFile = (route) => path.join(BUILD, route === '/' ? 'index.html' : `${route.slice(1)}.html`);

/** Static imports of a built ES module: `import … from "./x.js"`, `import "./x.js"`, `export … from "./x.js"`. */
function staticImports(code) {
	const out = [];
	const re = /(?:\bimport|\bexport)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.js)["']/g;
	for (const m of code.matchAll(re)) out.push(m[1]);
	return out;
}

/** Every JS file (absolute path) the page's HTML loads at first, with its static imports, transitively. */
function firstLoadJs(route) {
	const file = htmlFile(route);
	const html = readFileSync(file, 'utf8');
	const start = [];
	for (const m of html.matchAll(/<link\b[^>]*>/g)) if (/rel="?modulepreload"?/.test(m[0])) start.push(/href="([^"]+)"/.exec(m[0])?.[1]);
	for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) start.push(m[1]);
	// The inline start-up script: import("./_app/immutable/entry/start.….js"), and the page's nodes (node_ids: [0, 2]
	// are nodes/0.….js and nodes/2.….js, which the app imports at once; the pages carry no modulepreloads).
	const nodes = path.join(BUILD, '_app/immutable/nodes');
	for (const m of html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
		for (const i of m[1].matchAll(/import\(\s*["']([^"']+\.js)["']\s*\)/g)) start.push(i[1]);
		for (const id of /node_ids:\s*\[([\d,\s]*)\]/.exec(m[1])?.[1].split(',') ?? []) {
			const node = readdirSync(nodes).find((f) => f.startsWith(`${id.trim()}.`) && f.endsWith('.js'));
			assert.ok(node, `${route}: node ${id} is in the build`);
			start.push(path.relative(path.dirname(file), path.join(nodes, node)));
		}
	}
	const seen = new Set();
	const queue = start.filter(Boolean).map((href) => path.resolve(path.dirname(file), href));
	while (queue.length) {
		const js = queue.pop();
		if (seen.has(js)) continue;
		seen.add(js);
		for (const spec of staticImports(readFileSync(js, 'utf8'))) if (spec.startsWith('.')) queue.push(path.resolve(path.dirname(js), spec));
	}
	return seen;
}

function jsFiles(dir) {
	return readdirSync(dir, { recursive: true })
		.map((f) => path.join(dir, String(f)))
		.filter((f) => f.endsWith('.js'));
}

/** JS files in the build holding CodeMirror's editor code. */
function codeMirrorFiles() {
	return new Set(
		jsFiles(path.join(BUILD, '_app/immutable')).filter((f) => {
			const code = readFileSync(f, 'utf8');
			return code.includes('cm-content') && code.includes('cm-scroller');
		})
	);
}

const gz = (files) => [...files].reduce((n, f) => n + gzipSync(readFileSync(f), { level: 9 }).length, 0);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

test('the build exists', () => {
	assert.ok(existsSync(htmlFile('/')), `no prerendered site in ${BUILD}: build first`);
});

test('CodeMirror is in the build, and /explore loads it', () => {
	const cm = codeMirrorFiles();
	assert.ok(cm.size > 0, 'some chunk holds CodeMirror');
	const explore = firstLoadJs('/explore');
	const loaded = [...cm].filter((f) => explore.has(f));
	assert.ok(loaded.length > 0, '/explore loads the CodeMirror chunk');
	console.log(
		`# /explore: first-load JS ${kb(gz(explore))} gz; CodeMirror ${loaded.map((f) => path.basename(f)).join(', ')} ${kb(gz(loaded))} gz`
	);
});

for (const route of OTHER_PAGES) {
	test(`${route} does not load CodeMirror, directly or through its imports`, () => {
		const cm = codeMirrorFiles();
		const files = firstLoadJs(route);
		assert.ok(files.size > 3, `${route} loads its scripts (${files.size} files found)`);
		assert.deepEqual(
			[...files].filter((f) => cm.has(f)).map((f) => path.relative(BUILD, f)),
			[],
			`${route} must not load CodeMirror`
		);
		console.log(`# ${route}: first-load JS ${files.size} files, ${kb(gz(files))} gz`);
	});
}

for (const name of PATCHED_WORKERS) {
	test(`the build ships ${name} with the start-up rewrites applied`, () => {
		const original = readFileSync(createRequire(import.meta.url).resolve(`@duckdb/duckdb-wasm/dist/${name}`), 'utf8');
		const assets = path.join(BUILD, '_app/immutable/assets');
		const stem = name.replace(/\.js$/, '');
		const built = readdirSync(assets).filter((f) => f.startsWith(`${stem}.`) && f.endsWith('.js'));
		assert.equal(built.length, 1, `one ${stem} asset in the build (found ${built.join(', ') || 'none'})`);
		assert.equal(readFileSync(path.join(assets, built[0]), 'utf8'), patchDuckdbWorker(original, name));
	});
}
