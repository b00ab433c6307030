// Writes `<file>.br` and `<file>.gz` beside every text file and wasm module of the built site, so the server sends
// bytes compressed once at build time (brotli where the browser takes it) instead of gzip made per request.
// DuckDB's wasm (34 MB) takes about two minutes at brotli's best quality, so its compressed forms are kept in
// node_modules/.cache, keyed by content hash: only a new DuckDB release pays that again.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const COMPRESSIBLE = /\.(html|js|mjs|json|css|svg|csv|txt|wasm)$/;
const CACHE = path.resolve('node_modules/.cache/cdp-precompress');
// Only the `eh` module is used by current browsers; the `mvp` fallback gets a faster setting.
const BEST_ONLY = /duckdb-eh\.[^/]*\.wasm$/;

async function* walk(dir) {
	for (const entry of await readdir(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) yield* walk(full);
		else if (COMPRESSIBLE.test(entry.name)) yield full;
	}
}

const brotliQuality = (file) => (!file.endsWith('.wasm') || BEST_ONLY.test(file) ? 11 : 9);

async function compressed(file, bytes, format) {
	const quality = format === 'br' ? brotliQuality(file) : 9;
	const key = createHash('sha256').update(bytes).digest('hex');
	const cached = path.join(CACHE, `${key}.${quality}.${format}`);
	const large = bytes.length > 4 << 20;
	if (large && existsSync(cached)) return readFile(cached);
	const out =
		format === 'br'
			? await brotli(bytes, {
					params: {
						[zlib.constants.BROTLI_PARAM_QUALITY]: quality,
						[zlib.constants.BROTLI_PARAM_LGWIN]: 24,
						[zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length
					}
				})
			: await gzip(bytes, { level: 9 });
	if (large) {
		await mkdir(CACHE, { recursive: true });
		await writeFile(cached, out);
	}
	return out;
}

/** Precompresses the built site in `dir`; returns the number of files compressed. */
export async function precompress(dir) {
	const jobs = [];
	for await (const file of walk(dir)) {
		// Below 1 KB compression gains nothing worth two more files.
		if ((await stat(file)).size < 1024) continue;
		jobs.push(
			readFile(file).then(async (bytes) => {
				const [br, gz] = await Promise.all([compressed(file, bytes, 'br'), compressed(file, bytes, 'gz')]);
				await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
			})
		);
	}
	await Promise.all(jobs);
	return jobs.length;
}
