/**
 * Deaths of people in treatment by substance cohort: published years, then years counted from records, as
 * separate lines with separate legend entries (never one line across the two), England's published figures beside.
 */
import { deathsInTreatment, type InTreatmentRow } from '$lib/metrics/deaths';
import { fmtCount } from '$lib/metrics/format';
import { ENGLAND } from '$lib/data/areas';
import type { Dash, Marker, Series } from '$lib/charts/types';
import { defineMeasure, illustrative, RECORDS_SOURCE, span, strategyMarker } from '../define';
import { deathsInTreatmentTable, PRINTED_ZERO } from '../tables';

const COHORTS = [
	{ id: 'opiate', label: 'Opiate', color: 'var(--c-series-1)', marker: 'circle', dash: 'solid' },
	{ id: 'non_opiate', label: 'Non-opiate', color: 'var(--c-series-3)', marker: 'square', dash: 'dashed' },
	{ id: 'alcohol', label: 'Alcohol only', color: 'var(--c-series-2)', marker: 'triangle', dash: 'dotted' }
] as const satisfies readonly { id: string; label: string; color: string; marker: Marker; dash: Dash }[];

const cell = (r: InTreatmentRow, id: (typeof COHORTS)[number]['id']) =>
	r[id].printedZero ? PRINTED_ZERO : fmtCount(r[id].value, r[id].suppressed);

export default defineMeasure({
	id: 'deaths-in-treatment',
	name: 'Deaths in treatment',
	section: 'deaths_in_treatment',
	pages: ['deaths'],
	slide: 5,
	data: (ctx) => {
		const dit = deathsInTreatment(ctx.model, ctx.area, ctx.suppress);
		if (!dit.rows.length) return null;
		const england =
			ctx.area === ENGLAND ? [] : deathsInTreatment(ctx.model, ENGLAND, ctx.suppress).rows.filter((r) => r.source === 'published');
		return { ...dit, england, last: dit.rows[dit.rows.length - 1] };
	},
	title: (_d, ctx) => `${ctx.name}: deaths in treatment by substance cohort`,
	sentences: (d, ctx) => {
		const l = d.last;
		const s = [
			illustrative(
				`In ${l.label}, deaths of people in treatment in ${ctx.name} were: ${COHORTS.map((c) => `${c.label.toLowerCase()} ${cell(l, c.id)}`).join(', ')}.`,
				d.synthetic && l.source === 'records'
			)
		];
		if (COHORTS.some((c) => l[c.id].suppressed)) s.push('Counts of 1 to 4 are suppressed (*).');
		const published = d.rows.filter((r) => r.source === 'published');
		if (published.length && published.length < d.rows.length)
			s.push(
				`Years to ${published[published.length - 1].label} are as published; later years are counted from records, drawn as separate lines.`
			);
		return s;
	},
	noTarget: 'no target is set for deaths',
	period: (d) => `financial years ${span(d.rows.map((r) => r.label))}`,
	recordLevel: (d) => d.rows.some((r) => r.source === 'records'),
	synthetic: (d) => d.synthetic,
	sources: (d) => [...d.sources, ...(d.synthetic ? [RECORDS_SOURCE] : [])],
	definition: () =>
		"People whose treatment ended with the discharge reason 'died' in the financial year, by substance cohort. Years marked 'Published' are as printed in the grant return (with England's national table beside them); later years are counted from records. The return notes that a printed 0 may be a suppressed count, so those zeros are marked and not plotted.",
	table: (d, ctx) => deathsInTreatmentTable(`${ctx.name}: deaths in treatment by cohort`, d.rows, d.england),
	chart: (d) => {
		const categories = d.rows.map((r) => r.label);
		const series: Series[] = [];
		for (const source of ['published', 'records'] as const) {
			const rows = d.rows.filter((r) => r.source === source);
			if (!rows.length) continue;
			for (const c of COHORTS)
				series.push({
					id: `${c.id}-${source}`,
					label: `${c.label} (${source === 'published' ? 'published' : 'records'})`,
					color: c.color,
					marker: c.marker,
					dash: c.dash,
					hollow: source === 'records',
					points: rows.map((r) => ({ x: r.label, y: r[c.id].value, suppressed: r[c.id].suppressed }))
				});
		}
		return {
			kind: 'line',
			categories,
			format: (v) => fmtCount(v),
			yLabel: 'Deaths in treatment',
			annotations: strategyMarker(categories),
			series
		};
	},
	alt: (_d, ctx, s) =>
		`Line chart of deaths in treatment in ${ctx.name} by cohort and financial year, published and record-level years drawn separately. ${s[0]}`
});
