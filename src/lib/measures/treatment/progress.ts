/** Substantial progress in treatment by substance, as published, beside England. */
import { figures, sourcesOf } from '$lib/metrics/figures';
import { cohortLabel } from '$lib/metrics/cohorts';
import { fmtPct } from '$lib/metrics/format';
import { ENGLAND } from '$lib/data/areas';
import { defineMeasure } from '../define';

const ALL = 'All in treatment';

export default defineMeasure({
	id: 'progress',
	name: 'Substantial progress in treatment',
	section: 'substances',
	pages: ['treatment'],
	slide: 9,
	data: (ctx) => {
		const local = figures(ctx.model, { area: ctx.area, metric: 'substantial_progress' });
		if (!local.length) return null;
		const england = figures(ctx.model, { area: ENGLAND, metric: 'substantial_progress' });
		const rows = [...new Set(local.map((f) => f.cohort))].map((c) => ({
			label: c == null || c === 'adults' ? ALL : cohortLabel(c),
			local: local.find((f) => f.cohort === c)?.value ?? null,
			england: england.find((f) => f.cohort === c)?.value ?? null
		}));
		return { rows, period: local[0].period, sources: sourcesOf([...local, ...england]) };
	},
	title: (_d, ctx) => `${ctx.name}: substantial progress in treatment by substance, against England`,
	sentences: (d, ctx) => {
		const all = d.rows.find((r) => r.label === ALL);
		const s = [
			all
				? `In ${d.period}, ${fmtPct(all.local)} of people in treatment in ${ctx.name} made substantial progress${all.england != null ? `, against ${fmtPct(all.england)} in England` : ''}.`
				: `Substantial progress in ${ctx.name}, ${d.period}, by substance.`
		];
		const others = d.rows.filter((r) => r !== all && r.local != null);
		if (others.length) s.push(`By substance: ${others.map((r) => `${r.label.toLowerCase()} ${fmtPct(r.local)}`).join(', ')}.`);
		return s;
	},
	noTarget: 'no target is set; no significance claimed',
	period: (d) => `service year ${d.period}`,
	recordLevel: () => false,
	synthetic: () => false,
	sources: (d) => d.sources,
	definition: () =>
		'As published: substantial progress includes all successful completions, and people no longer using, or substantially reducing their use of, the problem substance. No confidence intervals are published, so no significance is claimed.',
	table: (d, ctx) => ({
		caption: `${ctx.name}: substantial progress by substance (${d.period})`,
		columns: [
			{ key: 'group', label: 'Substance' },
			{ key: 'local', label: ctx.name, numeric: true },
			{ key: 'england', label: 'England', numeric: true }
		],
		rows: d.rows.map((r) => ({ group: r.label, local: fmtPct(r.local), england: fmtPct(r.england) })),
		notes: []
	}),
	chart: (d, ctx) => ({
		kind: 'bar',
		rows: d.rows.map((r) => ({
			label: r.label,
			values: [
				{ series: 'local', value: r.local },
				{ series: 'england', value: r.england }
			]
		})),
		series: [
			{ id: 'local', label: ctx.name, color: 'var(--c-series-1)' },
			{ id: 'england', label: 'England', color: 'var(--c-england)', hatch: true }
		],
		format: (v) => fmtPct(v),
		xMax: 100,
		missingText: 'not published'
	}),
	alt: (_d, ctx, s) =>
		`Bar chart of the percentage of people in treatment making substantial progress in ${ctx.name} and England by substance. ${s.join(' ')}`
});
