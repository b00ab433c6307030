/** Investment in drug and alcohol treatment by spending line and year, as entered in the grant return. */
import { investment } from '$lib/metrics/resources';
import { fmtGbp } from '$lib/metrics/format';
import type { Dash, Marker } from '$lib/charts/types';
import { defineMeasure, span } from '../define';
import { money } from './money';

const COLORS = ['var(--c-series-1)', 'var(--c-series-2)', 'var(--c-series-3)', 'var(--c-series-4)', 'var(--c-england)'];
const MARKERS: Marker[] = ['circle', 'square', 'diamond', 'triangle', 'circle'];
const DASHES: Dash[] = ['solid', 'dashed', 'dotted', 'solid', 'dashed'];

export default defineMeasure({
	id: 'investment',
	name: 'Investment in treatment',
	section: 'resources',
	pages: ['resources'],
	data: (ctx) => {
		const inv = investment(ctx.model, ctx.area);
		return inv.lines.length ? { ...inv, total: inv.lines.find((l) => l.line === 'Total') ?? null } : null;
	},
	title: (_d, ctx) => `${ctx.name}: investment in drug and alcohol treatment by year`,
	sentences: (d, ctx) => {
		const known = d.total?.values.filter((v) => v.value != null) ?? [];
		if (known.length < 2) return [`Investment by spending line for ${ctx.name}.`];
		const [first, last] = [known[0], known[known.length - 1]];
		return [`Total investment rises from ${fmtGbp(first.value)} in ${first.period} to ${fmtGbp(last.value)} in ${last.period}.`];
	},
	noTarget: 'as planned in the grant return',
	period: (d) => `financial years ${span(d.periods)}`,
	recordLevel: () => false,
	synthetic: () => false,
	sources: (d) => d.sources,
	definition: () => 'As entered in the grant planning return: 2020-21 actual, 2021-22 projected, later years planned.',
	table: (d, ctx) => ({
		caption: `${ctx.name}: investment by spending line (£)`,
		columns: [{ key: 'line', label: 'Spending line' }, ...d.periods.map((p, i) => ({ key: `p${i}`, label: p, numeric: true }))],
		rows: d.lines.map((l) => Object.fromEntries([['line', l.line], ...l.values.map((v, i) => [`p${i}`, fmtGbp(v.value)])])),
		notes: []
	}),
	chart: (d) => ({
		kind: 'line',
		categories: d.periods,
		format: money,
		yLabel: '£ a year',
		series: d.lines
			.filter((l) => l.line !== 'Total' && l.values.some((v) => v.value != null))
			.map((l, i) => ({
				id: `line-${i}`,
				label: l.line.length > 28 ? `${l.line.slice(0, 26)}…` : l.line,
				color: COLORS[i % COLORS.length],
				marker: MARKERS[i % MARKERS.length],
				dash: DASHES[i % DASHES.length],
				points: l.values.map((v) => ({ x: v.period, y: v.value }))
			}))
	}),
	alt: (d, ctx, s) => `Line chart of investment by spending line in ${ctx.name}, ${span(d.periods)}. ${s[0]}`
});
