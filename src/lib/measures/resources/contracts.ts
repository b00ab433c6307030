/** Commissioned drug and alcohol contracts and their annual cost, as listed in the information pack. */
import { contracts } from '$lib/metrics/resources';
import { fmtGbp } from '$lib/metrics/format';
import { defineMeasure } from '../define';
import { money } from './money';

export default defineMeasure({
	id: 'contracts',
	name: 'Commissioned contracts',
	section: 'resources',
	pages: ['resources'],
	half: true,
	data: (ctx) => {
		const c = contracts(ctx.model, ctx.area);
		return c.rows.length ? { ...c, sum: c.rows.reduce((s, r) => s + (r.value ?? 0), 0) } : null;
	},
	title: (_d, ctx) => `${ctx.name}: commissioned drug and alcohol contracts, annual cost`,
	sentences: (d) => [
		`${d.rows.length} contracts with an annual cost of ${fmtGbp(d.sum)}${d.total[0] ? `; total drug and alcohol spend ${fmtGbp(d.total[0].value)}` : ''}.`
	],
	noTarget: 'costs as listed',
	period: (d) => [...new Set(d.rows.map((r) => r.period))].join(', '),
	recordLevel: () => false,
	synthetic: () => false,
	sources: (d) => d.sources,
	definition: () => "Annual contract values as listed in the partnership's information pack.",
	table: (d, ctx) => ({
		caption: `${ctx.name}: contracts`,
		columns: [
			{ key: 'service', label: 'Service' },
			{ key: 'value', label: 'Annual cost', numeric: true },
			{ key: 'note', label: 'Supplier and expiry' }
		],
		rows: d.rows.map((r) => ({ service: r.category ?? '', value: fmtGbp(r.value), note: r.note ?? '' })),
		notes: []
	}),
	chart: (d) => ({
		kind: 'bar',
		rows: d.rows.map((r) => ({ label: r.category ?? '', values: [{ series: 'cost', value: r.value }] })),
		series: [{ id: 'cost', label: 'Annual cost', color: 'var(--c-series-1)' }],
		format: money,
		labelWidth: 190
	}),
	alt: (_d, ctx, s) => `Bar chart of annual contract costs for ${ctx.name}. ${s[0]}`
});
