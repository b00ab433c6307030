/**
 * One description per measure for the board deck and the scrutiny report: title, plain-English sentences,
 * status against target, period, sources, the data table (display strings, as exported) and a chart spec
 * that MeasureChart draws at any size. Always computed with small-number suppression on: board and report
 * views are for sharing, so they never show counts of 1 to 4.
 */
import type { Model } from '$lib/metrics/model';
import type { Series, Annotation, BarRow, BarSeries } from '$lib/charts/types';
export type { BarRow, BarSeries, BarValue } from '$lib/charts/types';
import type { TableSpec } from '$lib/export/table';
import type { TrajectoryRow } from '$lib/metrics/treatment';
import { trajectory, monthly, monthlyProjection, risingSince, PLAN_END_FY } from '$lib/metrics/treatment';
import { continuity, DEFINITION as CONTINUITY_DEFINITION } from '$lib/metrics/continuity';
import { rehab, DEFINITION as REHAB_DEFINITION } from '$lib/metrics/rehab';
import { countSeries, rateSeries, deathsInTreatment, deathsDirection } from '$lib/metrics/deaths';
import { treatmentSentence, continuitySentence } from '$lib/metrics/sentences';
import { trajectoryTable, continuityTable, rehabTable, rateTable, deathsInTreatmentTable } from '$lib/metrics/tables';
import { areaName, figures, sourcesOf } from '$lib/metrics/figures';
import { cohortLabel, COHORT_DEFINITION, SUBSTANCES } from '$lib/metrics/cohorts';
import { STATUS_RULE, type Status } from '$lib/metrics/status';
import { COMPARISON_LABEL, COMPARISON_RULE, type Comparison } from '$lib/metrics/compare';
import { DIRECTION_LABEL } from '$lib/metrics/trend';
import { suppressCount } from '$lib/metrics/suppression';
import { fmtCount, fmtDate, fmtMonth, fmtPct, fmtRate, fy, MISSING } from '$lib/metrics/format';
import { ENGLAND } from '$lib/data/areas';

/** Board and report always suppress small numbers, whatever the URL says. */
export const SUPPRESS = true;

export const SYNTHETIC_LABEL = 'Illustrative synthetic data – not real figures';
export const SUPPRESSION_NOTE = '* = suppressed: a count of 1 to 4, or a percentage made from one.';
export const RECORDS_SOURCE = 'synthetic-journeys.csv (record level)';
export const RELEASES_SOURCE = 'synthetic-prison-releases.csv (record level)';

export type ChartSpec =
	| { kind: 'trajectory'; rows: TrajectoryRow[]; yDomain?: [number, number] }
	| {
			kind: 'line';
			categories: string[];
			series: Series[];
			format: (v: number) => string;
			yLabel?: string;
			yDomain?: [number, number];
			annotations?: Annotation[];
			xEvery?: number;
			xFormat?: (x: string) => string;
	  }
	| {
			kind: 'bar';
			rows: BarRow[];
			series: BarSeries[];
			format: (v: number) => string;
			xMax?: number;
			references?: { value: number; label: string }[];
			missingText?: string;
	  };

export type SectionId =
	'overview' | 'deaths' | 'treatment' | 'presentations' | 'substances' | 'continuity' | 'rehab' | 'deaths_in_treatment' | 'notes';

export const SECTIONS: { id: SectionId; label: string }[] = [
	{ id: 'overview', label: 'Headline measures' },
	{ id: 'deaths', label: 'Drug and alcohol deaths' },
	{ id: 'treatment', label: 'Adults in treatment' },
	{ id: 'presentations', label: 'New presentations' },
	{ id: 'substances', label: 'Treatment by substance' },
	{ id: 'continuity', label: 'Continuity of care' },
	{ id: 'rehab', label: 'Residential rehab' },
	{ id: 'deaths_in_treatment', label: 'Deaths in treatment' },
	{ id: 'notes', label: 'Notes and definitions' }
];

export interface Measure {
	/** Stable id, unique per area (used for element ids and slide ids). */
	id: string;
	section: SectionId;
	area: string;
	areaName: string;
	/** Short name for a slide heading or a list. */
	name: string;
	/** Figure title (area and measure). */
	title: string;
	/** Plain-English sentences computed from the data. */
	sentences: string[];
	status: Status;
	/** What the status is measured against, e.g. "against the guide trajectory, 2023-24". */
	statusText: string | null;
	comparison: Comparison;
	/** Data period shown, e.g. "2001 to 2020 (year of registration)". */
	period: string;
	/** True when any value comes from record-level data (synthetic by default): "as at" applies. */
	recordLevel: boolean;
	synthetic: boolean;
	sources: string[];
	definition: string;
	table: TableSpec;
	chart: ChartSpec;
	alt: string;
}

function span(labels: string[]): string {
	const l = labels.filter(Boolean);
	if (!l.length) return MISSING;
	return l.length === 1 || l[0] === l[l.length - 1] ? l[0] : `${l[0]} to ${l[l.length - 1]}`;
}

/** Drops columns (after the first) that are empty in every row: a report table shows only what it holds. */
export function compactTable(t: TableSpec): TableSpec {
	const keep = t.columns.filter((c, i) => i === 0 || t.rows.some((r) => (r[c.key] ?? '') !== '' && r[c.key] !== MISSING));
	return keep.length === t.columns.length ? t : { ...t, columns: keep };
}

const withSuppressionNote = (t: TableSpec): TableSpec =>
	t.rows.some((r) => Object.values(r).includes('*')) && !t.notes.some((n) => n.startsWith('*'))
		? { ...t, notes: [...t.notes, SUPPRESSION_NOTE] }
		: t;

const DEATHS_FROM = 2001;

