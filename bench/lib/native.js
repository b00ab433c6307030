// Native DuckDB (@duckdb/node-api, one thread) reading a CSV into a table: the ingest yardstick.
// Run as a child process so its memory and CPU never overlap the browser measurements:
//   node bench/lib/native.js FILE RUNS   → prints JSON { version, rows, ms: [...] } (first run is a warm-up)
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';

export function nativeRead(file, runs) {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [fileURLToPath(import.meta.url), file, String(runs)], { stdio: ['ignore', 'pipe', 'inherit'] });
		let out = '';
		child.stdout.on('data', (d) => (out += d));
		child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`native read exited ${code}`))));
	});
}

async function main(file, runs) {
	// Imported here, in the child only: the parent runs without the native module (see bench/ensure-native.js).
	const { DuckDBInstance } = await import('@duckdb/node-api');
	const sql = (s) => s.replace(/'/g, "''");
	const ms = [];
	let rows = null;
	let version = null;
	for (let i = 0; i < runs; i++) {
		// A fresh in-memory database per run, as the browser starts from a fresh table.
		const inst = await DuckDBInstance.create(':memory:');
		const c = await inst.connect();
		await c.run('SET threads=1');
		const t0 = performance.now();
		await c.run(`CREATE TABLE t AS SELECT * FROM read_csv('${sql(file)}')`);
		ms.push(performance.now() - t0);
		const r = await c.runAndReadAll('SELECT count(*)::INTEGER AS n, version() AS v FROM t');
		[rows, version] = r.getRows()[0];
		c.closeSync?.();
		inst.closeSync?.();
	}
	process.stdout.write(JSON.stringify({ version, rows, ms }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	await main(process.argv[2], Number(process.argv[3] ?? 6));
}
