/**
 * NDTMS-style treatment journeys for one area (a "block"; large files repeat the areas as further blocks).
 *
 * How the counts are calibrated: for every cohort (6 adult substance groups + young people) the generator steers
 * the rolling 12-month count of people in treatment, R(k) = journeys triaged on or before the end of month k and
 * not discharged before the start of month k-11. Since R(k) = R(k-1) + starts(k) - discharges(k-12), the number of
 * new journeys triaged in month k is chosen as target(k) - R(k-1) + discharges(k-12). Targets are set at each
 * March (the financial-year count of adults in treatment) and interpolated monthly, so the financial-year counts
 * hit the calibration exactly while journey lengths, dates and everything else are random.
 * A stock of journeys already open on 1 April 2015 (triaged earlier, in a steady state) keeps the early years
 * from being artificially low.
 */
import {
	AGES,
	AREAS,
	COHORTS,
	DEATH_HAZARD,
	DURATIONS,
	MALE,
	MIN_DAYS,
	REASONS,
	REFERRALS,
	REHAB_WEIGHT,
	QUICK_DAYS,
	QUICK_RETURN,
	REPRESENT,
	CALIBRATION_ROUNDS,
	DEFAULT_SEED,
	SUBSTANCES,
	TARGET_FYS,
	YP,
	YP_AGES,
	YP_SUBSTANCES
} from './config.js';
import { DATA_DAY, LAST_MONTH, SIM_START, dayOf, fyEnd, fyStart, marchOf, monthOf, monthStart, weekday } from './dates.js';
import { exponential, normal, pick, stream, table } from './rng.js';
import { bytes } from './writer.js';

export const JOURNEY_HEADER = 'CLIENTID,EPISODID,LA,AGE,SEX,SUBSTANCE,REFLD,RFLS,TRIAGED,DISD,DISRSN,RESRHBST,synthetic';

/** Oldest triage date given to the opening stock (journeys open on 1 April 2015). */
const STOCK_EARLIEST = dayOf(2007, 4, 1);

const REFERRAL_TABLES = {
	opiate: table(REFERRALS.opiate),
	nonOpiate: table(REFERRALS.nonOpiate),
	alcohol: table(REFERRALS.alcohol),
	young: table(REFERRALS.young)
};
const REASON_TABLES = {
	short: table(REASONS.short),
	opiate: table(REASONS.opiate),
	nonOpiate: table(REASONS.nonOpiate),
	alcohol: table(REASONS.alcohol),
	young: table(REASONS.young)
};
const YP_SUBSTANCE_TABLE = table(YP_SUBSTANCES);
const SUBSTANCE_BYTES = SUBSTANCES.map(bytes);
const TRUE_BYTES = bytes('true');
const M = 77;
const F = 70;
const YP_AGE_TABLE = table(YP_AGES);

/** opiate / nonOpiate / alcohol / young, by substance index (0–5) or YP. */
function family(substance, young) {
	if (young) return 'young';
	if (substance <= 1) return 'opiate';
	if (substance === 5) return 'alcohol';
	return 'nonOpiate';
}