export function deathsMeasure(model: Model, area: string): Measure | null {
	const name = areaName(model, area);
	const s = countSeries(model, area, 'drug_poisoning_deaths');
	const pts = s.points.filter((p) => p.year >= DEATHS_FROM);
	if (!pts.some((p) => p.value != null)) return null;
	const england = countSeries(model, ENGLAND, 'drug_poisoning_deaths');
	const last = pts[pts.length - 1];
	const max = Math.max(...pts.map((p) => p.year), 2022);
	const categories = Array.from({ length: max - DEATHS_FROM + 1 }, (_, i) => String(DEATHS_FROM + i));
	const dir = DIRECTION_LABEL[deathsDirection(pts)].toLowerCase();
	const sentences = [
		`${fmtCount(last.value)} deaths related to drug poisoning were registered for ${name} residents in ${last.period}; the trend over the last three years is ${dir}.`
	];
	const peak = pts.reduce((a, b) => ((b.value ?? -1) > (a.value ?? -1) ? b : a));
	if (peak !== last && peak.value != null)
		sentences.push(`The highest count since ${DEATHS_FROM} was ${fmtCount(peak.value)}, in ${peak.period}.`);
	const period = `registered ${span(pts.map((p) => p.period))}`;
	return {
		id: `deaths-${area}`,
		section: 'deaths',
		area,
		areaName: name,
		name: 'Drug poisoning deaths',
		title: `${name}: deaths related to drug poisoning, ${DEATHS_FROM} to ${last.period}`,
		sentences,
		status: 'no_target',
		statusText: 'no target is set for deaths',
		comparison: 'not_compared',
		period,
		recordLevel: false,
		synthetic: false,
		sources: s.sources,
		definition: `ONS deaths related to drug poisoning (all substances, legal and illegal), persons, all ages, by local authority of usual residence and year of registration.${s.derived ? ' Sum of North and West Northamptonshire.' : ''} 95% confidence interval: exact Poisson below 10 deaths, Byar's method from 10.`,
		table: {
			caption: `${name}: deaths related to drug poisoning by year of registration`,
			columns: [
				{ key: 'year', label: 'Year' },
				{ key: 'n', label: 'Deaths', numeric: true },
				{ key: 'ci', label: '95% CI', numeric: true },
				{ key: 'eng', label: 'England', numeric: true }
			],
			rows: pts.map((q) => ({
				year: q.period,
				n: fmtCount(q.value),
				ci: q.lower != null ? `${fmtCount(Math.round(q.lower))} to ${fmtCount(Math.round(q.upper ?? 0))}` : MISSING,
				eng: fmtCount(england.points.find((e) => e.period === q.period)?.value ?? null)
			})),
			notes: []
		},
		chart: {
			kind: 'line',
			categories,
			format: (v) => fmtCount(Math.round(v)),
			yLabel: 'Deaths registered',
			annotations: [{ x: '2021', label: 'Strategy (Dec 2021)' }],
			series: [
				{
					id: 'deaths',
					label: 'Deaths',
					color: 'var(--c-series-1)',
					band: true,
					points: pts.map((p) => ({ x: p.period, y: p.value, lower: p.lower, upper: p.upper }))
				}
			]
		},
		alt: `Line chart of deaths related to drug poisoning in ${name} by year of registration, ${period}, with a 95% confidence band. ${sentences[0]}`
	};
}

/** Drug-related and alcohol-specific deaths as printed in a grant return (Rotherham's). */
export function grantDeathsMeasure(model: Model, area: string): Measure | null {
	const name = areaName(model, area);
	const drug = countSeries(model, area, 'drug_related_deaths');
	const alcohol = countSeries(model, area, 'alcohol_specific_deaths');
	if (!drug.points.length && !alcohol.points.length) return null;
	const engDrug = countSeries(model, ENGLAND, 'drug_related_deaths');
	const engAlcohol = countSeries(model, ENGLAND, 'alcohol_specific_deaths');
	const periods = [...new Set([...drug.points, ...alcohol.points].map((p) => p.period))].sort();
	const lastDrug = drug.points[drug.points.length - 1];
	const lastAlc = alcohol.points[alcohol.points.length - 1];
	const sentences = [
		[
			lastDrug ? `${fmtCount(lastDrug.value)} drug-related deaths` : null,
			lastAlc ? `${fmtCount(lastAlc.value)} alcohol-specific deaths` : null
		]
			.filter(Boolean)
			.join(' and ') + ` were recorded for ${name} in ${lastDrug?.period ?? lastAlc?.period}, as printed in the grant return.`
	];
	return {
		id: `grant-deaths-${area}`,
		section: 'deaths',
		area,
		areaName: name,
		name: 'Drug-related and alcohol-specific deaths',
		title: `${name}: drug-related and alcohol-specific deaths, as in the grant return`,
		sentences,
		status: 'no_target',
		statusText: 'no target is set for deaths',
		comparison: 'not_compared',
		period: `years ${span(periods)}`,
		recordLevel: false,
		synthetic: false,
		sources: sourcesOf([{ source: drug.sources.join('; ') || null }, { source: alcohol.sources.join('; ') || null }]),
		definition:
			"As printed in the partnership's grant planning return (the return calls the local drug figure 'drug specific deaths'). 95% confidence interval: exact Poisson below 10 deaths, Byar's method from 10.",
		table: {
			caption: `${name}: deaths in the grant return`,
			columns: [
				{ key: 'year', label: 'Year' },
				{ key: 'drug', label: 'Drug related', numeric: true },
				{ key: 'alcohol', label: 'Alcohol specific', numeric: true },
				{ key: 'edrug', label: 'England drug related', numeric: true },
				{ key: 'ealcohol', label: 'England alcohol specific', numeric: true }
			],
			rows: periods.map((p) => ({
				year: p,
				drug: fmtCount(drug.points.find((a) => a.period === p)?.value ?? null),
				alcohol: fmtCount(alcohol.points.find((a) => a.period === p)?.value ?? null),
				edrug: fmtCount(engDrug.points.find((a) => a.period === p)?.value ?? null),
				ealcohol: fmtCount(engAlcohol.points.find((a) => a.period === p)?.value ?? null)
			})),
			notes: []
		},
		chart: {
			kind: 'line',
			categories: periods,
			format: (v) => fmtCount(Math.round(v)),
			yLabel: 'Deaths',
			series: [
				{
					id: 'drug',
					label: 'Drug related',
					color: 'var(--c-series-1)',
					marker: 'circle',
					band: true,
					points: drug.points.map((p) => ({ x: p.period, y: p.value, lower: p.lower, upper: p.upper }))
				},
				{
					id: 'alcohol',
					label: 'Alcohol specific',
					color: 'var(--c-series-2)',
					marker: 'square',
					dash: 'dashed',
					points: alcohol.points.map((p) => ({ x: p.period, y: p.value }))
				}
			]
		},
		alt: `Line chart of drug-related and alcohol-specific deaths in ${name} from the grant return. ${sentences[0]}`
	};
}

