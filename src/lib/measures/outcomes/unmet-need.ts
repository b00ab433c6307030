/**
 * Unmet need for alcohol treatment: the share of PHE's estimated alcohol-dependent adults who were not in treatment
 * (alcohol only) in the year. The estimate's own 95% limits carry through to the share; the latest estimate
 * (2017/18 in the embedded file) is the denominator for every year, since no later one is held.
 */
import { figures, sourcesOf } from '$lib/metrics/figures';
import { trajectory } from '$lib/metrics/treatment';
import { fmtCount, fmtPct } from '$lib/metrics/format';
import { defineMeasure, illustrative, RECORDS_SOURCE, span } from '../define';

const DEFINITION =
	'Unmet need = 1 − (adults in treatment for alcohol only in the financial year ÷ PHE’s modelled estimate of alcohol-dependent adults). The range comes from the estimate’s 95% limits: the lower limit of the estimate gives the lower end of unmet need. The latest estimate is used for every year, as no later one is held. Adults in treatment: the published figure where there is one, else counted from records as people. Opiate and crack users need a prevalence estimate (a figures file or a Fingertips export of it) to be shown the same way.';

export default defineMeasure({
	id: 'unmet-need-alcohol',
	name: 'Unmet need: alcohol',
	section: 'recovery',
	pages: ['outcomes'],
	data: (ctx) => {
		const estimates = figures(ctx.model, { area: ctx.area, metric: 'alcohol_dependent_adults' }).filter((f) => f.value != null);
		const est = estimates.sort((a, b) => a.end.localeCompare(b.end)).at(-1);
		if (!est?.value) return null;
		const t = trajectory(ctx.model, ctx.area, 'alcohol', ctx.suppress);
		const share = (n: number, d: number | null) => (d ? Math.max(0, 1 - n / d) * 100 : null);
		const rows = t.rows
			.filter((r) => !r.partial && r.fy >= 2017 && (r.headline != null || r.actual.suppressed))
			.map((r) => ({
				label: r.label,
				inTreatment: r.headline,
				suppressed: r.headline == null,
				published: r.reported != null,
				unmet: r.headline == null ? null : share(r.headline, est.value),
				lower: r.headline == null ? null : share(r.headline, est.lower_ci),
				upper: r.headline == null ? null : share(r.headline, est.upper_ci)
			}));
		const last = [...rows].reverse().find((r) => r.unmet != null);
		if (!last) return null;
		const synthetic = t.synthetic && rows.some((r) => !r.published);
		return {
			est,
			rows,
			last,
			synthetic,
			sources: sourcesOf([est, ...figures(ctx.model, { area: ctx.area, metric: 'numbers_in_treatment', cohort: 'alcohol' })])
		};
	},
	title: (_d, ctx) => `${ctx.name}: alcohol-dependent adults not in treatment`,
	sentences: (d, ctx) => {
		const l = d.last;
		const range =
			l.lower != null && l.upper != null ? ` (range ${fmtPct(l.lower)} to ${fmtPct(l.upper)} from the estimate's 95% limits)` : '';
		return [
			illustrative(
				`In ${l.label}, ${fmtCount(l.inTreatment)} adults were in treatment for alcohol only in ${ctx.name} against an estimated ${fmtCount(d.est.value)} alcohol-dependent adults (PHE, ${d.est.period}): about ${fmtPct(l.unmet)} were not in treatment${range}.`,
				d.synthetic && !l.published
			)
		];
	},
	noTarget: 'no target is set for unmet need',
	period: (d) => `financial years ${span(d.rows.map((r) => r.label))}; estimate ${d.est.period}`,
	recordLevel: (d) => d.rows.some((r) => !r.published),
	synthetic: (d) => d.synthetic,
	sources: (d) => [...d.sources, ...(d.synthetic ? [RECORDS_SOURCE] : [])],
	definition: () => DEFINITION,
	table: (d, ctx) => ({
		caption: `${ctx.name}: alcohol-dependent adults not in treatment, against PHE's ${d.est.period} estimate of ${fmtCount(d.est.value)}`,
		columns: [
			{ key: 'year', label: 'Financial year' },
			{ key: 'n', label: 'In treatment (alcohol only)', numeric: true },
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
		yLabel: '% of estimated dependent drinkers',
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
		`Line chart of the share of estimated alcohol-dependent adults in ${ctx.name} not in treatment, ${span(d.rows.map((r) => r.label))}, with the range from the estimate's limits. ${s[0]}`
});
