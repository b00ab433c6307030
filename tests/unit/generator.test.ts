/**
 * scripts/generate.js: determinism, headers, exact row counts and the calibration of the synthetic extracts to the
 * seeds, counted in plain JS over freshly generated files (no DuckDB).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const script = join(root, 'scripts/generate.js');
const JOURNEY_HEADER = 'CLIENTID,EPISODID,LA,AGE,SEX,SUBSTANCE,REFLD,RFLS,TRIAGED,DISD,DISRSN,RESRHBST,synthetic';
const RELEASE_HEADER = 'RELEASE_ID,CLIENTID,LA,RELEASE_DATE,TREATMENT_NEED,FIRST_CONTACT_DATE,synthetic';
const DATA_DATE = '2024-09-30';

const ROTHERHAM = 'E08000018';
const MEDWAY = 'E06000035';
const SOUTHEND = 'E06000033';
const NORTH_NORTHANTS = 'E06000061';
const WEST_NORTHANTS = 'E06000062';

let dir = '';
const files: Record<string, Buffer> = {};

function generate(name: string, ...args: string[]): Buffer {
	const out = join(dir, name);
	execFileSync(process.execPath, [script, '--quiet', '--out', out, ...args], { cwd: root });
	return readFileSync(out);
}

function records(text: Buffer | string): { header: string; rows: string[][] } {
	const lines = text.toString('utf8').split('\n');
	expect(lines.pop()).toBe(''); // ends with a newline
	return { header: lines[0], rows: lines.slice(1).map((l) => l.split(',')) };
}

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'cdp-generator-'));
	files.journeys = generate('journeys-a.csv');
	files.journeysAgain = generate('journeys-b.csv');
	files.journeysOther = generate('journeys-c.csv', '--seed', 'another-seed');
	files.releases = generate('releases-a.csv', '--kind', 'releases');
	files.releasesAgain = generate('releases-b.csv', '--kind', 'releases');
	files.releasesOther = generate('releases-c.csv', '--kind', 'releases', '--seed', 'another-seed');
	files.rows50k = generate('journeys-50k.csv', '--rows', '50000');
});

afterAll(() => {
	if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('determinism and shape', () => {
	it('gives byte-identical output for the same seed and different output for another seed', () => {
		expect(files.journeys.equals(files.journeysAgain)).toBe(true);
		expect(files.journeys.equals(files.journeysOther)).toBe(false);
		expect(files.releases.equals(files.releasesAgain)).toBe(true);
		expect(files.releases.equals(files.releasesOther)).toBe(false);
	});

	it('matches the committed default files in data/', () => {
		expect(readFileSync(join(root, 'data/synthetic-journeys.csv')).equals(files.journeys)).toBe(true);
		expect(readFileSync(join(root, 'data/synthetic-prison-releases.csv')).equals(files.releases)).toBe(true);
	});

	it('writes the documented headers, every row synthetic, and a small default file', () => {
		const j = records(files.journeys);
		const r = records(files.releases);
		expect(j.header).toBe(JOURNEY_HEADER);
		expect(r.header).toBe(RELEASE_HEADER);
		expect(j.rows.every((row) => row.length === 13 && row[12] === 'true')).toBe(true);
		expect(r.rows.every((row) => row.length === 7 && row[6] === 'true')).toBe(true);
		expect(files.journeys.length).toBeLessThan(4.2e6);
	});

	it('writes exactly --rows data rows, with unique journey ids', () => {
		const { header, rows } = records(files.rows50k);
		expect(header).toBe(JOURNEY_HEADER);
		expect(rows.length).toBe(50000);
		expect(new Set(rows.map((row) => row[1])).size).toBe(50000);
	});
});

describe('journeys', () => {
	let rows: string[][] = [];
	beforeAll(() => {
		rows = records(files.journeys).rows;
	});

	const ORDER = ['opiate_crack', 'opiate_only', 'crack_only', 'non_opiate_alcohol', 'non_opiate_only', 'alcohol_only'];
	/**
	 * PEOPLE (adults, or young people) in structured treatment in financial year fy (start year), as the dashboard
	 * counts them: each client once, in the best-ranked substance group of their journeys that year.
	 */
	function inTreatment(la: string[], fy: number, opts: { substances?: string[]; young?: boolean } = {}) {
		const from = `${fy}-04-01`;
		const to = `${fy + 1}-03-31`;
		const best = new Map<string, number>();
		for (const r of rows)
			if (la.includes(r[2]) && (opts.young ? +r[3] < 18 : +r[3] >= 18) && r[8] <= to && (r[9] === '' || r[9] >= from))
				best.set(r[0], Math.min(best.get(r[0]) ?? 9, ORDER.indexOf(r[5])));
		return [...best.values()].filter((b) => !opts.substances || opts.substances.includes(ORDER[b])).length;
	}
	/** Journeys (not people) overlapping the year. */
	const journeysIn = (la: string, fy: number) =>
		rows.filter((r) => r[2] === la && +r[3] >= 18 && r[8] <= `${fy + 1}-03-31` && (r[9] === '' || r[9] >= `${fy}-04-01`)).length;
	const OPIATE = ['opiate_only', 'opiate_crack'];
	const NON_OPIATE = ['crack_only', 'non_opiate_only', 'non_opiate_alcohol'];
	const within = (value: number, target: number, tolerance = 0.03) =>
		expect(Math.abs(value - target) / target, `${value} vs ${target}`).toBeLessThanOrEqual(tolerance);

	it('uses valid codes and nothing is dated after the data date', () => {
		const codes = new Set([ROTHERHAM, MEDWAY, SOUTHEND, NORTH_NORTHANTS, WEST_NORTHANTS]);
		const substances = new Set([...OPIATE, ...NON_OPIATE, 'alcohol_only']);
		const referral = new Set(['3', '4', '5', '8', '13', '19', '22']);
		const reasons = new Set(['1', '2', '3', '5', '6', '8', '9', '10']);
		const problems: string[] = [];
		const check = (ok: boolean, what: string, r: string[]) => {
			if (!ok && problems.length < 10) problems.push(`${what}: ${r.join(',')}`);
		};
		for (const r of rows) {
			const [, , la, age, sex, substance, refld, rfls, triaged, disd, disrsn, rehab] = r;
			check(codes.has(la), 'LA', r);
			check(substances.has(substance), 'SUBSTANCE', r);
			check(referral.has(rfls), 'RFLS', r);
			check(sex === 'M' || sex === 'F', 'SEX', r);
			check(/^\d+$/.test(age) && +age >= 10 && +age <= 95, 'AGE', r);
			check(disd === '' ? disrsn === '' : reasons.has(disrsn), 'DISRSN', r);
			for (const date of [refld, triaged, disd, rehab])
				check(date === '' || (/^\d{4}-\d\d-\d\d$/.test(date) && date <= DATA_DATE), 'date', r);
			check(triaged !== '', 'TRIAGED', r);
			check(!refld || refld <= triaged, 'REFLD after TRIAGED', r);
			check(!disd || disd >= triaged, 'DISD before TRIAGED', r);
			check(!rehab || (rehab >= triaged && (disd === '' || rehab <= disd)), 'RESRHBST outside the journey', r);
		}
		expect(problems).toEqual([]);
		expect(rows.some((r) => r[8] >= '2024-09-01')).toBe(true);
		expect(rows.filter((r) => r[9] === '').length).toBeGreaterThan(1000); // still in treatment
	});

	it('Rotherham 2021-22 is exactly the planning return baseline, in people', () => {
		expect(inTreatment([ROTHERHAM], 2021)).toBe(1957);
		expect(inTreatment([ROTHERHAM], 2021, { substances: OPIATE })).toBe(1088);
		expect(inTreatment([ROTHERHAM], 2021, { substances: NON_OPIATE })).toBe(330);
		expect(inTreatment([ROTHERHAM], 2021, { substances: ['alcohol_only'] })).toBe(539);
		expect(inTreatment([ROTHERHAM], 2021, { young: true })).toBe(34);
	});

	it('has people with several journeys a year, so people and journeys differ', () => {
		for (const [la, fy] of [
			[ROTHERHAM, 2021],
			[MEDWAY, 2023],
			[SOUTHEND, 2021]
		] as const)
			expect(journeysIn(la, fy), `${la} ${fy}`).toBeGreaterThan(inTreatment([la], fy) * 1.025);
	});

	it('Rotherham grows after 2021-22 but stays below the guide trajectory', () => {
		const y22 = inTreatment([ROTHERHAM], 2022);
		const y23 = inTreatment([ROTHERHAM], 2023);
		expect(y22).toBeGreaterThan(1957);
		expect(y22).toBeLessThan(2019);
		expect(y23).toBeGreaterThan(y22);
		expect(y23).toBeLessThan(2154);
		within(y22, 1990);
		within(y23, 2100);
	});

	it('Medway 2023-24 is exactly the scrutiny update by substance, with 615 new presentations, in people', () => {
		expect(inTreatment([MEDWAY], 2023)).toBe(1190);
		const mix: [string, number][] = [
			['opiate_only', 220],
			['crack_only', 30],
			['opiate_crack', 300],
			['alcohol_only', 400],
			['non_opiate_alcohol', 150],
			['non_opiate_only', 90]
		];
		for (const [substance, target] of mix) expect(inTreatment([MEDWAY], 2023, { substances: [substance] }), substance).toBe(target);
		// New presentations: people whose spell starts in the year (no journey of theirs ended in the 12 calendar months before).
		const month = (d: string) => +d.slice(0, 4) * 12 + +d.slice(5, 7);
		const lastEnd = new Map<string, string>();
		let fresh = 0;
		for (const r of rows.filter((x) => x[2] === MEDWAY && +x[3] >= 18).sort((a, b) => (a[8] < b[8] ? -1 : a[8] > b[8] ? 1 : 0))) {
			const end = lastEnd.get(r[0]);
			const starts = end === undefined || (end !== '' && month(r[8]) - month(end) >= 12);
			if (starts && r[8] >= '2023-04-01' && r[8] <= '2024-03-31') fresh++;
			lastEnd.set(r[0], end === '' || r[9] === '' ? '' : end === undefined || r[9] > end ? r[9] : end);
		}
		expect(fresh).toBe(615);
		expect(inTreatment([MEDWAY], 2022)).toBeGreaterThan(inTreatment([MEDWAY], 2023)); // a slight fall
	});

	it('Medway dips April–November 2023, then rises every month from December 2023', () => {
		const medway = rows.filter((r) => r[2] === MEDWAY && +r[3] >= 18);
		const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
		/** People (each client once) in treatment in the 12 months to the end of month m of year y. */
		const rolling = (y: number, m: number) => {
			const end = iso(y, m + 1, 0);
			const start = iso(y, m - 11, 1);
			return new Set(medway.filter((r) => r[8] <= end && (r[9] === '' || r[9] >= start)).map((r) => r[0])).size;
		};
		const series: number[] = [];
		for (let i = 0; i <= 18; i++) series.push(rolling(2023, 3 + i)); // March 2023 … September 2024
		for (let i = 1; i <= 8; i++) expect(series[i], `month ${i}`).toBeLessThan(series[i - 1]); // Apr–Nov 2023
		for (let i = 9; i <= 18; i++) expect(series[i], `month ${i}`).toBeGreaterThan(series[i - 1]); // Dec 2023 on
	});

	it('Southend-on-Sea and Northamptonshire are about 1,100 and 3,600 adults in 2021-22 and growing', () => {
		within(inTreatment([SOUTHEND], 2021), 1100);
		const northants = [NORTH_NORTHANTS, WEST_NORTHANTS];
		within(inTreatment(northants, 2021), 3600);
		const northShare = inTreatment([NORTH_NORTHANTS], 2021) / inTreatment(northants, 2021);
		expect(northShare).toBeGreaterThan(0.42);
		expect(northShare).toBeLessThan(0.48);
		for (const la of [[SOUTHEND], northants]) {
			expect(inTreatment(la, 2022)).toBeGreaterThan(inTreatment(la, 2021));
			expect(inTreatment(la, 2023)).toBeGreaterThan(inTreatment(la, 2022));
		}
	});

	it('has realistic journey lengths, deaths in treatment and residential rehab starts', () => {
		const days = (r: string[]) => (Date.parse(r[9]) - Date.parse(r[8])) / 86_400_000;
		const median = (xs: number[]) => xs.sort((a, b) => a - b)[xs.length >> 1];
		const discharged = rows.filter((r) => r[9] !== '' && +r[3] >= 18);
		expect(median(discharged.filter((r) => r[5] === 'opiate_only').map(days))).toBeGreaterThan(365);
		expect(median(discharged.filter((r) => r[5] === 'alcohol_only').map(days))).toBeLessThan(200);

		for (const fy of [2021, 2022, 2023]) {
			const all = inTreatment([ROTHERHAM, MEDWAY, SOUTHEND, NORTH_NORTHANTS, WEST_NORTHANTS], fy);
			const died = discharged.filter((r) => r[10] === '9' && r[9] >= `${fy}-04-01` && r[9] <= `${fy + 1}-03-31`);
			expect(died.length / all).toBeGreaterThan(0.007);
			expect(died.length / all).toBeLessThan(0.02);
		}
		const rehab = (fy: number) => rows.filter((r) => r[2] === ROTHERHAM && r[11] >= `${fy}-04-01` && r[11] <= `${fy + 1}-03-31`).length;
		const share21 = rehab(2021) / inTreatment([ROTHERHAM], 2021);
		expect(share21).toBeGreaterThan(0.003);
		expect(share21).toBeLessThan(0.008);
		expect(rehab(2022)).toBeLessThan(14); // the plan (14 / 26 / 38) is approached but not met
		expect(rehab(2023)).toBeGreaterThan(rehab(2021));
		expect(rehab(2023)).toBeLessThan(26);
		expect(rehab(2024) / inTreatment([ROTHERHAM], 2024)).toBeGreaterThan(0.007);
	});
});

