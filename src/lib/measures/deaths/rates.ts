/** Death rates from a loaded Fingertips export, local against England, each with its 95% interval. */
import { rateSeries, deathsText } from '$lib/metrics/deaths';
import { COMPARISON_LABEL, COMPARISON_RULE } from '$lib/metrics/compare';
import { fmtRate } from '$lib/metrics/format';
import { defineMeasure } from '../define';
import { rateTable } from '../tables';

function rateMeasure(metric: string, slide: number) {
	return defineMeasure({
		id: `rate-${metric}`,
		section: 'deaths',
		pages: ['deaths'],
		slide,
		data: (ctx) => {
			const r = rateSeries(ctx.model, ctx.area, metric);
			if (!r.points.length) return null;
			return { ...r, label: r.name ?? metric.replace(/_/g, ' '), last: r.points[r.points.length - 1] };
		},
		name: (r) => r.label,
		title: (r, ctx) => `${ctx.name}: ${r.label} against England`,
		sentences: (r, ctx) => {
			const l = r.last;
			if (l.local != null)
				return [
					`In ${l.period} the rate was ${fmtRate(l.local)} per 100,000 against England's ${fmtRate(l.england)}: ${COMPARISON_LABEL[l.comparison].toLowerCase()}${l.fileJudgement ? ' (the file’s own judgement)' : ' (England’s value against the local 95% interval)'}.`
				];
			// No local rate in the latest period: say why, with the count the file gives, then England and the latest rate.
			const why = l.unpublished ? `: ${l.unpublished}` : '';
			const s = [
				l.count != null
					? `In ${l.period} the rate for ${ctx.name} was not published${why} (${deathsText(l.count)}).`
					: `In ${l.period} no rate was published for ${ctx.name}${why}.`
			];
			if (l.england != null) s.push(`England's rate was ${fmtRate(l.england)} per 100,000.`);
			const published = [...r.points].reverse().find((p) => p.local != null);
			if (published)
				s.push(`The latest published rate for ${ctx.name} was ${fmtRate(published.local)} per 100,000, in ${published.period}.`);
			return s;
		},
		status: (r) => ({
			status: 'no_target',
			text: r.last.fileJudgement
				? 'no target is set; compared with England as the file judges it'
				: 'no target is set; compared with England',
			comparison: r.last.comparison
		}),
		// Pooled periods ("2017 to 2019") cannot be joined with "to": list them, or the first and the latest.
		period: (r) => {
			const p = r.points.map((x) => x.period);
			return p.length <= 3
				? `${p.length === 1 ? 'period' : 'periods'} ${p.join(', ')}`
				: `${p.length} periods, ${p[0]} to the latest, ${p[p.length - 1]}`;
		},
		recordLevel: () => false,
		synthetic: () => false,
		sources: (r) => r.sources,
		definition: () =>
			`Rates per 100,000 as published by OHID Fingertips, with their 95% confidence intervals. ${COMPARISON_RULE} Lower is better. ONS rule: no rate from fewer than 10 deaths, and rates from fewer than 20 flagged.`,
		table: (r, ctx) => rateTable(`${ctx.name}: ${r.label}, local and England`, r.points),
		chart: (r, ctx) => ({
			kind: 'line',
			// Nothing local to draw (every period count-only or suppressed): say so rather than show an empty frame.
			...(r.points.every((p) => p.local == null)
				? {
						message: `No rate is published for ${ctx.name} in ${r.points.length === 1 ? r.points[0].period : `any of the ${r.points.length} periods`}${r.points.some((p) => p.count != null) ? '; the deaths counted are in the table' : ''}.`
					}
				: {}),
			categories: r.points.map((q) => q.period),
			format: fmtRate,
			yLabel: 'Per 100,000',
			series: [
				{
					id: 'local',
					label: ctx.name,
					color: 'var(--c-series-1)',
					band: true,
					points: r.points.map((q) => ({ x: q.period, y: q.local, lower: q.localLower, upper: q.localUpper }))
				},
				{
					id: 'england',
					label: 'England',
					color: 'var(--c-england)',
					dash: 'dashed',
					marker: 'square',
					band: true,
					points: r.points.map((q) => ({ x: q.period, y: q.england, lower: q.englandLower, upper: q.englandUpper }))
				}
			]
		}),
		alt: (r, ctx, s) => `Line chart of ${r.label} for ${ctx.name} and England with 95% confidence intervals. ${s[0]}`
	});
}

export const misuseRate = rateMeasure('drug_misuse_deaths_rate', 12);
export const alcoholRate = rateMeasure('alcohol_specific_mortality_rate', 13);
