/** Treatment workforce: the grant return's baseline FTE by role and the planned recruitment. */
import { workforce } from '$lib/metrics/resources';
import { MISSING } from '$lib/metrics/format';
import { defineMeasure } from '../define';
import { fte, fteNumber } from './money';

/** Sub-roles of drug and alcohol workers are noted as a subset, so they are not counted twice in a total. */
const isSubset = (note: string | null) => /subset/i.test(note ?? '');

export default defineMeasure({
	id: 'workforce',
	name: 'Treatment workforce',
	section: 'resources',
	pages: ['resources'],
	data: (ctx) => {
		const wf = workforce(ctx.model, ctx.area);
		if (!wf.rows.length) return null;
		const counted = wf.rows.filter((r) => !isSubset(r.note));
		return {
			...wf,
			baselineTotal: counted.reduce((s, r) => s + (r.baseline ?? 0), 0),
			plannedTotal: counted.reduce((s, r) => s + (r.planned ?? 0), 0)
		};
	},
	title: (_d, ctx) => `${ctx.name}: treatment workforce, baseline and planned recruitment`,
	sentences: (d) => [
		`The ${d.periods.baseline} baseline is ${fte(d.baselineTotal)} across roles (sub-roles of drug and alcohol workers not double-counted), with ${fte(d.plannedTotal)} of planned recruitment in ${d.periods.planned}.`
	],
	noTarget: 'planned recruitment shown for comparison',
	period: (d) => [d.periods.baseline, d.periods.planned].filter(Boolean).join(' and '),
	recordLevel: () => false,
	synthetic: () => false,
	sources: (d) => d.sources,
	definition: () =>
		"Full-time equivalent posts to the nearest 0.25, commissioned by the local council, as entered in the grant planning return. Criminal justice, young people's and other drug and alcohol workers are subsets of drug and alcohol workers.",
	table: (d, ctx) => ({
		caption: `${ctx.name}: workforce FTE by role`,
		columns: [
			{ key: 'role', label: 'Role' },
			{ key: 'baseline', label: `Baseline ${d.periods.baseline ?? ''}`.trim(), numeric: true },
			{ key: 'planned', label: `Planned recruitment ${d.periods.planned ?? ''}`.trim(), numeric: true }
		],
		rows: d.rows.map((r) => ({
			role: r.role,
			baseline: r.baseline == null ? MISSING : fteNumber(r.baseline),
			planned: r.planned == null ? MISSING : fteNumber(r.planned)
		})),
		notes: []
	}),
	chart: (d) => ({
		kind: 'bar',
		rows: d.rows.map((r) => ({
			label: r.role,
			values: [
				{ series: 'baseline', value: r.baseline },
				{ series: 'planned', value: r.planned }
			]
		})),
		series: [
			{ id: 'baseline', label: `Baseline ${d.periods.baseline ?? ''}`.trim(), color: 'var(--c-series-1)' },
			{ id: 'planned', label: `Planned recruitment ${d.periods.planned ?? ''}`.trim(), color: 'var(--c-series-2)', hatch: true }
		],
		format: fteNumber
	}),
	alt: (_d, ctx, s) => `Bar chart of workforce full-time equivalents by role in ${ctx.name}: baseline and planned recruitment. ${s[0]}`
});