/** Death rates from a Fingertips export, when one is loaded. */
export function rateMeasures(model: Model, area: string): Measure[] {
	const name = areaName(model, area);
	return ['drug_misuse_deaths_rate', 'alcohol_specific_mortality_rate']
		.map((metric) => ({ metric, r: rateSeries(model, area, metric) }))
		.filter((x) => x.r.points.length)
		.map(({ metric, r }): Measure => {
			const last = r.points[r.points.length - 1];
			const label = r.name ?? metric.replace(/_/g, ' ');
			const sentence = `In ${last.period} the rate was ${fmtRate(last.local)} per 100,000 against England's ${fmtRate(last.england)}: ${COMPARISON_LABEL[last.comparison].toLowerCase()}.`;
			return {
				id: `rate-${metric}-${area}`,
				section: 'deaths',
				area,
				areaName: name,
				name: label,
				title: `${name}: ${label} against England`,
				sentences: [sentence],
				status: 'no_target',
				statusText: 'no target is set; compared with England',
				comparison: last.comparison,
				period: `periods ${span(r.points.map((p) => p.period))}`,
				recordLevel: false,
				synthetic: false,
				sources: r.sources,
				definition: `Rates per 100,000 as published by OHID Fingertips, with their 95% confidence intervals. ${COMPARISON_RULE} Lower is better. ONS rule: no rate from fewer than 10 deaths, and rates from fewer than 20 flagged.`,
				table: rateTable(`${name}: ${label}, local and England`, r.points),
				chart: {
					kind: 'line',
					categories: r.points.map((q) => q.period),
					format: fmtRate,
					yLabel: 'Per 100,000',
					series: [
						{
							id: 'local',
							label: name,
							color: 'var(--c-series-1)',
							band: true,
							points: r.points.map((q) => ({ x: q.period, y: q.local, lower: q.localLower, upper: q.localUpper }))
						},
						{
							id: 'england',
							label: 'England',
							color: 'var(--c-england)',
							dash: 'dashed',
							marker: 'square',
							points: r.points.map((q) => ({ x: q.period, y: q.england }))
						}
					]
				},
				alt: `Line chart of ${label} for ${name} and England with 95% confidence intervals. ${sentence}`
			};
		});
}

export function treatmentMeasure(model: Model, area: string): Measure | null {
	const name = areaName(model, area);
	const t = trajectory(model, area, 'adults', SUPPRESS);
	const rows = t.rows.filter((r) => r.actual.value != null || r.actual.suppressed || r.guide != null || r.reported != null);
	if (!rows.length) return null;
	const sentences = [treatmentSentence(name, 'adults', t)];
	const rep = [...t.rows].reverse().find((r) => r.reported != null);
	if (rep) sentences.push(`The published figure for ${rep.label} is ${fmtCount(rep.reported)}.`);
	const latestPlan = [...t.rows].reverse().find((r) => r.plan != null && r.plan !== r.guide && !r.partial);
	if (latestPlan && latestPlan.actual.value != null)
		sentences.push(`The local plan for ${latestPlan.label} was ${fmtCount(latestPlan.plan)}.`);
	const labels = t.rows.map((r) => r.label);
	return {
		id: `treatment-${area}`,
		section: 'treatment',
		area,
		areaName: name,
		name: 'Adults in treatment',
		title: `${name}: adults in treatment against the guide trajectory`,
		sentences,
		status: t.latest?.status ?? 'no_target',
		statusText: t.latest ? `against the guide trajectory, ${t.latest.label}` : 'no guide trajectory is loaded for this area',
		comparison: 'not_compared',
		period: `financial years ${span(labels)}`,
		recordLevel: model.yearly.some((r) => r.area === area && r.group === 'adults'),
		synthetic: t.synthetic,
		sources: [...t.sources, ...(t.synthetic ? [RECORDS_SOURCE] : [])],
		definition: `${COHORT_DEFINITION} Guide trajectory: the 2021-22 baseline plus the guide's additional places for the year; local plan: the baseline plus the plan's additional places. Gap = in treatment − guide trajectory. ${STATUS_RULE}`,
		table: withSuppressionNote(trajectoryTable(`${name}: adults in treatment by financial year`, t.rows)),
		chart: { kind: 'trajectory', rows: t.rows },
		alt: `Line chart of adults in treatment in ${name} by financial year against the guide trajectory and local plan. ${sentences[0]}`
	};
}

