/**
 * Recovery outcomes (data/sql/cube-outcomes.sql, metrics/sql/outcomes.sql, metrics/outcomes.ts): table-driven cases
 * on hand-made journeys, each spelling out one rule; then every figure of the model for a seeded generator of awkward
 * clients (overlapping journeys, quick returns, substance changes, people turning 18, moves between North and West
 * Northamptonshire) against plain count(DISTINCT) SQL written here from the definitions, without cubes or windows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { openEmptyDb } from '../../src/lib/data/node-defaults';
import { ingestFile } from '../../src/lib/data/ingest';
import { computeModel, type Model, type OutcomeRow } from '../../src/lib/metrics/model';
import { outcomeSeries, openNote, publishedOutcome } from '../../src/lib/metrics/outcomes';
import { MEASURES } from '../../src/lib/measures/registry';
import { DISCHARGE_REASONS, SUCCESSFUL_DISCHARGES } from '../../src/lib/data/lookups';
import type { Db } from '../../src/lib/data/db';
import { journeysCsv, type Journey as J } from '../fixtures/journeys-csv';

const VIEWIT = 'tests/fixtures/viewit/viewit-adult-barnet-extract.csv';

async function modelOf(db: Db, journeys: J[], fileId: number): Promise<Model> {
	// The latest event recorded (this triage) sets the data date; the earliest starts the rolling counts of people
	// in treatment, which need 11 months of history before their first month.
	const markers: J[] = [
		{ client: 'DATE', area: 'E06000099', triage: '2024-09-30' },
		{ client: 'START', area: 'E06000099', triage: '2016-01-04', discharge: '2016-01-05', reason: 6 }
	];
	await ingestFile(db, { fileId, name: `t${fileId}.csv`, data: journeysCsv([...journeys, ...markers]) });
	return computeModel(db.query);
}

const row = (model: Model, area: string, month: string, group = 'adults'): Partial<OutcomeRow> =>
	model.outcomes.find((r) => r.area === area && r.group === group && r.month === month) ?? {};

describe('the discharge reasons the cube reads are the code lists’', () => {
	const sql = readFileSync('src/lib/data/sql/cube-outcomes.sql', 'utf8');
	const list = (name: string) => {
		const m = sql.match(new RegExp(`discharge_reason IN \\(([^)]*)\\)[^\\n]*AS ${name}\\b`));
		return m ? [...m[1].matchAll(/'([a-z_]+)'/g)].map((x) => x[1]).sort() : null;
	};
	it('successful completions: SUCCESSFUL_DISCHARGES', () => expect(list('completed')).toEqual([...SUCCESSFUL_DISCHARGES].sort()));
	it('unplanned exits: the incomplete reasons other than death', () =>
		expect(list('early')).toEqual(
			DISCHARGE_REASONS.filter((r) => r.outcome === 'incomplete')
				.map((r) => r.id)
				.sort()
		));
});

// One area per case so that cases never meet; every case is read in the window named.
type Case = { name: string; journeys: Omit<J, 'area'>[]; month: string; group?: string; want: Partial<OutcomeRow> };
const CASES: Case[] = [
	{
		name: 'a completion followed by a re-presentation after 4 months is not a successful completion',
		journeys: [
			{ client: 'A', triage: '2023-01-10', discharge: '2023-06-15', reason: 1 },
			{ client: 'A', triage: '2023-10-15' }
		],
		month: '2023-12',
		want: { completed: 1, sustained: 0 }
	},
	{
		name: 'after 7 months it is',
		journeys: [
			{ client: 'A', triage: '2023-01-10', discharge: '2023-06-15', reason: 1 },
			{ client: 'A', triage: '2024-01-16' }
		],
		month: '2023-12',
		want: { completed: 1, sustained: 1 }
	},
	{
		name: 'a re-presentation on the day 6 months on is within 6 months; the day after is not',
		journeys: [
			{ client: 'A', triage: '2022-01-10', discharge: '2022-06-15', reason: 2 },
			{ client: 'A', triage: '2022-12-15' },
			{
				client: 'B',
				triage: '2022-01-10',
				discharge: '2022-06-15',
				reason: 'Treatment completed - occasional user (not opiates or crack)'
			},
			{ client: 'B', triage: '2022-12-16' }
		],
		month: '2022-09',
		want: { completed: 2, sustained: 1 }
	},
	{
		name: 'a completion while another journey of the person is still open is not leaving treatment',
		journeys: [
			{ client: 'A', triage: '2023-01-10', discharge: '2023-06-15', reason: 1 },
			{ client: 'A', triage: '2023-03-01', discharge: '2023-08-20', reason: 6 }
		],
		month: '2023-12',
		want: { completed: 0, sustained: 0, starts: 1 }
	},
	{
		name: 'drop-outs, transfers, deaths and referrals on are not successful completions',
		journeys: [
			{ client: 'A', triage: '2023-01-10', discharge: '2023-06-15', reason: 6 },
			{ client: 'B', triage: '2023-01-10', discharge: '2023-06-15', reason: 'Transferred - not in custody' },
			{ client: 'C', triage: '2023-01-10', discharge: '2023-06-15', reason: 9 },
			{ client: 'E', triage: '2023-01-10', discharge: '2023-06-15', reason: 5 }
		],
		month: '2023-12',
		want: { completed: 0, sustained: 0, starts: 4 }
	},
	{
		name: 'two journeys of one person count once',
		journeys: [
			{ client: 'A', triage: '2023-01-10', discharge: '2023-03-15', reason: 1 },
			{ client: 'A', triage: '2023-10-20', discharge: '2023-11-30', reason: 2, referral: '2023-09-01' },
			{ client: 'B', triage: '2023-02-01', discharge: '2023-03-01', reason: 6, referral: '2023-01-02' },
			{ client: 'B', triage: '2023-04-01', discharge: '2023-05-01', reason: 3, referral: '2023-03-01' }
		],
		month: '2023-12',
		want: { completed: 1, sustained: 1, starts: 2, early_exits: 1, waits_known: 2, waits_over: 2 }
	},
	{
		name: 'an exit in week 11 that is unplanned is early; in week 13, or planned, or a transfer or a death, it is not',
		journeys: [
			{ client: 'A', triage: '2023-03-01', discharge: '2023-05-15', reason: 6 }, // day 75, week 11, dropped out
			{ client: 'B', triage: '2023-03-01', discharge: '2023-05-15', reason: 'Incomplete - retained in custody' },
			{ client: 'C', triage: '2023-03-01', discharge: '2023-05-24', reason: 12 }, // day 84: the 13th week
			{ client: 'D', triage: '2023-03-01', discharge: '2023-05-15', reason: 1 },
			{ client: 'E', triage: '2023-03-01', discharge: '2023-05-15', reason: 'Transferred - not in custody' },
			{ client: 'F', triage: '2023-03-01', discharge: '2023-05-15', reason: 9 },
			{ client: 'G', triage: '2023-03-01', discharge: '2023-05-23', reason: 3 } // day 83, withdrawn by the provider
		],
		month: '2023-12',
		want: { starts: 7, early_exits: 3 }
	},
	{
		name: 'a wait of 22 days is over 3 weeks; 21 days is not; no referral date, or one after triage, is not a known wait',
		journeys: [
			{ client: 'A', triage: '2023-02-23', referral: '2023-02-01' },
			{ client: 'B', triage: '2023-02-22', referral: '2023-02-01' },
			{ client: 'C', triage: '2023-02-22' },
			{ client: 'D', triage: '2023-02-22', referral: '2023-02-25' }
		],
		month: '2023-12',
		want: { starts: 4, waits_known: 2, waits_over: 1 }
	},
	{
		name: 'a person is counted in their group for the window: an alcohol completion of an opiate client counts as opiate',
		journeys: [
			{ client: 'A', triage: '2022-11-01', discharge: '2023-02-01', reason: 6, substance: 'opiate_only' },
			{ client: 'A', triage: '2023-03-01', discharge: '2023-06-15', reason: 1, substance: 'alcohol_only' }
		],
		month: '2023-12',
		group: 'opiate',
		want: { completed: 1, sustained: 1, starts: 1 }
	},
	{
		name: '… and the same completion counts as alcohol in a window the opiate journey does not meet',
		journeys: [
			{ client: 'A', triage: '2022-11-01', discharge: '2023-02-01', reason: 6, substance: 'opiate_only' },
			{ client: 'A', triage: '2023-03-01', discharge: '2023-06-15', reason: 1, substance: 'alcohol_only' }
		],
		month: '2024-03',
		group: 'alcohol',
		want: { completed: 1, sustained: 1, starts: 0 }
	},
	{
		name: 'young people are not adults',
		journeys: [{ client: 'A', triage: '2023-01-10', discharge: '2023-06-15', reason: 1, age: 16 }],
		month: '2023-12',
		want: { completed: 0, starts: 0 }
	}
];

const areaOf = (i: number) => `E0600${String(100 + i).padStart(4, '0')}`;
/** The case for "not yet counted": a completion in June 2023 and one in May 2024, four months before the data date. */
const LATE = 'E06000098';
const late: J[] = [
	{ client: 'L-A', area: LATE, triage: '2023-01-10', discharge: '2023-06-15', reason: 1 },
	{ client: 'L-B', area: LATE, triage: '2024-01-10', discharge: '2024-05-10', reason: 1 }
];
/** For suppression: in Medway 200 alcohol clients (40 completing), 100 opiate (3), 100 non-opiate (50); in West
 * Northamptonshire 60 (2 completing), in North 60 (30). */
