/** Residential rehab starts as a share of adults in treatment, against the 2% national ambition. */
import { rehab, DEFINITION } from '$lib/metrics/rehab';
import { STATUS_RULE } from '$lib/metrics/status';
import { fmtCount, fmtPct } from '$lib/metrics/format';
import { defineMeasure, RECORDS_SOURCE, span, illustrative, statusText } from '../define';
import { rehabTable } from '../tables';

export default defineMeasure({
	id: 'rehab',
	name: 'Residential rehab',
	section: 'rehab',
	pages: ['rehab'],
	slide: 4,
	multiples: true,
	half: true,
	data: (ctx) => {
		const r = rehab(ctx.model, ctx.area, ctx.suppress);
		return r.rows.some((x) => x.percent.value != null || x.percent.suppressed) ? r : null;
	},
	title: (_r, ctx) => `${ctx.name}: residential rehab starts as a share of adults in treatment`,
	sentences: (r, ctx) => {
		const l = r.latest;
		const s = [
			l
				? illustrative(
						`In ${l.label}, ${fmtCount(l.starts.value, l.starts.suppressed)} adults in ${ctx.name} started residential rehab, ${fmtPct(l.percent.value, l.percent.suppressed, 2)} of ${fmtCount(l.adults)} adults in treatment, against the ${fmtPct(r.ambition)} national ambition.`,
						r.synthetic
					)
				: `No complete year of residential rehab data is loaded for ${ctx.name}.`
		];
		if (r.averagePct)
			s.push(
				`The published baseline was ${fmtPct(r.averagePct.value, false, 1)} (${r.averagePct.period} average${r.average ? `, ${fmtCount(r.average.value)} a year` : ''}).`
			);
		if (r.englandPct)
			s.push(
				`England: ${fmtPct(r.englandPct.value, false, 1)} of adults in treatment started residential rehab (${r.englandPct.period} average${r.englandStarts ? `, ${fmtCount(r.englandStarts.value)} starts a year` : ''}).`
			);
		return s;
	},
	status: (r) => ({
		status: r.latest?.status ?? 'no_target',
		text: r.latest ? statusText(`against the ${fmtPct(r.ambition)} national ambition, ${r.latest.label}`, r.latest.statusWhy) : null
	}),
	period: (r) => `financial years ${span(r.rows.filter((x) => x.adults != null).map((x) => x.label))}`,
	recordLevel: () => true,
	synthetic: (r) => r.synthetic,
	sources: (r) => [...r.sources, ...(r.synthetic ? [RECORDS_SOURCE] : [])],
	definition: () =>
		`${DEFINITION} The 2% ambition is judged from 2022-23, when it applies, with the published 2018-21 average as the baseline. ${STATUS_RULE}`,
	table: (r, ctx) => rehabTable(`${ctx.name}: residential rehab by financial year`, r.rows, r.ambition, r.synthetic),
	chart: (r) => ({
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
			}
		],
		references: [{ id: 'ambition', label: `${fmtPct(r.ambition)} ambition`, color: 'var(--c-target)', dash: 'dashed', value: r.ambition }]
	}),
	alt: (r, ctx, s) =>
		`Line chart of residential rehab starts as a percentage of adults in treatment in ${ctx.name}, against the ${fmtPct(r.ambition)} ambition. ${s[0]}`
});
