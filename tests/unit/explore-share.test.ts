import { describe, expect, it } from 'vitest';
import { deflateSync } from 'fflate';
import { encodeQuery, decodeQuery, MAX_SHARED_CHARS } from '../../src/lib/explore/share';
import { EXAMPLES } from '../../src/lib/explore/examples';
import { plainError } from '../../src/lib/explore/errors';

describe('query in the URL', () => {
	it('round-trips every example, Unicode and odd characters, URL-safe', () => {
		const inputs = [...EXAMPLES.map((e) => e.sql), "SELECT '£5 — “quoted” ✓ 日本' AS x;\r\n\t-- end", 'a', ' '];
		for (const sql of inputs) {
			const q = encodeQuery(sql);
			expect(q).toMatch(/^[A-Za-z0-9_-]+$/);
			expect(encodeURIComponent(q)).toBe(q);
			expect(decodeQuery(q)).toBe(sql);
			// Survives a trip through URLSearchParams.
			const url = new URL(`https://example.test/explore?q=${q}`);
			expect(decodeQuery(url.searchParams.get('q'))).toBe(sql);
		}
	});

	it('compresses: a long query is much shorter in the URL', () => {
		const sql = EXAMPLES[0].sql;
		expect(encodeQuery(sql).length).toBeLessThan(sql.length * 0.8);
	});

	it('returns null for anything it did not write', () => {
		for (const bad of [null, undefined, '', 'not base64!', 'AAAA', '%%%', 'SGVsbG8']) expect(decodeQuery(bad)).toBeNull();
	});

	it('refuses a link that would inflate to more than the limit (no memory blow-up)', () => {
		const bomb = Buffer.from(deflateSync(new Uint8Array(5 * 1024 * 1024).fill(65))).toString('base64url');
		expect(bomb.length).toBeLessThan(100_000);
		expect(decodeQuery(bomb)).toBeNull();
		const big = 'x'.repeat(MAX_SHARED_CHARS + 1);
		expect(decodeQuery(encodeQuery(big))).toBeNull();
	});
});

describe('DuckDB errors in plain words', () => {
	it('keeps the message, hints and the LINE pointer once; drops stack frames', () => {
		const e = new Error('Parser Error: syntax error at or near "selec"\n\nLINE 1: selec 1\n        ^\n\nLINE 1: selec 1\n        ^');
		e.stack = `Error: x\n    at AsyncDuckDB.onMessage (http://127.0.0.1/_app/immutable/chunks/duckdb.js:1:2345)`;
		expect(plainError(e)).toBe('Parser Error: syntax error at or near "selec"\n\nLINE 1: selec 1\n        ^');
		expect(plainError(new Error('Catalog Error: Table with name foo does not exist!\nDid you mean "files"?'))).toBe(
			'Catalog Error: Table with name foo does not exist!\nDid you mean "files"?'
		);
	});

	it('strips DuckDB internal stack traces and JS frames inside the message, and unwraps JSON errors', () => {
		expect(plainError('INTERNAL Error: boom\n\nStack Trace:\n\n0 duckdb::Exception\n1 foo')).toBe('INTERNAL Error: boom');
		expect(plainError('Error: Binder Error: x\n    at f (file.js:1:2)\n    at g (file.js:3:4)')).toBe('Binder Error: x');
		expect(plainError('{"exception_type":"Catalog","exception_message":"Table with name foo does not exist!"}')).toBe(
			'Catalog Error: Table with name foo does not exist!'
		);
		expect(plainError('')).toMatch(/without a message/);
	});
});
