/** Grant allocations by year, as stated in the partnership's documents. */
import { allocations } from '$lib/metrics/resources';
import { fmtGbp } from '$lib/metrics/format';
import { defineMeasure, span } from '../define';
import { money } from './money';

export default defineMeasure({
	id: 'allocations',
	name: 'Grant allocations',
	section: 'resources',
	pages: ['resources'],
	half: true,
	data: (ctx) => {
		const a = allocations(ctx.model, ctx.area);
		if (!a.rows.length) return null;
		return {
			...a,
			grants: [...new Set(a.rows.map((r) => r.category ?? 'Grant'))],
			periods: [...new Set(a.rows.map((r) => r.period))]
		};
	},
	title: (_d, ctx) => `${ctx.name}: grant allocations by year`,
	sentences: (d) => [`${d.rows.map((r) => `${r.category ?? 'Grant'} ${r.period}: ${fmtGbp(r.value)}`).join('; ')}.`],
	noTarget: 'allocations as stated',
	period: (d) => `financial years ${span(d.periods)}`,
	recordLevel: () => false,
	synthetic: () => false,
	sources: (d) => d.sources,
	definition: () =>
		"Grant allocations as stated in the partnership's documents (for Northamptonshire, North Northamptonshire Council's portion).",
	table: (d, ctx) => {
		const value = (g: string, p: string) => d.rows.find((r) => (r.category ?? 'Grant') === g && r.period === p)?.value ?? null;
		return {
			caption: `${ctx.name}: grant allocations (£)`,
			columns: [
				{ key: 'cat', label: 'Grant' },
				{ key: 'area', label: 'Council' },
				...d.periods.map((p, i) => ({ key: `p${i}`, label: p, numeric: true }))
			],
			rows: d.grants.map((g) =>
				Object.fromEntries([
					['cat', g],
					['area', d.rows.find((r) => (r.category ?? 'Grant') === g)?.area_name ?? ''],
					...d.periods.map((p, i) => [`p${i}`, fmtGbp(value(g, p))])
				])
			),
			notes: []
		};
	},
	chart: (d) => ({
		kind: 'bar',
		rows: d.periods.map((p) => ({
			label: p,
			values: d.grants.map((g) => ({
				series: g,
				value: d.rows.find((r) => (r.category ?? 'Grant') === g && r.period === p)?.value ?? null
			}))
		})),
		series: d.grants.map((g, i) => ({ id: g, label: g, color: i ? 'var(--c-series-2)' : 'var(--c-series-1)', hatch: i > 0 })),
		format: money
	}),
	alt: (_d, ctx, s) => `Bar chart of grant allocations by year for ${ctx.name}. ${s[0]}`
});
