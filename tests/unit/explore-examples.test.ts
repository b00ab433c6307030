/**
 * The explorer's example queries run on the embedded data in Node's DuckDB (the same engine as the
 * browser) and agree with the dashboard's own metrics and with a plain count of the CSV.
 */
import { embeddedJourneysFacts } from '../fixtures/embedded-journeys-facts.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDefaultDb } from '../../src/lib/data/node-defaults';
import { computeModel } from '../../src/lib/metrics/model';
import { EXAMPLES } from '../../src/lib/explore/examples';
import { splitStatements } from '../../src/lib/explore/tokenize';
import type { Db } from '../../src/lib/data/db';

let db: Db;
let model: Awaited<ReturnType<typeof computeModel>>;
beforeAll(async () => {
	({ db } = await openDefaultDb());
	model = await computeModel(db.query);
});
afterAll(async () => db?.close());

const sqlOf = (id: string) => EXAMPLES.find((e) => e.id === id)!.sql;
const run = async <T = Record<string, unknown>>(sql: string) => {
	const statements = splitStatements(sql);
	expect(statements).toHaveLength(1);
	return db.query<T>(statements[0]);
};

describe('explorer examples', () => {
	it('every example runs and returns rows', async () => {
		for (const e of EXAMPLES) {
			const rows = await run(e.sql);
			expect(rows.length, e.id).toBeGreaterThan(0);
		}
	});

	it('numbers in treatment by cohort sum to the Treatment page figure for Rotherham adults', async () => {
		const rows = await run<{ year: string; cohort: string; in_treatment: number }>(sqlOf('treatment-by-cohort'));
		for (const fy of [2019, 2021, 2023]) {
			const label = `${fy}-${String((fy + 1) % 100).padStart(2, '0')}`;
			const sum = rows.filter((r) => r.year === label).reduce((s, r) => s + Number(r.in_treatment), 0);
			const page = model.yearly.find((r) => r.area === 'E08000018' && r.group === 'adults' && r.fy === fy)!.in_treatment;
			expect(sum, label).toBe(page);
			for (const c of ['opiate', 'non_opiate', 'alcohol']) {
				const byCohort = model.yearly.find((r) => r.area === 'E08000018' && r.group === c && r.fy === fy)!.in_treatment;
				expect(Number(rows.find((r) => r.year === label && r.cohort === c)?.in_treatment), `${label} ${c}`).toBe(byCohort);
			}
		}
		// The seed's 2021-22 baseline is about 1,957 adults.
		const y2021 = rows.filter((r) => r.year === '2021-22').reduce((s, r) => s + Number(r.in_treatment), 0);
		expect(Math.abs(y2021 - 1957)).toBeLessThan(150);
	});

	it('continuity by quarter agrees with the yearly continuity figures', async () => {
		const rows = await run<{
			area: string;
			quarter: string;
			released_with_need: number;
			engaged_within_3_weeks: number;
			continuity_pct: number;
		}>(sqlOf('continuity-by-quarter'));
		const medway = rows.filter((r) => r.area === 'Medway' && r.quarter.startsWith('2023-24'));
		expect(medway).toHaveLength(4);
		const year = model.continuity.find((r) => r.area === 'E06000035' && r.fy === 2023 && r.quarter == null)!;
		expect(medway.reduce((s, r) => s + Number(r.released_with_need), 0)).toBe(year.denominator);
		expect(medway.reduce((s, r) => s + Number(r.engaged_within_3_weeks), 0)).toBe(year.numerator);
		for (const r of rows)
			expect(Math.abs(r.continuity_pct - (100 * r.engaged_within_3_weeks) / r.released_with_need)).toBeLessThanOrEqual(0.0501);
	});

	it('deaths in treatment by substance sum to the dashboard deaths for all areas', async () => {
		const rows = await run<{ year: string; substance_group: string; deaths_in_treatment: number }>(sqlOf('deaths-by-substance'));
		const [{ n }] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM journeys_in_use WHERE discharge_reason = 'died'`);
		expect(rows.reduce((s, r) => s + Number(r.deaths_in_treatment), 0)).toBe(Number(n));
	});

	it('the Medway opiate rehab question matches a plain count of the CSV file', async () => {
		const [row] = await run<{ opiate_clients_starting_rehab: number }>(sqlOf('medway-opiate-rehab'));
		const { medwayOpiateRehab } = embeddedJourneysFacts();
		expect(medwayOpiateRehab).toBeGreaterThan(0);
		expect(Number(row.opiate_clients_starting_rehab)).toBe(medwayOpiateRehab);
	});
});
