#!/usr/bin/env node
/**
 * Builds the embedded real data in data/ from the public reference files described in REAL-DATA.md
 * (ONS 2021-registrations drug deaths workbook, ONS mid-year population estimates, NDTMS ViewIt England,
 * PHE alcohol dependence estimates), as figures-format CSVs (data/README.md). The outputs are committed, since
 * CI has no reference folder; tests/unit/ons-deaths-2021.test.ts checks that a rebuild is byte-identical.
 *
 *   node scripts/build-real-data.js               writes the data/ files
 *   node scripts/build-real-data.js --fixtures    also writes the trimmed workbook rows in tests/fixtures/ons-2021/
 *   REFERENCE_DIR=/path/to/reference node scripts/build-real-data.js
 *
 * Plain Node ESM, no dependencies. Numbers are copied as published: a blank or a marker is never turned into 0,
 * spreadsheet float artefacts (5.0999999999999996) are written as the number they stand for (5.1).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const REFERENCE_DIR = process.env.REFERENCE_DIR ?? '/work/shared/reference';

/** Two files, not one per source: each embedded file costs the browser a separate load before DuckDB is ready. */
export const OUTPUTS = {
	deaths: 'ons-drug-deaths-2021.csv',
	reference: 'reference-figures.csv'
};

const HEADER = [
	'area_code',
	'area_name',
	'metric',
	'cohort',
	'category',
	'period',
	'kind',
	'value',
	'numerator',
	'denominator',
	'lower_ci',
	'upper_ci',
	'unit',
	'note',
	'source'
];

/** The partnerships' councils, their regions and England, named as the dashboard's area registry names them. */
export const AREAS = [
	['E92000001', 'England'],
	['E12000003', 'Yorkshire and The Humber'],
	['E12000004', 'East Midlands'],
	['E12000006', 'East of England'],
	['E12000008', 'South East'],
	['E08000018', 'Rotherham'],
	['E06000035', 'Medway'],
	['E06000033', 'Southend-on-Sea'],
	['E06000061', 'North Northamptonshire'],
	['E06000062', 'West Northamptonshire']
];

const WORKBOOK = 'ons-deaths-2021/2021localauthorities__Table_';
const ons = (table) => `ONS, Deaths related to drug poisoning by local authority, England and Wales, 2021 registrations, Table ${table}`;
/** Tables 1–2: counts by year of registration; Tables 3 and 6: 3-year counts with age-standardised rates (persons). */
export const DEATH_TABLES = [
	{ table: 1, metric: 'drug_poisoning_deaths', kind: 'counts' },
	{ table: 2, metric: 'drug_misuse_deaths', kind: 'counts' },
	{ table: 3, metric: 'drug_poisoning_deaths_rate', kind: 'rates' },
	{ table: 6, metric: 'drug_misuse_deaths_rate', kind: 'rates' }
];

/** ONS's rule for ":" and "U", in the words the dashboard shows beside the figure. */
export const NO_RATE_NOTE = 'ONS prints ":" for fewer than 10 deaths';
export const UNRELIABLE_NOTE = 'U: ONS marks a rate from fewer than 20 deaths unreliable';

/** Minimal RFC 4180 parser: quoted fields, doubled quotes, CRLF/CR/LF, optional UTF-8 BOM. Keeps blank lines' cells. */
export function parseCsv(text) {
	const s = text.replace(/^\uFEFF/, '');
	const rows = [];
	let row = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < s.length; i++) {
		const ch = s[i];
		if (quoted) {
			if (ch === '"') {
				if (s[i + 1] === '"') {
					field += '"';
					i++;
				} else quoted = false;
			} else field += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ',') {
			row.push(field);
			field = '';
		} else if (ch === '\r' || ch === '\n') {
			if (ch === '\r' && s[i + 1] === '\n') i++;
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
		} else field += ch;
	}
	if (field !== '' || row.length) {
		row.push(field);
		rows.push(row);
	}
	return rows;
}

