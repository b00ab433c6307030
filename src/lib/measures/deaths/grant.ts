/** Drug-related and alcohol-specific deaths as printed in a grant planning return (Rotherham's). */
import { countSeries } from '$lib/metrics/deaths';
import { sourcesOf } from '$lib/metrics/figures';
import { fmtCount } from '$lib/metrics/format';
import { ENGLAND } from '$lib/data/areas';
import { defineMeasure, span } from '../define';
import { COUNT_INTERVAL } from './registrations';

export default defineMeasure({
	id: 'grant-deaths',
	name: 'Drug-related and alcohol-specific deaths',
	section: 'deaths',
	pages: ['deaths'],
	slide: 11,
	data: (ctx) => {
		const drug = countSeries(ctx.model, ctx.area, 'drug_related_deaths');
		const alcohol = countSeries(ctx.model, ctx.area, 'alcohol_specific_deaths');
		if (!drug.points.length && !alcohol.points.length) return null;
		return {
			drug,
			alcohol,
			engDrug: countSeries(ctx.model, ENGLAND, 'drug_related_deaths'),
			engAlcohol: countSeries(ctx.model, ENGLAND, 'alcohol_specific_deaths'),
			periods: [...new Set([...drug.points, ...alcohol.points].map((p) => p.period))].sort()
		};
	},
	title: (_d, ctx) => `${ctx.name}: drug-related and alcohol-specific deaths, as in the grant return`,
	sentences: (d, ctx) => {
		const lastDrug = d.drug.points[d.drug.points.length - 1];
		const lastAlc = d.alcohol.points[d.alcohol.points.length - 1];
		const counts = [
			lastDrug ? `${fmtCount(lastDrug.value)} drug-related deaths` : null,
			lastAlc ? `${fmtCount(lastAlc.value)} alcohol-specific deaths` : null
		].filter(Boolean);
		return [
			`${counts.join(' and ')} were recorded for ${ctx.name} in ${lastDrug?.period ?? lastAlc?.period}, as printed in the grant return (under its own labels; it gives no definition).`
		];
	},
	noTarget: 'no target is set for deaths',
	period: (d) => `years ${span(d.periods)}`,
	recordLevel: () => false,
	synthetic: () => false,
	sources: (d) => sourcesOf([{ source: d.drug.sources.join('; ') || null }, { source: d.alcohol.sources.join('; ') || null }]),
	definition: () =>
		`As printed in the partnership's grant planning return, under its own labels: England's 'drug related deaths' and the area's 'drug specific deaths', with 'alcohol specific deaths' for both. The return gives no definition or source for them. England's 2,830 for 2020 equals ONS's count of deaths related to drug misuse (ONS, Deaths related to drug poisoning by local authority, 2021 registrations, Table 2), not drug poisoning (4,312), so read them as drug misuse deaths. ${COUNT_INTERVAL}`,
	table: (d, ctx) => {
		const at = (s: typeof d.drug, p: string) => fmtCount(s.points.find((a) => a.period === p)?.value ?? null);
		return {
			caption: `${ctx.name}: deaths in the grant return`,
			columns: [
				{ key: 'year', label: 'Year' },
				{ key: 'drug', label: 'Drug related', numeric: true },
				{ key: 'alcohol', label: 'Alcohol specific', numeric: true },
				{ key: 'edrug', label: 'England drug related', numeric: true },
				{ key: 'ealcohol', label: 'England alcohol specific', numeric: true }
			],
			rows: d.periods.map((p) => ({
				year: p,
				drug: at(d.drug, p),
				alcohol: at(d.alcohol, p),
				edrug: at(d.engDrug, p),
				ealcohol: at(d.engAlcohol, p)
			})),
			notes: []
		};
	},
	chart: (d) => ({
		kind: 'line',
		categories: d.periods,
		format: (v) => fmtCount(Math.round(v)),
		yLabel: 'Deaths',
		series: [
			{
				id: 'drug',
				label: 'Drug related',
				color: 'var(--c-series-1)',
				marker: 'circle',
				band: true,
				points: d.drug.points.map((p) => ({ x: p.period, y: p.value, lower: p.lower, upper: p.upper }))
			},
			{
				id: 'alcohol',
				label: 'Alcohol specific',
				color: 'var(--c-series-2)',
				marker: 'square',
				dash: 'dashed',
				points: d.alcohol.points.map((p) => ({ x: p.period, y: p.value }))
			}
		]
	}),
	alt: (_d, ctx, s) => `Line chart of drug-related and alcohol-specific deaths in ${ctx.name} from the grant return. ${s[0]}`
});