/** Splits a total into integer parts by shares, keeping the total (largest remainder). */
function apportion(total, shares) {
	const sum = shares.reduce((a, b) => a + b, 0);
	const raw = shares.map((s) => (total * s) / sum);
	const parts = raw.map(Math.floor);
	let left = Math.round(total) - parts.reduce((a, b) => a + b, 0);
	const order = raw.map((r, i) => [r - Math.floor(r), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
	for (let i = 0; left > 0 && i < order.length; i++, left--) parts[order[i][1]]++;
	return parts;
}

/** Full-year adults in treatment by substance (6 values) for each TARGET_FYS entry. */
export function adultTargets(area) {
	const base2021 = area.shares2021 ?? area.exact?.[2021] ?? area.exact?.[2022];
	return TARGET_FYS.map((fy, i) => {
		if (area.exact?.[fy]) return area.exact[fy].slice();
		const t = fy >= 2021 ? 1 : (fy - 2016) / 5;
		const shares = area.shares2016.map((s, j) => s + t * (base2021[j] / sumOf(base2021) - s));
		return apportion(area.totals[i], shares);
	});
}

function sumOf(values) {
	return values.reduce((a, b) => a + b, 0);
}

/** Monthly target knots [k, value] for each cohort (unscaled). */
export function cohortKnots(area) {
	const adults = adultTargets(area);
	const knots = [];
	for (let c = 0; c < COHORTS; c++) {
		const list = TARGET_FYS.map((fy, i) => [marchOf(fy), c === YP ? area.yp[i] : adults[i][c]]);
		if (area.knots && c !== YP) {
			const base = adults[TARGET_FYS.indexOf(2023)][c];
			const cut = Math.min(...area.knots.map((kn) => kn.k));
			const kept = list.filter(([k]) => k < cut && k <= marchOf(2022));
			for (const kn of area.knots) kept.push([kn.k, base * kn.ratio]);
			knots.push(kept);
		} else knots.push(list);
	}
	return knots;
}

/** Linear interpolation along knots; before the first knot, from (k0, v0). */
function interpolate(knots, k, k0, v0) {
	let prevK = k0;
	let prevV = v0;
	for (const [kk, vv] of knots) {
		if (k <= kk) return prevV + ((vv - prevV) * (k - prevK)) / (kk - prevK);
		prevK = kk;
		prevV = vv;
	}
	return prevV;
}

/**
 * Simulates one cohort's journeys. Pushes triage and discharge day numbers (discharge may lie after the data
 * date: still open) onto out, unless out is null (count only). Returns the number of journeys.
 */
function simulateCohort(rng, cohort, knots, scale, area, transitionShift, out) {
	const durationFactor = area.durationFactor;
	const shift = cohort === YP ? null : transitionShift;
	const cands = [];
	const comps = DURATIONS[cohort].map(([w, years]) => [w, years * 365 * durationFactor]);
	const cumulative = [];
	let acc = 0;
	for (const [w] of comps) cumulative.push((acc += w));
	const meanDays = MIN_DAYS + comps.reduce((s, [w, m]) => s + w * m, 0);
	const firstTarget = knots[0][1] * scale;
	const startsPerYear = firstTarget / (1 + meanDays / 365);
	const dis = new Int32Array(LAST_MONTH + 1);
	let n = 0;

	const drawDuration = () => {
		const u = rng() * acc;
		let i = 0;
		while (i < cumulative.length - 1 && u >= cumulative[i]) i++;
		return MIN_DAYS + Math.floor(exponential(rng, comps[i][1]));
	};
	const add = (triage, disch) => {
		if (shift && triage <= shift.to && disch > shift.to) cands.push(out ? out.triage.length : -1, triage, disch);
		n++;
		if (disch <= DATA_DAY) dis[monthOf(disch)]++;
		if (out) {
			out.triage.push(triage);
			out.disch.push(disch);
			out.cohort.push(cohort);
		}
	};

	// Opening stock on 1 April 2015: journeys in a steady state, each component in proportion to its mean length.
	for (const [w, m] of comps) {
		const count = Math.round((startsPerYear * w * (m + MIN_DAYS)) / 365);
		for (let j = 0; j < count; j++) {
			let elapsed = Math.floor(exponential(rng, m));
			for (let tries = 0; SIM_START - 1 - elapsed < STOCK_EARLIEST && tries < 8; tries++) elapsed = Math.floor(exponential(rng, m));
			const triage =
				SIM_START - 1 - elapsed >= STOCK_EARLIEST
					? SIM_START - 1 - elapsed
					: STOCK_EARLIEST + Math.floor(rng() * (SIM_START - STOCK_EARLIEST));
			add(triage, SIM_START + Math.floor(exponential(rng, m)));
		}
	}
	let R = n;
	let r11 = 0;
	let carry = 0;
	for (let k = 0; k <= LAST_MONTH; k++) {
		let starts;
		if (k < 12) {
			carry += startsPerYear / 12;
			starts = Math.floor(carry);
			carry -= starts;
		} else {
			const target = Math.round(interpolate(knots, k, 11, r11) * scale);
			starts = Math.max(0, target - R + dis[k - 12]);
		}
		if (k >= 12) R -= dis[k - 12];
		R += starts;
		const first = monthStart(k);
		const days = monthStart(k + 1) - first;
		for (let j = 0; j < starts; j++) {
			let triage = first + Math.floor(rng() * days);
			const wd = weekday(triage);
			if ((wd === 0 || wd === 6) && rng() < 0.85) triage = first + Math.floor(rng() * days);
			add(triage, triage + drawDuration());
		}
		if (k === 11) r11 = R / scale; // targets for 2016-17 are approached from the simulated count
		if (shift && k === monthOf(shift.to)) transition(rng, shift, cohort, scale, cands, dis, out);
	}
	return n;
}

/**
 * A change of provider: clients open at the end of the old contract are discharged (referred on, dropped out)
 * in its last quarter, so that the open caseload handed over gives the wanted new presentations next year.
 */
function transition(rng, shift, cohort, scale, cands, dis, out) {
	const wantedOpen = Math.round(shift.inTreatment[cohort] * scale) - Math.round(shift.newPresentations[cohort] * scale);
	const open = cands.length / 3;
	// Only journeys triaged at least a week before the end can be closed before it.
	const eligible = [];
	for (let i = 0; i < cands.length; i += 3) if (cands[i + 1] <= shift.to - 7) eligible.push(i);
	const close = Math.min(open - wantedOpen, eligible.length);
	for (let e = 0; e < close; e++) {
		const r = e + Math.floor(rng() * (eligible.length - e));
		const chosen = eligible[r];
		eligible[r] = eligible[e];
		eligible[e] = chosen;
		const [idx, triage, old] = cands.slice(chosen, chosen + 3);
		const from = Math.max(shift.from, triage + 1);
		const disch = from + Math.floor(rng() * (shift.to - from + 1));
		if (old <= DATA_DAY) dis[monthOf(old)]--;
		dis[monthOf(disch)]++;
		if (out) out.disch[idx] = disch;
	}
}

/** Rehab starts wanted in each financial year 2015–2024 for an area (unscaled). */
function rehabTargets(area) {
	const adults = adultTargets(area).map(sumOf);
	const wanted = {};
	for (let fy = 2015; fy <= 2024; fy++) {
		if (area.rehab) {
			wanted[fy] = area.rehab[fy] ?? 0;
			continue;
		}
		const rate = area.rehabRate[fy] ?? area.rehabRate[2015];
		const total = adults[Math.max(0, TARGET_FYS.indexOf(fy))];
		wanted[fy] = rate * total * (fy === 2024 ? 0.75 : 1);
	}
	return wanted;
}

/** Number of journey rows a block makes (timeline only, no attributes). */
export function countJourneyBlock(seed, areaIndex, replica, scale) {
	const area = AREAS[areaIndex];
	const { knots, shift, block } = calibrated(seed, areaIndex);
	if (replica === 0 && scale === 1) return block.n; // the calibrated block, corrected to the exact people
	let n = 0;
	for (let c = 0; c < COHORTS; c++) {
		const rng = stream(seed, 'timeline', area.code, replica, c);
		n += simulateCohort(rng, c, knots[c], scale, area, shift, null);
	}
	return n;
}

/**
 * Draws one block: timelines, residential rehab starts and attributes (clients, with re-presentations of earlier
 * clients), in triage-date order. Client numbers are local (1, 2, …); the writer adds the running offset.
 */
function buildJourneyBlock(seed, areaIndex, replica, scale, knots, shift) {
	const area = AREAS[areaIndex];
	const out = { triage: [], disch: [], cohort: [] };
	for (let c = 0; c < COHORTS; c++) {
		const rng = stream(seed, 'timeline', area.code, replica, c);
		simulateCohort(rng, c, knots[c], scale, area, shift, out);
	}
	const n = out.triage.length;
	const { triage, disch, cohort } = out;

	// Triage-date order (ties by generation order).
	const keys = new Float64Array(n);
	for (let i = 0; i < n; i++) keys[i] = triage[i] * 16777216 + i;
	keys.sort();
	const order = new Int32Array(n);
	for (let i = 0; i < n; i++) order[i] = keys[i] % 16777216;

	// Residential rehab starts: exact numbers per financial year, on journeys in treatment that year.
	const rehab = new Int32Array(n);
	const rehabRng = stream(seed, 'rehab', area.code, replica);
	const wanted = rehabTargets(area);
	for (let fy = 2015; fy <= 2024; fy++) {
		let k = Math.round(wanted[fy] * scale);
		const from = fyStart(fy);
		const to = fyEnd(fy);
		for (let tries = 0; k > 0 && tries < 4000 + n * 20; tries++) {
			const j = Math.floor(rehabRng() * n);
			const c = cohort[j];
			if (rehab[j] || c === YP) continue;
			const lo = Math.max(triage[j] + 14, from);
			const hi = Math.min(disch[j] <= DATA_DAY ? disch[j] - 7 : DATA_DAY, to);
			if (hi < lo || rehabRng() >= REHAB_WEIGHT[c]) continue;
			rehab[j] = lo + Math.floor(rehabRng() * (hi - lo + 1));
			k--;
		}
	}

	// Attributes, in triage order, with re-presentations of earlier clients.
	const rng = stream(seed, 'attributes', area.code, replica);
	const clientOf = new Int32Array(n);
	const ageOf = new Int16Array(n);
	const sexOf = new Uint8Array(n);
	const reasonOf = new Uint8Array(n);
	const substanceOf = new Uint8Array(n);
	const referralOf = new Uint8Array(n);
	const refldOf = new Int32Array(n);
	const used = new Uint8Array(n);
	// Journeys discharged (alive) at least 30 days before a new triage can re-present: queue sorted by discharge.
	const dischargedKeys = [];
	for (let i = 0; i < n; i++) if (cohort[i] !== YP && disch[i] <= DATA_DAY) dischargedKeys.push(disch[i] * 16777216 + i);
	const queue = new Float64Array(dischargedKeys);
	queue.sort();
	let qi = 0;
	const pools = [[], []];
	// Recent discharges (in discharge order) for quick returns: people back within months, as NDTMS sees often.
	const recent = [[], []];
	const recentHead = [0, 0];
	const POOL_MAX = 2000;
	const stockYear = dayOf(2016, 1, 1);
	let clients = 0;

	for (let p = 0; p < n; p++) {
		const j = order[p];
		const c = cohort[j];
		const t = triage[j];
		const young = c === YP;
		while (qi < queue.length && Math.floor(queue[qi] / 16777216) + 30 < t) {
			const d = queue[qi] % 16777216;
			qi++;
			if (reasonOf[d] === 9) continue; // (triaged before its discharge, so already walked)
			const cls = cohort[d] <= 1 ? 0 : 1;
			const pool = pools[cls];
			if (pool.length < POOL_MAX) pool.push(d);
			else pool[Math.floor(rng() * POOL_MAX)] = d;
			recent[cls].push(d);
		}
		const substance = young ? pick(rng, YP_SUBSTANCE_TABLE) : c;
		const fam = family(substance, young);

		let client = 0;
		let age = 0;
		let sex = 0;
		let previous = -1;
		if (!young && t >= SIM_START && rng() < REPRESENT) {
			const cls = c <= 1 ? 0 : 1;
			let d = -1;
			if (rng() < QUICK_RETURN) {
				const list = recent[cls];
				while (recentHead[cls] < list.length && disch[list[recentHead[cls]]] < t - QUICK_DAYS) recentHead[cls]++;
				const available = list.length - recentHead[cls];
				if (available > 0) d = list[recentHead[cls] + Math.floor(rng() * available)];
			} else {
				const pool = pools[cls];
				if (pool.length) {
					const idx = Math.floor(rng() * pool.length);
					d = pool[idx];
					pool[idx] = pool[pool.length - 1];
					pool.pop();
				}
			}
			if (d >= 0 && !used[d]) {
				const newAge = ageOf[d] + Math.floor((t - triage[d]) / 365.25);
				if (newAge <= 90) {
					previous = d;
					used[d] = 1;
					client = clientOf[d];
					age = newAge;
					sex = sexOf[d];
				}
			}
		}
		if (previous < 0) {
			client = ++clients;
			if (young) age = pick(rng, YP_AGE_TABLE);
			else {
				const [mean, sd, min, max, drift] = AGES[c];
				const a = Math.round(mean + drift * ((t - stockYear) / 365.25) + sd * normal(rng));
				age = Math.min(max, Math.max(min, a));
			}
			sex = rng() < MALE[c] ? 1 : 2;
		}
		clientOf[j] = client;
		ageOf[j] = age;
		sexOf[j] = sex;
		substanceOf[j] = substance;

		let referral;
		if (previous >= 0 && reasonOf[previous] === 8 && rng() < 0.7) referral = 13;
		else referral = pick(rng, REFERRAL_TABLES[fam]);
		referralOf[j] = referral;
		let refld = -1;
		if (rng() >= 0.004) {
			const lag = referral === 13 ? Math.floor(rng() * 21) : rng() < 0.45 ? 0 : Math.min(90, 1 + Math.floor(exponential(rng, 8)));
			refld = t - lag;
		}
		refldOf[j] = refld;

		let reason;
		const d = disch[j];
		if (d <= DATA_DAY) {
			const years = (d - t) / 365.25;
			if (rng() < Math.min(0.35, DEATH_HAZARD[c] * years)) reason = 9;
			else if (young) reason = pick(rng, REASON_TABLES.young);
			else if (d - t < 90) reason = pick(rng, REASON_TABLES.short);
			else reason = pick(rng, REASON_TABLES[fam]);
			if (rehab[j] && reason !== 9 && rng() < 0.5) reason = rng() < 0.7 ? 1 : 2;
			reasonOf[j] = reason;
		}
	}
	return { n, order, triage, disch, rehab, clientOf, ageOf, sexOf, reasonOf, substanceOf, referralOf, refldOf, clients };
}

/** Rank of each substance index in the order that picks a person's group (data/README.md): opiate_crack first. */
const PRIORITY = [1, 0, 2, 4, 3, 5];

/**
 * People (not journeys) in a block: for each window [from, to] (day numbers) the adults in each substance group
 * (each once, in the best-ranked group of their journeys in the window) and young people (index YP); and the
 * adults whose spell starts in each window (no journey of theirs ended less than 12 calendar months before the
 * month of the triage). Mirrors src/lib/data/sql/cube-journeys.sql on the generator's sequential journeys.
 */
export function countPeople(block, windows) {
	const { n, order, triage, disch, clientOf, ageOf, substanceOf } = block;
	const counts = windows.map(() => new Array(COHORTS).fill(0));
	const fresh = windows.map(() => 0);
	const best = windows.map(() => new Map());
	const lastEnd = new Map();
	const monthIndex = (day) => {
		const d = new Date(day * 86400000);
		return d.getUTCFullYear() * 12 + d.getUTCMonth();
	};
	for (let p = 0; p < n; p++) {
		const j = order[p];
		const t = triage[j];
		const d = disch[j] > DATA_DAY ? Infinity : disch[j];
		const young = ageOf[j] < 18;
		const key = young ? -clientOf[j] : clientOf[j];
		const previous = lastEnd.get(key);
		const startsSpell = previous === undefined || (previous !== Infinity && monthIndex(t) - monthIndex(previous) >= 12);
		lastEnd.set(key, previous === undefined ? d : Math.max(previous, d));
		for (let w = 0; w < windows.length; w++) {
			const [from, to] = windows[w];
			if (t > to || d < from) continue;
			const rank = young ? -1 : PRIORITY[substanceOf[j]];
			const b = best[w].get(key);
			if (b === undefined || rank < b) best[w].set(key, rank);
			if (!young && startsSpell && t >= from) fresh[w]++;
		}
	}
	const BY_RANK = [1, 0, 2, 4, 3, 5];
	for (let w = 0; w < windows.length; w++)
		for (const [key, rank] of best[w]) {
			if (key < 0) counts[w][YP]++;
			else counts[w][BY_RANK[rank]]++;
		}
	return { counts, fresh };
}

/** Window of the 12 months to the end of month k, as day numbers. */
function windowOf(k) {
	return [monthStart(k - 11), monthStart(k + 1) - 1];
}

const calibrations = new Map();

/**
 * Knots (and Medway's provider change) adjusted so that PEOPLE, not journeys, hit the calibration: the block is
 * drawn, people are counted at every knot, each knot is scaled by wanted / counted, and again (deterministic).
 */
function calibrated(seed, areaIndex) {
	const id = `${seed}\u0001${areaIndex}`;
	const cached = calibrations.get(id);
	if (cached) return cached;
	const area = AREAS[areaIndex];
	const targets = cohortKnots(area);
	let knots = targets.map((list) => list.map(([k, v]) => [k, v]));
	let shift = area.transition
		? { ...area.transition, inTreatment: area.transition.inTreatment.slice(), newPresentations: area.transition.newPresentations.slice() }
		: null;
	const ks = [...new Set(targets.flat().map(([k]) => k))].sort((a, b) => a - b);
	const windows = ks.map(windowOf);
	const freshTarget = shift ? shift.newPresentations.reduce((a, b) => a + b, 0) : 0;
	const freshWindow = ks.indexOf(marchOf(2023));
	for (let round = 0; round < CALIBRATION_ROUNDS; round++) {
		const block = buildJourneyBlock(seed, areaIndex, 0, 1, knots, shift);
		const { counts, fresh } = countPeople(block, windows);
		knots = knots.map((list, c) =>
			list.map(([k, v], i) => {
				const counted = counts[ks.indexOf(k)][c];
				return [k, counted > 0 ? (v * targets[c][i][1]) / counted : v];
			})
		);
		if (shift) {
			const k107 = knots.map((list) => list.find(([k]) => k === marchOf(2023))?.[1]);
			const ratio = fresh[freshWindow] > 0 ? freshTarget / fresh[freshWindow] : 1;
			shift = {
				...shift,
				inTreatment: shift.inTreatment.map((v, c) => k107[c] ?? v),
				newPresentations: shift.newPresentations.map((v) => v * ratio)
			};
		}
	}
	// The calibrated block (replica 0, scale 1), with the final correction to the exact people counts. The correction
	// is made for the embedded file's seed; files made with other seeds (tests, benchmarks) stay within about 1%.
	const drawn = buildJourneyBlock(seed, areaIndex, 0, 1, knots, shift);
	const exact = area.exactPeople && seed === DEFAULT_SEED;
	const block = exact ? applyCorrection(seed, area, drawn, exactCorrection(seed, area, drawn)) : drawn;
	const result = { knots, shift, block };
	calibrations.set(id, result);
	return result;
}

/**
 * The final, exact step: the knots bring the counts of people within about 1% of the seeds; here single-journey
 * people are dropped, or new single-journey people added, in the seed's year until its people counts are exact
 * (area.exactPeople: the financial year, the adults by substance group from area.exact, and optionally young people
 * and new presentations). A person with one journey is in that journey's group and is a new presentation in the
 * year it is triaged, so each step moves one count by exactly one. The steps keep the rolling 12-month shape of the
 * following months (Medway's dip, then growth from December): every person dropped or added is still counted in
 * the 12 months to the September after the year; one dropped from the year was triaged April–November (deepens
 * the dip), one added to it is triaged December–March (adds to the growth), and one triaged before the year is
 * in every window from the March before it (a constant shift). Deterministic: candidates are shuffled by a
 * seeded stream. Returns { drops: journey indices, adds: [{ cohort, kind: 'in' | 'pre' }] }.
 */
function exactCorrection(seed, area, block) {
	const spec = area.exactPeople;
	const { fy } = spec;
	const from = fyStart(fy);
	const to = dayOf(fy + 1, 3, 31);
	const { counts, fresh } = countPeople(block, [[from, to]]);
	const wanted = [...area.exact[fy], spec.young ?? null];
	const delta = wanted.map((w, c) => (w == null ? 0 : w - counts[0][c]));
	let freshDelta = spec.newPresentations == null ? 0 : spec.newPresentations - fresh[0];

	const { n, order, triage, disch, rehab, clientOf, ageOf, reasonOf, substanceOf } = block;
	const keyOf = (j) => (ageOf[j] < 18 ? -clientOf[j] : clientOf[j]);
	const journeys = new Map();
	for (let p = 0; p < n; p++) {
		const key = keyOf(order[p]);
		journeys.set(key, (journeys.get(key) ?? 0) + 1);
	}
	const late = dayOf(fy, 10, 1);
	const dipEnd = dayOf(fy, 11, 30);
	const candidates = { in: wanted.map(() => []), pre: wanted.map(() => []) };
	for (let p = 0; p < n; p++) {
		const j = order[p];
		if (journeys.get(keyOf(j)) !== 1 || rehab[j] || reasonOf[j] === 9) continue;
		if (triage[j] > to || !(disch[j] > DATA_DAY || disch[j] >= late)) continue;
		const c = ageOf[j] < 18 ? YP : substanceOf[j];
		if (triage[j] < from) candidates.pre[c].push(j);
		else if (triage[j] <= dipEnd) candidates.in[c].push(j);
	}
	const rng = stream(seed, 'exact', area.code);
	for (const lists of [candidates.in, candidates.pre])
		for (const list of lists)
			for (let i = list.length - 1; i > 0; i--) {
				const r = Math.floor(rng() * (i + 1));
				[list[i], list[r]] = [list[r], list[i]];
			}

	const drops = [];
	const adds = [];
	const take = (kind, c) => {
		const j = candidates[kind][c].pop();
		if (j === undefined) throw new Error(`exact calibration: no ${kind} candidate left to drop in cohort ${c} of ${area.code}`);
		drops.push(j);
	};
	// Young people do not count as new presentations (adults only): dropped or added before the year.
	for (let k = delta[YP]; k < 0; k++) take('pre', YP);
	for (let k = 0; k < delta[YP]; k++) adds.push({ cohort: YP, kind: 'pre' });
	// Adults: an add in the year or a drop from it moves new presentations too; before the year they do not.
	const addsFor = [];
	const dropsFor = [];
	for (let c = 0; c < YP; c++) {
		for (let k = 0; k < delta[c]; k++) addsFor.push(c);
		for (let k = delta[c]; k < 0; k++) dropsFor.push(c);
	}
	// Too few steps to move new presentations enough: swap (drop one person, add another) in the largest group.
	const largest = (kind) => [0, 1, 2, 3, 4, 5].reduce((a, b) => (candidates[kind][b].length > candidates[kind][a].length ? b : a));
	while (freshDelta > addsFor.length) {
		const c = largest('pre');
		take('pre', c);
		adds.push({ cohort: c, kind: 'in' });
		freshDelta--;
	}
	while (-freshDelta > dropsFor.length) {
		const c = largest('in');
		take('in', c);
		adds.push({ cohort: c, kind: 'pre' });
		freshDelta++;
	}
	for (const c of addsFor.splice(0)) {
		const inYear = freshDelta > 0;
		if (inYear) freshDelta--;
		adds.push({ cohort: c, kind: inYear ? 'in' : 'pre' });
	}
	for (const c of dropsFor.splice(0)) {
		const inYear = freshDelta < 0;
		if (inYear) freshDelta++;
		take(inYear ? 'in' : 'pre', c);
	}
	return { drops, adds };
}

/** The block without the dropped journeys and with the added people (new clients), in triage order. */
function applyCorrection(seed, area, block, { drops, adds }) {
	const n0 = block.triage.length;
	const size = n0 + adds.length;
	const grow = (Type, from) => {
		const to = new Type(size);
		to.set(from);
		return to;
	};
	const triage = grow(Int32Array, block.triage);
	const disch = grow(Int32Array, block.disch);
	const rehab = grow(Int32Array, block.rehab);
	const clientOf = grow(Int32Array, block.clientOf);
	const ageOf = grow(Int16Array, block.ageOf);
	const sexOf = grow(Uint8Array, block.sexOf);
	const reasonOf = grow(Uint8Array, block.reasonOf);
	const substanceOf = grow(Uint8Array, block.substanceOf);
	const referralOf = grow(Uint8Array, block.referralOf);
	const refldOf = grow(Int32Array, block.refldOf);
	const { fy } = area.exactPeople;
	const from = fyStart(fy);
	const to = dayOf(fy + 1, 3, 31);
	const late = dayOf(fy, 10, 1);
	const stockYear = dayOf(2016, 1, 1);
	const rng = stream(seed, 'exact-people', area.code);
	let clients = block.clients;
	adds.forEach(({ cohort: c, kind }, i) => {
		const j = n0 + i;
		const young = c === YP;
		const lo = kind === 'in' ? Math.max(from, dayOf(fy, 12, 1)) : from - 365;
		const hi = kind === 'in' ? to : from - 1;
		const t = lo + Math.floor(rng() * (hi - lo + 1));
		const substance = young ? pick(rng, YP_SUBSTANCE_TABLE) : c;
		const fam = family(substance, young);
		const dLo = Math.max(late, t + 90);
		const discharged = dLo <= DATA_DAY && rng() < 0.6;
		triage[j] = t;
		disch[j] = discharged ? dLo + Math.floor(rng() * (DATA_DAY - dLo + 1)) : DATA_DAY + 1 + Math.floor(rng() * 365);
		reasonOf[j] = discharged ? pick(rng, REASON_TABLES[fam]) : 0;
		clientOf[j] = ++clients;
		if (young) ageOf[j] = pick(rng, YP_AGE_TABLE);
		else {
			const [mean, sd, min, max, drift] = AGES[c];
			ageOf[j] = Math.min(max, Math.max(min, Math.round(mean + drift * ((t - stockYear) / 365.25) + sd * normal(rng))));
		}
		sexOf[j] = rng() < MALE[c] ? 1 : 2;
		substanceOf[j] = substance;
		referralOf[j] = pick(rng, REFERRAL_TABLES[fam]);
		refldOf[j] = t - (rng() < 0.45 ? 0 : Math.min(90, 1 + Math.floor(exponential(rng, 8))));
	});
	const dropped = new Set(drops);
	const kept = [];
	for (let p = 0; p < block.n; p++) if (!dropped.has(block.order[p])) kept.push(triage[block.order[p]] * 16777216 + block.order[p]);
	for (let j = n0; j < size; j++) kept.push(triage[j] * 16777216 + j);
	const keys = Float64Array.from(kept).sort();
	const order = new Int32Array(keys.length);
	for (let i = 0; i < keys.length; i++) order[i] = keys[i] % 16777216;
	const corrected = {
		n: order.length,
		order,
		triage,
		disch,
		rehab,
		clientOf,
		ageOf,
		sexOf,
		reasonOf,
		substanceOf,
		referralOf,
		refldOf,
		clients
	};

	// Checked, counted as the dashboard counts people.
	const { counts, fresh } = countPeople(corrected, [[from, to]]);
	const wanted = [...area.exact[fy], area.exactPeople.young ?? counts[0][YP]];
	const freshWanted = area.exactPeople.newPresentations ?? fresh[0];
	if (counts[0].some((v, c) => v !== wanted[c]) || fresh[0] !== freshWanted)
		throw new Error(`exact calibration of ${area.code} ${fy}: ${counts[0]} (${fresh[0]} new), wanted ${wanted} (${freshWanted} new)`);
	return corrected;
}

/**
 * Generates one block and writes its rows to w (a CsvWriter) in triage-date order.
 * ids = { client, episode } counters shared across blocks. keep() decides, per row in order, whether it is written
 * (exact thinning for --rows); rows are always fully drawn so the output does not depend on thinning elsewhere.
 */
export function generateJourneyBlock(seed, areaIndex, replica, scale, ids, keep, w, stats) {
	const area = AREAS[areaIndex];
	const { knots, shift, block } = calibrated(seed, areaIndex);
	const b = replica === 0 && scale === 1 ? block : buildJourneyBlock(seed, areaIndex, replica, scale, knots, shift);
	const la = area.code;
	const laBytes = bytes(la);
	const base = ids.client;
	ids.client += b.clients;
	for (let p = 0; p < b.n; p++) {
		const j = b.order[p];
		const client = base + b.clientOf[j];
		const age = b.ageOf[j];
		const substance = b.substanceOf[j];
		const t = b.triage[j];
		const d = b.disch[j];
		const reason = b.reasonOf[j];
		const rehab = b.rehab[j];
		ids.episode++;
		if (!keep()) continue;
		w.reserve(256);
		w.byte(67); // C
		w.int(client);
		w.comma();
		w.byte(69); // E
		w.int(ids.episode);
		w.comma();
		w.raw(laBytes);
		w.comma();
		w.int(age);
		w.comma();
		w.byte(b.sexOf[j] === 1 ? M : F);
		w.comma();
		w.raw(SUBSTANCE_BYTES[substance]);
		w.comma();
		if (b.refldOf[j] >= 0) w.date(b.refldOf[j]);
		w.comma();
		w.int(b.referralOf[j]);
		w.comma();
		w.date(t);
		w.comma();
		if (reason) w.date(d);
		w.comma();
		if (reason) w.int(reason);
		w.comma();
		if (rehab) w.date(rehab);
		w.comma();
		w.raw(TRUE_BYTES);
		w.newline();
		w.rows++;
		if (stats) stats.add(la, client, age, substance, t, d, reason, rehab);
	}
	return b.n;
}
