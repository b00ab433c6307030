#!/usr/bin/env node
/**
 * Converts the ONS "Deaths related to drug poisoning by local authority" extract (registrations 1993–2020,
 * wide layout: code,name,2020,2019,…,1993) into the project's figures long format (data/README.md).
 *
 *   node scripts/ons-to-figures.js [input.csv] [output.csv]
 *
 * Defaults: input  ../shared/reference/ons_drug_poisoning_deaths_registered_by_la_1993_2020.csv (beside the repo)
 *           output data/ons-drug-poisoning-deaths.csv
 * Plain Node ESM, no dependencies. A blank or non-numeric cell is written as a blank value with a note, never 0.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const input = resolve(process.argv[2] ?? resolve(repoRoot, '../shared/reference/ons_drug_poisoning_deaths_registered_by_la_1993_2020.csv'));
const output = resolve(process.argv[3] ?? resolve(repoRoot, 'data/ons-drug-poisoning-deaths.csv'));

const SOURCE = 'ONS deaths related to drug poisoning by local authority, registrations 1993–2020';
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

/** ONS's own spelling of the names the extract prints in capitals. */
const ONS_NAMES = {
	'ENGLAND AND WALES': 'England and Wales',
	ENGLAND: 'England',
	WALES: 'Wales',
	'NORTH EAST': 'North East',
	'NORTH WEST': 'North West',
	'YORKSHIRE AND THE HUMBER': 'Yorkshire and The Humber',
	'EAST MIDLANDS': 'East Midlands',
	'WEST MIDLANDS': 'West Midlands',
	EAST: 'East of England',
	'EAST OF ENGLAND': 'East of England',
	LONDON: 'London',
	'SOUTH EAST': 'South East',
	'SOUTH WEST': 'South West'
};
const SMALL_WORDS = new Set(['and', 'of', 'on', 'upon', 'in', 'the', 'with', 'under']);

export function areaName(raw) {
	const name = raw.trim().replace(/\s+/g, ' ');
	if (ONS_NAMES[name.toUpperCase()] && name === name.toUpperCase()) return ONS_NAMES[name.toUpperCase()];
	if (name !== name.toUpperCase()) return name; // already in ONS mixed case: keep as published
	// Fallback for other all-capital names: title case, small words lower case except the first.
	return name
		.toLowerCase()
		.split(' ')
		.map((w, i) => (i > 0 && SMALL_WORDS.has(w) ? w : w.replace(/(^|[-'(])([a-z])/g, (_, p, c) => p + c.toUpperCase())))
		.join(' ')
		.replace(/-(On|Upon|Under|In|The|Le)-/g, (m) => m.toLowerCase());
}

/** Minimal RFC 4180 parser: quoted fields, doubled quotes, CRLF/CR/LF, optional UTF-8 BOM. */
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
	return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

function csvField(v) {
	const s = v == null ? '' : String(v);
	return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function convert(text) {
	const [header, ...body] = parseCsv(text);
	const cols = header.map((h) => h.trim().toLowerCase());
	const codeIx = cols.indexOf('code');
	const nameIx = cols.indexOf('name');
	if (codeIx < 0 || nameIx < 0) throw new Error('ONS extract: expected "code" and "name" columns');
	const years = cols
		.map((c, i) => ({ year: c, i }))
		.filter((c) => /^\d{4}$/.test(c.year))
		.sort((a, b) => Number(a.year) - Number(b.year));
	if (!years.length) throw new Error('ONS extract: no year columns (1993, 1994, …) found');

	const out = [HEADER.join(',')];
	for (const r of body) {
		const code = (r[codeIx] ?? '').trim();
		if (!code) continue;
		const name = areaName(r[nameIx] ?? '');
		for (const { year, i } of years) {
			const raw = (r[i] ?? '').trim().replace(/,/g, '');
			const ok = /^\d+(\.\d+)?$/.test(raw);
			const note = ok ? '' : raw ? `not available (published as "${raw}")` : 'not available (blank in source)';
			const rec = {
				area_code: code,
				area_name: name,
				metric: 'drug_poisoning_deaths',
				period: year,
				kind: 'actual',
				value: ok ? String(Number(raw)) : '',
				unit: 'count',
				note,
				source: SOURCE
			};
			out.push(HEADER.map((h) => csvField(rec[h])).join(','));
		}
	}
	return out.join('\n') + '\n';
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const csv = convert(readFileSync(input, 'utf8'));
	writeFileSync(output, csv);
	console.log(`ons-to-figures: ${csv.trim().split('\n').length - 1} rows → ${output}`);
}
