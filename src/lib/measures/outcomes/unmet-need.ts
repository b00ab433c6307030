/**
 * Unmet need for treatment: the share of a modelled estimate of the people who need it who were not in treatment
 * in the year, the estimate's own 95% limits carried through to the share. One definition for each group with an
 * estimate: alcohol (PHE's alcohol-dependent adults) here, opiate and crack users in unmet-need-ocu.ts.
 */
import { ALCOHOL_NEED, unmetNeed, type Estimate, type NeedGroup } from '$lib/metrics/unmet-need';
import { fmtCount, fmtPct } from '$lib/metrics/format';
import { areaName } from '$lib/metrics/figures';
import { defineMeasure, illustrative, RECORDS_SOURCE, span } from '../define';
import type { MeasureSpec } from '../types';

/** What differs between groups: the words. */
export interface UnmetNeedText {
	id: string;
	name: string;
	need: NeedGroup;
	/** "alcohol-dependent adults": who the estimate counts. */
	people: string;
	/** "in treatment for alcohol only": who is counted against it. */
	treated: string;
	/** "PHE, 2017-18": who made the estimate and for when, inside brackets. */
	estimate: (est: Estimate) => string;
	/** "PHE's 2017-18 estimate": the same for the table's caption. */
	estimateOf: (est: Estimate) => string;
	/** Short form for the table's column: "alcohol only". */
	column: string;
	yLabel: string;
	definition: string;
}

export function unmetNeedMeasure(t: UnmetNeedText): MeasureSpec {
	return defineMeasure({
		id: t.id,
		name: t.name,
		section: 'recovery',
		pages: ['outcomes'],
		data: (ctx) => unmetNeed(ctx.model, ctx.area, t.need, ctx.suppress),
		title: (_d, ctx) => `${ctx.name}: ${t.people} not in treatment`,
		sentences: (d, ctx) => {
			const l = d.last;
			const range =
				l.lower != null && l.upper != null ? ` (range ${fmtPct(l.lower)} to ${fmtPct(l.upper)} from the estimate's 95% limits)` : '';
			return [
				illustrative(
					`In ${l.label}, ${fmtCount(l.inTreatment)} adults were ${t.treated} in ${ctx.name} against an estimated ${fmtCount(d.est.value)} ${t.people} (${t.estimate(d.est)}): about ${fmtPct(l.unmet)} were not in treatment${range}.`,
					d.synthetic && !l.published
				)
			];
		},
		noTarget: 'no target is set for unmet need',
		period: (d) => `financial years ${span(d.rows.map((r) => r.label))}; estimate ${d.est.period}`,
		recordLevel: (d) => d.rows.some((r) => !r.published),
		synthetic: (d) => d.synthetic,
		sources: (d) => [...d.sources, ...(d.synthetic ? [RECORDS_SOURCE] : [])],
		definition: () => t.definition,
		table: (d, ctx) => ({
			caption: `${ctx.name}: ${t.people} not in treatment, against ${t.estimateOf(d.est)} of ${fmtCount(d.est.value)}${d.est.area === ctx.area ? '' : ` (given for ${areaName(ctx.model, d.est.area)}, the same area)`}`,
			columns: [
				{ key: 'year', label: 'Financial year' },
				{ key: 'n', label: `In treatment (${t.column})`, numeric: true },
				{ key: 'unmet', label: 'Not in treatment', numeric: true },
				{ key: 'range', label: 'Range (estimate’s 95% limits)', numeric: true }
			],
			rows: d.rows.map((r) => ({
				year: r.label,
				n: fmtCount(r.inTreatment, r.suppressed),
				unmet: fmtPct(r.unmet, r.suppressed),
				range: r.lower != null && r.upper != null ? `${fmtPct(r.lower)} to ${fmtPct(r.upper)}` : '–'
			})),
			notes: []
		}),
		chart: (d) => ({
			kind: 'line',
			categories: d.rows.map((r) => r.label),
			format: (v) => fmtPct(v),
			yLabel: t.yLabel,
			yDomain: [0, 100],
			series: [
				{
					id: 'unmet',
					label: 'Not in treatment',
					color: 'var(--c-series-1)',
					band: true,
					points: d.rows.map((r) => ({ x: r.label, y: r.unmet, lower: r.lower, upper: r.upper }))
				}
			]
		}),
		alt: (d, ctx, s) =>
			`Line chart of the share of estimated ${t.people} in ${ctx.name} not in treatment, ${span(d.rows.map((r) => r.label))}, with the range from the estimate's limits. ${s[0]}`
	});
}

export default unmetNeedMeasure({
	id: 'unmet-need-alcohol',
	name: 'Unmet need: alcohol',
	need: ALCOHOL_NEED,
	people: 'alcohol-dependent adults',
	treated: 'in treatment for alcohol only',
	estimate: (est) => `PHE, ${est.period}`,
	estimateOf: (est) => `PHE's ${est.period} estimate`,
	column: 'alcohol only',
	yLabel: '% of estimated dependent drinkers',
	definition:
		'Unmet need = 1 − (adults in treatment for alcohol only in the financial year ÷ PHE’s modelled estimate of alcohol-dependent adults). The range comes from the estimate’s 95% limits: the lower limit of the estimate gives the lower end of unmet need. The latest estimate is used for every year, as no later one is held. Adults in treatment: the published figure where there is one, else counted from records as people. Opiate and crack users need a prevalence estimate (a figures file or a Fingertips export of it) to be shown the same way.'
});
