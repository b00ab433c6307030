/**
 * Fuzz: seeded, repeatable mutations of small valid files of each kind (byte flips, truncated lines and files,
 * swapped columns, deleted and duplicated lines, inserted quotes, delimiters, line breaks and raw bytes, other
 * line endings and encodings, nasty values), each through `ingestFile` into one database that holds a good
 * file of every kind. The contract, for every input:
 * - either a report (rows loaded ≥ 1, every listed line ≥ 1, counts matching what was stored), or an
 *   IngestError naming the file; never any other exception;
 * - the good files are untouched and no staging table is left behind.
 * Set FUZZ_SEED / FUZZ_CASES to explore further; a failure prints the seed and the case number to replay.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openEmptyDb } from '../../src/lib/data/node-defaults';
import { forgetFile, ingestFile, IngestError, type ValidationReport } from '../../src/lib/data/ingest';
import type { Db } from '../../src/lib/data/db';

const SEED = Number(process.env.FUZZ_SEED ?? 20240331);
const CASES = Number(process.env.FUZZ_CASES ?? 1200);

function mulberry32(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const FT =
	'Indicator ID,Indicator Name,Parent Code,Parent Name,Area Code,Area Name,Area Type,Sex,Age,Category Type,Category,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Count,Denominator,Value note,Recent Trend,Compared to England value or percentiles,Compared to Counties & UAs (from Apr 2021) value or percentiles,Time period Sortable,New data,Compared to goal,Time period range';

/** Small valid files, one per kind, each exercising a few accepted variants. */
const BASES: Record<string, string> = {
	journeys: [
		'CLIENTID,EPISODID,LA,AGE,SEX,SUBSTANCE,REFLD,RFLS,TRIAGED,DISD,DISRSN,RESRHBST',
		'F1,J1,E08000018,34,M,opiate_crack,2023-04-01,4,2023-04-10,2023-12-01,2,',
		'F2,J2,E06000035,41,F,Alcohol only,02/05/2023,Prison,09/05/2023,,,',
		'F3,J3,E06000033,29,M,3,2023-06-03,13,45100,2024-01-15,9,2023-08-01',
		'F4,J4,E06000061,52,F,non_opiate_alcohol,,,2023-07-14,,,'
	].join('\n'),
	releases: [
		'RELEASE_ID,CLIENTID,LA,RELEASE_DATE,TREATMENT_NEED,FIRST_CONTACT_DATE',
		'R1,P1,E08000018,2023-05-01,Y,2023-05-10',
		'R2,P2,E06000035,11/06/2023,N,',
		'R3,P3,E06000033,2023-07-21,yes,2023-09-01',
		'R4,P4,E06000062,45200,1,'
	].join('\n'),
	figures: [
		'area_code,area_name,metric,cohort,category,period,kind,value,numerator,denominator,lower_ci,upper_ci,unit,note,source',
		'E08000018,Rotherham,numbers_in_treatment,adults,,2021-22,baseline,1957,,,,,count,,Fuzz base',
		'E06000035,"Medway, Kent",continuity_of_care,,,2023-24,actual,50%,,,,,percent,"note, with ""quotes""",Fuzz base',
		'E06000033,Southend-on-Sea,rehab_starts,,,2022-23,actual,*,,,,,count,,Fuzz base',
		'northamptonshire,Northamptonshire,investment,,Total,2022/23,planned,"£1,250,000",,,,,gbp,,Fuzz base'
	].join('\n'),
	fingertips: [
		FT,
		'92432,Deaths from drug misuse,,,E92000001,England,England,Persons,All ages,,,2019 - 21,5.0396,4.9,5.1,4.8,5.2,8370,165000000,,,Not compared,Not compared,20190000,,,3y',
		'92432,Deaths from drug misuse,E12000001,North East,E06000010,"Kingston upon Hull, City of",UA,Persons,All ages,,,2019 - 21,14.5,12.3,17.0,11.4,18.2,115,780000,,,Worse,Worse,20190000,,,3y',
		'92432,Deaths from drug misuse,E12000008,South East,E06000035,Medway,UA,Persons,All ages,,,2019 - 21,,,,,,,830000,Value suppressed,,Not compared,Not compared,20190000,,,3y',
		'91380,Alcohol-specific mortality,E12000006,East,E06000033,Southend-on-Sea,UA,Persons,All ages,Deprivation deciles,Most deprived decile,2021,15.2,12.0,19.0,11.0,20.5,28,180000,,,Worse,Worse,20210000,New data,,1y'
	].join('\n')
};
const KINDS = Object.keys(BASES);

