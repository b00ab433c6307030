/**
 * People, not journeys (data/README.md "Counting people"): the model's fast, additive cube against plain
 * count(DISTINCT …) SQL written here, independently, over the stored journeys. Data: a seeded generator of clients
 * with several journeys each (overlapping journeys, gaps of 11 and 13 months, substance changes, people turning
 * 18, deaths, residential rehab, moves between the two Northamptonshire councils) in two files of the same areas,
 * some clients in both. Every yearly and monthly figure of the model is compared, for every area × group × period.
 * Then table-driven cases spell the rule out on a few journeys each.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEmptyDb } from '../../src/lib/data/node-defaults';
import { forgetFile, ingestFile } from '../../src/lib/data/ingest';
import { computeModel, type Model } from '../../src/lib/metrics/model';
import type { Db } from '../../src/lib/data/db';
import { referenceMonthly, referenceYearly } from '../fixtures/people-reference';
import { journeysCsv } from '../fixtures/journeys-csv';

const SUBSTANCES = ['opiate_only', 'opiate_crack', 'crack_only', 'non_opiate_only', 'non_opiate_alcohol', 'alcohol_only'];
const AREAS = ['E08000018', 'E06000035', 'E06000061', 'E06000062'];
const DATA_DAY = Date.UTC(2024, 8, 30) / 864e5;

interface J {
	client: string;
	area: string;
	age: number;
	substance: string;
	triage: string;
	discharge?: string;
	reason?: number;
	rehab?: string;
}

const iso = (day: number) => new Date(day * 864e5).toISOString().slice(0, 10);
const dayOf = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 864e5;
/** Same day `months` calendar months later (clamped to the month's end). */
function addMonths(day: number, months: number): number {
	const d = new Date(day * 864e5);
	const y = d.getUTCFullYear();
	const m = d.getUTCMonth() + months;
	const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
	return Date.UTC(y, m, Math.min(d.getUTCDate(), last)) / 864e5;
}

