/** Deaths of people in treatment by substance cohort: published years, then years counted from records. */
import { deathsInTreatment } from '$lib/metrics/deaths';
import { fmtCount } from '$lib/metrics/format';
import { defineMeasure, RECORDS_SOURCE, span, strategyMarker } from '../define';
import { deathsInTreatmentTable } from '../tables';

export default defineMeasure({
	id: 'deaths-in-treatment',
	name: 'Deaths in treatment',
	section: 'deaths_in_treatment',
	pages: ['deaths'],
	slide: 5,
	data: (ctx) => {
		const dit = deathsInTreatment(ctx.model, ctx.area, ctx.suppress);
		return dit.rows.length ? { ...dit, last: dit.rows[dit.rows.length - 1] } : null;
	},
	title: (_d, ctx) => `${ctx.name}: deaths in treatment by substance cohort`,
	sentences: (d, ctx) => {
		const l = d.last;
		const s = [
			`In ${l.label}, deaths of people in treatment in ${ctx.name} were: opiate ${fmtCount(l.opiate.value, l.opiate.suppressed)}, non-opiate ${fmtCount(l.non_opiate.value, l.non_opiate.suppressed)}, alcohol only ${fmtCount(l.alcohol.value, l.alcohol.suppressed)}.`
		];
		if ([l.opiate, l.non_opiate, l.alcohol].some((c) => c.suppressed)) s.push('Counts of 1 to 4 are suppressed (*).');
		const published = d.rows.filter((r) => r.source === 'published');
		if (published.length && published.length < d.rows.length)
			s.push(`Years to ${published[published.length - 1].label} are as published; later years are counted from records.`);
		return s;
	},
	noTarget: 'no target is set for deaths',
	period: (d) => `financial years ${span(d.rows.map((r) => r.label))}`,
	recordLevel: (d) => d.rows.some((r) => r.source === 'records'),
	synthetic: (d) => d.synthetic,
	sources: (d) => [...d.sources, ...(d.synthetic ? [RECORDS_SOURCE] : [])],
	definition: (d) =>
		`Journeys ending with the discharge reason 'died' in the financial year, by substance cohort. Years marked 'Published' are as printed in the grant return; later years are counted from records. ${d.notes.join(' ')}`.trim(),
	table: (d, ctx) => deathsInTreatmentTable(`${ctx.name}: deaths in treatment by cohort`, d.rows),
	chart: (d) => {
		const categories = d.rows.map((r) => r.label);
		const line = (id: 'opiate' | 'non_opiate' | 'alcohol') =>
			d.rows.map((r) => ({ x: r.label, y: r[id].value, suppressed: r[id].suppressed }));
		return {
			kind: 'line',
			categories,
			format: (v) => fmtCount(v),
			yLabel: 'Deaths in treatment',
			annotations: strategyMarker(categories),
			series: [
				{ id: 'opiate', label: 'Opiate', color: 'var(--c-series-1)', marker: 'circle', points: line('opiate') },
				{ id: 'non_opiate', label: 'Non-opiate', color: 'var(--c-series-3)', marker: 'square', dash: 'dashed', points: line('non_opiate') },
				{ id: 'alcohol', label: 'Alcohol only', color: 'var(--c-series-2)', marker: 'triangle', dash: 'dotted', points: line('alcohol') }
			]
		};
	},
	alt: (_d, ctx, s) => `Line chart of deaths in treatment in ${ctx.name} by cohort and financial year. ${s[0]}`
});
