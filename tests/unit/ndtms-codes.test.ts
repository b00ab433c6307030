/**
 * NDTMS code lists: the older core dataset's numeric codes and the current adult dataset's text categories both
 * load as the canonical reasons; an unrecognised code or label is loaded as given and reported with its line and
 * value, never silently read as "not died"; a death recorded either way is a death in treatment.
 * Small journeys files go through the real ingest into DuckDB.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmptyDb } from '../../src/lib/data/node-defaults';
import { ingestFile, type ValidationReport } from '../../src/lib/data/ingest';
import { computeModel } from '../../src/lib/metrics/model';
import { DISCHARGE_REASONS, LOOKUPS, SUCCESSFUL_DISCHARGES, labelKey } from '../../src/lib/data/lookups';
import type { Db } from '../../src/lib/data/db';

const HEADER = 'CLIENTID,EPISODID,LA,AGE,SEX,SUBSTANCE,REFLD,RFLS,TRIAGED,DISD,DISRSN,RESRHBST';

/** [DISRSN as written, the canonical reason stored] */
const DISCHARGES: [string, string][] = [
	// The older core dataset's codes (reference notes, section 5.1).
	['1', 'completed_drug_free'],
	['2', 'completed'],
	['3', 'withdrawn'],
	['4', 'no_treatment_available'],
	['5', 'referred_on'],
	['6', 'dropped_out'],
	['7', 'moved_away'],
	['8', 'prison'],
	['9', 'died'],
	['10', 'other'],
	['11', 'not_known'],
	['12', 'declined'],
	['13', 'inappropriate_referral'],
	// The current adult dataset's categories, as the project knows them.
	['Treatment completed - drug free', 'completed_drug_free'],
	['Treatment completed - occasional user (not opiates or crack)', 'completed'],
	['Transferred - not in custody', 'transferred'],
	['Transferred - in custody', 'transferred_custody'],
	['Incomplete - dropped out', 'dropped_out'],
	['Incomplete - treatment withdrawn by provider', 'withdrawn'],
	['Incomplete - retained in custody', 'retained_in_custody'],
	['Incomplete - treatment commencement declined by the client', 'declined'],
	['Incomplete - client died', 'died'],
	// The same labels as other systems write them: dashes, case, spacing, no separator.
	['Incomplete – client died', 'died'],
	['INCOMPLETE CLIENT DIED', 'died'],
	['Treatment completed drug-free', 'completed_drug_free'],
	['Treatment completed occasional user (not heroin or crack)', 'completed'],
	['  transferred -  in custody ', 'transferred_custody'],
	['Incomplete treatment commencement declined by client', 'declined'],
	// Readable labels and the canonical ids themselves.
	['Died', 'died'],
	['completed_drug_free', 'completed_drug_free'],
	['retained_in_custody', 'retained_in_custody']
];

/** Not in either list: loaded as given (lower case) and reported. */
const UNKNOWN: [string, string][] = [
	['77', '77'],
	['Incomplete - abducted by aliens', 'incomplete - abducted by aliens']
];

/** [RFLS as written, the canonical source stored] */
const REFERRALS: [string, string][] = [
	['13', 'prison'],
	['4', 'self'],
	['Prison', 'prison'],
	['Prison (secure setting)', 'prison'],
	['CARAT / Prison', 'prison'],
	['Liaison and diversion', 'liaison_diversion'],
	['Self-referral', 'self'],
	['Self referral', 'self']
];

let db: Db;
let report: ValidationReport;
const rows = [
	...DISCHARGES.map(([d]) => ['13', d]),
	...UNKNOWN.map(([d]) => ['4', d]),
	...REFERRALS.map(([r]) => [r, '']),
	['Carrier pigeon', '1']
];
beforeAll(async () => {
	db = await openEmptyDb();
	const csv = [
		HEADER,
		...rows.map(
			([rfls, disrsn], i) =>
				`C${i},J${i},E08000018,40,M,opiate_only,2023-04-01,"${rfls}",2023-04-05,${disrsn ? '2023-09-01' : ''},"${disrsn}",`
		)
	].join('\n');
	report = await ingestFile(db, { fileId: 100, name: 'codes.csv', data: new TextEncoder().encode(csv) });
});
afterAll(async () => db?.close());

