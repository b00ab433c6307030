/** Numbers in treatment in the 12 months to each month end, with a labelled straight-line projection. */
import { monthly, monthlyProjection, risingSince, trajectory, PLAN_END_FY } from '$lib/metrics/treatment';
import { fmtCount, fmtMonth, MISSING } from '$lib/metrics/format';
import { capitalise, cohortText, defineMeasure, LOADED_RECORDS_SOURCE, RECORDS_SOURCE, strategyMarker, illustrative } from '../define';

export default defineMeasure({
	id: 'monthly',
	section: 'treatment',
	pages: ['treatment'],
	slide: 6,
	cohorts: true,
	data: (ctx) => {
		const months = monthly(ctx.model, ctx.area, ctx.cohort, ctx.suppress);
		const last = [...months].reverse().find((m) => m.value != null);
		if (!last) return null;
		const projection = monthlyProjection(months);
		const t = trajectory(ctx.model, ctx.area, ctx.cohort, ctx.suppress);
		const categories = [...months.map((m) => m.month), ...(projection?.points.slice(1).map((p) => p.month) ?? [])];
		// The year's target applies to the 12 months to the year's end, so it is marked at each March.
		const targets = categories.map((m) => {
			const [y, mo] = m.split('-').map(Number);
			return { x: m, y: mo === 3 ? (t.rows.find((r) => r.fy === y - 1)?.guide ?? null) : null };
		});
		const synthetic = ctx.model.yearly.some((r) => r.area === ctx.area && r.synthetic);
		return { months, last, projection, rising: risingSince(months), categories, targets, synthetic };
	},
	name: (_d, ctx) => `${capitalise(cohortText(ctx.cohort))} in treatment, month by month`,
	title: (_d, ctx) => `${ctx.name}: ${cohortText(ctx.cohort)} in treatment, 12 months to each month end`,
	sentences: (d, ctx) => {
		let first = `${ctx.name} had ${fmtCount(d.last.value)} ${cohortText(ctx.cohort)} in treatment in the 12 months to ${fmtMonth(d.last.month)}`;
		if (d.rising) first += `, increasing month on month since ${fmtMonth(d.rising)}`;
		const s = [illustrative(`${first}.`, d.synthetic)];
		if (d.projection)
			s.push(
				`If the last six months' trend continued, it would reach about ${fmtCount(d.projection.points[d.projection.points.length - 1].value)} by March ${PLAN_END_FY + 1} (a straight line, not a forecast).`
			);
		return s;
	},
	noTarget: 'guide trajectory marked at each year end',
	period: (d) => `rolling 12 months, ${fmtMonth(d.months[0].month)} to ${fmtMonth(d.last.month)}`,
	recordLevel: () => true,
	synthetic: (d) => d.synthetic,
	sources: (d) => [d.synthetic ? RECORDS_SOURCE : LOADED_RECORDS_SOURCE],
	definition: (d) =>
		`People in structured treatment at any time in the 12 months to the end of each month, counted from the record-level journeys. The guide trajectory is marked at each year end (March).${
			d.projection
				? ` Projection: a straight line fitted to the last six months (${fmtMonth(d.projection.basisFrom)} to ${fmtMonth(d.projection.basisTo)}), extended to March ${PLAN_END_FY + 1}, the end of the grant's plan period. It is not a forecast.`
				: ''
		}`,
	table: (d, ctx) => {
		const months = d.months.filter((m, i) => m.month.endsWith('-03') || i === d.months.length - 1);
		const projected = (d.projection?.points.slice(1) ?? []).filter((p, i, a) => p.month.endsWith('-03') || i === a.length - 1);
		return {
			caption: `${ctx.name}: ${cohortText(ctx.cohort)} in treatment, 12 months to March of each year and to the latest month`,
			columns: [
				{ key: 'month', label: '12 months to' },
				{ key: 'value', label: 'In treatment', numeric: true },
				{ key: 'projected', label: 'Projected', numeric: true }
			],
			rows: [
				...months.map((m) => ({ month: fmtMonth(m.month), value: fmtCount(m.value, m.suppressed), projected: MISSING })),
				...projected.map((p) => ({ month: fmtMonth(p.month), value: MISSING, projected: fmtCount(p.value) }))
			],
			notes: d.projection ? ['Projected values are a straight-line extension of the last six months, not a forecast.'] : []
		};
	},
	chart: (d) => ({
		kind: 'line',
		categories: d.categories,
		xFormat: fmtMonth,
		xEvery: 12,
		format: (v) => fmtCount(v),
		yLabel: 'People in treatment',
		annotations: strategyMarker(d.categories),
		series: [
			{
				id: 'monthly',
				label: 'In treatment',
				color: 'var(--c-series-1)',
				marker: 'none',
				points: d.months.map((m) => ({ x: m.month, y: m.value, suppressed: m.suppressed }))
			},
			...(d.projection
				? [
						{
							id: 'projection',
							label: 'Projection (trend)',
							color: 'var(--c-series-1)',
							dash: 'dashed' as const,
							marker: 'none' as const,
							width: 2.5,
							points: d.projection.points.map((p) => ({ x: p.month, y: p.value }))
						}
					]
				: [])
		],
		references: d.targets.some((t) => t.y != null)
			? [{ id: 'target', label: 'Guide trajectory', color: 'var(--c-target)', marker: 'square', line: false, points: d.targets }]
			: []
	}),
	alt: (d, ctx, s) =>
		`Line chart of ${cohortText(ctx.cohort)} in treatment in ${ctx.name}, 12 months to each month end${d.projection ? `, with a dashed projection to March ${PLAN_END_FY + 1}` : ''}. ${s.join(' ')}`
});