export function monthlyMeasure(model: Model, area: string, opts: { fullTable?: boolean } = {}): Measure | null {
	const name = areaName(model, area);
	const months = monthly(model, area, 'adults', SUPPRESS);
	if (!months.some((m) => m.value != null)) return null;
	const projection = monthlyProjection(months);
	const rising = risingSince(months);
	const t = trajectory(model, area, 'adults', SUPPRESS);
	const cats = [...months.map((m) => m.month), ...(projection?.points.slice(1).map((p) => p.month) ?? [])];
	const targets = cats.map((m) => {
		const [y, mo] = m.split('-').map(Number);
		return { x: m, y: mo === 3 ? (t.rows.find((r) => r.fy === y - 1)?.guide ?? null) : null };
	});
	const last = [...months].reverse().find((m) => m.value != null)!;
	let s = `${name} had ${fmtCount(last.value)} adults in treatment in the 12 months to ${fmtMonth(last.month)}`;
	if (rising) s += `, increasing month on month since ${fmtMonth(rising)}`;
	s += '.';
	const sentences = [s];
	if (projection)
		sentences.push(
			`If the last six months' trend continued, it would reach about ${fmtCount(projection.points[projection.points.length - 1].value)} by March ${PLAN_END_FY + 1} (a straight line, not a forecast).`
		);
	const synthetic = model.yearly.some((r) => r.area === area && r.synthetic);
	const tableMonths = opts.fullTable ? months : months.filter((m, i) => m.month.endsWith('-03') || i === months.length - 1);
	const projRows = (projection?.points.slice(1) ?? []).filter((p, i, a) => opts.fullTable || p.month.endsWith('-03') || i === a.length - 1);
	return {
		id: `monthly-${area}`,
		section: 'treatment',
		area,
		areaName: name,
		name: 'Adults in treatment, month by month',
		title: `${name}: adults in treatment, 12 months to each month end`,
		sentences,
		status: 'no_target',
		statusText: 'guide trajectory marked at each year end',
		comparison: 'not_compared',
		period: `rolling 12 months, ${fmtMonth(months[0].month)} to ${fmtMonth(last.month)}`,
		recordLevel: true,
		synthetic,
		sources: synthetic ? [RECORDS_SOURCE] : ['loaded treatment journeys (record level)'],
		definition: `People in structured treatment at any time in the 12 months to the end of each month, counted from the record-level journeys.${projection ? ` Projection: a straight line fitted to the last six months (${fmtMonth(projection.basisFrom)} to ${fmtMonth(projection.basisTo)}), extended to March ${PLAN_END_FY + 1}, the end of the grant's plan period. It is not a forecast.` : ''}`,
		table: withSuppressionNote({
			caption: opts.fullTable
				? `${name}: adults in treatment, 12 months to month end`
				: `${name}: adults in treatment, 12 months to March of each year and to the latest month`,
			columns: [
				{ key: 'month', label: '12 months to' },
				{ key: 'value', label: 'In treatment', numeric: true },
				{ key: 'projected', label: 'Projected', numeric: true }
			],
			rows: [
				...tableMonths.map((m) => ({ month: fmtMonth(m.month), value: fmtCount(m.value, m.suppressed), projected: MISSING })),
				...projRows.map((p) => ({ month: fmtMonth(p.month), value: MISSING, projected: fmtCount(p.value) }))
			],
			notes: projection ? ['Projected values are a straight-line extension of the last six months, not a forecast.'] : []
		}),
		chart: {
			kind: 'line',
			categories: cats,
			xFormat: fmtMonth,
			xEvery: 12,
			format: (v) => fmtCount(v),
			yLabel: 'People in treatment',
			annotations: cats.includes('2021-12') ? [{ x: '2021-12', label: 'Strategy' }] : [],
			series: [
				{
					id: 'monthly',
					label: 'In treatment',
					color: 'var(--c-series-1)',
					marker: 'none',
					points: months.map((m) => ({ x: m.month, y: m.value, suppressed: m.suppressed }))
				},
				...(projection
					? [
							{
								id: 'projection',
								label: 'Projection',
								color: 'var(--c-series-1)',
								dash: 'dashed' as const,
								marker: 'none' as const,
								width: 2.5,
								points: projection.points.map((p) => ({ x: p.month, y: p.value }))
							}
						]
					: []),
				...(targets.some((x) => x.y != null)
					? [{ id: 'target', label: 'Guide trajectory', color: 'var(--c-target)', marker: 'square' as const, width: 0, points: targets }]
					: [])
			]
		},
		alt: `Line chart of adults in treatment in ${name}, 12 months to each month end${projection ? `, with a dashed projection to March ${PLAN_END_FY + 1}` : ''}. ${sentences.join(' ')}`
	};
}

