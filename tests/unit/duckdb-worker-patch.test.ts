// The start-up rewrites of DuckDB-WASM's browser worker (scripts/duckdb-worker-patch.js), on the installed
// package's own files: each rewrite applies once, the result still parses, and a worker the rewrites do not fit
// fails the build with the file and the rewrite named. (That the patched worker runs DuckDB is the browser suite's
// work: every browser test talks to it.)
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { PATCHED_WORKERS, patchDuckdbWorker } from '../../scripts/duckdb-worker-patch.js';

const require = createRequire(import.meta.url);
const source = (name: string) => readFileSync(require.resolve(`@duckdb/duckdb-wasm/dist/${name}`), 'utf8');

describe.each(PATCHED_WORKERS)('%s', (name) => {
	const original = source(name);
	const patched = patchDuckdbWorker(original, name);

	test('still parses as a script', () => {
		expect(() => new Function(patched)).not.toThrow();
	});

	test.each([
		[
			'updateGOT makes no entry of its own',
			/new WebAssembly\.Global\(\{value:"i32",mutable:!0\}\)\),\(/,
			/GOT\[(\w+)\]&&\(\w+\|\|GOT\[\1\]\.value==0\)&&/
		],
		[
			'applySignatureConversions copies nothing',
			/applySignatureConversions\(\w+\)\{\w+=Object\.assign/,
			/function applySignatureConversions\(\w+\)\{var /
		],
		[
			'mergeLibSymbols walks keys',
			/mergeLibSymbols=[^}]*Object\.entries/,
			/mergeLibSymbols=\((\w+),\w+\)=>\{registerDynCallSymbols\(\1\);for\(var \w+ in \1\)/
		],
		[
			'registerDynCallSymbols walks keys',
			/registerDynCallSymbols=\w+=>\{for\(var\[/,
			/registerDynCallSymbols=(\w+)=>\{for\(var \w+ in \1\)/
		]
	])('%s', (_, before, after) => {
		expect(original).toMatch(before);
		expect(original).not.toMatch(after);
		expect(patched).not.toMatch(before);
		expect(patched).toMatch(after);
	});

	test('only the four rewritten functions change', () => {
		// The glue around them (the GOT proxy that makes the main module's own entries, reportUndefinedSymbols that
		// resolves a later entry from wasmImports) is what keeps side modules working, so it must be untouched.
		for (const kept of ['GOTHandler={get(', 'reportUndefinedSymbols=()=>{for(var[', 'relocateExports=(']) {
			expect(patched.split(kept).length).toBe(original.split(kept).length);
			expect(patched.split(kept).length).toBeGreaterThan(1);
		}
		expect(original.length - patched.length).toBe(120);
	});
});

test('a worker the rewrites do not fit is refused, naming the file and the rewrite', () => {
	const changed = source(PATCHED_WORKERS[0]).replace('mergeLibSymbols=', 'mergeSymbols=');
	expect(() => patchDuckdbWorker(changed, 'next-release.worker.js')).toThrow(
		/next-release\.worker\.js: the DuckDB-WASM start-up rewrite "mergeLibSymbols: for…in" matched 0 times, not once/
	);
});