describe('prison releases', () => {
	let rows: string[][] = [];
	beforeAll(() => {
		rows = records(files.releases).rows;
	});

	/** Continuity of care: % of releases with a need whose first contact is within 21 days, per financial year. */
	function continuity(la: string[], fy: number) {
		const withNeed = rows.filter((r) => la.includes(r[2]) && r[4] === 'Y' && r[3] >= `${fy}-04-01` && r[3] <= `${fy + 1}-03-31`);
		const engaged = withNeed.filter((r) => {
			if (!r[5]) return false;
			const lag = (Date.parse(r[5]) - Date.parse(r[3])) / 86_400_000;
			return lag >= 0 && lag <= 21;
		});
		return { need: withNeed.length, rate: engaged.length / withNeed.length };
	}

	it('has valid values and nothing dated after the data date', () => {
		const bad = rows.filter(
			(r) =>
				!(r[3] >= '2018-04-01' && r[3] <= DATA_DATE) ||
				!(r[4] === 'Y' || r[4] === 'N') ||
				(r[5] !== '' && !(r[5] >= r[3] && r[5] <= DATA_DATE))
		);
		expect(bad.slice(0, 5)).toEqual([]);
		const need = rows.filter((r) => r[4] === 'Y').length / rows.length;
		expect(need).toBeGreaterThan(0.8);
		expect(need).toBeLessThan(0.9);
		// some contacts come too late to count as engaged
		expect(rows.some((r) => r[5] && Date.parse(r[5]) - Date.parse(r[3]) > 21 * 86_400_000)).toBe(true);
	});

	it('matches the continuity-of-care baselines and plans', () => {
		const near = (value: number, target: number) => expect(Math.abs(value - target)).toBeLessThanOrEqual(0.03);
		near(continuity([ROTHERHAM], 2021).rate, 0.25);
		near(continuity([ROTHERHAM], 2023).rate, 0.45);
		near(continuity([SOUTHEND], 2021).rate, 0.29);
		near(continuity([SOUTHEND], 2023).rate, 0.4);
		near(continuity([MEDWAY], 2023).rate, 0.5);
		for (const fy of [2021, 2022, 2023]) {
			const n = continuity([NORTH_NORTHANTS, WEST_NORTHANTS], fy).rate;
			expect(n).toBeGreaterThanOrEqual(0.34);
			expect(n).toBeLessThanOrEqual(0.46);
		}
		const need = continuity([ROTHERHAM], 2021).need;
		expect(need).toBeGreaterThan(210);
		expect(need).toBeLessThan(290);
	});
});