export function presentationsMeasure(model: Model, area: string): Measure | null {
	const name = areaName(model, area);
	const rec = model.yearly.filter((r) => r.area === area && r.group === 'adults' && r.fy >= 2018);
	const pub = figures(model, { area, metric: 'new_presentations' }).filter((f) => (f.cohort ?? 'adults') === 'adults');
	if (!rec.length && !pub.length) return null;
	const years = [...new Set([...rec.map((r) => r.fy), ...pub.map((f) => Number(f.start.slice(0, 4)))])].sort((a, b) => a - b);
	const pts = years.map((y) => {
		const r = rec.find((x) => x.fy === y);
		const partial = model.dataDate != null && `${y + 1}-03-31` > model.dataDate;
		const c = suppressCount(r?.new_presentations ?? null, SUPPRESS);
		const p = pub.find((f) => Number(f.start.slice(0, 4)) === y);
		return {
			x: partial ? `${fy(y)} (to date)` : fy(y),
			y: partial ? null : c.value,
			toDate: partial ? c.value : null,
			suppressed: c.suppressed,
			reported: p?.value ?? null
		};
	});
	const last = [...pts].reverse().find((p) => p.y != null);
	const sentences: string[] = [];
	if (last) sentences.push(`${fmtCount(last.y)} adults in ${name} started a new treatment journey in ${last.x}.`);
	const rep = [...pts].reverse().find((p) => p.reported != null);
	if (rep) sentences.push(`The published figure for ${rep.x} is ${fmtCount(rep.reported)} new presentations.`);
	if (!sentences.length) sentences.push(`No new presentations are loaded for ${name}.`);
	const synthetic = rec.some((r) => r.synthetic);
	const sources = [...sourcesOf(pub), ...(synthetic ? [RECORDS_SOURCE] : [])];
	return {
		id: `presentations-${area}`,
		section: 'presentations',
		area,
		areaName: name,
		name: 'New presentations to treatment',
		title: `${name}: new presentations to treatment`,
		sentences,
		status: 'no_target',
		statusText: 'no target is set',
		comparison: 'not_compared',
		period: `financial years ${span(pts.map((p) => p.x))}`,
		recordLevel: rec.length > 0,
		synthetic,
		sources,
		definition:
			'Journeys with a triage date in the financial year (a new presentation to structured treatment). Published figures as given in the seed documents.',
		table: withSuppressionNote({
			caption: `${name}: new presentations by financial year`,
			columns: [
				{ key: 'year', label: 'Financial year' },
				{ key: 'n', label: 'New presentations', numeric: true },
				{ key: 'pub', label: 'Published figure', numeric: true }
			],
			rows: pts.map((p) => ({ year: p.x, n: fmtCount(p.y ?? p.toDate, p.suppressed), pub: fmtCount(p.reported) })),
			notes: []
		}),
		chart: {
			kind: 'line',
			categories: pts.map((p) => p.x),
			format: (v) => fmtCount(v),
			yLabel: 'New presentations',
			series: [
				{
					id: 'new',
					label: 'From records',
					color: 'var(--c-series-3)',
					marker: 'circle',
					points: pts.map((p) => ({ x: p.x, y: p.y, suppressed: p.suppressed }))
				},
				...(pts.some((p) => p.toDate != null)
					? [
							{
								id: 'to-date',
								label: 'Year to date',
								color: 'var(--c-series-3)',
								marker: 'circle' as const,
								hollow: true,
								width: 0,
								points: pts.map((p) => ({ x: p.x, y: p.toDate }))
							}
						]
					: []),
				...(pts.some((p) => p.reported != null)
					? [
							{
								id: 'pub',
								label: 'Published',
								color: 'var(--c-series-4)',
								marker: 'diamond' as const,
								width: 0,
								points: pts.map((p) => ({ x: p.x, y: p.reported }))
							}
						]
					: [])
			]
		},
		alt: `Line chart of new presentations to treatment in ${name} by financial year. ${sentences.join(' ')}`
	};
}

export function substancesMeasure(model: Model, area: string): Measure | null {
	const name = areaName(model, area);
	const published = figures(model, { area, metric: 'numbers_in_treatment' }).filter((f) => SUBSTANCES.some((s) => s.id === f.cohort));
	const years = model.yearly.filter((r) => r.area === area && r.group === 'adults').map((r) => r.fy);
	const complete = years.filter((y) => !model.dataDate || `${y + 1}-03-31` <= model.dataDate);
	const pubYear = published[0] ? Number(published[0].start.slice(0, 4)) : null;
	const year = pubYear ?? complete[complete.length - 1];
	if (year == null) return null;
	const rows = SUBSTANCES.map((s) => {
		const rec = model.yearly.find((r) => r.area === area && r.group === s.id && r.fy === year);
		const c = suppressCount(rec?.in_treatment ?? null, SUPPRESS);
		const pub = published.find((f) => f.cohort === s.id);
		return { id: s.id, label: s.label, records: c, published: pub?.value ?? null };
	}).filter((r) => r.records.value != null || r.records.suppressed || r.published != null);
	if (!rows.length) return null;
	const key = (r: (typeof rows)[number]) => r.published ?? r.records.value ?? -1;
	const top = rows.reduce((a, b) => (key(b) > key(a) ? b : a));
	const synthetic = model.yearly.some((r) => r.area === area && r.synthetic);
	const sentences = [
		`In ${fy(year)}, the largest substance group among adults in treatment in ${name} was ${top.label.toLowerCase()} (${fmtCount(key(top))}${published.length ? ' published' : ''}).`
	];
	if (published.length)
		sentences.push(`The published breakdown (rounded) is shown beside the count from the record-level data for the same year.`);
	return {
		id: `substances-${area}`,
		section: 'substances',
		area,
		areaName: name,
		name: 'Adults in treatment by substance',
		title: `${name}: adults in treatment by substance, ${fy(year)}`,
		sentences,
		status: 'no_target',
		statusText: 'no target is set',
		comparison: 'not_compared',
		period: `financial year ${fy(year)}`,
		recordLevel: true,
		synthetic,
		sources: [...sourcesOf(published), ...(synthetic ? [RECORDS_SOURCE] : [])],
		definition: 'Adults in structured treatment at any time in the year, by the substance group recorded at triage.',
		table: withSuppressionNote({
			caption: `${name}: adults in treatment by substance group, ${fy(year)}`,
			columns: [
				{ key: 'group', label: 'Substance group' },
				{ key: 'records', label: 'Records', numeric: true },
				...(published.length ? [{ key: 'pub', label: 'Published (rounded)', numeric: true }] : [])
			],
			rows: rows.map((r) => ({ group: r.label, records: fmtCount(r.records.value, r.records.suppressed), pub: fmtCount(r.published) })),
			notes: []
		}),
		chart: {
			kind: 'bar',
			rows: rows.map((r) => ({
				label: r.label,
				values: [
					{ series: 'records', value: r.records.value, suppressed: r.records.suppressed },
					...(published.length ? [{ series: 'published', value: r.published }] : [])
				]
			})),
			series: [
				{ id: 'records', label: 'Records', color: 'var(--c-series-1)' },
				...(published.length ? [{ id: 'published', label: 'Published (rounded)', color: 'var(--c-series-2)', hatch: true }] : [])
			],
			format: (v) => fmtCount(v),
			missingText: published.length ? 'not published' : 'no data'
		},
		alt: `Bar chart of adults in treatment in ${name} by substance group, ${fy(year)}. ${sentences[0]}`
	};
}

