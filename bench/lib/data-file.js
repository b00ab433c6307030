// The generator's journeys files the benchmarks read (bench/out/data/journeys-N.csv): made once, then kept.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** The path, row count and size of the `rows`-row file, generating it (scripts/generate.js) when it is missing. */
export function generatedJourneys(rows, log = () => {}) {
	const file = path.join(ROOT, 'bench/out/data', `journeys-${rows}.csv`);
	if (!existsSync(file)) {
		log(`generating ${rows.toLocaleString('en-GB')} journey rows …`);
		mkdirSync(path.dirname(file), { recursive: true });
		const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/generate.js'), '--rows', String(rows), '--out', file, '--quiet'], {
			cwd: ROOT,
			stdio: 'inherit'
		});
		if (r.status !== 0) throw new Error(`generate.js failed for ${rows} rows`);
	}
	return { file, rows, bytes: statSync(file).size };
}
