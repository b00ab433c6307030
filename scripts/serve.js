#!/usr/bin/env node
// Serves the built dashboard (build/) on localhost only. Usage: node scripts/serve.js [--port N] [--dir build]
// Sends the build's precompressed .br/.gz files (else gzips text on the fly), serves .wasm with its MIME type (needed for streaming compile), maps
// /deaths to deaths.html, and repeats the site's Content-Security-Policy as a header.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 ? args[i + 1] : fallback;
};
const root = path.resolve(fileURLToPath(new URL('..', import.meta.url)), opt('dir', process.env.BUILD_DIR ?? 'build'));
const port = Number(opt('port', process.env.PORT ?? 4173));
const host = '127.0.0.1';

const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.wasm': 'application/wasm',
	'.csv': 'text/csv; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8'
};
const COMPRESS = new Set(['.html', '.js', '.css', '.json', '.svg', '.csv', '.txt', '.wasm']);
const gzCache = new Map();

async function isFile(full) {
	try {
		return (await stat(full)).isFile();
	} catch {
		return false;
	}
}

async function resolveFile(urlPath) {
	const clean = path.normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, '');
	const candidates = [clean, `${clean}.html`, path.join(clean, 'index.html')];
	for (const c of candidates) {
		const full = path.join(root, c);
		if (full.startsWith(root) && (await isFile(full))) return full;
	}
	return null;
}

const server = createServer(async (req, res) => {
	try {
		const url = new URL(req.url ?? '/', `http://${host}`);
		const file = await resolveFile(url.pathname === '/' ? '/index.html' : url.pathname);
		if (!file) {
			res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
			return;
		}
		const ext = path.extname(file);
		const headers = {
			'content-type': TYPES[ext] ?? 'application/octet-stream',
			'x-content-type-options': 'nosniff',
			'referrer-policy': 'no-referrer',
			'cache-control': file.includes(`${path.sep}immutable${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache'
		};
		if (ext === '.html') {
			const html = await readFile(file, 'utf8');
			const csp = html.match(/<meta http-equiv="content-security-policy" content="([^"]+)"/);
			if (csp) headers['content-security-policy'] = csp[1].replace(/&#39;/g, "'").replace(/&quot;/g, '"');
		}
		const accepts = req.headers['accept-encoding'] ?? '';
		// Precompressed at build time (scripts/precompress.js): brotli first, then gzip.
		for (const [encoding, suffix] of [
			['br', '.br'],
			['gzip', '.gz']
		]) {
			if (!new RegExp(`\\b${encoding}\\b`).test(accepts) || !(await isFile(file + suffix))) continue;
			const { size } = await stat(file + suffix);
			res.writeHead(200, { ...headers, 'content-encoding': encoding, 'content-length': size, vary: 'accept-encoding' });
			createReadStream(file + suffix).pipe(res);
			return;
		}
		if (COMPRESS.has(ext) && /\bgzip\b/.test(accepts)) {
			let body = gzCache.get(file);
			if (!body) {
				body = gzipSync(await readFile(file), { level: 6 });
				gzCache.set(file, body);
			}
			res.writeHead(200, { ...headers, 'content-encoding': 'gzip', 'content-length': body.length, vary: 'accept-encoding' }).end(body);
			return;
		}
		res.writeHead(200, headers);
		createReadStream(file).pipe(res);
	} catch (e) {
		res.writeHead(500, { 'content-type': 'text/plain' }).end(String(e));
	}
});

server.listen(port, host, () => {
	console.log(`CDP Dashboard: http://${host}:${port}/  (serving ${path.relative(process.cwd(), root) || root}; Ctrl+C to stop)`);
});
