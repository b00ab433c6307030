/**
 * Writing generated blocks to disk in chunks, exact row counts for --rows, and the calibration summary.
 */
import { AREAS, COHORTS, SUBSTANCES } from './config.js';
import { DATA_DAY, dayOf, fyLabel, fyStart } from './dates.js';
import { JOURNEY_HEADER, countJourneyBlock, generateJourneyBlock } from './journeys.js';
import { RELEASE_HEADER, countReleaseBlock, generateReleaseBlock } from './releases.js';
import { stream } from './rng.js';
import { CsvWriter } from './writer.js';

export const KINDS = {
	journeys: { header: JOURNEY_HEADER, count: countJourneyBlock, generate: generateJourneyBlock },
	releases: { header: RELEASE_HEADER, count: countReleaseBlock, generate: generateReleaseBlock }
};

/**
 * Plans the blocks (area × replica × scale) for a file. Without rows: the calibrated default (replica 0 of every
 * area at scale 1). With rows ≥ the default volume: replica 0 stays calibrated and further replicas of the same
 * areas (own random streams) add volume, the last one scaled down; rows < default: one replica scaled down.
 * Extra rows are removed by exact sequential sampling over the "thinnable" blocks (never replica 0 when rows ≥
 * default), so the file has exactly `rows` data rows.
 */
export function planBlocks(kind, seed, rows) {
	const { count } = KINDS[kind];
	const areaIdx = AREAS.map((_, i) => i);
	const base = areaIdx.map((a) => ({ area: a, replica: 0, scale: 1, thin: false, rows: count(seed, a, 0, 1) }));
	const defaultRows = base.reduce((s, b) => s + b.rows, 0);
	if (rows == null || rows === defaultRows) return { blocks: base, total: defaultRows, keepRows: defaultRows };
	if (rows < defaultRows) {
		let scale = Math.max(1e-4, (rows / defaultRows) * 1.02);
		for (;;) {
			const blocks = areaIdx.map((a) => ({ area: a, replica: 0, scale, thin: true, rows: count(seed, a, 0, scale) }));
			const total = blocks.reduce((s, b) => s + b.rows, 0);
			if (total >= rows) return { blocks, total, keepRows: rows };
			scale *= 1.1;
		}
	}
	const blocks = base.slice();
	let total = defaultRows;
	let replica = 1;
	while (total + defaultRows <= rows) {
		for (const a of areaIdx) {
			const r = count(seed, a, replica, 1);
			blocks.push({ area: a, replica, scale: 1, thin: true, rows: r });
			total += r;
		}
		replica++;
	}
	if (total < rows) {
		let scale = Math.max(0.02, ((rows - total) / defaultRows) * 1.03);
		for (;;) {
			const extra = areaIdx.map((a) => ({ area: a, replica, scale, thin: true, rows: count(seed, a, replica, scale) }));
			const extraRows = extra.reduce((s, b) => s + b.rows, 0);
			if (total + extraRows >= rows) {
				blocks.push(...extra);
				total += extraRows;
				break;
			}
			scale *= 1.1;
		}
	}
	return { blocks, total, keepRows: rows };
}

/** Writes a file of the given kind; returns { rows, bytes, stats }. */
export function writeKind(kind, seed, path, rows, withStats) {
	const { header, generate } = KINDS[kind];
	const plan = planBlocks(kind, seed, rows);
	const thinnable = plan.blocks.filter((b) => b.thin).reduce((s, b) => s + b.rows, 0);
	let thinLeft = thinnable;
	let keepLeft = thinnable - (plan.total - plan.keepRows);
	const thinRng = stream(seed, 'thin', kind);
	const keepAll = () => true;
	const keepSome = () => {
		const keepIt = thinRng() * thinLeft < keepLeft;
		thinLeft--;
		if (keepIt) keepLeft--;
		return keepIt;
	};
	const stats = withStats ? (kind === 'journeys' ? new JourneyStats() : new ReleaseStats()) : null;
	const writer = new CsvWriter(path);
	try {
		writer.line(header);
		const ids = { client: 100000, episode: kind === 'journeys' ? 1000000 : 100000 };
		for (const b of plan.blocks) generate(seed, b.area, b.replica, b.scale, ids, b.thin ? keepSome : keepAll, writer, stats);
		writer.close();
	} catch (err) {
		writer.abort();
		throw err;
	}
	const written = writer.rows;
	if (rows != null && written !== rows) throw new Error(`wrote ${written} rows, wanted ${rows}`);
	return { rows: written, bytes: writer.bytes, stats };
}

const FYS = [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024];
const FY_BOUNDS = FYS.map((fy) => [fyStart(fy), dayOf(fy + 1, 3, 31)]);

/** Rank of each substance index in the order that picks a person's group (data/README.md): opiate_crack first. */
const PRIORITY = [1, 0, 2, 4, 3, 5];
const BY_RANK = [1, 0, 2, 4, 3, 5];
const monthIndex = (day) => {
	const d = new Date(day * 86400000);
	return d.getUTCFullYear() * 12 + d.getUTCMonth();
};

/**
 * Counts PEOPLE per area × financial year, as the dashboard does: adults in treatment (each once, in the best-ranked
 * substance group of their journeys that year), young people, new presentations (spells starting), people starting
 * residential rehab, deaths in treatment. Rows arrive in triage order within each area.
 */
