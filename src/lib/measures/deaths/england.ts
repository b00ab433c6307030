/** England's deaths related to drug misuse and to drug poisoning: the comparator for every area, on the deaths page. */
import { countSeries, type CountPoint } from '$lib/metrics/deaths';
import { fmtCount } from '$lib/metrics/format';
import { ENGLAND } from '$lib/data/areas';
import { defineMeasure, span } from '../define';
import { COUNT_INTERVAL, DEATHS_FROM, ONS_MISUSE_DEFINITION, ONS_POISONING_DEFINITION, registrationsChart } from './registrations';

const at = (points: CountPoint[], period: string) => points.find((p) => p.period === period)?.value ?? null;

export default defineMeasure({
	id: 'england-deaths',
	name: 'Drug misuse and poisoning deaths in England',
	section: 'deaths',
	pages: ['deaths'],
	report: false,
	data: (ctx) => {
		const misuse = countSeries(ctx.model, ENGLAND, 'drug_misuse_deaths');
		const poisoning = countSeries(ctx.model, ENGLAND, 'drug_poisoning_deaths');
		const points = poisoning.points.filter((p) => p.year >= DEATHS_FROM);
		if (!points.length) return null;
		return {
			points,
			misuse: misuse.points.filter((p) => p.year >= DEATHS_FROM),
			sources: [...new Set([...misuse.sources, ...poisoning.sources])],
			last: points[points.length - 1]
		};
	},
	title: (d) => `England: deaths related to drug misuse and drug poisoning, ${DEATHS_FROM} to ${d.last.period}`,
	sentences: (d) => {
		const m = at(d.misuse, d.last.period);
		return [
			`England registered ${m != null ? `${fmtCount(m)} deaths related to drug misuse and ` : ''}${fmtCount(d.last.value)} deaths related to drug poisoning in ${d.last.period}, the comparator for every area.`
		];
	},
	noTarget: 'no target is set for deaths',
	period: (d) => `registered ${span(d.points.map((p) => p.period))}`,
	recordLevel: () => false,
	synthetic: () => false,
	sources: (d) => d.sources,
	definition: () => `${ONS_MISUSE_DEFINITION} ${ONS_POISONING_DEFINITION} ${COUNT_INTERVAL}`,
	table: (d) => ({
		caption: 'England: deaths related to drug misuse and drug poisoning by year of registration',
		columns: [
			{ key: 'year', label: 'Year' },
			{ key: 'misuse', label: 'Drug misuse', numeric: true },
			{ key: 'n', label: 'Drug poisoning', numeric: true }
		],
		rows: d.points.map((q) => ({ year: q.period, misuse: fmtCount(at(d.misuse, q.period)), n: fmtCount(q.value) })),
		notes: []
	}),
	chart: (d) => {
		const chart = registrationsChart(d.points, { id: 'poisoning', label: 'Drug poisoning', color: 'var(--c-england)' });
		if (chart.kind !== 'line' || !d.misuse.length) return chart;
		const misuse = {
			id: 'misuse',
			label: 'Drug misuse',
			color: 'var(--c-series-1)',
			marker: 'circle' as const,
			band: true,
			points: d.misuse.map((p) => ({ x: p.period, y: p.value, lower: p.lower, upper: p.upper }))
		};
		return { ...chart, series: [misuse, { ...chart.series[0], dash: 'dashed' as const, marker: 'square' as const }] };
	},
	alt: (_d, _ctx, s) =>
		`Line chart of deaths related to drug misuse and to drug poisoning in England by year of registration, with 95% confidence bands. ${s[0]}`
});