function csvField(v) {
	const s = v == null ? '' : String(v);
	return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function toCsv(records) {
	return [HEADER.join(','), ...records.map((r) => HEADER.map((h) => csvField(r[h])).join(','))].join('\n') + '\n';
}

/** A published number as written, without the spreadsheet's binary float artefacts; null for blanks and markers. */
export function cleanNumber(raw) {
	const s = (raw ?? '').trim().replace(/,/g, '');
	if (!/^-?\d+(\.\d+)?(E-?\d+)?$/i.test(s)) return null;
	return Number(Number(s).toPrecision(15));
}

/** Workbook rows keyed by area code (the code sits in the first column at every level of the hierarchy). */
function byCode(rows) {
	const out = new Map();
	for (const r of rows) {
		const code = (r[0] ?? '').trim();
		if (/^[EKW]\d{8}$/.test(code)) out.set(code, r);
	}
	return out;
}

/** The header row: the first row whose second cell is "Area Names". */
function headerIndex(rows, table) {
	const i = rows.findIndex((r) => (r[1] ?? '').trim() === 'Area Names');
	if (i < 0) throw new Error(`Table ${table}: no "Area Names" header row`);
	return i;
}

/** Tables 1–2: one column per registration year, 2021 first. */
export function readCounts(rows, { table, metric }) {
	const hi = headerIndex(rows, table);
	const years = rows[hi].map((h, i) => ({ year: h.trim(), i })).filter((c) => /^\d{4}$/.test(c.year));
	if (years.length !== 29) throw new Error(`Table ${table}: expected 29 years (1993–2021), found ${years.length}`);
	const found = byCode(rows.slice(hi + 1));
	const out = [];
	for (const [code, name] of AREAS) {
		const r = found.get(code);
		if (!r) throw new Error(`Table ${table}: no row for ${code} ${name}`);
		for (const { year, i } of [...years].sort((a, b) => Number(a.year) - Number(b.year))) {
			const raw = (r[i] ?? '').trim();
			const value = cleanNumber(raw);
			out.push({
				area_code: code,
				area_name: name,
				metric,
				period: year,
				kind: 'actual',
				value,
				unit: 'count',
				note: value != null ? '' : raw ? `not available (published as "${raw}")` : 'not available (blank in source)',
				source: ons(table)
			});
		}
	}
	return out;
}

/** Tables 3 and 6: for each 3-year period (2019–21 …) the columns Deaths, Rate, flag, lower and upper 95% limits. */
export function readRates(rows, { table, metric }) {
	const hi = headerIndex(rows, table);
	const sub = rows[hi + 1].map((h) => h.trim());
	const periods = rows[hi].map((h, i) => ({ label: h.trim(), i })).filter((c) => /^\d{4}–\d{2}$/.test(c.label));
	if (periods.length !== 19) throw new Error(`Table ${table}: expected 19 periods (2001–03 to 2019–21), found ${periods.length}`);
	for (const { label, i } of periods) {
		const want = ['Deaths', 'Rate 1', '', 'Lower Confidence Limit 2', 'Upper Confidence Limit 2'];
		if (want.some((w, k) => sub[i + k] !== w)) throw new Error(`Table ${table}: unexpected columns under ${label}: ${sub.slice(i, i + 5)}`);
	}
	const found = byCode(rows.slice(hi + 2));
	const out = [];
	for (const [code, name] of AREAS) {
		const r = found.get(code);
		if (!r) throw new Error(`Table ${table}: no row for ${code} ${name}`);
		for (const { label, i } of [...periods].reverse()) {
			const cell = (k) => (r[i + k] ?? '').trim();
			const deaths = cleanNumber(cell(0));
			const rate = cleanNumber(cell(1));
			const flag = cell(2);
			if (rate == null && cell(1) !== ':')
				throw new Error(`Table ${table} ${code} ${label}: rate "${cell(1)}" is neither a number nor ":"`);
			if (flag && flag !== 'U') throw new Error(`Table ${table} ${code} ${label}: unknown flag "${flag}"`);
			out.push({
				area_code: code,
				area_name: name,
				metric,
				// Written as Fingertips writes pooled years, so it parses as calendar years 2019 to 2021 (an unspaced
				// "2019-21" is read as financial years) and lines up with a loaded Fingertips export of the same figure.
				period: label.replace(/^(\d{4})–(\d{2})$/, '$1 - $2'),
				kind: 'actual',
				value: rate,
				numerator: deaths,
				lower_ci: cleanNumber(cell(3)),
				upper_ci: cleanNumber(cell(4)),
				unit: 'rate_per_100k',
				note: rate == null ? NO_RATE_NOTE : flag === 'U' ? UNRELIABLE_NOTE : '',
				source: ons(table)
			});
		}
	}
	return out;
}

export function buildDeaths(read) {
	return DEATH_TABLES.flatMap((t) => {
		const rows = parseCsv(read(`${WORKBOOK}${t.table}.csv`));
		return t.kind === 'counts' ? readCounts(rows, t) : readRates(rows, t);
	});
}

/**
 * Region of every English local authority district, from the workbook's hierarchy (Table 1 lists each region,
 * then its councils and districts, until the next region).
 */
function regionsOfDistricts(rows) {
	const region = new Map();
	let current = null;
	for (const r of rows) {
		const code = (r[0] ?? '').trim();
		if (/^E12\d{6}$/.test(code)) current = code;
		else if (/^W92|^E92|^K04/.test(code)) current = null;
		else if (current && /^E0[6-9]\d{6}$/.test(code)) region.set(code, current);
	}
	return region;
}

const POPULATION_FILE = 'populations/la-population-estimates-by-single-year-of-age-1997-2020.csv';
/** ONS's published totals for England (the file has no England row), the check on the sum of its districts. */
export const ENGLAND_POPULATION = { 2019: 56286961, 2020: 56550138 };
/** From 2001: earlier years print "-" for the oldest ages. */
export const POPULATION_YEARS = [2001, 2020];
const POPULATION_SOURCE = `ONS mid-year population estimates (Nomis), mid-${POPULATION_YEARS[0]} to mid-${POPULATION_YEARS[1]}, persons by single year of age, local authority districts on April 2021 boundaries`;

export function buildPopulations(read) {
	const [header, ...body] = parseCsv(read(POPULATION_FILE)).filter((r) => r.some((c) => c.trim()));
	const col = (name) => {
		const i = header.indexOf(name);
		if (i < 0) throw new Error(`population file: no "${name}" column`);
		return i;
	};
	const [codeIx, yearIx] = [col('code'), col('year')];
	const ages = header.map((h, i) => ({ h, i })).filter(({ h }) => /^Age \d+$|^Aged 90\+$/.test(h));
	if (ages.length !== 91) throw new Error(`population file: expected ages 0 to 90+, found ${ages.length} columns`);
	const adultAges = ages.filter(({ h }) => h === 'Aged 90+' || Number(h.slice(4)) >= 18);
	const region = regionsOfDistricts(parseCsv(read(`${WORKBOOK}1.csv`)));

	const totals = new Map(); // `${code}|${year}` → { all, adults, districts }
	const add = (code, year, all, adults) => {
		const t = totals.get(`${code}|${year}`) ?? { all: 0, adults: 0, districts: 0 };
		totals.set(`${code}|${year}`, { all: t.all + all, adults: t.adults + adults, districts: t.districts + 1 });
	};
	for (const r of body) {
		const code = r[codeIx].trim();
		const year = Number(r[yearIx]);
		if (!code.startsWith('E') || year < POPULATION_YEARS[0] || year > POPULATION_YEARS[1]) continue;
		const sum = (cols) =>
			cols.reduce((s, { h, i }) => {
				const v = cleanNumber(r[i]);
				if (v == null) throw new Error(`population file: ${code} ${year} ${h} is "${r[i]}"`);
				return s + v;
			}, 0);
		const [all, adults] = [sum(ages), sum(adultAges)];
		add(code, year, all, adults);
		add('E92000001', year, all, adults);
		const reg = region.get(code);
		if (!reg) throw new Error(`population file: district ${code} is in no region of the ONS workbook`);
		add(reg, year, all, adults);
	}
	for (const [year, expected] of Object.entries(ENGLAND_POPULATION)) {
		const got = totals.get(`E92000001|${year}`)?.all;
		if (got !== expected) throw new Error(`population file: England's districts sum to ${got} in ${year}, not ONS's ${expected}`);
	}
	const records = [];
	for (const [code, name] of AREAS)
		for (let year = POPULATION_YEARS[0]; year <= POPULATION_YEARS[1]; year++) {
			const t = totals.get(`${code}|${year}`);
			if (!t) throw new Error(`population file: no ${name} (${code}) in ${year}`);
			const sumNote = t.districts > 1 ? `; sum of its ${t.districts} local authority districts (the file has no ${name} row)` : '';
			for (const [metric, value, what] of [
				['population_all_ages', t.all, 'all ages'],
				['population_18plus', t.adults, 'aged 18 and over (ages 18 to 90+ summed)']
			])
				records.push({
					area_code: code,
					area_name: name,
					metric,
					period: String(year),
					kind: 'actual',
					value,
					unit: 'count',
					note: `mid-${year} estimate (30 June), ${what}${sumNote}`,
					source: POPULATION_SOURCE
				});
		}
	return records;
}

const VIEWIT_FILE = 'ndtms-viewit/viewit-england-numbers-in-treatment-by-ethnicity-2009-10-to-2021-22.csv';
/** ViewIt drug groups (any case) → the dashboard's cohorts; non-opiate is the sum of two groups. */
const DRUG_GROUPS = {
	total: 'adults',
	opiates: 'opiate',
	'non-opiates only': 'non_opiate',
	'alcohol & non-opiates': 'non_opiate',
	'alcohol only': 'alcohol'
};

export function buildTreatment(read) {
	const [header, ...body] = parseCsv(read(VIEWIT_FILE)).filter((r) => r.some((c) => c.trim()));
	const col = (name) => {
		const i = header.indexOf(name);
		if (i < 0) throw new Error(`ViewIt England file: no "${name}" column`);
		return i;
	};
	const [p, area, group, sex, age, n] = [
		'ReportingPeriod_Data',
		'Area_Data',
		'DrugGroup_Data',
		'Gender_Data',
		'AgeGroup_Data',
		'Num_InTreatment_AllInTx'
	].map(col);
	const cells = new Map(); // `${period}|${cohort}` → { value, groups }
	for (const r of body) {
		if (r[area].trim() !== 'England' || r[sex].trim().toLowerCase() !== 'total' || r[age].trim().toLowerCase() !== 'total') continue;
		const g = r[group].trim().toLowerCase();
		const cohort = DRUG_GROUPS[g];
		if (!cohort) throw new Error(`ViewIt England file: unknown drug group "${r[group]}"`);
		const value = cleanNumber(r[n]);
		if (value == null) throw new Error(`ViewIt England file: ${r[p]} ${r[group]} has no number in treatment`);
		const key = `${r[p].trim()}|${cohort}`;
		const c = cells.get(key) ?? { value: 0, groups: [] };
		cells.set(key, { value: c.value + value, groups: [...c.groups, `${g} ${value}`] });
	}
	const periods = [...new Set([...cells.keys()].map((k) => k.split('|')[0]))].sort();
	const records = [];
	for (const period of periods) {
		const get = (c) => cells.get(`${period}|${c}`)?.value;
		const parts = ['opiate', 'non_opiate', 'alcohol'].map(get);
		if (parts.some((v) => v == null) || parts.reduce((s, v) => s + v, 0) !== get('adults'))
			throw new Error(`ViewIt England file: ${period} drug groups do not add up to the total`);
		for (const cohort of ['adults', 'opiate', 'non_opiate', 'alcohol']) {
			const c = cells.get(`${period}|${cohort}`);
			records.push({
				area_code: 'E92000001',
				area_name: 'England',
				metric: 'numbers_in_treatment',
				cohort,
				period,
				kind: 'actual',
				value: c.value,
				unit: 'count',
				note:
					cohort === 'non_opiate'
						? `adults (18+) in treatment in the year; sum of ViewIt's drug groups ${c.groups.join(' + ')}`
						: 'adults (18+) in treatment in the year',
				source: 'NDTMS ViewIt, numbers in treatment in England by drug group, 2009/10 to 2021/22 (all sexes, all ages)'
			});
		}
	}
	return records;
}

const ALCOHOL_FILE = 'estimates/alcohol-dependent-adults-by-utla.csv';
/** Upper-tier areas the estimates cover; the former county of Northamptonshire is the CDP's area. */
const ALCOHOL_AREAS = {
	E92000001: ['E92000001', 'England', ''],
	E08000018: ['E08000018', 'Rotherham', ''],
	E06000035: ['E06000035', 'Medway', ''],
	E06000033: ['E06000033', 'Southend-on-Sea', ''],
	E10000021: [
		'northamptonshire',
		'Northamptonshire',
		'published for Northamptonshire county (E10000021), the area of the CDP (North and West Northamptonshire)'
	]
};

export function buildAlcohol(read) {
	const [header, ...body] = parseCsv(read(ALCOHOL_FILE)).filter((r) => r.some((c) => c.trim()));
	const col = (name) => {
		const i = header.indexOf(name);
		if (i < 0) throw new Error(`alcohol dependence file: no "${name}" column`);
		return i;
	};
	const [code, value, lower, upper, year] = ['Area_Code_GSS', 'Alcohol_dependent', 'Alcohol_lower_CI', 'Alcohol_upper_CI', 'Year'].map(col);
	const records = body
		.filter((r) => ALCOHOL_AREAS[r[code].trim()])
		.map((r) => {
			const [areaCode, name, where] = ALCOHOL_AREAS[r[code].trim()];
			const lo = cleanNumber(r[lower]);
			const hi = cleanNumber(r[upper]);
			const notes = [
				'modelled estimate of adults (18+) with alcohol dependence',
				lo == null ? 'no limits given in the file (NA)' : '95% limits as given',
				where
			];
			return {
				area_code: areaCode,
				area_name: name,
				metric: 'alcohol_dependent_adults',
				period: r[year].trim(),
				kind: 'actual',
				value: cleanNumber(r[value]),
				lower_ci: lo,
				upper_ci: hi,
				unit: 'count',
				note: notes.filter(Boolean).join('; '),
				source: 'PHE, Estimates of alcohol dependent adults in England, by upper-tier local authority'
			};
		})
		.sort((a, b) => a.area_code.localeCompare(b.area_code) || a.period.localeCompare(b.period));
	return records;
}

/** Rows of a figures CSV keyed as the app tells two figures apart (financial years in either spelling). */
function figureKeys(text) {
	const [header, ...body] = parseCsv(text).filter((r) => r.some((c) => c.trim()));
	const ix = (h) => header.indexOf(h);
	return body.map((r) =>
		['area_code', 'metric', 'cohort', 'category', 'period', 'kind']
			.map((h) => (h === 'period' ? r[ix(h)].trim().replace(/^(\d{4})\/(\d{2})$/, '$1-$2') : r[ix(h)].trim().toLowerCase()))
			.join('|')
	);
}

/**
 * Every output file by name. Published seed figures win (published first): a row that would give the same
 * figure as data/seed-figures.csv is an error to resolve by hand, not a silent duplicate.
 */
export function build(refDir = REFERENCE_DIR, seeds = readFileSync(join(repoRoot, 'data/seed-figures.csv'), 'utf8')) {
	const read = (rel) => readFileSync(join(refDir, rel), 'utf8');
	const files = {
		[OUTPUTS.deaths]: toCsv(buildDeaths(read)),
		[OUTPUTS.reference]: toCsv([...buildPopulations(read), ...buildTreatment(read), ...buildAlcohol(read)])
	};
	const seeded = new Set(figureKeys(seeds));
	for (const [name, text] of Object.entries(files)) {
		const clash = figureKeys(text).find((k) => seeded.has(k));
		if (clash) throw new Error(`${name}: ${clash} is already a seed figure (data/seed-figures.csv); keep the seed`);
	}
	return files;
}

/** The workbook rows the unit test reads (header block and the ten areas), copied byte for byte. */
export function fixtureRows(refDir = REFERENCE_DIR) {
	const out = {};
	for (const { table } of DEATH_TABLES) {
		const name = `2021localauthorities__Table_${table}.csv`;
		const lines = readFileSync(join(refDir, 'ons-deaths-2021', name), 'utf8').split(/\r?\n/);
		const hi = lines.findIndex((l) => l.startsWith('Area Codes,Area Names'));
		const keep = lines.filter((l, i) => i <= hi + 1 || AREAS.some(([code]) => l.startsWith(`${code},`)));
		out[name] = keep.join('\n') + '\n';
	}
	return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	for (const [name, text] of Object.entries(build())) {
		writeFileSync(join(repoRoot, 'data', name), text);
		console.log(`build-real-data: ${text.trim().split('\n').length - 1} rows → data/${name}`);
	}
	if (process.argv.includes('--fixtures')) {
		const dir = join(repoRoot, 'tests/fixtures/ons-2021');
		mkdirSync(dir, { recursive: true });
		for (const [name, text] of Object.entries(fixtureRows())) {
			writeFileSync(join(dir, name), text);
			console.log(`build-real-data: ${text.trim().split('\n').length} lines → tests/fixtures/ons-2021/${name}`);
		}
	}
}
