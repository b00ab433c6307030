/**
 * Deaths: ONS drug misuse and drug poisoning registrations with their age-standardised rates, the grant
 * return's drug-related and alcohol-specific deaths, rates from a loaded Fingertips export, crude rates where no
 * rate is published, and deaths in treatment by cohort.
 */
import type { FigureRow, Model } from './model';
import { countFigures, figures, membersOf, sourcesOf } from './figures';
import { countInterval, rate } from './intervals';
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
	end: string;
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
		flag: flag === 'unreliable' ? UNRELIABLE : flag === 'not_calculated' ? 'Fewer than 10 deaths: rate not calculated' : note
	};
}

/** ONS's "U": shown beside every rate from 10 to 19 deaths, whatever file it came from. */
export const UNRELIABLE = 'U: from fewer than 20 deaths, so unreliable (ONS rule)';

/**
 * The rows of the file loaded last among those giving this figure: a loaded export replaces the embedded series
 * whole rather than period by period, since a later release revises earlier periods (new population estimates)
 * and two releases are never joined into one line.
 */
function lastLoaded(model: Model, rows: FigureRow[]): FigureRow[] {
	if (!rows.length) return rows;
	const order = new Map(model.files.map((f) => [f.file_name, f.file_id]));
	const last = rows.reduce((a, r) => ((order.get(r.file) ?? 0) > (order.get(a) ?? 0) ? r.file : a), rows[0].file);
	return rows.filter((r) => r.file === last);
}

/** Age-standardised rates per 100,000 (ONS's tables or a loaded Fingertips export): local against England. */
export function rateSeries(model: Model, area: string, metric: string): { points: RatePoint[]; sources: string[]; name: string | null } {
	const headline = (a: string) =>
		lastLoaded(
			model,
			figures(model, { area: a, metric, kind: 'actual' }).filter((f) => f.category == null && (f.sex == null || f.sex === 'Persons'))
		);
	const local = headline(area);
	const england = headline(ENGLAND);
	const points = local
		.sort((a, b) => a.start.localeCompare(b.start))
		.map((l): RatePoint => {
			const e = england.find((x) => x.period === l.period);
			return {
				period: l.period,
				start: l.start,
				end: l.end,
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

export interface CrudePoint {
	period: string;
	deaths: number | null;
	/** Person-years: the sum of the period's mid-year populations; null when a year's estimate is missing. */
	personYears: number | null;
	rate: number | null;
	lower: number | null;
	upper: number | null;
	/** Why there is no rate, or the small-number flag. */
	note: string | null;
}

/**
 * Crude deaths per 100,000 person-years for an area ONS publishes no rate for (a CDP of several councils): the
 * councils' pooled deaths (counts, so they add) over the sum of their mid-year populations for each year of the
 * period. Not age-standardised, so never to be compared with an ONS rate. Exact Poisson / Byar's limits; no rate
 * from fewer than 3 deaths, flagged under 20.
 */
export function crudeRates(model: Model, area: string, metric: string): { points: CrudePoint[]; sources: string[] } {
	const members = membersOf(area);
	const series = members.map((m) => rateSeries(model, m, metric).points);
	if (!members.length || series.some((s) => !s.length)) return { points: [], sources: [] };
	const population = countFigures(model, { area, metric: 'population_all_ages', kind: 'actual' });
	const used = new Set<string>();
	const points = series[0].map((first): CrudePoint => {
		const counts = series.map((s) => s.find((p) => p.period === first.period)?.count ?? null);
		const deaths = counts.every((c) => c != null) ? counts.reduce((t, c) => t + (c as number), 0) : null;
		const [from, to] = [Number(first.start.slice(0, 4)), Number(first.end.slice(0, 4))];
		const years = Array.from({ length: to - from + 1 }, (_, i) => population.find((p) => p.period === String(from + i))?.value ?? null);
		const personYears = years.every((y) => y != null) ? years.reduce((t, y) => t + (y as number), 0) : null;
		if (personYears != null) years.forEach((_, i) => used.add(String(from + i)));
		const missing = years.flatMap((y, i) => (y == null ? [`mid-${from + i}`] : []));
		const flag = deaths != null ? deathRateFlag(deaths, false) : null;
		const r = flag === 'not_calculated' ? null : rate(deaths, personYears);
		return {
			period: first.period,
			deaths,
			personYears,
			rate: r?.value ?? null,
			lower: r?.lower ?? null,
			upper: r?.upper ?? null,
			note:
				deaths == null
					? 'no count for every council'
					: missing.length
						? `no ${missing.join(', ')} population estimate in the data`
						: flag === 'not_calculated'
							? 'fewer than 3 deaths: rate not calculated'
							: flag === 'unreliable'
								? UNRELIABLE
								: null
		};
	});
	return { points, sources: sourcesOf(population.filter((p) => used.has(p.period))) };
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
