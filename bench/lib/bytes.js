// Bytes shipped, from the build directory: JavaScript gzipped (all of _app/**/*.js except DuckDB's
// worker scripts), CSS gzipped, the wasm raw and gzipped, and what the home page itself loads.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';

function walk(dir) {
	const out = [];
	for (const name of readdirSync(dir)) {
		const full = path.join(dir, name);
		if (statSync(full).isDirectory()) out.push(...walk(full));
		else out.push(full);
	}
	return out;
}

const gz = (buf) => gzipSync(buf, { level: 9 }).length;
export const isDuckdbWorker = (f) => /duckdb-browser-[a-z]+(\.pthread)?\.worker\.[^/]*\.js$/.test(f);

export function measureBytes(buildDir) {
	const files = walk(path.join(buildDir, '_app'));
	const rel = (f) => path.relative(buildDir, f);
	const js = files.filter((f) => f.endsWith('.js'));
	const appJs = js.filter((f) => !isDuckdbWorker(f)).map((f) => ({ file: rel(f), raw: statSync(f).size, gz: gz(readFileSync(f)) }));
	const workers = js.filter(isDuckdbWorker).map((f) => ({ file: rel(f), raw: statSync(f).size, gz: gz(readFileSync(f)) }));
	const css = files.filter((f) => f.endsWith('.css')).map((f) => ({ file: rel(f), raw: statSync(f).size, gz: gz(readFileSync(f)) }));
	const wasm = files.filter((f) => f.endsWith('.wasm')).map((f) => ({ file: rel(f), raw: statSync(f).size, gz: gz(readFileSync(f)) }));
	const sum = (list, k) => list.reduce((a, x) => a + x[k], 0);

	// What the home page's HTML names: its stylesheets and scripts, and the modules its start script imports (which
	// import the rest; the pages carry no modulepreloads, see src/hooks.server.ts).
	const html = readFileSync(path.join(buildDir, 'index.html'), 'utf8');
	const linked = [...html.matchAll(/(?:(?:href|src)="|import\(")\.?\/?(_app\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
	const homeFiles = [...new Set(linked)].filter((f) => !isDuckdbWorker(f));
	const home = homeFiles.map((f) => {
		const buf = readFileSync(path.join(buildDir, f));
		return { file: f, raw: buf.length, gz: gz(buf) };
	});
	const htmlBuf = readFileSync(path.join(buildDir, 'index.html'));
	return {
		gzipLevel: 9,
		js: { files: appJs.length, raw: sum(appJs, 'raw'), gz: sum(appJs, 'gz'), largest: [...appJs].sort((a, b) => b.gz - a.gz).slice(0, 5) },
		duckdbWorkers: workers,
		css: { files: css.length, raw: sum(css, 'raw'), gz: sum(css, 'gz') },
		wasm,
		homePage: {
			htmlRaw: htmlBuf.length,
			htmlGz: gz(htmlBuf),
			jsGz: sum(
				home.filter((h) => h.file.endsWith('.js')),
				'gz'
			),
			cssGz: sum(
				home.filter((h) => h.file.endsWith('.css')),
				'gz'
			),
			files: home.length
		}
	};
}