class JourneyStats {
	constructor() {
		this.areas = new Map();
	}
	get(la) {
		let s = this.areas.get(la);
		if (!s) {
			const z = () => FYS.map(() => 0);
			s = {
				best: FYS.map(() => new Map()),
				yp: FYS.map(() => new Set()),
				rehab: FYS.map(() => new Set()),
				fresh: z(),
				deaths: z(),
				lastEnd: new Map()
			};
			this.areas.set(la, s);
		}
		return s;
	}
	add(la, client, age, substance, triage, disch, reason, rehab) {
		const s = this.get(la);
		const open = disch > DATA_DAY;
		const young = age < 18;
		const key = young ? -client : client;
		const previous = s.lastEnd.get(key);
		const end = open ? Infinity : disch;
		const startsSpell = previous === undefined || (previous !== Infinity && monthIndex(triage) - monthIndex(previous) >= 12);
		s.lastEnd.set(key, previous === undefined ? end : Math.max(previous, end));
		for (let f = 0; f < FYS.length; f++) {
			const [from, to] = FY_BOUNDS[f];
			if (triage > to || (!open && disch < from)) continue;
			if (young) {
				s.yp[f].add(client);
				continue;
			}
			const rank = PRIORITY[substance];
			if (!(s.best[f].get(client) <= rank)) s.best[f].set(client, rank);
			if (triage >= from && startsSpell) s.fresh[f]++;
			if (rehab >= from && rehab <= to) s.rehab[f].add(client);
			if (!open && reason === 9 && disch <= to) s.deaths[f]++;
		}
	}
	/** People per financial year: adults, by substance index, young people, new presentations, rehab, deaths. */
	people(la) {
		const s = this.areas.get(la);
		if (!s) return null;
		const cohort = SUBSTANCES.map(() => FYS.map(() => 0));
		FYS.forEach((_, f) => {
			for (const rank of s.best[f].values()) cohort[BY_RANK[rank]][f]++;
		});
		return {
			adults: s.best.map((m) => m.size),
			cohort,
			yp: s.yp.map((x) => x.size),
			fresh: s.fresh,
			rehab: s.rehab.map((x) => x.size),
			deaths: s.deaths
		};
	}
	table() {
		const name = (la) => AREAS.find((a) => a.code === la)?.name ?? la;
		const fys = FYS.slice(1);
		const head = ['people', ...fys.map((fy) => (fy === 2024 ? '2024-25*' : fyLabel(fy)))];
		const lines = [];
		const row = (label, values) => lines.push([label, ...values.slice(1).map(String)]);
		const all = [...this.areas.keys()].map((la) => this.people(la));
		const sum = (key) => FYS.map((_, f) => all.reduce((t, p) => t + p[key][f], 0));
		for (const la of this.areas.keys()) row(`${name(la)} adults`, this.people(la).adults);
		const nn = this.people('E06000061');
		const wn = this.people('E06000062');
		if (nn && wn)
			row(
				'Northamptonshire adults',
				FYS.map((_, f) => nn.adults[f] + wn.adults[f])
			);
		const ro = this.people('E08000018');
		if (ro) {
			row(
				'Rotherham opiate',
				FYS.map((_, f) => ro.cohort[0][f] + ro.cohort[1][f])
			);
			row(
				'Rotherham non-opiate',
				FYS.map((_, f) => ro.cohort[2][f] + ro.cohort[3][f] + ro.cohort[4][f])
			);
			row('Rotherham alcohol', ro.cohort[5]);
			row('Rotherham young people', ro.yp);
			row('Rotherham rehab starts', ro.rehab);
		}
		const me = this.people('E06000035');
		if (me) {
			row('Medway new presentations', me.fresh);
			for (let c = 0; c < COHORTS - 1; c++) row(`Medway ${SUBSTANCES[c]}`, me.cohort[c]);
		}
		row('All adults: deaths in treatment', sum('deaths'));
		row('All adults: rehab starts', sum('rehab'));
		return formatTable(head, lines) + '\n* 2024-25 to the data date (30 September 2024) only.';
	}
}

/** Continuity of care per area × financial year. */
class ReleaseStats {
	constructor() {
		this.areas = new Map();
	}
	add(la, day, need, contact) {
		let s = this.areas.get(la);
		if (!s) this.areas.set(la, (s = { need: FYS.map(() => 0), engaged: FYS.map(() => 0) }));
		if (!need) return;
		const f = FYS.findIndex((_, i) => day >= FY_BOUNDS[i][0] && day <= FY_BOUNDS[i][1]);
		s.need[f]++;
		if (contact >= day && contact - day <= 21) s.engaged[f]++;
	}
	table() {
		const name = (la) => AREAS.find((a) => a.code === la)?.name ?? la;
		const fys = FYS.slice(3);
		const head = ['area (releases with need, % engaged ≤21d)', ...fys.map((fy) => (fy === 2024 ? '2024-25*' : fyLabel(fy)))];
		const lines = [];
		for (const [la, s] of this.areas)
			lines.push([
				name(la),
				...fys.map((fy) => {
					const f = FYS.indexOf(fy);
					return `${s.need[f]} ${((100 * s.engaged[f]) / Math.max(1, s.need[f])).toFixed(0)}%`;
				})
			]);
		return formatTable(head, lines) + '\n* April–September 2024.';
	}
}

function formatTable(head, lines) {
	const rows = [head, ...lines];
	const widths = head.map((_, i) => Math.max(...rows.map((r) => r[i].length)));
	return rows.map((r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ')).join('\n');
}
