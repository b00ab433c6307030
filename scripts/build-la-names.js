#!/usr/bin/env node
/**
 * Builds data/la-names.csv: every English local authority's name (and the other names downloads use for it) →
 * its ONS code. The NDTMS ViewIt download names areas but gives no codes; the loader looks names up here.
 *
 *   node scripts/build-la-names.js            reads $CDP_REFERENCE (default ../shared/reference beside the repo)
 *
 * Sources (data/README.md "Area names"):
 * - districts, unitaries, metropolitan districts and London boroughs (April 2021 boundaries): ONS mid-year
 *   population estimates, populations/la-population-estimates-by-single-year-of-age-1997-2020.csv (E-codes only);
 * - counties, and the unitaries replaced since (Bournemouth, Poole): PHE estimates of alcohol-dependent adults by
 *   upper-tier local authority, estimates/alcohol-dependent-adults-by-utla.csv;
 * - England, the regions and the councils made since April 2021: the ONS codes written below;
 * - the other spellings downloads use: the names NDTMS ViewIt prints (ONSdigital/sdg_data_updates, 3-5-1/
 *   update_3-5-1.R, which matches them to ONS names), "Hull", and PHE's "Cornwall & Isles of Scilly".
 *
 * Names are matched ignoring case and punctuation (`&` = `and`). A name means one code, except where a council was
 * replaced by a different area under the same name (Dorset), which is told apart by the period's start date. A
 * council reorganised on the same boundaries (Buckinghamshire 2020, North Yorkshire and Somerset 2023) keeps one
 * code for its whole history, the current one, so its series is not split in two. Plain Node ESM, no dependencies.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const REF = resolve(process.env.CDP_REFERENCE ?? resolve(repoRoot, '../shared/reference'));
const OUT = resolve(repoRoot, 'data/la-names.csv');

/** ONS codes not in the two files. */
const EXTRA = [
	['E92000001', 'England', 'country'],
	['E12000001', 'North East', 'region'],
	['E12000002', 'North West', 'region'],
	['E12000003', 'Yorkshire and The Humber', 'region'],
	['E12000004', 'East Midlands', 'region'],
	['E12000005', 'West Midlands', 'region'],
	['E12000006', 'East of England', 'region'],
	['E12000007', 'London', 'region'],
	['E12000008', 'South East', 'region'],
	['E12000009', 'South West', 'region'],
	// Unitaries from April 2023 (Cumbria split in two; North Yorkshire and Somerset on the county boundaries).
	['E06000063', 'Cumberland', 'unitary'],
	['E06000064', 'Westmorland and Furness', 'unitary'],
	['E06000065', 'North Yorkshire', 'unitary'],
	['E06000066', 'Somerset', 'unitary']
];

/** County codes whose council was replaced on the same boundaries: the name maps to the successor's code. */
const SAME_AREA_SUCCESSOR = { E10000002: 'E06000060', E10000023: 'E06000065', E10000027: 'E06000066' };

/** Dorset county (until March 2019) and the Dorset unitary (from April 2019) are different areas. */
const VALIDITY = { E10000009: ['', '2019-03-31'], E06000059: ['2019-04-01', ''] };

/** Other spellings, by code. */
const ALIASES = {
	E06000023: ['Bristol'],
	E06000010: ['Kingston upon Hull', 'Hull'],
	E06000019: ['Herefordshire'],
	E06000047: ['Durham'],
	E06000004: ['Stockton'],
	E06000052: ['Cornwall and Isles of Scilly'],
	E12000006: ['East']
};

/** The same key the loader computes in SQL (src/lib/data/la-names.ts). */
export const nameKey = (s) =>
	s
		.toLowerCase()
		.replace(/&/g, ' and ')
		.replace(/[^a-z0-9]+/g, '');

/** Rows of a CSV file as objects by header name (quoted fields may hold commas and doubled quotes). */
function parseCsv(text) {
	const split = (line) => [...line.matchAll(/(?:^|,)(?:"((?:[^"]|"")*)"|([^,]*))/g)].map((m) => (m[1] ?? m[2]).replace(/""/g, '"').trim());
	const [header, ...lines] = text.replace(/^\uFEFF/, '').split(/\r?\n/);
	const names = split(header);
	return lines.filter((l) => l.trim()).map((l) => Object.fromEntries(split(l).map((v, i) => [names[i], v])));
}

function typeOf(code) {
	const types = {
		E06: 'unitary',
		E07: 'district',
		E08: 'metropolitan district',
		E09: 'london borough',
		E10: 'county',
		E12: 'region',
		E92: 'country'
	};
	const t = types[code.slice(0, 3)];
	if (!t) throw new Error(`no area type for code ${code}`);
	return t;
}

const byCode = new Map();
function add(code, name, type = typeOf(code)) {
	if (!/^E\d{8}$/.test(code)) throw new Error(`not an English ONS code: ${code} (${name})`);
	const had = byCode.get(code);
	if (had && had.name !== name) throw new Error(`${code} has two names: ${had.name}, ${name}`);
	byCode.set(code, { code, name, type });
}

const populations = parseCsv(readFileSync(resolve(REF, 'populations/la-population-estimates-by-single-year-of-age-1997-2020.csv'), 'utf8'));
for (const r of populations) if (r.code.startsWith('E')) add(r.code, r.name);
const utla = parseCsv(readFileSync(resolve(REF, 'estimates/alcohol-dependent-adults-by-utla.csv'), 'utf8'));
for (const r of utla) {
	const code = r.Area_Code_GSS;
	// PHE's file gives "Cornwall & Isles of Scilly" a second, malformed code (E0999) beside Cornwall's: an alias.
	if (!/^E\d{8}$/.test(code) || SAME_AREA_SUCCESSOR[code] || byCode.has(code)) continue;
	add(code, r.Local_Authority);
}
for (const [code, name, type] of EXTRA) add(code, name, type);

const rows = [...byCode.values()].map((a) => ({
	...a,
	aliases: ALIASES[a.code] ?? [],
	from: VALIDITY[a.code]?.[0] ?? '',
	to: VALIDITY[a.code]?.[1] ?? ''
}));
for (const code of Object.keys(ALIASES)) if (!byCode.has(code)) throw new Error(`alias for unknown code ${code}`);

// Every name means one code at any date.
const seen = new Map();
for (const r of rows)
	for (const n of [r.name, ...r.aliases]) {
		const k = nameKey(n);
		for (const o of seen.get(k) ?? [])
			if ((!r.to || !o.from || o.from <= r.to) && (!o.to || !r.from || r.from <= o.to))
				throw new Error(`"${n}" names both ${o.code} and ${r.code}`);
		seen.set(k, [...(seen.get(k) ?? []), r]);
	}

const cell = (s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
rows.sort((a, b) => a.code.localeCompare(b.code));
const lines = [
	'code,name,aliases,type,valid_from,valid_to',
	...rows.map((r) => [r.code, r.name, r.aliases.join('|'), r.type, r.from, r.to].map(cell).join(','))
];
writeFileSync(OUT, lines.join('\n') + '\n');
console.log(`build-la-names: ${rows.length} areas, ${rows.reduce((n, r) => n + r.aliases.length, 0)} other names → ${OUT}`);
