/** Continuity of care by financial quarter of release: smaller numbers, so wider intervals. */
import { continuity, AMBITION, AMBITION_FROM_FY, DEFINITION } from '$lib/metrics/continuity';
import { fmtCount, fmtPct, MISSING } from '$lib/metrics/format';
import { protectParts, SECONDARY_NOTE } from '$lib/metrics/suppression';
import { pendingSentence } from './pending';
import { defineMeasure, LOADED_RELEASES_SOURCE, RELEASES_SOURCE, span } from '../define';

export default defineMeasure({
	id: 'continuity-quarters',
	name: 'Continuity of care by quarter',
	section: 'continuity',
	pages: ['continuity'],
	data: (ctx) => {
		const c = continuity(ctx.model, ctx.area, ctx.suppress);
		if (!c.quarters.length) return null;
		// A year's quarters add up to the year shown beside them: a lone suppressed quarter takes the next
		// smallest with it (by people engaged), so it cannot be worked out from the year.
		const hidden = new Set<(typeof c.quarters)[number]>();
		for (const row of c.rows) {
			const qs = c.quarters.filter((q) => q.fy === row.fy);
			const { parts } = protectParts(
				qs.map((q) => ({ value: q.numerator, suppressed: q.percent.suppressed })),
				ctx.suppress && !row.percent.suppressed && row.numerator != null
			);
			parts.forEach((p, i) => p.secondary && hidden.add(qs[i]));
		}
		const quarters = c.quarters.map((q) =>
			hidden.has(q)
				? { ...q, percent: { value: null, suppressed: true }, lower: null, upper: null, secondary: true }
				: { ...q, secondary: false }
		);
		return { ...c, quarters };
	},
	title: (_c, ctx) => `${ctx.name}: continuity of care by quarter`,
	sentences: (c) => {
		const q = c.quarters;
		// The latest quarter with releases whose window has closed (a quarter may hold only uncounted ones).
		const last = [...q].reverse().find((x) => x.denominator > 0 || x.percent.suppressed) ?? q[q.length - 1];
		const s = [
			`In ${last.label}, ${fmtPct(last.percent.value, last.percent.suppressed, 1)} of prison leavers with a treatment need engaged within 3 weeks; quarterly figures are smaller than yearly ones, so their intervals are wider (${q.length} quarters from ${q[0].label}).`
		];
		if (c.pending > 0) s.push(pendingSentence(c.pending));
		return s;
	},
	noTarget: 'status is judged by year; the 75% ambition is marked from 2023-24',
	period: (c) => `quarters of release ${span(c.quarters.map((q) => q.label))}`,
	recordLevel: () => true,
	synthetic: (c) => c.synthetic,
	sources: (c) => [c.synthetic ? RELEASES_SOURCE : LOADED_RELEASES_SOURCE],
	definition: () => DEFINITION,
	table: (c, ctx) => ({
		caption: `${ctx.name}: continuity of care by financial quarter of release`,
		columns: [
			{ key: 'q', label: 'Quarter' },
			{ key: 'pct', label: 'Engaged within 3 weeks', numeric: true },
			{ key: 'num', label: 'Engaged', numeric: true },
			{ key: 'den', label: 'Released with need', numeric: true },
			{ key: 'ci', label: '95% CI', numeric: true }
		],
		rows: c.quarters.map((q) => ({
			q: q.label,
			pct: fmtPct(q.percent.value, q.percent.suppressed, 1),
			num: q.percent.suppressed ? '*' : fmtCount(q.numerator),
			den: q.percent.suppressed ? '*' : fmtCount(q.denominator),
			ci: q.lower != null && q.upper != null ? `${fmtPct(q.lower, false, 1)} to ${fmtPct(q.upper, false, 1)}` : MISSING
		})),
		notes: [...(c.pendingNote ? [c.pendingNote] : []), ...(c.quarters.some((q) => q.secondary) ? [SECONDARY_NOTE] : [])]
	}),
	chart: (c) => {
		const from = c.quarters.find((q) => q.fy >= AMBITION_FROM_FY);
		return {
			kind: 'line',
			categories: c.quarters.map((q) => q.label),
			xEvery: 4,
			yDomain: [0, 100],
			format: (v) => fmtPct(v),
			yLabel: '% engaged within 3 weeks',
			series: [
				{
					id: 'q',
					label: 'By quarter',
					color: 'var(--c-series-1)',
					band: true,
					marker: 'circle',
					points: c.quarters.map((q) => ({
						x: q.label,
						y: q.percent.value,
						lower: q.lower,
						upper: q.upper,
						suppressed: q.percent.suppressed
					}))
				}
			],
			references: from
				? [
						{
							id: 'ambition',
							label: `${fmtPct(AMBITION)} ambition`,
							color: 'var(--c-target)',
							dash: 'dashed' as const,
							value: AMBITION,
							from: from.label
						}
					]
				: []
		};
	},
	alt: (_c, ctx, s) => `Line chart of continuity of care in ${ctx.name} by quarter with a 95% confidence band. ${s[0]}`
});