const NASTY = ['', ' ', '*', 'x', '..', '-', '-1', '0', '1e309', 'NaN', 'Infinity', '31/02/2024', '2024-13-45', '99999', '=1+1', "'", '"', '""', '\\', '🏥', '£', '–', 'é', '\u0000', '\u2028', 'x'.repeat(2000), '1,234.5', '12,5', '50%', 'NULL', 'true', 'E99999999', 'DROP TABLE figures', '<b>x</b>'];

type Rand = () => number;
const pick = <T,>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const int = (r: Rand, n: number) => Math.floor(r() * n);

/** Text-level mutations: each returns new text. */
const TEXT_MUTATIONS: Record<string, (t: string, r: Rand) => string> = {
	truncateLine(t, r) {
		const lines = t.split('\n');
		const i = int(r, lines.length);
		lines[i] = lines[i].slice(0, int(r, lines[i].length + 1));
		return lines.join('\n');
	},
	truncateFile: (t, r) => t.slice(0, int(r, t.length + 1)),
	swapColumns(t, r) {
		const lines = t.split('\n');
		const n = lines[0].split(',').length;
		const [a, b] = [int(r, n), int(r, n)];
		const which = int(r, 3); // 0: header only, 1: data only, 2: all
		return lines
			.map((l, i) => {
				if ((which === 0 && i > 0) || (which === 1 && i === 0)) return l;
				const f = l.split(',');
				[f[a], f[b]] = [f[b], f[a]];
				return f.join(',');
			})
			.join('\n');
	},
	deleteLine(t, r) {
		const lines = t.split('\n');
		lines.splice(int(r, lines.length), 1);
		return lines.join('\n');
	},
	duplicateLine(t, r) {
		const lines = t.split('\n');
		const i = int(r, lines.length);
		lines.splice(int(r, lines.length + 1), 0, lines[i]);
		return lines.join('\n');
	},
	insertQuote(t, r) {
		const i = int(r, t.length + 1);
		return t.slice(0, i) + pick(r, ['"', '""', '"""', "'"]) + t.slice(i);
	},
	insertDelimiter(t, r) {
		const i = int(r, t.length + 1);
		return t.slice(0, i) + pick(r, [',', ';', '\t', '|', ',,']) + t.slice(i);
	},
	insertLineBreak(t, r) {
		const i = int(r, t.length + 1);
		return t.slice(0, i) + pick(r, ['\n', '\r', '\r\n', '\n\n']) + t.slice(i);
	},
	nastyValue(t, r) {
		const lines = t.split('\n');
		const i = 1 + int(r, Math.max(1, lines.length - 1));
		if (!lines[i]) return t;
		const f = lines[i].split(',');
		f[int(r, f.length)] = pick(r, NASTY);
		lines[i] = f.join(',');
		return lines.join('\n');
	},
	blankField(t, r) {
		const lines = t.split('\n');
		const i = int(r, lines.length);
		const f = lines[i].split(',');
		f[int(r, f.length)] = '';
		lines[i] = f.join(',');
		return lines.join('\n');
	},
	raggedRow(t, r) {
		const lines = t.split('\n');
		const i = 1 + int(r, Math.max(1, lines.length - 1));
		if (!lines[i]) return t;
		const f = lines[i].split(',');
		lines[i] = r() < 0.5 ? f.slice(0, int(r, f.length)).join(',') : [...f, ...Array(1 + int(r, 3)).fill('extra')].join(',');
		return lines.join('\n');
	},
	lineEndings(t, r) {
		const style = int(r, 3);
		if (style === 0) return t.replace(/\n/g, '\r\n');
		if (style === 1) return t.replace(/\n/g, '\r');
		return t.replace(/\n/g, () => pick(r, ['\n', '\r\n', '\r']));
	},
	changeDelimiter: (t, r) => t.replace(/,/g, pick(r, [';', '\t', '|'])),
	headerCase: (t, r) => t.replace(/^[^\n]*/, (h) => (r() < 0.5 ? h.toUpperCase() : h.toLowerCase().replace(/_/g, ' '))),
	trailingNewlines: (t, r) => t + pick(r, ['\n', '\r\n', '\n\n\n', '\r\n\r\n', ' \n'])
};

/** Byte-level mutations, applied after encoding. */
const BYTE_MUTATIONS: Record<string, (b: Uint8Array, r: Rand) => Uint8Array> = {
	flipBytes(b, r) {
		const out = b.slice();
		for (let k = 0, n = 1 + int(r, 5); k < n && out.length; k++) out[int(r, out.length)] ^= 1 << int(r, 8);
		return out;
	},
	randomBytes(b, r) {
		const i = int(r, b.length + 1);
		const junk = Uint8Array.from({ length: 1 + int(r, 8) }, () => pick(r, [0x00, 0xff, 0xfe, 0xef, 0xbb, 0xbf, 0x80, 0x96, 0xa3, 0xc3, 0x0d, 0x0a, 0x22, 0x2c, int(r, 256)]));
		return new Uint8Array([...b.subarray(0, i), ...junk, ...b.subarray(i)]);
	},
	cutBytes: (b, r) => b.slice(0, int(r, b.length + 1))
};