export function progressMeasure(model: Model, area: string): Measure | null {
	const name = areaName(model, area);
	const local = figures(model, { area, metric: 'substantial_progress' });
	if (!local.length) return null;
	const england = figures(model, { area: ENGLAND, metric: 'substantial_progress' });
	const cohorts = [...new Set(local.map((f) => f.cohort))];
	const rows = cohorts.map((c) => ({
		label: c == null || c === 'adults' ? 'All in treatment' : cohortLabel(c),
		local: local.find((f) => f.cohort === c)?.value ?? null,
		england: england.find((f) => f.cohort === c)?.value ?? null
	}));
	const period = local[0].period;
	const all = rows.find((r) => r.label === 'All in treatment');
	const sentences = [
		all
			? `In ${period}, ${fmtPct(all.local)} of people in treatment in ${name} made substantial progress${all.england != null ? `, against ${fmtPct(all.england)} in England` : ''}.`
			: `Substantial progress in ${name}, ${period}, by substance.`
	];
	const others = rows.filter((r) => r !== all && r.local != null);
	if (others.length) sentences.push(`By substance: ${others.map((r) => `${r.label.toLowerCase()} ${fmtPct(r.local)}`).join(', ')}.`);
	return {
		id: `progress-${area}`,
		section: 'substances',
		area,
		areaName: name,
		name: 'Substantial progress in treatment',
		title: `${name}: substantial progress in treatment by substance, against England`,
		sentences,
		status: 'no_target',
		statusText: 'no target is set; no significance claimed',
		comparison: 'not_compared',
		period: `service year ${period}`,
		recordLevel: false,
		synthetic: false,
		sources: sourcesOf([...local, ...england]),
		definition:
			'As published: substantial progress includes all successful completions, and people no longer using, or substantially reducing their use of, the problem substance. No confidence intervals are published, so no significance is claimed.',
		table: {
			caption: `${name}: substantial progress by substance (${period})`,
			columns: [
				{ key: 'group', label: 'Substance' },
				{ key: 'local', label: name, numeric: true },
				{ key: 'england', label: 'England', numeric: true }
			],
			rows: rows.map((r) => ({ group: r.label, local: fmtPct(r.local), england: fmtPct(r.england) })),
			notes: []
		},
		chart: {
			kind: 'bar',
			rows: rows.map((r) => ({
				label: r.label,
				values: [
					{ series: 'local', value: r.local },
					{ series: 'england', value: r.england }
				]
			})),
			series: [
				{ id: 'local', label: name, color: 'var(--c-series-1)' },
				{ id: 'england', label: 'England', color: 'var(--c-england)', hatch: true }
			],
			format: (v) => fmtPct(v),
			xMax: 100,
			missingText: 'not published'
		},
		alt: `Bar chart of the percentage of people in treatment making substantial progress in ${name} and England by substance. ${sentences.join(' ')}`
	};
}

export function continuityMeasure(model: Model, area: string): Measure | null {
	const name = areaName(model, area);
	const c = continuity(model, area, SUPPRESS);
	if (!c.rows.length) return null;
	const rows = c.rows;
	const sentences = [continuitySentence(name, c)];
	const rep = [...rows].reverse().find((r) => r.reported != null && r.percent.value != null);
	if (rep)
		sentences.push(
			`The published figure for ${name} in ${rep.label} was ${fmtPct(rep.reported)}${rep.england != null ? `, against ${fmtPct(rep.england)} for England` : ''}.`
		);
	const series: Series[] = [
		{
			id: 'local',
			label: 'Within 3 weeks',
			color: 'var(--c-series-1)',
			band: true,
			points: rows.map((r) => ({ x: r.label, y: r.percent.value, lower: r.lower, upper: r.upper, suppressed: r.percent.suppressed }))
		}
	];
	if (rows.some((r) => r.reported != null))
		series.push({
			id: 'reported',
			label: 'Published figure',
			color: 'var(--c-series-3)',
			marker: 'diamond',
			width: 0,
			points: rows.map((r) => ({ x: r.label, y: r.reported }))
		});
	if (rows.some((r) => r.plan != null))
		series.push({
			id: 'plan',
			label: 'Local plan',
			color: 'var(--c-series-2)',
			dash: 'dotted',
			marker: 'triangle',
			width: 2.5,
			points: rows.map((r) => ({ x: r.label, y: r.plan }))
		});
	if (rows.some((r) => r.england != null))
		series.push({
			id: 'england',
			label: 'England',
			color: 'var(--c-england)',
			marker: 'square',
			width: 0,
			points: rows.map((r) => ({ x: r.label, y: r.england }))
		});
	series.push({
		id: 'ambition',
		label: '75% ambition',
		color: 'var(--c-target)',
		dash: 'dashed',
		marker: 'none',
		width: 2,
		points: rows.map((r) => ({ x: r.label, y: r.ambition ?? 75 }))
	});
	return {
		id: `continuity-${area}`,
		section: 'continuity',
		area,
		areaName: name,
		name: 'Continuity of care',
		title: `${name}: prison leavers engaging in treatment within 3 weeks`,
		sentences,
		status: c.latest?.status ?? 'no_target',
		statusText: c.latest ? `against ${c.latest.plan != null ? 'the local plan' : 'the 75% national ambition'}, ${c.latest.label}` : null,
		comparison: c.latest?.comparison ?? 'not_compared',
		period: `financial years ${span(rows.map((r) => r.label))}`,
		recordLevel: model.continuity.some((r) => r.area === area),
		synthetic: c.synthetic,
		sources: [...c.sources, ...(c.synthetic ? [RELEASES_SOURCE] : [])],
		definition: `${CONTINUITY_DEFINITION} ${COMPARISON_RULE} ${STATUS_RULE} Status is against the local plan for the year where one is set, else the 75% ambition from 2023-24.`,
		table: withSuppressionNote(continuityTable(`${name}: continuity of care by financial year`, rows)),
		chart: {
			kind: 'line',
			categories: rows.map((r) => r.label),
			series,
			yDomain: [0, 100],
			format: (v) => fmtPct(v),
			yLabel: '% engaged within 3 weeks'
		},
		alt: `Line chart of continuity of care in ${name} by financial year with a 95% confidence band, England and the 75% ambition. ${sentences[0]}`
	};
}

