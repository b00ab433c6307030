/**
 * Prison releases for one area (a "block"), April 2018 to September 2024, for continuity of care: the share of
 * adults released with a treatment need who have a first community treatment contact within 21 days.
 * The number engaged in each financial year is set exactly from the calibrated rate; who is engaged, the release
 * dates and contact delays are random.
 */
import { AREAS, RELEASE_FIRST_FY, RELEASE_NEED } from './config.js';
import { DATA_DAY, LAST_MONTH, fyStart, marchOf, monthStart, weekday } from './dates.js';
import { normal, stream } from './rng.js';
import { bytes } from './writer.js';

const TRUE_BYTES = bytes('true');

export const RELEASE_HEADER = 'RELEASE_ID,CLIENTID,LA,RELEASE_DATE,TREATMENT_NEED,FIRST_CONTACT_DATE,synthetic';

const FIRST_MONTH = marchOf(RELEASE_FIRST_FY) - 11; // April 2018
const LAST_MONTH_INDEX = LAST_MONTH; // September 2024
/** Fewer releases over Christmas, a few more in spring. */
const SEASON = [1.02, 1.05, 1.0, 1.0, 1.0, 0.98, 1.02, 1.0, 0.88, 1.0, 1.02, 1.03]; // April … March

function monthlyCounts(seed, area, replica, scale) {
	const rng = stream(seed, 'release-count', area.code, replica);
	const counts = [];
	for (let k = FIRST_MONTH; k <= LAST_MONTH_INDEX; k++) {
		const mean = (area.releases.needPerYear / RELEASE_NEED / 12) * scale * SEASON[((k % 12) + 12) % 12];
		counts.push(Math.max(0, Math.round(mean + 0.8 * Math.sqrt(mean) * normal(rng))));
	}
	return counts;
}

/** Number of rows a release block makes. */
export function countReleaseBlock(seed, areaIndex, replica, scale) {
	return monthlyCounts(seed, AREAS[areaIndex], replica, scale).reduce((a, b) => a + b, 0);
}

/** Days from release to a first contact for someone engaged (0–21, mostly within the first week). */
function engagedLag(rng) {
	const u = rng();
	if (u < 0.08) return 0;
	if (u < 0.63) return 1 + Math.floor(rng() * 7);
	if (u < 0.88) return 8 + Math.floor(rng() * 7);
	return 15 + Math.floor(rng() * 7);
}

/** Generates one block of releases; same calling convention as generateJourneyBlock. */
export function generateReleaseBlock(seed, areaIndex, replica, scale, ids, keep, w, stats) {
	const area = AREAS[areaIndex];
	const laBytes = bytes(area.code);
	const counts = monthlyCounts(seed, area, replica, scale);
	const rng = stream(seed, 'releases', area.code, replica);
	const day = [];
	const need = [];
	for (let m = 0; m < counts.length; m++) {
		const first = monthStart(FIRST_MONTH + m);
		const days = monthStart(FIRST_MONTH + m + 1) - first;
		const month = [];
		for (let j = 0; j < counts[m]; j++) {
			let d = first + Math.floor(rng() * days);
			for (let tries = 0; (weekday(d) === 0 || weekday(d) === 6) && tries < 10; tries++) d = first + Math.floor(rng() * days);
			month.push(d);
		}
		month.sort((a, b) => a - b);
		for (const d of month) {
			day.push(d);
			need.push(rng() < RELEASE_NEED);
		}
	}
	const n = day.length;
	const contact = new Int32Array(n).fill(-1);

	// Engaged within 21 days: exactly round(rate × releases with need) in each financial year.
	for (let fy = RELEASE_FIRST_FY; fy <= 2024; fy++) {
		const from = fyStart(fy);
		const to = fyStart(fy + 1);
		const pool = [];
		for (let i = 0; i < n; i++) if (need[i] && day[i] >= from && day[i] < to) pool.push(i);
		const engaged = Math.round(area.releases.engaged[fy] * pool.length);
		for (let e = 0; e < pool.length; e++) {
			const r = e + Math.floor(rng() * (pool.length - e));
			const i = pool[r];
			pool[r] = pool[e];
			pool[e] = i;
			if (e < engaged) contact[i] = Math.min(day[i] + engagedLag(rng), DATA_DAY);
			else if (rng() < 0.3) contact[i] = day[i] + 22 + Math.floor(rng() * 100); // contact, but too late
		}
	}
	for (let i = 0; i < n; i++) if (!need[i] && rng() < 0.08) contact[i] = day[i] + Math.floor(rng() * 60); // no need identified, self-referred

	// Some people are released more than once (at least 90 days apart).
	const waiting = [];
	let wi = 0;
	const available = [];
	for (let i = 0; i < n; i++) {
		while (wi < waiting.length && waiting[wi][1] + 90 <= day[i]) available.push(waiting[wi++][0]);
		let client;
		if (available.length && rng() < 0.18) {
			const a = Math.floor(rng() * available.length);
			client = available[a];
			available[a] = available[available.length - 1];
			available.pop();
		} else client = ++ids.client;
		waiting.push([client, day[i]]);
		ids.episode++;
		if (!keep()) continue;
		const c = contact[i] >= 0 && contact[i] <= DATA_DAY ? contact[i] : -1;
		w.reserve(128);
		w.byte(82); // R
		w.int(ids.episode);
		w.comma();
		w.byte(80); // P
		w.int(client);
		w.comma();
		w.raw(laBytes);
		w.comma();
		w.date(day[i]);
		w.comma();
		w.byte(need[i] ? 89 : 78); // Y / N
		w.comma();
		if (c >= 0) w.date(c);
		w.comma();
		w.raw(TRUE_BYTES);
		w.newline();
		w.rows++;
		if (stats) stats.add(area.code, day[i], need[i], c);
	}
	return n;
}
