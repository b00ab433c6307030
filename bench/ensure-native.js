// The benchmark's yardstick, native DuckDB (@duckdb/node-api), ships per-platform binaries that the npm
// lock file cannot list for every platform here, so it is installed on demand rather than by `npm ci`.
import { createRequire } from 'node:module';
import { spawnSync } from 'node:child_process';

const VERSION = '1.5.6-r.1';
try {
	createRequire(import.meta.url).resolve('@duckdb/node-api');
} catch {
	console.log(`Installing @duckdb/node-api@${VERSION} for the native yardstick (not saved to package.json)…`);
	const r = spawnSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', `@duckdb/node-api@${VERSION}`], { stdio: 'inherit' });
	if (r.status !== 0) process.exit(r.status ?? 1);
}