/** The stored row for data line `i` (0-based; the file's line is i + 2). */
async function stored(i: number) {
	const [row] = await db.query<{ referral_source: string | null; discharge_reason: string | null }>(
		`SELECT referral_source, discharge_reason FROM journeys WHERE client_id = ?`,
		[`C${i}`]
	);
	return row;
}

describe('discharge reasons', () => {
	it.each(DISCHARGES.map(([raw, id], i) => [raw, id, i] as const))('%j is stored as %s', async (_raw, id, i) => {
		expect((await stored(i)).discharge_reason).toBe(id);
	});

	it.each(UNKNOWN.map(([raw, kept], i) => [raw, kept, DISCHARGES.length + i] as const))(
		'%j is kept as given and reported with its line and value',
		async (raw, kept, i) => {
			expect((await stored(i)).discharge_reason).toBe(kept);
			const w = report.warnings.find((x) => x.line === i + 2);
			expect(w?.problem).toContain(`discharge reason (DISRSN) "${raw.trim()}" not recognised`);
			expect(w?.problem).toContain('never as a death');
		}
	);

	it('every row loads; only the unknown codes are reported', () => {
		expect(report).toMatchObject({ rowsLoaded: rows.length, rowsRejected: 0, rejects: [] });
		const unknownLines = [...UNKNOWN.map((_, i) => DISCHARGES.length + i + 2), rows.length + 1];
		expect(report.warnings.map((w) => w.line)).toEqual(unknownLines);
		expect(report.warningCount).toBe(unknownLines.length);
	});

	it('a death recorded as a code, a current label or a readable label is a death in treatment', async () => {
		const died = DISCHARGES.filter(([, id]) => id === 'died').length;
		expect(died).toBe(5);
		const [{ n }] = await db.query<{ n: number }>(`SELECT count(*) AS n FROM journeys_in_use WHERE discharge_reason = 'died'`);
		expect(Number(n)).toBe(died);
		const model = await computeModel(db.query);
		const year = model.yearly.filter((r) => r.area === 'E08000018' && r.fy === 2023 && r.group === 'adults');
		expect(year.reduce((s, r) => s + r.deaths_in_treatment, 0)).toBe(died);
	});

	it('completed drug free and completed as an occasional user are the successful completions', () => {
		expect(SUCCESSFUL_DISCHARGES).toEqual(['completed_drug_free', 'completed']);
		expect(DISCHARGE_REASONS.find((r) => r.id === 'died')?.outcome).toBe('died');
	});

	it('no label is read as two reasons, and every canonical id loads as itself', () => {
		const keys = LOOKUPS.discharge_labels.map(([k]) => k);
		expect(new Set(keys).size).toBe(keys.length);
		const map = new Map(LOOKUPS.discharge_labels);
		for (const r of DISCHARGE_REASONS) {
			expect(map.get(r.id)).toBe(r.id);
			for (const l of r.labels) expect(map.get(labelKey(l)), l).toBe(r.id);
		}
	});
});

describe('referral sources', () => {
	const first = DISCHARGES.length + UNKNOWN.length;
	it.each(REFERRALS.map(([raw, id], i) => [raw, id, first + i] as const))('%j is stored as %s', async (_raw, id, i) => {
		expect((await stored(i)).referral_source).toBe(id);
	});

	it('an unknown referral source is kept as given and reported with its line and value', async () => {
		const i = rows.length - 1;
		expect((await stored(i)).referral_source).toBe('carrier pigeon');
		expect(report.warnings.find((w) => w.line === i + 2)?.problem).toContain('referral source (RFLS) "Carrier pigeon" not recognised');
	});
});