const CP1252: Record<string, number> = { '£': 0xa3, '–': 0x96, é: 0xe9, '€': 0x80 };
function encode(text: string, r: Rand): { bytes: Uint8Array; encoding: string } {
	const utf8 = new TextEncoder().encode(text);
	const encoding = pick(r, ['utf-8', 'utf-8', 'utf-8', 'utf-8-bom', 'utf-16le', 'utf-16le-nobom', 'utf-16be', 'windows-1252', 'one-line-1252']);
	const utf16 = (bom: boolean, be: boolean) => {
		const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
		let o = 0;
		if (bom) out.set(be ? [0xfe, 0xff] : [0xff, 0xfe], (o += 2) - 2);
		for (let i = 0; i < text.length; i++, o += 2) {
			const c = text.charCodeAt(i);
			out[be ? o + 1 : o] = c & 0xff;
			out[be ? o : o + 1] = c >> 8;
		}
		return out;
	};
	const cp1252 = (s: string) => Uint8Array.from([...s].map((ch) => CP1252[ch] ?? (ch.charCodeAt(0) < 256 ? ch.charCodeAt(0) : 0x3f)));
	switch (encoding) {
		case 'utf-8-bom':
			return { bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]), encoding };
		case 'utf-16le':
			return { bytes: utf16(true, false), encoding };
		case 'utf-16le-nobom':
			return { bytes: utf16(false, false), encoding };
		case 'utf-16be':
			return { bytes: utf16(true, true), encoding };
		case 'windows-1252':
			return { bytes: cp1252(text), encoding };
		case 'one-line-1252': {
			// UTF-8 everywhere but one line, which Excel saved as Windows-1252.
			const lines = text.split('\n');
			const i = int(r, lines.length);
			lines[i] += ' £5 – café';
			return { bytes: new Uint8Array(lines.flatMap((l, j) => [...(j === i ? cp1252(l) : new TextEncoder().encode(l)), ...(j < lines.length - 1 ? [10] : [])])), encoding };
		}
		default:
			return { bytes: utf8, encoding };
	}
}

export interface FuzzCase {
	n: number;
	kind: string;
	mutations: string[];
	encoding: string;
	bytes: Uint8Array;
}

/** The n-th case of a seed: the same bytes on every run. */
export function makeCase(seed: number, n: number): FuzzCase {
	const r = mulberry32(seed * 1_000_003 + n);
	const kind = KINDS[n % KINDS.length];
	let text = BASES[kind];
	const mutations: string[] = [];
	const textNames = Object.keys(TEXT_MUTATIONS);
	for (let k = 0, count = 1 + int(r, 3); k < count; k++) {
		const m = pick(r, textNames);
		text = TEXT_MUTATIONS[m](text, r);
		mutations.push(m);
	}
	const { bytes: encoded, encoding } = encode(text, r);
	let bytes = encoded;
	if (r() < 0.35) {
		const m = pick(r, Object.keys(BYTE_MUTATIONS));
		bytes = BYTE_MUTATIONS[m](bytes, r);
		mutations.push(m);
	}
	return { n, kind, mutations, encoding, bytes };
}

let db: Db;
let baseline: unknown;
const GOOD_IDS = [1, 2, 3, 4];
const stats = {
	cases: 0,
	reports: 0,
	errors: 0,
	byKind: {} as Record<string, { loaded: number; loaded_with_warnings: number; rejected: number }>,
	problems: new Map<string, number>()
};

/** One query: the good files' rows (count and hash per table and file), stored counts of `id`, leftover temp tables. */
async function state(id: number) {
	const part = (t: string) =>
		`(SELECT list({'f': file_id, 'n': n, 'h': h} ORDER BY file_id) FROM (SELECT file_id, count(*) AS n, bit_xor(hash(${t})) AS h FROM ${t} WHERE file_id IN (${GOOD_IDS}) GROUP BY file_id))`;
	const [row] = await db.query<Record<string, unknown>>(
		`SELECT ${part('figures')}::VARCHAR AS figures, ${part('journeys')}::VARCHAR AS journeys, ${part('releases')}::VARCHAR AS releases,
			(SELECT string_agg(file_id || ':' || rows_loaded || ':' || rows_rejected, ',' ORDER BY file_id) FROM files WHERE file_id IN (${GOOD_IDS})) AS files,
			(SELECT count(*) FROM figures WHERE file_id = ${id}) + (SELECT count(*) FROM journeys WHERE file_id = ${id}) + (SELECT count(*) FROM releases WHERE file_id = ${id}) AS stored,
			(SELECT string_agg(rows_loaded || ':' || rows_rejected) FROM files WHERE file_id = ${id}) AS stored_file,
			(SELECT count(*) FROM duckdb_tables() WHERE temporary) AS temp_tables`
	);
	const { stored, stored_file, temp_tables, ...good } = row;
	return { good, stored: Number(stored), storedFile: stored_file as string | null, tempTables: Number(temp_tables) };
}