function small(): J[] {
	const out: J[] = [];
	const add = (prefix: string, n: number, done: number, substance: string, area: string) => {
		for (let i = 0; i < n; i++)
			out.push({
				client: `${prefix}${i}`,
				area,
				substance,
				triage: '2022-06-01',
				...(i < done ? { discharge: '2023-01-10', reason: 1 } : { discharge: '2023-02-10', reason: 6 })
			});
	};
	add('S-A', 200, 40, 'alcohol_only', 'E06000035');
	add('S-O', 100, 3, 'opiate_only', 'E06000035');
	add('S-N', 100, 50, 'non_opiate_only', 'E06000035');
	add('S-W', 60, 2, 'alcohol_only', 'E06000062');
	add('S-V', 60, 30, 'alcohol_only', 'E06000061');
	return out;
}

describe('hand-made journeys', () => {
	let db: Db;
	let model: Model;
	beforeAll(async () => {
		db = await openEmptyDb();
		const cases = CASES.flatMap((c, i) => c.journeys.map((j) => ({ ...j, client: `${i}-${j.client}`, area: areaOf(i) })));
		model = await modelOf(db, [...cases, ...late, ...small()], 100);
	});
	afterAll(async () => db?.close());

	describe('table-driven: a few journeys, the figures they give', () => {
		it.each(CASES.map((c, i) => [c.name, c, i] as const))('%s', (_name, c, i) => {
			const got = row(model, areaOf(i), c.month, c.group);
			const want = Object.fromEntries(Object.keys(c.want).map((k) => [k, got[k as keyof OutcomeRow] ?? 0]));
			expect(want).toEqual(c.want);
		});

		it('a completion in the last 6 months before the data date is not yet counted', () => {
			expect(model.dataDate).toBe('2024-09-30');
			// Counted in the cube, but the 12 months to June 2024 are followed up to December 2024: not shown.
			expect(row(model, LATE, '2024-06')).toMatchObject({ completed: 1, sustained: 1 }); // May 2024's alone
			const s = outcomeSeries(model, LATE, 'adults', 'completions', false);
			expect(s.points.map((p) => p.month).slice(-2)).toEqual(['2023-12', '2024-03']);
			expect(s.latest?.month).toBe('2024-03');
			expect(s.latest?.numerator.value).toBe(1); // June 2023's; May 2024's is in no window shown
			expect(openNote(s)).toBe(
				'Not shown yet: the 12 months to Jun 2024 and to Sep 2024, as their 6-month follow-up for re-presentations runs past the data date (30 September 2024).'
			);
			// Early exits need 12 weeks: the 12 months to June 2024 are shown, to September are not.
			expect(outcomeSeries(model, LATE, 'adults', 'early_exits', false).latest?.month).toBe('2024-06');
			expect(outcomeSeries(model, LATE, 'adults', 'waits', false).points.length).toBe(0); // no referral dates
		});
	});

	describe('suppression: small numbers hidden, and the parts that would give them away', () => {
		const cell = (area: string, cohort: string, suppress = true) =>
			outcomeSeries(model, area, cohort, 'completions', suppress).points.find((p) => p.month === '2023-03')!;

		it('a cohort of 3 completions is hidden, and the next smallest cohort with it; all adults stay shown', () => {
			expect(cell('E06000035', 'opiate').percent).toEqual({ value: null, suppressed: true });
			expect(cell('E06000035', 'opiate').numerator.suppressed).toBe(true);
			expect(cell('E06000035', 'alcohol').percent.suppressed).toBe(true); // 40 < 50: the next smallest
			expect(cell('E06000035', 'non_opiate').percent.value).toBe(50);
			expect(cell('E06000035', 'adults').numerator.value).toBe(93);
			// Turned off (a page, for local exploration): everything shown.
			expect(cell('E06000035', 'opiate', false).numerator.value).toBe(3);
		});

		it('West Northamptonshire’s 2 completions are hidden, and so are North’s beside the CDP', () => {
			expect(cell('E06000062', 'adults').percent.suppressed).toBe(true);
			expect(cell('E06000061', 'adults').numerator.suppressed).toBe(true);
			expect(cell('northamptonshire', 'adults').numerator.value).toBe(32);
		});
	});
});

