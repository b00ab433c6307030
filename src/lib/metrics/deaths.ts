/**
 * Deaths: ONS drug-poisoning registrations, the grant return's drug-related and alcohol-specific deaths,
 * rates where a Fingertips export gives them, and deaths in treatment by cohort.
 */
import type { Model } from './model';
import { countFigures, figures, sourcesOf } from './figures';
import { countInterval } from './intervals';
import { compareWithEngland, type Comparison } from './compare';
import { ENGLAND } from '$lib/data/areas';
import { yearComplete } from '$lib/data/periods';
import { deathRateFlag, protectParts, type Protected } from './suppression';
import { suppressMemberCount } from './siblings';
import { fmtCount } from './format';

export interface CountPoint {
	period: string;
	year: number;
	value: number | null;
	lower: number | null;
	upper: number | null;
	note: string | null;
}

export function countSeries(
	model: Model,
	area: string,
	metric: string,
	cohort: string | null = null
): { points: CountPoint[]; sources: string[]; derived: boolean } {
	const rows = countFigures(model, { area, metric, cohort, kind: 'actual' }).sort((a, b) => a.start.localeCompare(b.start));
	return {
		points: rows.map((r) => {
			const ci = r.value != null ? countInterval(r.value) : null;
			return {
				period: r.period,
				year: Number(r.start.slice(0, 4)),
				value: r.value,
				lower: ci?.lower ?? null,
				upper: ci?.upper ?? null,
				note: r.note
			};
		}),
		sources: sourcesOf(rows),
		derived: rows.some((r) => 'derived' in r && r.derived)
	};
}

export interface RatePoint {
	period: string;
	start: string;
	local: number | null;
	localLower: number | null;
	localUpper: number | null;
	england: number | null;
	englandLower: number | null;
	englandUpper: number | null;
	count: number | null;
	/** No local rate was published: why, as the file says (`Value note`) or as the ONS rule implies; else null. */
	unpublished: string | null;
	/** The table's note: why there is no rate (with the count where given), a small-number flag or the file's note. */
	flag: string | null;
	comparison: Comparison;
	/** The file's own "Compared to England" judgement, as given; when present it decides `comparison`. */
	fileJudgement: string | null;
}

/** Fingertips' words for a comparison, where they map onto ours. */
const FILE_JUDGEMENT: Record<string, Comparison> = {
	better: 'better',
	similar: 'similar',
	worse: 'worse',
	higher: 'higher',
	lower: 'lower'
};

/** "7 deaths", "1 death". */
export function deathsText(n: number): string {
	return `${fmtCount(n)} death${n === 1 ? '' : 's'}`;
}

/** Why a period has no local rate, and the table note that says so, keeping any count the file gives. */
function rateNotes(row: { value: number | null; numerator: number | null; note: string | null }): {
	unpublished: string | null;
	flag: string | null;
} {
	const note = row.note?.trim() || null;
	if (row.value == null) {
		if (row.numerator == null) return { unpublished: note, flag: note };
		const why = note ?? (row.numerator < 10 ? 'fewer than 10 deaths' : null);
		return { unpublished: why, flag: `Rate not published${why ? `: ${why}` : ''} (${deathsText(row.numerator)})` };
	}
	const flag = row.numerator != null ? deathRateFlag(row.numerator, true) : null;
	return {
		unpublished: null,
		flag:
			flag === 'unreliable'
				? 'Rate from fewer than 20 deaths: treat with caution'
				: flag === 'not_calculated'
					? 'Fewer than 10 deaths: rate not calculated'
					: note
	};
}