/** Mulberry32. */
function rng(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Clients with 1–6 journeys each: every awkward case the rule has, many times over. */
function generate(seed: number, clients: number, prefix: string): J[] {
	const r = rng(seed);
	const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
	const out: J[] = [];
	for (let c = 0; c < clients; c++) {
		const client = `${prefix}${c}`;
		let area = pick(AREAS);
		let age = r() < 0.1 ? 15 + Math.floor(r() * 3) : 18 + Math.floor(r() * 50);
		let substance = pick(SUBSTANCES);
		let start = dayOf(2013, 1, 1) + Math.floor(r() * (DATA_DAY - dayOf(2013, 1, 1)));
		const count = 1 + Math.floor(r() * r() * 6);
		for (let k = 0; k < count && start <= DATA_DAY; k++) {
			const length = Math.floor(r() < 0.3 ? r() * 60 : r() < 0.7 ? r() * 400 : r() * 2000);
			const end = start + length;
			const open = end > DATA_DAY || r() < 0.05;
			const last = k === count - 1;
			const died = !open && last && r() < 0.08;
			const j: J = { client, area, age, substance, triage: iso(start) };
			if (!open) Object.assign(j, { discharge: iso(end), reason: died ? 9 : pick([1, 2, 3, 5, 6]) });
			if (r() < 0.12 && length > 20) j.rehab = iso(start + 5 + Math.floor(r() * Math.min(length - 10, DATA_DAY - start - 5)));
			out.push(j);
			if (open || died) break;
			// The next journey: overlapping, soon after, 11 or 12 calendar months after the end month, 13 months, or years.
			const gap = r();
			if (gap < 0.15) start = start + Math.floor(r() * Math.max(1, length));
			else if (gap < 0.35) start = end + 1 + Math.floor(r() * 60);
			else if (gap < 0.5) start = addMonths(end, 11) + Math.floor(r() * 20) - 10;
			else if (gap < 0.6) start = addMonths(end, 12) + Math.floor(r() * 20) - 10;
			else if (gap < 0.75) start = addMonths(end, 13);
			else start = end + 400 + Math.floor(r() * 1500);
			if (r() < 0.4) substance = pick(SUBSTANCES);
			if (r() < 0.05 && area.startsWith('E0600006')) area = area === 'E06000061' ? 'E06000062' : 'E06000061';
			age += Math.round((start - dayOf(2013, 1, 1)) / 3650);
			if (age < 18 && r() < 0.5) age = 18;
		}
	}
	return out;
}

describe('the model counts people once, as plain count(DISTINCT) SQL does', () => {
	let db: Db;
	let model: Model;
	let journeys: J[][];
	beforeAll(async () => {
		db = await openEmptyDb();
		const all = generate(1, 6000, 'C');
		// The second file: other clients, and the later journeys of 1,000 of the first file's clients (a file is one
		// system's extract: clients are not linked across files).
		const seen = new Map<string, number>();
		const split = (x: J) => Number(x.client.slice(1)) < 1000 && (seen.set(x.client, (seen.get(x.client) ?? 0) + 1).get(x.client) ?? 0) > 1;
		const a = all.filter((x) => !split(x));
		seen.clear();
		const b = [...generate(2, 2000, 'D'), ...all.filter(split)];
		journeys = [a, b];
		await ingestFile(db, { fileId: 100, name: 'a.csv', data: journeysCsv(a) });
		await ingestFile(db, { fileId: 101, name: 'b.csv', data: journeysCsv(b) });
		model = await computeModel(db.query);
	}, 120_000);
	afterAll(async () => db?.close());

	it('has the awkward cases in its data, many times', () => {
		const all = journeys.flat();
		const byClient = new Map<string, J[]>();
		for (const j of journeys.flat()) byClient.set(j.client, [...(byClient.get(j.client) ?? []), j]);
		let overlapping = 0;
		let changed = 0;
		for (const js of byClient.values())
			for (let i = 1; i < js.length; i++) {
				if (js[i - 1].discharge && js[i].triage < js[i - 1].discharge!) overlapping++;
				if (js[i].substance !== js[i - 1].substance) changed++;
			}
		expect(all.length).toBeGreaterThan(12000);
		expect([...byClient.values()].filter((js) => js.length > 1).length).toBeGreaterThan(2000);
		expect(overlapping).toBeGreaterThan(300);
		expect(changed).toBeGreaterThan(1000);
		expect(all.filter((j) => j.reason === 9).length).toBeGreaterThan(100);
		expect(all.filter((j) => j.rehab).length).toBeGreaterThan(500);
		expect(all.filter((j) => j.age < 18).length).toBeGreaterThan(500);
	});

	it('every yearly figure (in treatment, new presentations, deaths, rehab) for every area × group × year', async () => {
		const ref = await referenceYearly(db);
		const key = (area: string, group: string, fy: number) => `${area} ${group} ${fy}`;
		const want = new Map(ref.map((r) => [key(r.area, r.group, r.fy), [r.in_treatment, r.new_presentations, r.deaths, r.rehab]]));
		const got = new Map(
			model.yearly.map((r) => [key(r.area, r.group, r.fy), [r.in_treatment, r.new_presentations, r.deaths_in_treatment, r.rehab_starts]])
		);
		const keys = new Set([...want.keys(), ...got.keys()]);
		const diffs = [...keys].filter((k) => String(want.get(k) ?? [0, 0, 0, 0]) !== String(got.get(k) ?? [0, 0, 0, 0]));
		expect(diffs.slice(0, 10).map((k) => `${k}: model ${got.get(k)} reference ${want.get(k)}`)).toEqual([]);
		expect(keys.size).toBe(5 * 11 * 9); // five areas (four councils, the CDP) × eleven groups × 2016-17 … 2024-25
		// people, not journeys: the journeys overlapping a year are many more than the people
		const journeysIn2021 = journeys
			.flat()
			.filter((j) => j.area === 'E08000018' && j.age >= 18 && j.triage <= '2022-03-31' && (!j.discharge || j.discharge >= '2021-04-01'));
		expect(got.get(key('E08000018', 'adults', 2021))![0]).toBeLessThan(journeysIn2021.length * 0.95);
	});

	it('every rolling 12-month figure for every area × group × month', async () => {
		expect(model.dataDate).toBe('2024-09-30');
		const ref = await referenceMonthly(db, model.dataDate!);
		const key = (area: string, group: string, month: string) => `${area} ${group} ${month}`;
		const want = new Map(ref.map((r) => [key(r.area, r.group, r.month), r.in_treatment]));
		const got = new Map(model.monthly.map((r) => [key(r.area, r.group, r.month), r.in_treatment]));
		const keys = new Set([...want.keys(), ...got.keys()]);
		const diffs = [...keys].filter((k) => (want.get(k) ?? 0) !== (got.get(k) ?? 0));
		expect(diffs.slice(0, 10).map((k) => `${k}: model ${got.get(k)} reference ${want.get(k)}`)).toEqual([]);
		expect(got.size).toBe(5 * 5 * 90); // five areas (four councils, the CDP) × five groups × April 2017 … September 2024
	});

	it('a client in two files of one area is two people (clients are not linked across files)', async () => {
		const [row] = await db.query<{ linked: number; per_file: number }>(`
			SELECT count(DISTINCT client_id) AS linked, count(DISTINCT (file_id, client_id)) AS per_file FROM journeys
			WHERE area_code = 'E08000018' AND age >= 18 AND triage_date <= DATE '2022-03-31' AND (discharge_date IS NULL OR discharge_date >= DATE '2021-04-01')`);
		expect(Number(row.per_file)).toBeGreaterThan(Number(row.linked));
		expect(model.yearly.find((r) => r.area === 'E08000018' && r.group === 'adults' && r.fy === 2021)?.in_treatment).toBe(
			Number(row.per_file)
		);
	});
});

// Table-driven: a few journeys, the figures they give. [area, group, fy, field, value]; fields not listed are
// checked only where named. Areas default to Rotherham; age to 30.
type Expect = [string, string, number, 'in_treatment' | 'new_presentations' | 'deaths_in_treatment' | 'rehab_starts', number];
const R = 'E08000018';
const j = (client: string, substance: string, triage: string, discharge?: string, more: Partial<J> = {}): J => ({
	client,
	area: R,
	age: 30,
	substance,
	triage,
	discharge,
	...more
});
const CASES: [string, J[][], Expect[]][] = [
	[
		'two journeys of one person in a year: one person',
		[[j('A', 'alcohol_only', '2021-05-01', '2021-06-01'), j('A', 'alcohol_only', '2021-09-01', '2021-12-01')]],
		[
			[R, 'adults', 2021, 'in_treatment', 1],
			[R, 'alcohol', 2021, 'in_treatment', 1],
			[R, 'adults', 2021, 'new_presentations', 1]
		]
	],
	[
		'two overlapping journeys: one person',
		[[j('A', 'non_opiate_only', '2021-05-01', '2022-06-01'), j('A', 'non_opiate_only', '2021-09-01')]],
		[[R, 'adults', 2021, 'in_treatment', 1]]
	],
	[
		'an opiate journey and an alcohol journey in a year: opiate',
		[[j('A', 'alcohol_only', '2021-05-01', '2021-06-01'), j('A', 'opiate_only', '2021-09-01', '2022-01-01')]],
		[
			[R, 'adults', 2021, 'in_treatment', 1],
			[R, 'opiate', 2021, 'in_treatment', 1],
			[R, 'opiate_only', 2021, 'in_treatment', 1],
			[R, 'alcohol', 2021, 'in_treatment', 0],
			[R, 'opiate', 2021, 'new_presentations', 1],
			[R, 'alcohol', 2021, 'new_presentations', 0]
		]
	],
	[
		'opiates, then opiates and crack: opiates and crack',
		[[j('A', 'opiate_only', '2021-05-01', '2021-06-01'), j('A', 'opiate_crack', '2021-09-01')]],
		[
			[R, 'opiate_crack', 2021, 'in_treatment', 1],
			[R, 'opiate_only', 2021, 'in_treatment', 0]
		]
	],
	[
		'crack, non-opiate and alcohol, non-opiate only: crack; non-opiate and alcohol before non-opiate only',
		[
			[
				j('A', 'non_opiate_only', '2021-05-01', '2021-06-01'),
				j('A', 'crack_only', '2021-09-01', '2021-10-01'),
				j('A', 'non_opiate_alcohol', '2021-11-01')
			],
			[j('B', 'non_opiate_only', '2021-05-01', '2021-06-01'), j('B', 'non_opiate_alcohol', '2021-09-01', '2021-10-01')]
		],
		[
			[R, 'non_opiate', 2021, 'in_treatment', 2],
			[R, 'crack_only', 2021, 'in_treatment', 1],
			[R, 'non_opiate_alcohol', 2021, 'in_treatment', 1],
			[R, 'non_opiate_only', 2021, 'in_treatment', 0]
		]
	],
	[
		'the group is chosen each year: alcohol in 2020-21, opiate in 2021-22 when both journeys meet it, alcohol again in 2022-23',
		[
			[
				j('A', 'alcohol_only', '2020-05-01', '2021-06-01'),
				j('A', 'opiate_only', '2021-09-01', '2022-01-31'),
				j('A', 'alcohol_only', '2022-06-01')
			]
		],
		[
			[R, 'alcohol', 2020, 'in_treatment', 1],
			[R, 'opiate', 2021, 'in_treatment', 1],
			[R, 'alcohol', 2021, 'in_treatment', 0],
			[R, 'alcohol', 2022, 'in_treatment', 1],
			[R, 'opiate', 2022, 'in_treatment', 0],
			[R, 'adults', 2021, 'new_presentations', 0]
		]
	],
	[
		'back 11 calendar months after the last discharge: the same spell, not a new presentation',
		[[j('A', 'alcohol_only', '2020-04-10', '2020-05-20'), j('A', 'alcohol_only', '2021-04-05', '2021-06-01')]],
		[
			[R, 'adults', 2020, 'new_presentations', 1],
			[R, 'adults', 2021, 'new_presentations', 0],
			[R, 'adults', 2021, 'in_treatment', 1]
		]
	],
	[
		'back 13 months after: a new presentation again',
		[[j('A', 'alcohol_only', '2020-01-10', '2020-03-20'), j('A', 'alcohol_only', '2021-04-05', '2021-06-01')]],
		[
			[R, 'adults', 2019, 'new_presentations', 1],
			[R, 'adults', 2020, 'in_treatment', 0],
			[R, 'adults', 2021, 'new_presentations', 1]
		]
	],
	[
		'two people: two',
		[[j('A', 'alcohol_only', '2021-05-01'), j('B', 'alcohol_only', '2021-05-01')]],
		[[R, 'adults', 2021, 'in_treatment', 2]]
	],
	[
		'a person who turns 18 between two journeys of a year: one young person and one adult',
		[[j('A', 'non_opiate_only', '2021-05-01', '2021-07-01', { age: 17 }), j('A', 'non_opiate_only', '2022-01-10', undefined, { age: 18 })]],
		[
			[R, 'young_people', 2021, 'in_treatment', 1],
			[R, 'adults', 2021, 'in_treatment', 1],
			[R, 'adults', 2021, 'new_presentations', 1]
		]
	],
	[
		'one journey that began at 17 counts as a young person for all its length',
		[[j('A', 'non_opiate_only', '2021-05-01', '2024-01-01', { age: 17 })]],
		[
			[R, 'young_people', 2023, 'in_treatment', 1],
			[R, 'adults', 2023, 'in_treatment', 0]
		]
	],
	[
		'a death is one person, in their group for the year',
		[[j('A', 'alcohol_only', '2021-05-01', '2021-06-01'), j('A', 'opiate_only', '2021-07-01', '2021-12-01', { reason: 9 })]],
		[
			[R, 'opiate', 2021, 'deaths_in_treatment', 1],
			[R, 'adults', 2021, 'deaths_in_treatment', 1],
			[R, 'alcohol', 2021, 'deaths_in_treatment', 0]
		]
	],
	[
		'two residential rehab starts in a year: one person',
		[
			[
				j('A', 'opiate_only', '2021-05-01', '2021-09-01', { rehab: '2021-06-01' }),
				j('A', 'opiate_only', '2021-10-01', undefined, { rehab: '2022-01-01' })
			]
		],
		[
			[R, 'adults', 2021, 'rehab_starts', 1],
			[R, 'opiate', 2021, 'rehab_starts', 1]
		]
	],
	[
		'one client in two files of an area: two people (files are not linked)',
		[[j('A', 'alcohol_only', '2021-05-01')], [j('A', 'alcohol_only', '2021-06-01')]],
		[[R, 'adults', 2021, 'in_treatment', 2]]
	],
	[
		'one client in North and West Northamptonshire: one in each, two in the CDP (a sum of its councils)',
		[
			[
				j('A', 'alcohol_only', '2021-05-01', '2021-06-01', { area: 'E06000061' }),
				j('A', 'alcohol_only', '2021-08-01', undefined, { area: 'E06000062' })
			]
		],
		[
			['E06000061', 'adults', 2021, 'in_treatment', 1],
			['E06000062', 'adults', 2021, 'in_treatment', 1],
			['northamptonshire', 'adults', 2021, 'in_treatment', 2]
		]
	]
];

describe('the rule, case by case', () => {
	let db: Db;
	beforeAll(async () => {
		db = await openEmptyDb();
	});
	afterAll(async () => db?.close());
	it.each(CASES)('%s', async (_, files, expected) => {
		const ids = files.map((_, i) => 100 + i);
		try {
			for (const [i, f] of files.entries()) await ingestFile(db, { fileId: ids[i], name: `case-${i}.csv`, data: journeysCsv(f) });
			const model = await computeModel(db.query);
			for (const [area, group, fy, field, value] of expected) {
				const row = model.yearly.find((r) => r.area === area && r.group === group && r.fy === fy);
				expect(row?.[field] ?? 0, `${area} ${group} ${fy} ${field}`).toBe(value);
			}
		} finally {
			for (const id of ids) await forgetFile(db, id);
		}
	});
});
