/** England's deaths related to drug poisoning: the comparator for every area, on the deaths page. */
import { countSeries } from '$lib/metrics/deaths';
import { fmtCount } from '$lib/metrics/format';
import { ENGLAND } from '$lib/data/areas';
import { defineMeasure, span } from '../define';
import { COUNT_INTERVAL, DEATHS_FROM, ONS_POISONING_DEFINITION, registrationsChart } from './poisoning';

export default defineMeasure({
	id: 'poisoning-england',
	name: 'Drug poisoning deaths in England',
	section: 'deaths',
	pages: ['deaths'],
	report: false,
	data: (ctx) => {
		const s = countSeries(ctx.model, ENGLAND, 'drug_poisoning_deaths');
		const points = s.points.filter((p) => p.year >= DEATHS_FROM);
		return points.length ? { points, sources: s.sources, last: points[points.length - 1] } : null;
	},
	title: (d) => `England: deaths related to drug poisoning, ${DEATHS_FROM} to ${d.last.period}`,
	sentences: (d) => [
		`England registered ${fmtCount(d.last.value)} deaths related to drug poisoning in ${d.last.period}, the comparator for every area.`
	],
	noTarget: 'no target is set for deaths',
	period: (d) => `registered ${span(d.points.map((p) => p.period))}`,
	recordLevel: () => false,
	synthetic: () => false,
	sources: (d) => d.sources,
	definition: () => `${ONS_POISONING_DEFINITION} ${COUNT_INTERVAL}`,
	table: (d) => ({
		caption: 'England: deaths related to drug poisoning by year of registration',
		columns: [
			{ key: 'year', label: 'Year' },
			{ key: 'n', label: 'Deaths', numeric: true }
		],
		rows: d.points.map((q) => ({ year: q.period, n: fmtCount(q.value) })),
		notes: []
	}),
	chart: (d) => registrationsChart(d.points, { id: 'england', label: 'England', color: 'var(--c-england)' }),
	alt: (_d, _ctx, s) =>
		`Line chart of deaths related to drug poisoning in England by year of registration, with a 95% confidence band. ${s[0]}`
});
