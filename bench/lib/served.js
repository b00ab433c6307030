// What the server sends (bytes on the wire, not decoded) for a path under each Accept-Encoding a browser may
// send: identity, gzip, and brotli with gzip (Chromium's "gzip, deflate, br, zstd" prefers br when served).
import http from 'node:http';

const ENCODINGS = { raw: 'identity', gzip: 'gzip', br: 'gzip, deflate, br' };

function fetchBytes(url, acceptEncoding) {
	return new Promise((resolve, reject) => {
		http
			.get(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
				let bytes = 0;
				res.on('data', (d) => (bytes += d.length));
				res.on('end', () => resolve({ status: res.statusCode, encoding: res.headers['content-encoding'] ?? 'identity', bytes }));
			})
			.on('error', reject);
	});
}

/** { raw, gzip, br }: each { encoding actually served, bytes } for `origin + p`. */
export async function servedSizes(origin, p) {
	const out = {};
	for (const [k, ae] of Object.entries(ENCODINGS)) out[k] = await fetchBytes(origin + '/' + p.replace(/^\//, ''), ae);
	return out;
}
