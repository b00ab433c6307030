// The dashboard's own ingest and model recompute run by native DuckDB (bench/model/native-ingest.test.ts, run
// through Vitest for the app's ?raw SQL imports) in a child process, so it never overlaps the browser runs.
// Resolves to that test's JSON record: { threads, read[], ingest[], steps{}, model[], ratio }.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export function nativeIngest(root, { rows, runs, threads, svelteKitOut }) {
	return new Promise((resolve, reject) => {
		const child = spawn('npx', ['vitest', 'run', '--config', 'bench/vitest.config.ts'], {
			cwd: root,
			stdio: ['ignore', 'pipe', 'pipe'],
			env: {
				...process.env,
				BENCH_TEST: 'bench/model/native-ingest.test.ts',
				BENCH_MODEL_ROWS: String(rows),
				BENCH_MODEL_REPS: String(runs),
				BENCH_NATIVE_THREADS: String(threads),
				SVELTEKIT_OUT: svelteKitOut,
				VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true'
			}
		});
		// Vitest's output and Vite's notices are shown only when the run fails.
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		child.once('exit', (code) => {
			if (code !== 0)
				return reject(new Error(`native ingest (${threads} thread(s)) exited ${code}: ${output.trim().split('\n').slice(-8).join(' | ')}`));
			resolve(JSON.parse(readFileSync(path.join(root, `bench/out/native-ingest-${rows}-${threads}.json`), 'utf8')));
		});
	});
}
