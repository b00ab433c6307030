/** New presentations to treatment by financial year; the current year to date as a hollow point. */
import { figures, sourcesOf } from '$lib/metrics/figures';
import { suppressMemberCount } from '$lib/metrics/siblings';
import { fmtCount, fy } from '$lib/metrics/format';
import { yearComplete } from '$lib/data/periods';
import { cohortText, defineMeasure, RECORDS_SOURCE, span, illustrative } from '../define';

const FROM_FY = 2018;

export default defineMeasure({
	id: 'presentations',
	name: 'New presentations to treatment',
	section: 'presentations',
	pages: ['treatment'],
	slide: 7,
	half: true,
	cohorts: true,
	data: (ctx) => {
		const rec = ctx.model.yearly.filter((r) => r.area === ctx.area && r.group === ctx.cohort && r.fy >= FROM_FY);
		const pub = figures(ctx.model, { area: ctx.area, metric: 'new_presentations' }).filter((f) => (f.cohort ?? 'adults') === ctx.cohort);
		if (!rec.length && !pub.length) return null;
		const years = [...new Set([...rec.map((r) => r.fy), ...pub.map((f) => Number(f.start.slice(0, 4)))])].sort((a, b) => a - b);
		const points = years.map((y) => {
			const r = rec.find((x) => x.fy === y);
			const partial = !yearComplete(y, ctx.model.dataDate);
			const c = suppressMemberCount(
				ctx.area,
				(a) => (a === ctx.area ? r : ctx.model.yearly.find((x) => x.area === a && x.group === ctx.cohort && x.fy === y))?.new_presentations,
				ctx.suppress
			);
			return {
				x: partial ? `${fy(y)} (to date)` : fy(y),
				y: partial ? null : c.value,
				toDate: partial ? c.value : null,
				suppressed: c.suppressed,
				reported: pub.find((f) => Number(f.start.slice(0, 4)) === y)?.value ?? null
			};
		});
		return { points, pub, records: rec.length > 0, synthetic: rec.some((r) => r.synthetic) };
	},
	title: (_d, ctx) => `${ctx.name}: new presentations to treatment`,
	sentences: (d, ctx) => {
		const s: string[] = [];
		const last = [...d.points].reverse().find((p) => p.y != null);
		if (last)
			s.push(
				illustrative(
					`${fmtCount(last.y)} ${cohortText(ctx.cohort)} in ${ctx.name} started a new treatment journey in ${last.x}.`,
					d.synthetic
				)
			);
		const rep = [...d.points].reverse().find((p) => p.reported != null);
		if (rep) s.push(`The published figure for ${rep.x} is ${fmtCount(rep.reported)} new presentations.`);
		return s.length ? s : [`No new presentations are loaded for ${ctx.name}.`];
	},
	period: (d) => `financial years ${span(d.points.map((p) => p.x))}`,
	recordLevel: (d) => d.records,
	synthetic: (d) => d.synthetic,
	sources: (d) => [...sourcesOf(d.pub), ...(d.synthetic ? [RECORDS_SOURCE] : [])],
	definition: () =>
		'Journeys with a triage date in the financial year (a new presentation to structured treatment). The current year is shown to date, as a hollow point, and is not comparable with whole years. Published figures as given in the seed documents.',
	table: (d, ctx) => ({
		caption: `${ctx.name}: new presentations by financial year`,
		columns: [
			{ key: 'year', label: 'Financial year' },
			{ key: 'n', label: 'New presentations', numeric: true },
			{ key: 'pub', label: 'Published figure', numeric: true }
		],
		rows: d.points.map((p) => ({ year: p.x, n: fmtCount(p.y ?? p.toDate, p.suppressed), pub: fmtCount(p.reported) })),
		notes: []
	}),
	chart: (d) => ({
		kind: 'line',
		categories: d.points.map((p) => p.x),
		format: (v) => fmtCount(v),
		yLabel: 'New presentations',
		series: [
			{
				id: 'new',
				label: 'From records',
				color: 'var(--c-series-3)',
				marker: 'circle',
				points: d.points.map((p) => ({ x: p.x, y: p.y, suppressed: p.suppressed }))
			},
			...(d.points.some((p) => p.toDate != null)
				? [
						{
							id: 'to-date',
							label: 'Year to date',
							color: 'var(--c-series-3)',
							marker: 'circle' as const,
							hollow: true,
							line: false,
							points: d.points.map((p) => ({ x: p.x, y: p.toDate }))
						}
					]
				: []),
			...(d.points.some((p) => p.reported != null)
				? [
						{
							id: 'pub',
							label: 'Published',
							color: 'var(--c-series-4)',
							marker: 'diamond' as const,
							line: false,
							points: d.points.map((p) => ({ x: p.x, y: p.reported }))
						}
					]
				: [])
		]
	}),
	alt: (_d, ctx, s) => `Line chart of new presentations to treatment in ${ctx.name} by financial year. ${s.join(' ')}`
});
