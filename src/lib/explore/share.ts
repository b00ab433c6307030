/**
 * The explorer's query in the URL: UTF-8 → raw deflate → base64url, in `?q=`. A link therefore carries the
 * query text only, never data. Decoding refuses anything that does not inflate to valid UTF-8.
 */
import { deflateSync, Inflate } from 'fflate';

/** Longest query kept in the URL (characters), so a link stays usable in e-mail and papers. */
export const MAX_SHARED_CHARS = 100_000;

function toBase64Url(bytes: Uint8Array): string {
	let bin = '';
	for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s: string): Uint8Array {
	const b64 = s.replace(/-/g, '+').replace(/_/g, '/');
	const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
	const out = new Uint8Array(bin.length);
	for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
	return out;
}

/** Inflates, giving up as soon as the output passes `limit` bytes (a crafted link cannot exhaust memory). */
function inflateCapped(data: Uint8Array, limit: number): Uint8Array {
	const chunks: Uint8Array[] = [];
	let size = 0;
	let ended = false;
	const inflater = new Inflate((chunk, final) => {
		size += chunk.length;
		if (size > limit) throw new Error('too long');
		chunks.push(chunk);
		if (final) ended = true;
	});
	inflater.push(data, true);
	if (!ended) throw new Error('truncated');
	const out = new Uint8Array(size);
	let o = 0;
	for (const c of chunks) {
		out.set(c, o);
		o += c.length;
	}
	return out;
}

export function encodeQuery(sql: string): string {
	return toBase64Url(deflateSync(new TextEncoder().encode(sql), { level: 9 }));
}

/** The query text, or null when the parameter is not a query this page wrote. */
export function decodeQuery(param: string | null | undefined): string | null {
	if (!param || !/^[A-Za-z0-9_-]+$/.test(param)) return null;
	try {
		const text = new TextDecoder('utf-8', { fatal: true }).decode(inflateCapped(fromBase64Url(param), MAX_SHARED_CHARS * 4));
		return text.length <= MAX_SHARED_CHARS ? text : null;
	} catch {
		return null;
	}
}
