/**
 * Adults in treatment per 1,000 adults aged 18 and over: a crude rate so areas of different sizes can be set side
 * by side (no rate is published for it). England's from NDTMS ViewIt beside the area's; each year says which
 * ONS mid-year estimate it divides by. Record-level years are illustrative when the records are synthetic.
 */
import { inTreatmentPer1000, type PerThousandRow } from '$lib/metrics/population';
import { fmtCount, fmtRate, MISSING } from '$lib/metrics/format';
import { capitalise, cohortText, defineMeasure, illustrative, RECORDS_SOURCE, span } from '../define';

const estimateText = (p: PerThousandRow['population']) => (p ? `mid-${p.year}${p.latest ? ' (latest)' : ''}` : MISSING);

export default defineMeasure({
	id: 'treatment-per-population',
	name: 'Adults in treatment per 1,000 adults',
	section: 'treatment',
	pages: ['treatment'],
	cohorts: true,
	data: (ctx) => {
		// The denominator is adults: young people in treatment are not a share of it.
		if (ctx.cohort === 'young_people') return null;
		const d = inTreatmentPer1000(ctx.model, ctx.area, ctx.cohort, ctx.suppress);
		const rows = d.rows.filter((r) => r.population != null);
		if (!rows.some((r) => r.rate != null)) return null;
		const last = [...rows].reverse().find((r) => r.rate != null)!;
		const withEngland = [...rows].reverse().find((r) => r.rate != null && r.england != null) ?? null;
		// Records are synthetic where the records are; a published year is not.
		const illustrativeRows = d.synthetic && rows.some((r) => r.source === 'records');
		return { ...d, rows, last, withEngland, illustrativeRows };
	},
	title: (_d, ctx) => `${ctx.name}: ${cohortText(ctx.cohort)} in treatment per 1,000 adults`,
	sentences: (d, ctx) => {
		const l = d.last;
		const est = (r: PerThousandRow) =>
			`ONS mid-${r.population!.year} population estimate${r.population!.latest ? ', the latest in the data' : ''}`;
		// "Illustrative data: in 2023-24, …" reads as one sentence.
		const lead = (synthetic: boolean, text: string) => illustrative(synthetic ? text : capitalise(text), synthetic);
		const s = [
			lead(
				d.synthetic && l.source === 'records',
				`in ${l.label}, ${fmtRate(l.rate)} ${cohortText(ctx.cohort)} per 1,000 adults aged 18 and over were in treatment in ${ctx.name} (${fmtCount(l.count.value)} people; ${est(l)}).`
			)
		];
		const w = d.withEngland;
		if (w?.england)
			s.push(
				lead(
					d.synthetic && w.source === 'records',
					`in ${w.label}, the latest year with England's published figure, ${ctx.name} had ${fmtRate(w.rate)} per 1,000 against England's ${fmtRate(w.england.rate)} (${fmtCount(w.england.count)} people).`
				)
			);
		return s;
	},
	noTarget: 'no target is set for this rate',
	period: (d) => `financial years ${span(d.rows.map((r) => r.label))}`,
	recordLevel: (d) => d.rows.some((r) => r.source === 'records'),
	synthetic: (d) => d.illustrativeRows,
	sources: (d) => [...d.sources, ...(d.illustrativeRows ? [RECORDS_SOURCE] : [])],
	definition: () =>
		'People in treatment in the financial year (the published figure where there is one, including the grant return’s 2021-22 baseline, else counted from records) divided by the ONS mid-year estimate of residents aged 18 and over, per 1,000. A year uses the estimate for its own mid-year (30 June, inside the financial year); the embedded estimates stop at mid-2020, so later years use mid-2020 and say so. A crude rate, not age-standardised. England: NDTMS ViewIt numbers in treatment over the sum of England’s local authority estimates.',
	table: (d, ctx) => ({
		caption: `${ctx.name}: ${cohortText(ctx.cohort)} in treatment per 1,000 adults aged 18 and over`,
		columns: [
			{ key: 'year', label: 'Financial year' },
			{ key: 'n', label: 'In treatment', numeric: true },
			{ key: 'source', label: 'Source' },
			{ key: 'pop', label: 'Adults 18+', numeric: true },
			{ key: 'est', label: 'Estimate' },
			{ key: 'rate', label: 'Per 1,000', numeric: true },
			{ key: 'eng', label: 'England per 1,000', numeric: true }
		],
		rows: d.rows.map((r) => ({
			year: r.label,
			n: fmtCount(r.count.value, r.count.suppressed),
			source: r.source === 'published' ? 'Published' : 'Records',
			pop: fmtCount(r.population?.value ?? null),
			est: estimateText(r.population),
			rate: r.count.suppressed ? '*' : fmtRate(r.rate),
			eng: fmtRate(r.england?.rate ?? null)
		})),
		notes: []
	}),
	chart: (d, ctx) => {
		const categories = d.rows.map((r) => r.label);
		const at = (source: 'published' | 'records') =>
			d.rows.map((r) => ({ x: r.label, y: r.source === source ? r.rate : null, suppressed: r.source === source && r.count.suppressed }));
		return {
			kind: 'line',
			categories,
			format: fmtRate,
			yLabel: 'Per 1,000 adults',
			series: [
				...(d.rows.some((r) => r.source === 'records')
					? [
							{
								id: 'records',
								label: `${ctx.name} (records)`,
								color: 'var(--c-series-1)',
								marker: 'circle' as const,
								points: at('records')
							}
						]
					: []),
				...(d.rows.some((r) => r.source === 'published')
					? [
							{
								id: 'published',
								label: `${ctx.name} (published)`,
								color: 'var(--c-series-4)',
								marker: 'diamond' as const,
								line: false,
								points: at('published')
							}
						]
					: []),
				...(d.rows.some((r) => r.england)
					? [
							{
								id: 'england',
								label: 'England',
								color: 'var(--c-england)',
								dash: 'dashed' as const,
								marker: 'square' as const,
								points: d.rows.map((r) => ({ x: r.label, y: r.england?.rate ?? null }))
							}
						]
					: [])
			]
		};
	},
	alt: (_d, ctx, s) =>
		`Line chart of ${cohortText(ctx.cohort)} in treatment per 1,000 adults in ${ctx.name} and England by financial year. ${s.join(' ')}`
});
