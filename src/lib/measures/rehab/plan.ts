/** Residential rehab starts against the planned placements, where a plan is loaded (Rotherham's grant return). */
import { rehab } from '$lib/metrics/rehab';
import { fmtCount } from '$lib/metrics/format';
import { STATUS_RULE } from '$lib/metrics/status';
import { defineMeasure, RECORDS_SOURCE, span, illustrative, statusText } from '../define';

export default defineMeasure({
	id: 'rehab-plan',
	name: 'Residential rehab against the plan',
	section: 'rehab',
	pages: ['rehab'],
	slide: 10,
	multiples: true,
	half: true,
	data: (ctx) => {
		const r = rehab(ctx.model, ctx.area, ctx.suppress);
		const planned = r.rows.filter((x) => x.planned != null);
		return planned.length ? { ...r, planned } : null;
	},
	title: (_r, ctx) => `${ctx.name}: residential rehab starts against planned placements`,
	sentences: (r) => [
		`Planned placements: ${r.planned.map((x) => `${fmtCount(x.planned)} in ${x.label}`).join(', ')}.`,
		illustrative(
			`Starts recorded: ${r.planned.map((x) => `${fmtCount(x.starts.value, x.starts.suppressed)} in ${x.label}`).join(', ')}.`,
			r.synthetic
		)
	],
	status: (r) => {
		const judged = [...r.planned].reverse().find((x) => x.planStatus !== 'no_target');
		return judged
			? { status: judged.planStatus, text: statusText(`against the planned placements, ${judged.label}`, judged.planStatusWhy) }
			: { status: 'no_target', text: 'no complete year with planned placements yet' };
	},
	period: (r) => `financial years ${span(r.rows.map((x) => x.label))}`,
	recordLevel: () => true,
	synthetic: (r) => r.synthetic,
	sources: (r) => [...r.sources, ...(r.synthetic ? [RECORDS_SOURCE] : [])],
	definition: () =>
		`Adults with a residential rehabilitation start date in the financial year. Planned placements as given in the grant planning return, judged against the published 2018-21 average as the baseline. ${STATUS_RULE}`,
	table: (r, ctx) => ({
		caption: `${ctx.name}: residential rehab starts and planned placements`,
		columns: [
			{ key: 'year', label: 'Financial year' },
			{ key: 'starts', label: 'Rehab starts', numeric: true },
			{ key: 'planned', label: 'Planned placements', numeric: true }
		],
		rows: r.rows.map((x) => ({ year: x.label, starts: fmtCount(x.starts.value, x.starts.suppressed), planned: fmtCount(x.planned) })),
		notes: []
	}),
	chart: (r) => ({
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
			}
		],
		references: [
			{
				id: 'planned',
				label: 'Planned placements',
				color: 'var(--c-series-2)',
				dash: 'dotted',
				marker: 'triangle',
				points: r.rows.map((x) => ({ x: x.label, y: x.planned }))
			}
		]
	}),
	alt: (_r, ctx, s) => `Line chart of residential rehab starts and planned placements in ${ctx.name} by financial year. ${s.join(' ')}`
});
