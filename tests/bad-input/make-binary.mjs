// Writes the two "binary file renamed .csv" fixtures: a real file signature followed by seeded random
// bytes, so the files are the same on every run. Run: node tests/bad-input/make-binary.mjs
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

function mulberry32(seed) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
const dir = path.dirname(fileURLToPath(import.meta.url));
const files = {
	// PNG signature and the start of an IHDR chunk.
	'binary-png.csv': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52],
	// ZIP local file header, as in every .xlsx workbook.
	'binary-xlsx.csv': [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]
};
let seed = 20240331;
for (const [name, head] of Object.entries(files)) {
	const rand = mulberry32(seed++);
	const bytes = new Uint8Array(512);
	bytes.set(head);
	for (let i = head.length; i < bytes.length; i++) bytes[i] = Math.floor(rand() * 256);
	writeFileSync(path.join(dir, name), bytes);
}