/** Mulberry32. */
function rng(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const iso = (day: number) => new Date(day * 864e5).toISOString().slice(0, 10);
const dayOf = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 864e5;
const LAST = dayOf(2024, 9, 30);

function generate(seed: number, clients: number): J[] {
	const r = rng(seed);
	const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
	const areas = ['E08000018', 'E06000061', 'E06000062'];
	const substances = ['opiate_only', 'opiate_crack', 'crack_only', 'non_opiate_only', 'non_opiate_alcohol', 'alcohol_only'];
	const reasons = [1, 1, 2, 2, 3, 5, 6, 6, 9, 12, 'Incomplete - retained in custody', 'Transferred - not in custody'];
	const out: J[] = [];
	for (let c = 0; c < clients; c++) {
		let area = pick(areas);
		let age = r() < 0.08 ? 16 + Math.floor(r() * 2) : 18 + Math.floor(r() * 50);
		let start = dayOf(2015, 6, 1) + Math.floor(r() * (LAST - dayOf(2015, 6, 1)));
		const count = 1 + Math.floor(r() * r() * 5);
		for (let k = 0; k < count && start <= LAST; k++) {
			const length = Math.floor(r() < 0.35 ? r() * 100 : r() < 0.7 ? r() * 400 : r() * 1500);
			const end = start + length;
			const open = end > LAST || r() < 0.05;
			const j: J = { client: `C${c}`, area, age, substance: pick(substances), triage: iso(start) };
			if (r() < 0.9) j.referral = iso(start - Math.floor(r() < 0.5 ? 0 : r() * 50));
			if (!open) Object.assign(j, { discharge: iso(end), reason: pick(reasons) });
			out.push(j);
			if (open) break;
			// The next journey: overlapping, within days, within 6 months, just over 6 months, or years later.
			const gap = r();
			if (gap < 0.15) start = start + Math.floor(r() * Math.max(1, length));
			else if (gap < 0.35) start = end + Math.floor(r() * 30);
			else if (gap < 0.55) start = end + 30 + Math.floor(r() * 150);
			else if (gap < 0.7) start = end + 170 + Math.floor(r() * 30);
			else start = end + 200 + Math.floor(r() * 1200);
			if (r() < 0.05) area = area === 'E06000061' ? 'E06000062' : area === 'E06000062' ? 'E06000061' : area;
			if (age < 18 && r() < 0.5) age = 18;
		}
	}
	return out;
}

/** The definitions in plain SQL over `journeys`: for each window, the people with each event, in their group. */
const REFERENCE = `
WITH q AS (
	SELECT strftime(m, '%Y-%m') AS month, CAST(m - INTERVAL 11 MONTH AS DATE) AS ws, CAST(m + INTERVAL 1 MONTH - INTERVAL 1 DAY AS DATE) AS we
	FROM (SELECT unnest(generate_series(DATE '2017-06-01', DATE '2024-09-01', INTERVAL 3 MONTH)) AS m)
),
jj AS (
	SELECT row_number() OVER () AS jid, file_id, client_id, area_code, age < 18 AS young, triage_date AS t, discharge_date AS d,
		discharge_reason AS why, referral_date AS rf,
		list_position(['opiate_crack', 'opiate_only', 'crack_only', 'non_opiate_alcohol', 'non_opiate_only', 'alcohol_only'], substance_group) AS rnk
	FROM journeys
),
exits AS (
	SELECT a.* FROM jj a WHERE a.why IN ('completed_drug_free', 'completed') AND NOT EXISTS (
		SELECT 1 FROM jj b WHERE (b.file_id, b.client_id, b.area_code, b.young) = (a.file_id, a.client_id, a.area_code, a.young)
			AND b.jid <> a.jid AND b.t <= a.d AND (b.d IS NULL OR b.d > a.d))
),
events AS (
	SELECT 'completed' AS kind, file_id, client_id, area_code, young, d AS day FROM exits
	UNION ALL SELECT 'sustained', file_id, client_id, area_code, young, d FROM exits e WHERE NOT EXISTS (
		SELECT 1 FROM jj b WHERE (b.file_id, b.client_id, b.area_code, b.young) = (e.file_id, e.client_id, e.area_code, e.young)
			AND b.t > e.d AND b.t <= e.d + INTERVAL 6 MONTH)
	UNION ALL SELECT 'starts', file_id, client_id, area_code, young, t FROM jj
	UNION ALL SELECT 'early_exits', file_id, client_id, area_code, young, t FROM jj
		WHERE d - t < 84 AND why IN ('dropped_out', 'withdrawn', 'retained_in_custody', 'declined')
	UNION ALL SELECT 'waits_known', file_id, client_id, area_code, young, t FROM jj WHERE rf <= t
	UNION ALL SELECT 'waits_over', file_id, client_id, area_code, young, t FROM jj WHERE rf <= t AND t - rf > 21
),
best AS (
	SELECT q.month, file_id, client_id, area_code, young, min(rnk) AS rnk
	FROM q JOIN jj ON jj.t <= q.we AND (jj.d IS NULL OR jj.d >= q.ws) GROUP BY ALL
),
counted AS (
	SELECT DISTINCT q.month, e.kind, e.file_id, e.client_id, e.area_code, b.rnk
	FROM q JOIN events e ON e.day BETWEEN q.ws AND q.we
	JOIN best b ON (b.month, b.file_id, b.client_id, b.area_code, b.young) = (q.month, e.file_id, e.client_id, e.area_code, e.young)
	WHERE NOT e.young
),
areas AS (SELECT area_code, unnest(list_distinct([area_code, coalesce(cdp_code, area_code)])) AS area FROM (SELECT DISTINCT area_code FROM counted) LEFT JOIN area_cdp USING (area_code))
SELECT a.area, g.grp, c.month, c.kind, CAST(count(*) AS INTEGER) AS n
FROM counted c JOIN areas a USING (area_code),
	LATERAL (SELECT unnest(['adults', CASE WHEN c.rnk <= 2 THEN 'opiate' WHEN c.rnk = 6 THEN 'alcohol' ELSE 'non_opiate' END]) AS grp) g
GROUP BY ALL`;

describe('every figure of the model, for awkward clients, equals plain count(DISTINCT) SQL', () => {
	let db: Db;
	let model: Model;
	let journeys: J[];
	beforeAll(async () => {
		db = await openEmptyDb();
		journeys = generate(7, 2500);
		// A published file beside the records: the real Barnet ViewIt extract (no records for Barnet).
		await ingestFile(db, { fileId: 101, name: 'viewit.csv', data: new Uint8Array(readFileSync(VIEWIT)) });
		// Published figures for Rotherham's and England's 2017-18, as a ViewIt download gives them (figures format here).
		const published = [
			'area_code,metric,cohort,period,kind,value,unit,source',
			...[
				['E08000018', 100, 1000],
				['E92000001', 32500, 250000]
			].flatMap(([area, n, d]) => [
				`${area},scnr_completions_not_representing,adults,2017/18,actual,${n},count,test`,
				`${area},scnr_in_treatment,adults,2017/18,actual,${d},count,test`
			])
		].join('\n');
		await ingestFile(db, { fileId: 102, name: 'published.csv', data: new TextEncoder().encode(published) });
		model = await modelOf(db, journeys, 100);
	}, 60_000);
	afterAll(async () => db?.close());

	it('has the awkward cases in its data', () => {
		const byClient = new Map<string, J[]>();
		for (const j of journeys) byClient.set(j.client, [...(byClient.get(j.client) ?? []), j]);
		let overlapping = 0;
		let quickReturns = 0;
		for (const js of byClient.values())
			for (let i = 1; i < js.length; i++) {
				const prev = js[i - 1];
				if (prev.discharge && js[i].triage < prev.discharge) overlapping++;
				if (
					prev.discharge &&
					[1, 2].includes(prev.reason as number) &&
					js[i].triage > prev.discharge &&
					js[i].triage < iso(dayOf(...(prev.discharge.split('-').map(Number) as [number, number, number])) + 183)
				)
					quickReturns++;
			}
		expect([...byClient.values()].filter((js) => js.length > 1).length).toBeGreaterThan(600);
		expect(overlapping).toBeGreaterThan(100);
		expect(quickReturns).toBeGreaterThan(50);
	});

	it('for every area × group × quarter and each count', async () => {
		const ref = await db.query<{ area: string; grp: string; month: string; kind: string; n: number }>(REFERENCE);
		const kinds = ['completed', 'sustained', 'starts', 'early_exits', 'waits_known', 'waits_over'] as const;
		const want = new Map(ref.map((r) => [`${r.area} ${r.grp} ${r.month} ${r.kind}`, r.n]));
		const got = new Map<string, number>(
			model.outcomes.flatMap((r) => kinds.map((k) => [`${r.area} ${r.group} ${r.month} ${k}`, r[k]] as const))
		);
		const keys = new Set([...want.keys(), ...got.keys()]);
		const diffs = [...keys].filter((k) => (want.get(k) ?? 0) !== (got.get(k) ?? 0));
		expect(diffs.slice(0, 10).map((k) => `${k}: model ${got.get(k)} reference ${want.get(k)}`)).toEqual([]);
		expect(ref.length).toBeGreaterThan(2000);
		expect(model.outcomes.filter((r) => r.area === 'northamptonshire').length).toBe(4 * 30); // four groups × Jun 2017 … Sep 2024
	});

	it('published (ViewIt): Barnet’s completions, re-presentations and waits equal the shares of the file’s own cells, each year', () => {
		const [head, ...lines] = readFileSync(VIEWIT, 'utf8').trim().split(/\r?\n/);
		const cols = head.split(',');
		const totals = lines
			.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])))
			.filter((r) => r.sex === 'Total' && r.age_group === 'Total' && r.drug_group === 'Total');
		expect(totals.map((r) => r.ReportingPeriod)).toEqual(['2009/10', '2016/17', '2017/18']);
		const n = (r: Record<string, string>, ...c: string[]) => c.reduce((a, k) => a + Number(r[k]), 0);
		const shares = (id: 'completions' | 'representations' | 'waits') =>
			publishedOutcome(model, 'E09000003', 'adults', id).points.map((p) => [p.label, p.numerator, p.denominator]);
		const years = totals.map((r) => `20${r.ReportingPeriod.slice(2, 4)}-${r.ReportingPeriod.slice(5)}`);
		expect(shares('completions')).toEqual(totals.map((r, i) => [years[i], n(r, 'scnr_scrn_allintx'), n(r, 'scnr_intreatment_allintx')]));
		expect(shares('representations')).toEqual(
			totals.map((r, i) => [years[i], n(r, 'scnr_representation_allintx'), n(r, 'scnr_completion_allintx')])
		);
		const waits = ['waitsfirst_3weeksandunder_newtx', 'waitsfirst_3to6weeks_newtx', 'waitsfirst_over6weeks_newtx'];
		expect(shares('waits')).toEqual(totals.map((r, i) => [years[i], n(r, ...waits.slice(1)), n(r, ...waits)]));
		// 2017-18: 250 of 1,060 did not re-present.
		expect(publishedOutcome(model, 'E09000003', 'adults', 'completions').points[2].percent).toBeCloseTo((250 / 1060) * 100, 10);
	});

	it('published before records: a published year is the headline, with nothing else loaded', () => {
		const s = outcomeSeries(model, 'E09000003', 'adults', 'completions', true);
		expect(s.points).toEqual([]);
		expect(s.headline).toMatchObject({ basis: 'published', month: '2018-03', label: '2017-18 (published)', records: null });
		const m = MEASURES.find((x) => x.id === 'completions')!.build({ model, area: 'E09000003', cohort: 'adults', suppress: true })!;
		expect(m.sentences[0]).toBe(
			'In 2017-18, 250 of 1,060 adults in treatment in Barnet left treatment successfully and did not re-present within 6 months: 23.6% (95% CI 21.1% to 26.2%), as published.'
		);
		expect(m.synthetic).toBe(false);
		expect(m.chart.kind === 'line' && m.chart.series.map((x) => x.label)).toEqual(['Published figure', 'England']);
	});

	it('… and beside the records for the same 12 months, compared with England', () => {
		const s = outcomeSeries(model, 'E08000018', 'adults', 'completions', true);
		expect(s.latest?.month).toBe('2024-03'); // the records run on: their latest window leads
		expect(s.headline?.basis).toBe('records');
		const m = MEASURES.find((x) => x.id === 'completions')!.build({ model, area: 'E08000018', cohort: 'adults', suppress: true })!;
		expect(m.table.rows.find((r) => r.window.startsWith('Mar 2018'))).toMatchObject({
			window: 'Mar 2018 (2017-18)',
			published: '10.0%',
			england: '13.0%'
		});
		// Records only to March 2018: the published year leads, the records beside it, England compared.
		const cut = { ...model, outcomes: model.outcomes.filter((r) => r.month <= '2018-03') };
		const t = outcomeSeries(cut, 'E08000018', 'adults', 'completions', true);
		expect(t.headline).toMatchObject({ basis: 'published', label: '2017-18 (published)' });
		expect(t.headline?.records?.month).toBe('2018-03');
		expect(t.comparison).toBe('worse'); // 10.0% (95% CI 8.3% to 12.0%) below England's 13.0%
		const c = MEASURES.find((x) => x.id === 'completions')!.build({ model: cut, area: 'E08000018', cohort: 'adults', suppress: true })!;
		expect(c.sentences[0]).toMatch(/^In 2017-18, 100 of 1,000 adults in treatment in Rotherham .*: 10\.0% \(95% CI .*\), as published\.$/);
		expect(c.sentences[1]).toMatch(/^The record-level data give \d+\.\d% for the same 12 months\.$/);
		expect(c.sentences[2]).toBe('England: 13.0% (2017-18); worse than England.');
	});
});
