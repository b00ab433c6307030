/**
 * Continuity of care waits for each release's 21-day window: a release whose window has not closed by the
 * data date is in neither the numerator nor the denominator, and its year and quarter read "(to date)".
 * Hand-made releases, loaded through the real ingest into DuckDB, then the model and both measures.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openEmptyDb } from '../../src/lib/data/node-defaults';
import { ingestFile } from '../../src/lib/data/ingest';
import { computeModel } from '../../src/lib/metrics/model';
import { continuity } from '../../src/lib/metrics/continuity';
import continuityMeasure from '../../src/lib/measures/continuity/yearly';
import quartersMeasure from '../../src/lib/measures/continuity/quarterly';
import type { Db } from '../../src/lib/data/db';

const AREA = 'E08000018';
const HEADER = 'RELEASE_ID,CLIENTID,LA,RELEASE_DATE,TREATMENT_NEED,FIRST_CONTACT_DATE';

/** [id, release date, first contact or ''] */
type Release = [string, string, string];

let db: Db | null = null;
afterEach(async () => {
	await db?.close();
	db = null;
});

async function load(releases: Release[]) {
	db = await openEmptyDb();
	const csv = [HEADER, ...releases.map(([id, rel, contact]) => `${id},C${id},${AREA},${rel},Y,${contact}`)].join('\n');
	const report = await ingestFile(db, { fileId: 100, name: 'releases.csv', data: new TextEncoder().encode(csv) });
	expect(report.rowsRejected).toBe(0);
	const model = await computeModel(db.query);
	const ctx = { model, area: AREA, cohort: 'adults', suppress: false };
	return { model, c: continuity(model, AREA, false), yearly: continuityMeasure.build(ctx)!, quarters: quartersMeasure.build(ctx)! };
}

describe('releases whose 21-day window is still open at the data date', () => {
	// The data date is the latest event in the file: 30 June 2024 (release a's contact).
	const releases: Release[] = [
		['a', '2024-04-01', '2024-06-30'], // 90 days before; contact after 3 weeks: counted, not engaged
		['b', '2024-05-31', ''], //           30 days before, no contact: counted, not engaged
		['c', '2024-05-20', '2024-05-25'], // engaged within 3 weeks: counted, engaged
		['d', '2024-06-09', ''], //           exactly 21 days before: the window has closed, counted, not engaged
		['e', '2024-06-20', ''], //           10 days before, no contact: not yet counted
		['f', '2024-06-25', '2024-06-27'], // 5 days before, already engaged: not yet counted either
		['g', '2023-10-02', '2023-10-10'], // an earlier, complete year
		['h', '2023-11-15', '']
	];

	it('leaves them out of both counts and counts them as pending', async () => {
		const { model } = await load(releases);
		expect(model.dataDate).toBe('2024-06-30');
		const year = model.continuity.find((r) => r.area === AREA && r.fy === 2024 && r.quarter == null)!;
		expect(year).toMatchObject({ denominator: 4, numerator: 1, pending: 2 });
		const q1 = model.continuity.find((r) => r.area === AREA && r.fy === 2024 && r.quarter === 1)!;
		expect(q1).toMatchObject({ denominator: 4, numerator: 1, pending: 2 });
		const before = model.continuity.find((r) => r.area === AREA && r.fy === 2023 && r.quarter == null)!;
		expect(before).toMatchObject({ denominator: 2, numerator: 1, pending: 0 });
	});

	it('marks the year and the quarter "(to date)" and says why', async () => {
		const { c, yearly, quarters } = await load(releases);
		expect(c.rows.map((r) => r.label)).toEqual(['2023-24', '2024-25 (to date)']);
		expect(c.rows[1]).toMatchObject({ numerator: 1, denominator: 4, pending: 2, partial: true, status: 'no_target' });
		expect(c.rows[1].percent.value).toBe(25);
		expect(c.latest?.label).toBe('2023-24');
		expect(c.quarters.map((q) => q.label)).toEqual(['2023-24 Q3', '2024-25 Q1 (to date)']);
		expect(c.pending).toBe(2);

		const last = yearly.table.rows[yearly.table.rows.length - 1];
		expect(last).toMatchObject({ year: '2024-25 (to date)', pct: '25.0%', num: '1', den: '4' });
		expect(yearly.table.notes.join(' ')).toContain('releases in the last 21 days before the data date (30 June 2024) are not yet counted');
		expect(yearly.sentences.join(' ')).toContain('2 releases in the last 21 days before the data date are not yet counted');
		expect(yearly.chart.kind === 'line' && yearly.chart.categories).toEqual(['2023-24', '2024-25 (to date)']);

		expect(quarters.table.rows.map((r) => [r.q, r.num, r.den])).toEqual([
			['2023-24 Q3', '1', '2'],
			['2024-25 Q1 (to date)', '1', '4']
		]);
		expect(quarters.sentences[0]).toMatch(/^In 2024-25 Q1 \(to date\), 25\.0%/);
		expect(quarters.sentences.join(' ')).toContain('not yet counted');
		expect(quarters.table.notes).toHaveLength(1);
	});

	it('a year that has ended but whose last releases are still in their window is to date too', async () => {
		// Data date 10 April 2024 (release z's contact): the 25 March release has 6 days of its window left.
		const { c, model } = await load([
			['x', '2024-03-01', '2024-03-05'],
			['y', '2024-03-25', ''],
			['z', '2024-02-01', '2024-04-10']
		]);
		expect(model.dataDate).toBe('2024-04-10');
		expect(c.rows.map((r) => r.label)).toEqual(['2023-24 (to date)']);
		expect(c.rows[0]).toMatchObject({ numerator: 1, denominator: 2, pending: 1 });
		expect(c.quarters.map((q) => q.label)).toEqual(['2023-24 Q4 (to date)']);
		expect(c.latest).toBeNull();
	});

	it('once every window has closed nothing is pending or to date', async () => {
		const { c, yearly } = await load([
			['a', '2023-05-01', '2023-05-10'],
			['b', '2023-06-01', ''],
			['c', '2024-03-01', '2024-04-30'] // contact after 3 weeks; the data date is 30 April 2024
		]);
		expect(c.pending).toBe(0);
		expect(c.pendingNote).toBeNull();
		expect(c.rows.map((r) => r.label)).toEqual(['2023-24']);
		expect(c.quarters.every((q) => !q.partial)).toBe(true);
		expect(yearly.table.notes).toEqual([]);
		expect(yearly.sentences.join(' ')).not.toContain('not yet counted');
	});
});