/** Rates from a Fingertips export (per 100,000, age-standardised): local against England. */
export function rateSeries(model: Model, area: string, metric: string): { points: RatePoint[]; sources: string[]; name: string | null } {
	const headline = (a: string) =>
		figures(model, { area: a, metric, kind: 'actual' }).filter((f) => f.category == null && (f.sex == null || f.sex === 'Persons'));
	const local = headline(area);
	const england = headline(ENGLAND);
	const points = local
		.sort((a, b) => a.start.localeCompare(b.start))
		.map((l): RatePoint => {
			const e = england.find((x) => x.period === l.period);
			return {
				period: l.period,
				start: l.start,
				local: l.value,
				localLower: l.lower_ci,
				localUpper: l.upper_ci,
				england: e?.value ?? null,
				englandLower: e?.lower_ci ?? null,
				englandUpper: e?.upper_ci ?? null,
				count: l.numerator,
				...rateNotes({ value: l.value, numerator: l.numerator, note: l.note }),
				fileJudgement: l.compared_to_england,
				comparison:
					FILE_JUDGEMENT[l.compared_to_england?.trim().toLowerCase() ?? ''] ??
					compareWithEngland(
						{ value: l.value, lower: l.lower_ci, upper: l.upper_ci },
						{ value: e?.value ?? null, lower: e?.lower_ci, upper: e?.upper_ci },
						'low_is_good'
					)
			};
		});
	return { points, sources: sourcesOf([...local, ...england]), name: local[0]?.indicator_name ?? null };
}

/** A count cell; `printedZero`: a published 0 that its source says may be a suppressed count (not plotted). */
export type InTreatmentCell = Protected & { printedZero?: boolean };

export interface InTreatmentRow {
	label: string;
	fy: number;
	opiate: InTreatmentCell;
	non_opiate: InTreatmentCell;
	alcohol: InTreatmentCell;
	source: 'published' | 'records';
}

const DIT_COHORTS = ['opiate', 'non_opiate', 'alcohol'] as const;

/**
 * A year's record-level deaths in treatment by cohort, with secondary suppression: against the adult total
 * (shown on the overview card) and, for North or West Northamptonshire, against the CDP's total (a sibling's
 * suppressed count would otherwise be the CDP's minus this area's).
 */
export function protectedDeaths(model: Model, area: string, fy: number, suppress: boolean) {
	const count = (a: string, g: string) =>
		model.yearly.find((r) => r.area === a && r.group === g && r.fy === fy)?.deaths_in_treatment ?? null;
	const parts = DIT_COHORTS.map((g) => suppressMemberCount(area, (a) => count(a, g), suppress));
	if (!suppress) return { parts, suppressTotal: false };
	return protectParts(parts, count(area, 'adults') != null);
}

/** Deaths in treatment by cohort: published figures where given, else counted from records (synthetic where so). */
export function deathsInTreatment(model: Model, area: string, suppress: boolean) {
	const cohorts = ['opiate', 'non_opiate', 'alcohol'] as const;
	const published = figures(model, { area, metric: 'deaths_in_treatment', kind: 'actual' });
	const byYear = new Map<number, InTreatmentRow>();
	for (const f of published) {
		const fy = Number(f.start.slice(0, 4));
		const row = byYear.get(fy) ?? {
			label: f.period,
			fy,
			opiate: { value: null, suppressed: false },
			non_opiate: { value: null, suppressed: false },
			alcohol: { value: null, suppressed: false },
			source: 'published' as const
		};
		if (f.cohort && (cohorts as readonly string[]).includes(f.cohort))
			row[f.cohort as (typeof cohorts)[number]] =
				f.value === 0 && /suppress/i.test(f.note ?? '')
					? { value: null, suppressed: false, printedZero: true }
					: { value: f.value, suppressed: false };
		byYear.set(fy, row);
	}
	const records = model.yearly.filter((r) => r.area === area && (cohorts as readonly string[]).includes(r.group));
	const cutoff = model.dataDate;
	for (const r of records) {
		if (byYear.has(r.fy) && byYear.get(r.fy)!.source === 'published') continue;
		if (!yearComplete(r.fy, cutoff)) continue; // whole years only
		const row = byYear.get(r.fy) ?? {
			label: `${r.fy}-${String((r.fy + 1) % 100).padStart(2, '0')}`,
			fy: r.fy,
			opiate: { value: null, suppressed: false },
			non_opiate: { value: null, suppressed: false },
			alcohol: { value: null, suppressed: false },
			source: 'records' as const
		};
		const { parts } = protectedDeaths(model, area, r.fy, suppress);
		DIT_COHORTS.forEach((g, i) => (row[g] = parts[i]));
		byYear.set(r.fy, row);
	}
	const rows = [...byYear.values()].sort((a, b) => a.fy - b.fy);
	return {
		rows,
		notes: [...new Set(published.map((p) => p.note).filter(Boolean))] as string[],
		sources: sourcesOf(published),
		synthetic: rows.some((r) => r.source === 'records') && records.some((r) => r.synthetic)
	};
}