beforeAll(async () => {
	db = await openEmptyDb();
	let id = 1;
	for (const kind of KINDS) {
		const r = await ingestFile(db, { fileId: id++, name: `good-${kind}.csv`, bytes: new TextEncoder().encode(BASES[kind] + '\n') });
		expect(r.rowsRejected).toBe(0);
	}
	baseline = (await state(0)).good;
}, 60_000);

afterAll(async () => {
	const top = [...stats.problems].sort((a, b) => b[1] - a[1]).slice(0, 8);
	console.log(
		`fuzz (seed ${SEED}): ${stats.cases} cases run; ${stats.reports} reports, ${stats.errors} IngestErrors; by kind: ` +
			Object.entries(stats.byKind)
				.map(([k, o]) => `${k} loaded ${o.loaded} / with warnings ${o.loaded_with_warnings} / rejected ${o.rejected}`)
				.join('; ') +
			`\n  most common refusals: ${top.map(([p, n]) => `${n}× ${p}`).join(' | ')}`
	);
	await db?.close();
});

test(`${CASES} seeded mutations keep the ingest contract`, async () => {
	expect(CASES).toBeGreaterThanOrEqual(1000);
	const started = Date.now();
	for (let n = 0; n < CASES; n++) {
		const c = makeCase(SEED, n);
		const id = 1000 + n;
		const name = `fuzz-${n}-${c.kind}.csv`;
		const where = `seed ${SEED} case ${n} (${c.kind}; ${c.mutations.join(', ')}; ${c.encoding})`;
		let report: ValidationReport | undefined;
		try {
			report = await ingestFile(db, { fileId: id, name, bytes: c.bytes });
		} catch (e) {
			if (!(e instanceof IngestError)) throw new Error(`${where}: ${(e as Error)?.name}: ${(e as Error)?.message}`);
			expect(e.fileName, where).toBe(name);
			expect(e.message.startsWith(`${name}`), where).toBe(true);
			if (e.line != null) expect(Number.isInteger(e.line) && e.line >= 1, where).toBe(true);
			const p = e.problem.replace(/"[^"]*"/g, '"…"').replace(/\d[\d,]*/g, 'N').slice(0, 70);
			stats.problems.set(p, (stats.problems.get(p) ?? 0) + 1);
		}
		const s = await state(id);
		expect(s.good, `${where}: the good files changed`).toEqual(baseline);
		expect(s.tempTables, `${where}: staging tables left behind`).toBe(0);
		stats.cases++;
		const tally = (stats.byKind[report?.kind ?? 'none'] ??= { loaded: 0, loaded_with_warnings: 0, rejected: 0 });
		if (report) {
			stats.reports++;
			expect(report.rowsLoaded, where).toBeGreaterThanOrEqual(1);
			expect(report.rowsRejected, where).toBeGreaterThanOrEqual(0);
			expect(report.rejects.length, where).toBeLessThanOrEqual(report.rowsRejected);
			for (const p of [...report.rejects, ...report.warnings]) expect(Number.isInteger(p.line) && p.line >= 1, `${where}: line ${p.line}`).toBe(true);
			expect(s.stored, where).toBe(report.rowsLoaded);
			expect(s.storedFile, where).toBe(`${report.rowsLoaded}:${report.rowsRejected}`);
			tally[report.rowsRejected || report.warnings.length ? 'loaded_with_warnings' : 'loaded']++;
			// Every 50th loaded case is forgotten again, which must not touch the good files either.
			if (n % 50 === 0) {
				await forgetFile(db, id);
				const after = await state(id);
				expect([after.stored, after.storedFile], where).toEqual([0, null]);
				expect(after.good, where).toEqual(baseline);
			}
		} else {
			stats.errors++;
			tally.rejected++;
			expect([s.stored, s.storedFile], `${where}: a refused file left rows`).toEqual([0, null]);
		}
	}
	console.log(`fuzz: ${CASES} cases in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}, 300_000);
