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
	REPRESENT,
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
function simulateCohort(rng, cohort, knots, scale, area, out) {
	const durationFactor = area.durationFactor;
	const shift = cohort === YP ? null : area.transition;
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
	const knots = cohortKnots(area);
	let n = 0;
	for (let c = 0; c < COHORTS; c++) {
		const rng = stream(seed, 'timeline', area.code, replica, c);
		n += simulateCohort(rng, c, knots[c], scale, area, null);
	}
	return n;
}

/**
 * Generates one block and writes its rows to w (a CsvWriter) in triage-date order.
 * ids = { client, episode } counters shared across blocks. keep() decides, per row in order, whether it is written
 * (exact thinning for --rows); rows are always fully drawn so the output does not depend on thinning elsewhere.
 */
export function generateJourneyBlock(seed, areaIndex, replica, scale, ids, keep, w, stats) {
	const area = AREAS[areaIndex];
	const knots = cohortKnots(area);
	const out = { triage: [], disch: [], cohort: [] };
	for (let c = 0; c < COHORTS; c++) {
		const rng = stream(seed, 'timeline', area.code, replica, c);
		simulateCohort(rng, c, knots[c], scale, area, out);
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
	// Journeys discharged (alive) at least 30 days before a new triage can re-present: queue sorted by discharge.
	const dischargedKeys = [];
	for (let i = 0; i < n; i++) if (cohort[i] !== YP && disch[i] <= DATA_DAY) dischargedKeys.push(disch[i] * 16777216 + i);
	const queue = new Float64Array(dischargedKeys);
	queue.sort();
	let qi = 0;
	const pools = [[], []];
	const POOL_MAX = 2000;
	const la = area.code;
	const laBytes = bytes(la);
	const stockYear = dayOf(2016, 1, 1);

	for (let p = 0; p < n; p++) {
		const j = order[p];
		const c = cohort[j];
		const t = triage[j];
		const young = c === YP;
		while (qi < queue.length && Math.floor(queue[qi] / 16777216) + 30 < t) {
			const d = queue[qi] % 16777216;
			qi++;
			if (reasonOf[d] === 9) continue; // (triaged before its discharge, so already walked)
			const pool = pools[cohort[d] <= 1 ? 0 : 1];
			if (pool.length < POOL_MAX) pool.push(d);
			else pool[Math.floor(rng() * POOL_MAX)] = d;
		}
		const substance = young ? pick(rng, YP_SUBSTANCE_TABLE) : c;
		const fam = family(substance, young);

		let client = 0;
		let age = 0;
		let sex = 0;
		let previous = -1;
		if (!young && t >= SIM_START && rng() < REPRESENT) {
			const pool = pools[c <= 1 ? 0 : 1];
			if (pool.length) {
				const idx = Math.floor(rng() * pool.length);
				const d = pool[idx];
				const newAge = ageOf[d] + Math.floor((t - triage[d]) / 365.25);
				if (newAge <= 90) {
					previous = d;
					pool[idx] = pool[pool.length - 1];
					pool.pop();
					client = clientOf[d];
					age = newAge;
					sex = sexOf[d];
				}
			}
		}
		if (previous < 0) {
			client = ++ids.client;
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

		let referral;
		if (previous >= 0 && reasonOf[previous] === 8 && rng() < 0.7) referral = 13;
		else referral = pick(rng, REFERRAL_TABLES[fam]);
		let refld = -1;
		if (rng() >= 0.004) {
			const lag = referral === 13 ? Math.floor(rng() * 21) : rng() < 0.45 ? 0 : Math.min(90, 1 + Math.floor(exponential(rng, 8)));
			refld = t - lag;
		}

		let reason = 0;
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
		w.byte(sex === 1 ? M : F);
		w.comma();
		w.raw(SUBSTANCE_BYTES[substance]);
		w.comma();
		if (refld >= 0) w.date(refld);
		w.comma();
		w.int(referral);
		w.comma();
		w.date(t);
		w.comma();
		if (reason) w.date(d);
		w.comma();
		if (reason) w.int(reason);
		w.comma();
		if (rehab[j]) w.date(rehab[j]);
		w.comma();
		w.raw(TRUE_BYTES);
		w.newline();
		w.rows++;
		if (stats) stats.add(la, age, substance, t, d, reasonOf[j], rehab[j]);
	}
	return n;
}
