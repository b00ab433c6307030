// Significance as Fingertips gives it: where a row of a loaded export carries its own "Compared to England"
// judgement, that judgement is shown as given; otherwise England's value is tested against the local interval.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmptyDb } from '../../src/lib/data/node-defaults';
import { ingestFile } from '../../src/lib/data/ingest';
import { computeModel, type Model } from '../../src/lib/metrics/model';
import { misuseRate } from '../../src/lib/measures/deaths/rates';
import { sharedCtx } from '../../src/lib/measures/registry';
import type { Db } from '../../src/lib/data/db';

let db: Db;
let model: Model;
beforeAll(async () => {
	db = await openEmptyDb();
	const data = new Uint8Array(readFileSync('tests/fixtures/fingertips-file-judgement.csv'));
	await ingestFile(db, { fileId: 101, name: 'fingertips-file-judgement.csv', data });
	model = await computeModel(db.query);
});
afterAll(async () => db?.close());

describe('comparison with England', () => {
	// The file's judgements here contradict the interval test on purpose: the file's are shown as given.
	it.each([
		// area, period, table cell, comparison of the latest period, sentence ending
		['E08000018', '2018 to 2020', 'Worse (as the file gives it)', 'similar', '(the file’s own judgement).'],
		['E08000018', '2019 to 2021', 'Similar (as the file gives it)', 'similar', '(the file’s own judgement).'],
		['E06000035', '2019 to 2021', 'Similar to England', 'similar', '(England’s value against the local 95% interval).']
	])('%s %s: %s', (area, period, cell, latest, ending) => {
		const m = misuseRate.build(sharedCtx({ model, area }))!;
		expect(m.table.rows.find((r) => r.period === period)?.cmp).toBe(cell);
		expect(m.comparison).toBe(latest);
		expect(m.sentences[0].endsWith(ending)).toBe(true);
	});
});
