/** Continuity of care by financial year: prison leavers engaging in community treatment within 3 weeks. */
import { continuity, DEFINITION } from '$lib/metrics/continuity';
import { continuitySentence } from '$lib/metrics/sentences';
import { COMPARISON_RULE } from '$lib/metrics/compare';
import { STATUS_RULE } from '$lib/metrics/status';
import { fmtPct } from '$lib/metrics/format';
import type { Reference, Series } from '$lib/charts/types';
import { defineMeasure, RELEASES_SOURCE, span, illustrative, statusText } from '../define';
import { continuityTable } from '../tables';
import { pendingSentence } from './pending';

export const CONTINUITY_DEFINITION = `${DEFINITION} ${COMPARISON_RULE} ${STATUS_RULE} Status is against the local plan for the year where one is set, else the 75% national ambition from 2023-24, when it was set.`;

export default defineMeasure({
	id: 'continuity',
	name: 'Continuity of care',
	section: 'continuity',
	pages: ['continuity'],
	slide: 3,
	multiples: true,
	data: (ctx) => {
		const c = continuity(ctx.model, ctx.area, ctx.suppress);
		return c.rows.length ? c : null;
	},
	title: (_c, ctx) => `${ctx.name}: prison leavers engaging in treatment within 3 weeks`,
	sentences: (c, ctx) => {
		// A published figure is the headline for its year; records for the same year are a comparison beside it.
		const s = [illustrative(continuitySentence(ctx.name, c), c.synthetic && c.latest?.reported == null)];
		const both = [...c.rows].reverse().find((r) => r.reported != null && r.percent.value != null);
		if (both)
			s.push(
				illustrative(
					`Beside the published ${fmtPct(both.reported)} for ${both.label}, the record-level data give ${fmtPct(both.percent.value, false, 1)}.`,
					c.synthetic
				)
			);
		if (c.pending > 0) s.push(pendingSentence(c.pending));
		return s;
	},
	status: (c) => ({
		status: c.latest?.status ?? 'no_target',
		text: c.latest
			? statusText(
					`against ${c.latest.plan != null ? 'the local plan' : 'the 75% national ambition'}, ${c.latest.label}`,
					c.latest.statusWhy
				)
			: null,
		comparison: c.latest?.comparison ?? 'not_compared'
	}),
	period: (c) => `financial years ${span(c.rows.map((r) => r.label))}`,
	recordLevel: (_c, ctx) => ctx.model.continuity.some((r) => r.area === ctx.area),
	synthetic: (c) => c.synthetic,
	sources: (c) => [...c.sources, ...(c.synthetic ? [RELEASES_SOURCE] : [])],
	definition: () => CONTINUITY_DEFINITION,
	table: (c, ctx) => {
		const t = continuityTable(`${ctx.name}: continuity of care by financial year`, c.rows, c.synthetic);
		return c.pendingNote ? { ...t, notes: [...t.notes, c.pendingNote] } : t;
	},
	chart: (c) => {
		const rows = c.rows;
		const series: Series[] = [
			{
				id: 'local',
				label: 'Engaged within 3 weeks',
				color: 'var(--c-series-1)',
				band: true,
				points: rows.map((r) => ({ x: r.label, y: r.percent.value, lower: r.lower, upper: r.upper, suppressed: r.percent.suppressed }))
			}
		];
		if (rows.some((r) => r.reported != null))
			series.push({
				id: 'reported',
				label: 'Published figure',
				color: 'var(--c-series-3)',
				marker: 'diamond',
				line: false,
				points: rows.map((r) => ({ x: r.label, y: r.reported }))
			});
		if (rows.some((r) => r.england != null))
			series.push({
				id: 'england',
				label: 'England',
				color: 'var(--c-england)',
				marker: 'square',
				line: false,
				points: rows.map((r) => ({ x: r.label, y: r.england }))
			});
		const references: Reference[] = [];
		if (rows.some((r) => r.plan != null))
			references.push({
				id: 'plan',
				label: 'Local plan',
				color: 'var(--c-series-2)',
				dash: 'dotted',
				marker: 'triangle',
				points: rows.map((r) => ({ x: r.label, y: r.plan }))
			});
		const from = rows.find((r) => r.ambition != null);
		if (from?.ambition != null)
			references.push({
				id: 'ambition',
				label: `${fmtPct(from.ambition)} ambition`,
				color: 'var(--c-target)',
				dash: 'dashed',
				value: from.ambition,
				from: from.label
			});
		return {
			kind: 'line',
			categories: rows.map((r) => r.label),
			series,
			references,
			yDomain: [0, 100],
			format: (v) => fmtPct(v),
			yLabel: '% engaged within 3 weeks'
		};
	},
	alt: (_c, ctx, s) =>
		`Line chart of continuity of care in ${ctx.name} by financial year with a 95% confidence band, the local plan, England and the 75% ambition. ${s[0]}`
});
