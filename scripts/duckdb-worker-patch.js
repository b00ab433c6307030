/**
 * DuckDB-WASM's browser worker, with its start-up glue made cheaper. It is an emscripten "main module"
 * (built to load extensions as side modules), and after instantiating the 34 MB wasm the glue walks its 75,011
 * exports four times: it makes a WebAssembly.Global and a table slot for every one (for side modules that may never
 * come), copies the exports object twice and copies them into the import table through a closure per symbol. A CPU
 * profile of a later visit (Chrome trace, BENCHMARKS.md) put 850 ms of the worker's start-up in those loops.
 *
 * The rewrites keep what the main module and any later side module see:
 * - updateGOT sets only the entries that exist: those the main module imports (536, made at instantiation by the
 *   GOT proxy). An entry a side module asks for later is made then, at value 0, and reportUndefinedSymbols resolves
 *   it from wasmImports, which still holds every export: the same value the eager loop would have set.
 * - applySignatureConversions wraps the relocated exports object in place: relocateExports made that object and
 *   nothing else holds it (mergeLibSymbols has already copied its values into wasmImports).
 * - mergeLibSymbols and registerDynCallSymbols walk the exports with for…in instead of Object.entries and a closure
 *   per symbol (the objects are plain, so both see the same own enumerable keys).
 *
 * Every rewrite must match exactly once, or the build fails naming it: a new DuckDB-WASM release is then checked
 * before it ships rather than silently left unpatched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const REWRITES = [
	{
		name: 'updateGOT: no entry for an export nothing imports',
		find: /([\w$]+)\[([\w$]+)\]\|\|\(\1\[\2\]=new WebAssembly\.Global\(\{value:"i32",mutable:!0\}\)\),\(([\w$]+)\|\|\1\[\2\]\.value==0\)&&/g,
		replace: (_, got, name, replace) => `${got}[${name}]&&(${replace}||${got}[${name}].value==0)&&`
	},
	{
		name: 'applySignatureConversions: wrap in place',
		find: /function applySignatureConversions\(([\w$]+)\)\{\1=Object\.assign\(\{\},\1\);/g,
		replace: (_, e) => `function applySignatureConversions(${e}){`
	},
	{
		name: 'mergeLibSymbols: for…in',
		find: /mergeLibSymbols=\(([\w$]+),([\w$]+)\)=>\{registerDynCallSymbols\(\1\);for\(var\[([\w$]+),([\w$]+)\]of Object\.entries\(\1\)\)\(([\w$]+)=>\{isSymbolDefined\(\5\)\|\|\(wasmImports\[\5\]=\4\)\}\)\(\3\)\}/g,
		replace: (_, e, t, r) =>
			`mergeLibSymbols=(${e},${t})=>{registerDynCallSymbols(${e});for(var ${r} in ${e})isSymbolDefined(${r})||(wasmImports[${r}]=${e}[${r}])}`
	},
	{
		name: 'registerDynCallSymbols: for…in',
		find: /registerDynCallSymbols=([\w$]+)=>\{for\(var\[([\w$]+),([\w$]+)\]of Object\.entries\(\1\)\)\2\.startsWith\("dynCall_"\)&&!Module\.hasOwnProperty\(\2\)&&\(Module\[\2\]=\3\)\}/g,
		replace: (_, e, t) =>
			`registerDynCallSymbols=${e}=>{for(var ${t} in ${e})${t}.startsWith("dynCall_")&&!Module.hasOwnProperty(${t})&&(Module[${t}]=${e}[${t}])}`
	}
];

/** The worker's source with every rewrite applied; throws naming the file and the rewrite that did not match once. */
export function patchDuckdbWorker(source, file) {
	let out = source;
	for (const r of REWRITES) {
		const found = out.match(r.find)?.length ?? 0;
		if (found !== 1) throw new Error(`${file}: the DuckDB-WASM start-up rewrite "${r.name}" matched ${found} times, not once`);
		out = out.replace(r.find, r.replace);
	}
	return out;
}

/**
 * The worker every current browser takes (wasm exceptions). The `mvp` fallback is left as published: no browser the
 * tests drive runs it, so a rewrite of it would ship unexercised.
 */
export const PATCHED_WORKERS = ['duckdb-browser-eh.worker.js'];

/**
 * Vite plugin: `@duckdb/duckdb-wasm/dist/<worker>?url` resolves to a patched copy under node_modules/.cache, so the
 * build emits (and hashes) the patched worker.
 */
export function duckdbWorkerPatch() {
	const require = createRequire(import.meta.url);
	const dir = path.resolve('node_modules/.cache/cdp-duckdb-worker');
	return {
		name: 'cdp-duckdb-worker-patch',
		enforce: 'pre',
		resolveId(id) {
			const m = /^@duckdb\/duckdb-wasm\/dist\/([\w.-]+\.worker\.js)\?url$/.exec(id);
			if (!m || !PATCHED_WORKERS.includes(m[1])) return null;
			const original = require.resolve(`@duckdb/duckdb-wasm/dist/${m[1]}`);
			const patched = patchDuckdbWorker(fs.readFileSync(original, 'utf8'), original);
			const out = path.join(dir, m[1]);
			if (!fs.existsSync(out) || fs.readFileSync(out, 'utf8') !== patched) {
				fs.mkdirSync(dir, { recursive: true });
				fs.writeFileSync(out, patched);
			}
			return `${out}?url`;
		}
	};
}
