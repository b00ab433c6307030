/**
 * csv-spectrum (github.com/max-mapper/csv-spectrum): every case must parse, through the loader's own CSV
 * reading (`readCsvRows`: same decoding, header reading and DuckDB read_csv options as `ingestFile`), to
 * exactly the rows in its JSON twin.
 *
 * Two known defects of the fixture itself are corrected here, nothing else:
 * - json/location_coordinates.json holds an object, not an array of rows (upstream issue #22);
 * - its "Contact Phone Number" is 1234567890 while the CSV says 2095257564 (upstream issue #20).
 * The file's degree signs were Latin-1 once and are stored as U+FFFD (EF BF BD); a true Latin-1 copy
 * (byte B0) is made below and must read as "°" through the Windows-1252 fallback.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openEmptyDb } from '../../src/lib/data/node-defaults';
import { readCsvRows } from '../../src/lib/data/read-csv';
import type { Db } from '../../src/lib/data/db';

const ROOT = path.resolve('node_modules/csv-spectrum');
const cases = readdirSync(path.join(ROOT, 'csvs'))
	.filter((f) => f.endsWith('.csv'))
	.map((f) => path.basename(f, '.csv'))
	.sort();

function expected(name: string): Record<string, string>[] {
	const json = JSON.parse(readFileSync(path.join(ROOT, 'json', `${name}.json`), 'utf8'));
	if (name === 'location_coordinates') {
		expect(Array.isArray(json)).toBe(false); // upstream #22: fail loudly once the fixture is fixed
		expect(json['Contact Phone Number']).toBe('1234567890'); // upstream #20
		return [{ ...json, 'Contact Phone Number': '2095257564' }];
	}
	return json;
}

let db: Db;
let passed = 0;
beforeAll(async () => {
	db = await openEmptyDb();
});
afterAll(async () => {
	console.log(`csv-spectrum: ${passed} of ${cases.length + 1} cases passed (${cases.length} upstream + 1 Latin-1 variant)`);
	await db.close();
});

describe('csv-spectrum', () => {
	test('has its cases', () => {
		expect(cases.length).toBeGreaterThanOrEqual(12);
	});

	test.each(cases)('%s parses to its expected rows', async (name) => {
		const bytes = new Uint8Array(readFileSync(path.join(ROOT, 'csvs', `${name}.csv`)));
		const want = expected(name);
		const got = await readCsvRows(db, `${name}.csv`, bytes);
		expect(got.rejects).toEqual([]);
		expect(got.header).toEqual(Object.keys(want[0]));
		expect(got.rows).toEqual(want);
		passed++;
	});

	test('location_coordinates in real Latin-1 (degree sign as byte B0) reads as "°"', async () => {
		const utf8 = readFileSync(path.join(ROOT, 'csvs', 'location_coordinates.csv'));
		const latin1 = new Uint8Array(Buffer.from(utf8.toString('utf8').replace(/\uFFFD/g, '°'), 'latin1'));
		expect(latin1.includes(0xb0)).toBe(true);
		const got = await readCsvRows(db, 'location_coordinates-latin1.csv', latin1);
		const want = expected('location_coordinates').map((r) => ({
			...r,
			'Location Coordinates': r['Location Coordinates'].replace(/\uFFFD/g, '°')
		}));
		expect(got.rows).toEqual(want);
		passed++;
	});
});