export function rehabMeasure(model: Model, area: string): Measure | null {
	const name = areaName(model, area);
	const r = rehab(model, area, SUPPRESS);
	if (!r.rows.some((x) => x.percent.value != null || x.percent.suppressed)) return null;
	const l = r.latest;
	const sentences = [
		l
			? `In ${l.label}, ${fmtCount(l.starts.value, l.starts.suppressed)} adults in ${name} started residential rehab, ${fmtPct(l.percent.value, l.percent.suppressed, 2)} of ${fmtCount(l.adults)} adults in treatment, against the ${fmtPct(r.ambition)} national ambition.`
			: `No complete year of residential rehab data is loaded for ${name}.`
	];
	if (r.averagePct)
		sentences.push(
			`The published baseline was ${fmtPct(r.averagePct.value, false, 1)} (${r.averagePct.period} average${r.average ? `, ${fmtCount(r.average.value)} a year` : ''}).`
		);
	const synthetic = r.synthetic;
	return {
		id: `rehab-${area}`,
		section: 'rehab',
		area,
		areaName: name,
		name: 'Residential rehab',
		title: `${name}: residential rehab starts as a share of adults in treatment`,
		sentences,
		status: l?.status ?? 'no_target',
		statusText: l ? `against the ${fmtPct(r.ambition)} national ambition, ${l.label}` : null,
		comparison: 'not_compared',
		period: `financial years ${span(r.rows.filter((x) => x.adults != null).map((x) => x.label))}`,
		recordLevel: true,
		synthetic,
		sources: [...r.sources, ...(synthetic ? [RECORDS_SOURCE] : [])],
		definition: `${REHAB_DEFINITION} ${STATUS_RULE}`,
		table: withSuppressionNote(rehabTable(`${name}: residential rehab by financial year`, r.rows, r.ambition)),
		chart: {
			kind: 'line',
			categories: r.rows.map((x) => x.label),
			format: (v) => fmtPct(v, false, 1),
			yLabel: '% of adults in treatment',
			series: [
				{
					id: 'pct',
					label: 'Rehab starts',
					color: 'var(--c-series-1)',
					band: true,
					points: r.rows.map((x) => ({
						x: x.label,
						y: x.partial ? null : x.percent.value,
						lower: x.partial ? null : x.lower,
						upper: x.partial ? null : x.upper,
						suppressed: x.percent.suppressed
					}))
				},
				{
					id: 'ambition',
					label: `${fmtPct(r.ambition)} ambition`,
					color: 'var(--c-target)',
					dash: 'dashed',
					marker: 'none',
					width: 2,
					points: r.rows.map((x) => ({ x: x.label, y: r.ambition }))
				}
			]
		},
		alt: `Line chart of residential rehab starts as a percentage of adults in treatment in ${name}, against the ${fmtPct(r.ambition)} ambition. ${sentences[0]}`
	};
}

/** Starts against planned placements, where a plan is loaded (Rotherham's grant return). */
export function rehabPlanMeasure(model: Model, area: string): Measure | null {
	const name = areaName(model, area);
	const r = rehab(model, area, SUPPRESS);
	const planned = r.rows.filter((x) => x.planned != null);
	if (!planned.length) return null;
	const sentences = [
		`Planned placements: ${planned.map((x) => `${fmtCount(x.planned)} in ${x.label}`).join(', ')}.`,
		`Starts recorded: ${planned.map((x) => `${fmtCount(x.starts.value, x.starts.suppressed)} in ${x.label}`).join(', ')}.`
	];
	const synthetic = r.synthetic;
	return {
		id: `rehab-plan-${area}`,
		section: 'rehab',
		area,
		areaName: name,
		name: 'Residential rehab against the plan',
		title: `${name}: residential rehab starts against planned placements`,
		sentences,
		status: 'no_target',
		statusText: 'planned placements shown for comparison',
		comparison: 'not_compared',
		period: `financial years ${span(r.rows.map((x) => x.label))}`,
		recordLevel: true,
		synthetic,
		sources: [...r.sources, ...(synthetic ? [RECORDS_SOURCE] : [])],
		definition:
			'Adults with a residential rehabilitation start date in the financial year. Planned placements as given in the grant planning return.',
		table: withSuppressionNote({
			caption: `${name}: residential rehab starts and planned placements`,
			columns: [
				{ key: 'year', label: 'Financial year' },
				{ key: 'starts', label: 'Rehab starts', numeric: true },
				{ key: 'planned', label: 'Planned placements', numeric: true }
			],
			rows: r.rows.map((x) => ({ year: x.label, starts: fmtCount(x.starts.value, x.starts.suppressed), planned: fmtCount(x.planned) })),
			notes: []
		}),
		chart: {
			kind: 'line',
			categories: r.rows.map((x) => x.label),
			format: (v) => fmtCount(v),
			yLabel: 'Adults starting rehab',
			series: [
				{
					id: 'starts',
					label: 'Starts',
					color: 'var(--c-series-1)',
					marker: 'circle',
					points: r.rows.map((x) => ({ x: x.label, y: x.starts.value, suppressed: x.starts.suppressed }))
				},
				{
					id: 'planned',
					label: 'Planned',
					color: 'var(--c-series-2)',
					dash: 'dotted',
					marker: 'triangle',
					width: 2.5,
					points: r.rows.map((x) => ({ x: x.label, y: x.planned }))
				}
			]
		},
		alt: `Line chart of residential rehab starts and planned placements in ${name} by financial year. ${sentences.join(' ')}`
	};
}

