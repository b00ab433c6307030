/**
 * Gets a file's bytes into UTF-8 that DuckDB can read: strips a UTF-8 BOM, transcodes UTF-16 (with or
 * without a BOM) and, when DuckDB reports invalid UTF-8, Windows-1252 (Excel's "CSV" on Windows).
 * The common case (plain UTF-8) is not copied.
 */
export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

function sniffEncoding(bytes: Uint8Array): Encoding {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom';
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
	// UTF-16 without a BOM: ASCII text has a zero in every other byte.
	const n = Math.min(bytes.length, 512);
	let evenZeros = 0;
	let oddZeros = 0;
	for (let i = 0; i < n; i++) if (bytes[i] === 0) {
		if (i % 2) oddZeros++;
		else evenZeros++;
	}
	if (n >= 4 && oddZeros > n / 4 && evenZeros === 0) return 'utf-16le';
	if (n >= 4 && evenZeros > n / 4 && oddZeros === 0) return 'utf-16be';
	return 'utf-8';
}

/** True when the sample is valid UTF-8 (a truncated final character is allowed). */
export function isUtf8(bytes: Uint8Array): boolean {
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, trimPartial(bytes)));
		return true;
	} catch {
		return false;
	}
}

function trimPartial(b: Uint8Array): number {
	// Back off up to 3 bytes so a sample cut mid-character still validates.
	const end = b.length;
	for (let k = 1; k <= 3 && end - k >= 0; k++) {
		const c = b[end - k];
		if ((c & 0xc0) === 0x80) continue;
		if (c >= 0xc0) return end - k;
		break;
	}
	return end;
}

const encoder = new TextEncoder();

// Windows-1252 bytes 0x80–0x9F (WHATWG). Node 20.18.3+ decodes them as C1 controls, like Latin-1
// (nodejs/node#56542), which loses "–", "€", curly quotes… in tests and at build time; browsers are right.
const CP1252_80_9F = [
	0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
	0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178
];

function decodeWindows1252(bytes: Uint8Array): string {
	return new TextDecoder('windows-1252').decode(bytes).replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(CP1252_80_9F[c.charCodeAt(0) - 0x80]));
}

/** Returns UTF-8 bytes without a BOM, and the encoding found. */
export function toUtf8(bytes: Uint8Array, force?: Encoding): { bytes: Uint8Array; encoding: Encoding } {
	const encoding = force ?? sniffEncoding(bytes);
	switch (encoding) {
		case 'utf-8':
			return { bytes, encoding };
		case 'utf-8-bom':
			return { bytes: bytes.subarray(3), encoding };
		case 'utf-16le':
		case 'utf-16be': {
			const text = new TextDecoder(encoding).decode(bytes).replace(/^\uFEFF/, '');
			return { bytes: encoder.encode(text), encoding };
		}
		case 'windows-1252':
			return { bytes: encoder.encode(decodeWindows1252(bytes)), encoding };
	}
}
