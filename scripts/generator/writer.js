/**
 * Byte-level CSV writer: rows are written as ASCII bytes straight into a 4 MB buffer that is flushed to the file
 * when nearly full, so millions of rows need neither per-row strings nor more than a few MB of memory.
 */
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { iso } from './dates.js';

const SIZE = 1 << 22;
const COMMA = 44;
const NEWLINE = 10;

/** ASCII bytes of a string. */
export function bytes(text) {
	return Uint8Array.from(text, (ch) => ch.charCodeAt(0));
}

const DATE_BASE = 7305; // 1990-01-01
const DATE_COUNT = 16800; // to 2035
const dateBytes = new Uint8Array(DATE_COUNT * 10);
for (let i = 0; i < DATE_COUNT; i++) {
	const s = iso(DATE_BASE + i);
	for (let j = 0; j < 10; j++) dateBytes[i * 10 + j] = s.charCodeAt(j);
}

export class CsvWriter {
	/** Writes to path + '.partial' and renames on close, so a failed run never leaves a half file in place. */
	constructor(path) {
		this.path = path;
		this.tmp = `${path}.partial`;
		this.fd = openSync(this.tmp, 'w');
		this.buf = Buffer.allocUnsafe(SIZE);
		this.pos = 0;
		this.bytes = 0;
		this.rows = 0;
		this.digits = new Uint8Array(16);
	}
	/** Makes room for a row of up to n bytes. */
	reserve(n) {
		if (this.pos + n > SIZE) this.flush();
	}
	flush() {
		let off = 0;
		while (off < this.pos) off += writeSync(this.fd, this.buf, off, this.pos - off);
		this.bytes += this.pos;
		this.pos = 0;
	}
	byte(b) {
		this.buf[this.pos++] = b;
	}
	comma() {
		this.buf[this.pos++] = COMMA;
	}
	newline() {
		this.buf[this.pos++] = NEWLINE;
	}
	/** Copies pre-encoded ASCII bytes. */
	raw(b) {
		const buf = this.buf;
		let p = this.pos;
		for (let i = 0; i < b.length; i++) buf[p++] = b[i];
		this.pos = p;
	}
	/** A non-negative integer. */
	int(n) {
		const buf = this.buf;
		if (n < 10) {
			buf[this.pos++] = 48 + n;
			return;
		}
		const d = this.digits;
		let k = 0;
		while (n > 0) {
			const q = Math.floor(n / 10);
			d[k++] = 48 + n - q * 10;
			n = q;
		}
		while (k > 0) buf[this.pos++] = d[--k];
	}
	/** An ISO date from a day number. */
	date(day) {
		const buf = this.buf;
		let p = this.pos;
		const off = (day - DATE_BASE) * 10;
		for (let i = 0; i < 10; i++) buf[p++] = dateBytes[off + i];
		this.pos = p;
	}
	/** A whole line of text (header). */
	line(text) {
		this.reserve(text.length + 1);
		this.pos += this.buf.latin1Write(text, this.pos);
		this.newline();
	}
	close() {
		this.flush();
		closeSync(this.fd);
		renameSync(this.tmp, this.path);
	}
	abort() {
		try {
			closeSync(this.fd);
		} catch {
			/* already closed */
		}
		rmSync(this.tmp, { force: true });
	}
}