export function deathsInTreatmentMeasure(model: Model, area: string): Measure | null {
	const name = areaName(model, area);
	const dit = deathsInTreatment(model, area, SUPPRESS);
	if (!dit.rows.length) return null;
	const last = dit.rows[dit.rows.length - 1];
	const sentences = [
		`In ${last.label}, deaths of people in treatment in ${name} were: opiate ${fmtCount(last.opiate.value, last.opiate.suppressed)}, non-opiate ${fmtCount(last.non_opiate.value, last.non_opiate.suppressed)}, alcohol only ${fmtCount(last.alcohol.value, last.alcohol.suppressed)}.`
	];
	if ([last.opiate, last.non_opiate, last.alcohol].some((c) => c.suppressed)) sentences.push('Counts of 1 to 4 are suppressed (*).');
	const published = dit.rows.filter((r) => r.source === 'published');
	if (published.length && published.length < dit.rows.length)
		sentences.push(`Years to ${published[published.length - 1].label} are as published; later years are counted from records.`);
	const hasRecords = dit.rows.some((r) => r.source === 'records');
	return {
		id: `dit-${area}`,
		section: 'deaths_in_treatment',
		area,
		areaName: name,
		name: 'Deaths in treatment',
		title: `${name}: deaths in treatment by substance cohort`,
		sentences,
		status: 'no_target',
		statusText: 'no target is set for deaths',
		comparison: 'not_compared',
		period: `financial years ${span(dit.rows.map((r) => r.label))}`,
		recordLevel: hasRecords,
		synthetic: dit.synthetic,
		sources: [...dit.sources, ...(dit.synthetic ? [RECORDS_SOURCE] : [])],
		definition:
			`Journeys ending with the discharge reason 'died' in the financial year, by substance cohort. Years marked 'Published' are as printed in the grant return; later years are counted from records. ${dit.notes.join(' ')}`.trim(),
		table: withSuppressionNote(deathsInTreatmentTable(`${name}: deaths in treatment by cohort`, dit.rows)),
		chart: {
			kind: 'line',
			categories: dit.rows.map((r) => r.label),
			format: (v) => fmtCount(v),
			yLabel: 'Deaths in treatment',
			annotations: dit.rows.some((r) => r.label === '2021-22') ? [{ x: '2021-22', label: 'Strategy' }] : [],
			series: [
				{
					id: 'opiate',
					label: 'Opiate',
					color: 'var(--c-series-1)',
					marker: 'circle',
					points: dit.rows.map((r) => ({ x: r.label, y: r.opiate.value, suppressed: r.opiate.suppressed }))
				},
				{
					id: 'non_opiate',
					label: 'Non-opiate',
					color: 'var(--c-series-3)',
					marker: 'square',
					dash: 'dashed',
					points: dit.rows.map((r) => ({ x: r.label, y: r.non_opiate.value, suppressed: r.non_opiate.suppressed }))
				},
				{
					id: 'alcohol',
					label: 'Alcohol only',
					color: 'var(--c-series-2)',
					marker: 'triangle',
					dash: 'dotted',
					points: dit.rows.map((r) => ({ x: r.label, y: r.alcohol.value, suppressed: r.alcohol.suppressed }))
				}
			]
		},
		alt: `Line chart of deaths in treatment in ${name} by cohort and financial year. ${sentences[0]}`
	};
}

/** Every measure with data for an area, in reading order (the board's slide order after the overview). */
export function measuresFor(model: Model, area: string): Measure[] {
	const main = [
		deathsMeasure(model, area),
		treatmentMeasure(model, area),
		continuityMeasure(model, area),
		rehabMeasure(model, area),
		deathsInTreatmentMeasure(model, area)
	];
	const others = [
		monthlyMeasure(model, area),
		presentationsMeasure(model, area),
		substancesMeasure(model, area),
		progressMeasure(model, area),
		rehabPlanMeasure(model, area),
		grantDeathsMeasure(model, area),
		...rateMeasures(model, area)
	];
	return [...main, ...others].filter((m): m is Measure => m != null);
}

/** The same measures grouped by report section, in the report's order. */
export function measuresBySection(model: Model, area: string): Map<SectionId, Measure[]> {
	const ordered = [
		deathsMeasure(model, area),
		grantDeathsMeasure(model, area),
		...rateMeasures(model, area),
		treatmentMeasure(model, area),
		monthlyMeasure(model, area),
		presentationsMeasure(model, area),
		substancesMeasure(model, area),
		progressMeasure(model, area),
		continuityMeasure(model, area),
		rehabMeasure(model, area),
		rehabPlanMeasure(model, area),
		deathsInTreatmentMeasure(model, area)
	].filter((m): m is Measure => m != null);
	const map = new Map<SectionId, Measure[]>();
	for (const m of ordered) map.set(m.section, [...(map.get(m.section) ?? []), m]);
	return map;
}

export function dataDateText(model: Model): string | null {
	return model.dataDate ? fmtDate(model.dataDate) : null;
}
