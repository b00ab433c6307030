/**
 * ONS deaths by year of registration, with the region and England beside the area: deaths related to drug
 * misuse (the Combating Drugs Outcomes Framework's headline) and deaths related to drug poisoning (all drugs).
 */
import { countSeries, type CountPoint } from '$lib/metrics/deaths';
import { areaName } from '$lib/metrics/figures';
import { fmtCount, MISSING } from '$lib/metrics/format';
import { ENGLAND } from '$lib/data/areas';
import type { ChartSpec } from '../types';
import { defineMeasure, span, strategyMarker } from '../define';

/** The axis starts in 2001 (ICD-10; earlier years were coded to ICD-9) and runs at least to 2022, so the strategy (Dec 2021) is on it. */
export const DEATHS_FROM = 2001;
const AXIS_TO = 2022;

export const COUNT_INTERVAL = "95% confidence interval: exact Poisson below 10 deaths, Byar's method from 10.";
const WHO = 'persons, all ages, by local authority of usual residence and year of registration';
export const ONS_MISUSE_DEFINITION = `ONS deaths related to drug misuse, the headline measure of the Combating Drugs Outcomes Framework: deaths whose underlying cause is drug abuse or dependence, or drug poisoning where a drug controlled under the Misuse of Drugs Act 1971 is mentioned on the death record (the workbook's Box 2); a subset of drug poisoning deaths, ${WHO}.`;
export const ONS_POISONING_DEFINITION = `ONS deaths related to drug poisoning (all substances, legal and illegal), ${WHO}.`;

export function yearAxis(lastYear: number): string[] {
	const to = Math.max(lastYear, AXIS_TO);
	return Array.from({ length: to - DEATHS_FROM + 1 }, (_, i) => String(DEATHS_FROM + i));
}

/** Deaths by year of registration on the shared axis (2001 to at least 2022), with 95% bands and the strategy. */
export function registrationsChart(points: CountPoint[], line: { id: string; label: string; color: string }): ChartSpec {
	const categories = yearAxis(points[points.length - 1].year);
	return {
		kind: 'line',
		categories,
		xEvery: 4,
		format: (v) => fmtCount(Math.round(v)),
		yLabel: 'Deaths registered',
		annotations: strategyMarker(categories),
		series: [{ ...line, band: true, points: points.map((p) => ({ x: p.period, y: p.value, lower: p.lower, upper: p.upper })) }]
	};
}

const ciText = (lower: number | null, upper: number | null) =>
	lower != null && upper != null ? `${fmtCount(Math.round(lower))} to ${fmtCount(Math.round(upper))}` : MISSING;

function registrations(o: { id: string; metric: string; name: string; what: string; definition: string; slide: number }) {
	return defineMeasure({
		id: o.id,
		name: o.name,
		section: 'deaths',
		pages: ['deaths'],
		slide: o.slide,
		multiples: true,
		data: (ctx) => {
			const s = countSeries(ctx.model, ctx.area, o.metric);
			const points = s.points.filter((p) => p.year >= DEATHS_FROM);
			if (!points.some((p) => p.value != null)) return null;
			const regionCode = ctx.model.areas.find((a) => a.code === ctx.area)?.region ?? null;
			const region = regionCode ? countSeries(ctx.model, regionCode, o.metric) : null;
			const england = countSeries(ctx.model, ENGLAND, o.metric);
			return {
				s,
				points,
				last: points[points.length - 1],
				region: region?.points.length ? { name: areaName(ctx.model, regionCode!), points: region.points } : null,
				england: england.points,
				sources: [...new Set([...s.sources, ...(region?.sources ?? []), ...england.sources])]
			};
		},
		title: (d, ctx) => `${ctx.name}: ${o.what}, ${DEATHS_FROM} to ${d.last.period}`,
		sentences: (d, ctx) => {
			const s = [`${fmtCount(d.last.value)} ${o.what} were registered for ${ctx.name} residents in ${d.last.period}.`];
			// A description of the change, not a test of it: no "significant" without one.
			const before = d.points.find((p) => p.year === d.last.year - 3);
			if (before?.value != null) s.push(`That compares with ${fmtCount(before.value)} in ${before.period}, three years earlier.`);
			const peak = d.points.reduce((a, b) => ((b.value ?? -1) > (a.value ?? -1) ? b : a));
			if (peak === d.last) s.push(`It is the highest count since ${DEATHS_FROM}.`);
			else if (peak.value != null) s.push(`The highest count since ${DEATHS_FROM} was ${fmtCount(peak.value)}, in ${peak.period}.`);
			const eng = d.england.find((e) => e.period === d.last.period);
			if (ctx.area !== ENGLAND && eng?.value != null) s.push(`England registered ${fmtCount(eng.value)} in ${d.last.period}.`);
			return s;
		},
		noTarget: 'no target is set for deaths',
		period: (d) => `registered ${span(d.points.map((p) => p.period))}`,
		recordLevel: () => false,
		synthetic: () => false,
		sources: (d) => d.sources,
		definition: (d) =>
			`${o.definition}${d.s.derived ? ' Sum of North and West Northamptonshire.' : ''} The table gives the region and England beside the area. ${COUNT_INTERVAL}`,
		table: (d, ctx) => ({
			caption: `${ctx.name}: ${o.what} by year of registration`,
			columns: [
				{ key: 'year', label: 'Year' },
				{ key: 'n', label: 'Deaths', numeric: true },
				{ key: 'ci', label: '95% CI', numeric: true },
				...(d.region ? [{ key: 'region', label: d.region.name, numeric: true }] : []),
				{ key: 'eng', label: 'England', numeric: true }
			],
			rows: d.points.map((q) => ({
				year: q.period,
				n: fmtCount(q.value),
				ci: ciText(q.lower, q.upper),
				region: fmtCount(d.region?.points.find((e) => e.period === q.period)?.value ?? null),
				eng: fmtCount(d.england.find((e) => e.period === q.period)?.value ?? null)
			})),
			notes: []
		}),
		chart: (d) => registrationsChart(d.points, { id: 'deaths', label: 'Deaths', color: 'var(--c-series-1)' }),
		alt: (d, ctx, s) =>
			`Line chart of ${o.what} in ${ctx.name} by year of registration, ${span(d.points.map((p) => p.period))}, with a 95% confidence band. ${s[0]}`
	});
}

export const misuse = registrations({
	id: 'misuse',
	metric: 'drug_misuse_deaths',
	name: 'Drug misuse deaths',
	what: 'deaths related to drug misuse',
	definition: ONS_MISUSE_DEFINITION,
	slide: 1
});

export const poisoning = registrations({
	id: 'poisoning',
	metric: 'drug_poisoning_deaths',
	name: 'Drug poisoning deaths',
	what: 'deaths related to drug poisoning',
	definition: ONS_POISONING_DEFINITION,
	slide: 14
});
