/**
 * Any Fingertips indicator a loaded export holds that the dashboard has no measure for: one family that gives each
 * such indicator two figures, its trend for the area against England (and the region where the file has it), and
 * every area of the same area type ranked for the latest period with the area marked. Numbers, intervals and
 * the file's own "Compared to England" judgement are shown as the file gives them.
 */
import type { TableSpec } from '$lib/export/table';
import { COMPARISON_LABEL } from '$lib/metrics/compare';
import { fmtCount, fmtRate, MISSING } from '$lib/metrics/format';
import {
	indicatorRanking,
	indicatorTrend,
	loadedIndicators,
	type Estimate,
	type IndicatorPoint,
	type LoadedIndicator
} from '$lib/metrics/indicators';
import { defineMeasure } from '../define';
import type { MeasureSpec } from '../types';

const ci = (e: Estimate | null) => (e?.lower != null && e.upper != null ? `${fmtRate(e.lower)} to ${fmtRate(e.upper)}` : MISSING);
const valueText = (e: Estimate) => `${fmtRate(e.value)}${e.lower != null && e.upper != null ? ` (95% CI ${ci(e)})` : ''}`;
/** The file's judgement as given, else how England's value falls against the local interval (a table cell). */
const comparisonText = (p: IndicatorPoint) =>
	p.judgement && p.judgement.toLowerCase() !== 'not compared'
		? `${p.judgement} (as the file gives it)`
		: p.comparison === 'not_compared'
			? (p.judgement ?? MISSING)
			: `${COMPARISON_LABEL[p.comparison]} (England’s value against the local 95% interval)`;

/** The same, inside a sentence: "worse than England (the file’s own judgement)". */
function comparisonWords(p: IndicatorPoint): string {
	if (p.judgedByFile) return `${lowerFirst(COMPARISON_LABEL[p.comparison])} (the file’s own judgement)`;
	if (p.judgement && p.judgement.toLowerCase() !== 'not compared') return `compared with England, the file gives “${p.judgement}”`;
	if (p.comparison === 'not_compared') return 'not compared with England';
	return `${lowerFirst(COMPARISON_LABEL[p.comparison])} (England’s value against the local 95% interval)`;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

function breakdown(ind: LoadedIndicator): string {
	const drawn = [ind.sex, ind.age].filter(Boolean).join(', ');
	return `${drawn ? `Drawn: ${drawn}.` : ''}${ind.otherBreakdowns.length ? ` Also in the file, not drawn here: ${ind.otherBreakdowns.join(', ')} (see the SQL explorer, table figures).` : ''}`;
}

function definition(ind: LoadedIndicator): string {
	return (
		`Fingertips indicator ${ind.id} as the loaded export gives it: the value in the indicator’s own unit and method (the export does not say which), ` +
		'with its 95% confidence interval; Count is the file’s count (for pooled years Fingertips may give a yearly average, so it can have decimals). ' +
		'Where a row has no value the count is shown instead, with the file’s note. The file’s own “Compared to England” judgement is shown as given; ' +
		'where a row has none, England’s value is tested against the local 95% interval and the result is called higher, similar or lower, since the dashboard does not know whether a high value is good. ' +
		breakdown(ind)
	).trim();
}

function periodText(periods: string[]): string {
	return periods.length <= 3
		? `${periods.length === 1 ? 'period' : 'periods'} ${periods.join(', ')}`
		: `${periods.length} periods, ${periods[0]} to ${periods[periods.length - 1]}`;
}

function trendMeasure(ind: LoadedIndicator): MeasureSpec {
	return defineMeasure({
		id: `fingertips-${ind.id}-trend`,
		section: 'indicators',
		pages: ['indicators'],
		data: (ctx) => {
			const t = indicatorTrend(ctx.model, ind, ctx.area);
			return t && t.points.length ? { ...t, last: t.points[t.points.length - 1], standIn: t.area !== ctx.area } : null;
		},
		name: () => ind.name,
		title: (t) => `${t.areaName}: ${ind.name} against England`,
		sentences: (t) => {
			const l = t.last;
			const s: string[] = [];
			if (l.value != null) {
				const against = l.england?.value != null ? ` against England’s ${fmtRate(l.england.value)}` : '';
				s.push(`In ${l.period} the value for ${t.areaName} was ${valueText(l)}${against}: ${comparisonWords(l)}.`);
			} else {
				const why = l.note ? `: ${l.note}` : '';
				s.push(`In ${l.period} no value was published for ${t.areaName}${why}${l.count != null ? ` (count ${fmtCount(l.count)})` : ''}.`);
				if (l.england?.value != null) s.push(`England’s value was ${fmtRate(l.england.value)}.`);
				const published = [...t.points].reverse().find((p) => p.value != null);
				if (published) s.push(`The latest published value for ${t.areaName} was ${fmtRate(published.value)}, in ${published.period}.`);
			}
			if (t.region && l.region?.value != null) s.push(`The value for ${t.region.name} was ${fmtRate(l.region.value)}.`);
			if (t.standIn) s.push(`The file has no rows for ${t.asked} itself; these are the rows for ${t.areaName}.`);
			return s;
		},
		status: (t) => ({
			status: 'no_target',
			text: t.last.judgement ? 'no target is set; compared with England as the file judges it' : 'no target is set; compared with England',
			comparison: t.last.comparison
		}),
		period: (t) => periodText(t.points.map((p) => p.period)),
		recordLevel: () => false,
		synthetic: () => false,
		sources: () => ind.sources,
		definition: () => definition(ind),
		table: (t): TableSpec => ({
			caption: `${t.areaName}: ${ind.name}, with England${t.region ? ` and ${t.region.name}` : ''}`,
			columns: [
				{ key: 'period', label: 'Period' },
				{ key: 'value', label: 'Value', numeric: true },
				{ key: 'ci', label: '95% CI', numeric: true },
				{ key: 'count', label: 'Count', numeric: true },
				{ key: 'den', label: 'Denominator', numeric: true },
				{ key: 'england', label: 'England', numeric: true },
				{ key: 'eci', label: 'England 95% CI', numeric: true },
				...(t.region ? [{ key: 'region', label: t.region.name, numeric: true }] : []),
				{ key: 'cmp', label: 'Compared with England' },
				{ key: 'note', label: 'Note' }
			],
			rows: t.points.map((p) => ({
				period: p.period,
				value: fmtRate(p.value),
				ci: ci(p),
				count: fmtCount(p.count),
				den: fmtCount(p.denominator),
				england: fmtRate(p.england?.value),
				eci: ci(p.england),
				...(t.region ? { region: fmtRate(p.region?.value) } : {}),
				cmp: comparisonText(p),
				note:
					p.value == null && p.count != null
						? `No value published${p.note ? `: ${p.note}` : ''} (count ${fmtCount(p.count)})`
						: (p.note ?? '')
			})),
			notes: []
		}),
		chart: (t) => ({
			kind: 'line',
			...(t.points.every((p) => p.value == null)
				? {
						message: `No value is published for ${t.areaName} in ${t.points.length === 1 ? t.points[0].period : `any of the ${t.points.length} periods`}${t.points.some((p) => p.count != null) ? '; the counts are in the table' : ''}.`
					}
				: {}),
			categories: t.points.map((p) => p.period),
			format: fmtRate,
			yLabel: 'Value as published',
			series: [
				{
					id: 'local',
					label: t.areaName,
					color: 'var(--c-series-1)',
					band: true,
					points: t.points.map((p) => ({ x: p.period, y: p.value, lower: p.lower, upper: p.upper }))
				},
				...(t.area === 'E92000001'
					? []
					: [
							{
								id: 'england',
								label: 'England',
								color: 'var(--c-england)',
								dash: 'dashed' as const,
								marker: 'square' as const,
								band: true,
								points: t.points.map((p) => ({
									x: p.period,
									y: p.england?.value ?? null,
									lower: p.england?.lower,
									upper: p.england?.upper
								}))
							}
						]),
				...(t.region
					? [
							{
								id: 'region',
								label: t.region.name,
								color: 'var(--c-series-3)',
								dash: 'dotted' as const,
								marker: 'diamond' as const,
								points: t.points.map((p) => ({ x: p.period, y: p.region?.value ?? null }))
							}
						]
					: [])
			]
		}),
		alt: (t, _ctx, s) =>
			`Line chart of ${ind.name} for ${t.areaName}${t.area === 'E92000001' ? '' : ' and England'}${t.region ? ` and ${t.region.name}` : ''}, with 95% confidence intervals. ${s[0]}`
	});
}

const ordinal = (n: number) => {
	const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
	return `${n}${s}`;
};

function rankMeasure(ind: LoadedIndicator): MeasureSpec {
	return defineMeasure({
		id: `fingertips-${ind.id}-ranked`,
		section: 'indicators',
		pages: ['indicators'],
		data: (ctx) => {
			const r = indicatorRanking(ctx.model, ind, ctx.area);
			return r ? { ...r, me: r.rows.find((x) => x.selected)!, ranked: r.rows.filter((x) => x.rank != null).length } : null;
		},
		name: () => `${ind.name}: areas ranked`,
		title: (r) => `${ind.name}, ${r.period}: ${r.areaName} among ${r.areaType}`,
		sentences: (r) => {
			const england = r.england != null ? `; England ${fmtRate(r.england)}` : '';
			const first =
				r.me.rank != null
					? `${r.areaName} ranks ${r.me.rank === 1 ? '' : `${ordinal(r.me.rank)} `}highest of ${r.ranked} ${r.areaType} with a value in ${r.period}, at ${fmtRate(r.me.value)}${england}.`
					: `${r.areaName} has no value in ${r.period}${r.me.count != null ? ` (count ${fmtCount(r.me.count)})` : ''}; ${r.ranked} ${r.areaType} are ranked${england}.`;
			const unranked = r.rows.length - r.ranked;
			return [first, ...(unranked && r.me.rank != null ? [`${unranked} more ${unranked === 1 ? 'has' : 'have'} no value.`] : [])];
		},
		status: () => ({ status: 'no_target', text: null }),
		period: (r) => r.period,
		recordLevel: () => false,
		synthetic: () => false,
		sources: () => ind.sources,
		definition: (r) =>
			`Every area the file gives as “${r.areaType}” in ${r.period}, highest value first (whether high is good the export does not say); areas with no value are listed last, unranked. ${definition(ind)}`,
		table: (r): TableSpec => ({
			caption: `${ind.name}, ${r.period}: ${r.areaType}, highest first`,
			columns: [
				{ key: 'rank', label: 'Rank', numeric: true },
				{ key: 'area', label: 'Area' },
				{ key: 'value', label: 'Value', numeric: true },
				{ key: 'ci', label: '95% CI', numeric: true },
				{ key: 'count', label: 'Count', numeric: true },
				{ key: 'cmp', label: 'Compared with England (file)' }
			],
			rows: r.rows.map((x) => ({
				rank: x.rank == null ? MISSING : String(x.rank),
				area: x.selected ? `${x.name} (selected)` : x.name,
				value: fmtRate(x.value),
				ci: ci(x),
				count: fmtCount(x.count),
				cmp: x.judgement ?? MISSING
			})),
			notes: [
				...(r.england != null ? [`England: ${fmtRate(r.england)}.`] : []),
				...(r.region?.value != null ? [`${r.region.name}: ${fmtRate(r.region.value)}.`] : [])
			]
		}),
		chart: (r) => ({
			kind: 'rank',
			rows: r.rows.map((x) => ({ id: x.code, label: x.name, value: x.value, lower: x.lower, upper: x.upper, selected: x.selected })),
			format: fmtRate,
			yLabel: 'Value as published',
			references: [
				...(r.england != null ? [{ value: r.england, label: `England ${fmtRate(r.england)}` }] : []),
				...(r.region?.value != null ? [{ value: r.region.value, label: `${r.region.name} ${fmtRate(r.region.value)}` }] : [])
			]
		}),
		alt: (r, _ctx, s) =>
			`Column chart of ${ind.name} for the ${r.rows.length} ${r.areaType} in ${r.period}, highest first, ${r.areaName} marked. ${s[0]}`
	});
}

/** The family: each loaded indicator's trend, then its ranking. Not on the board: one slide per unknown indicator would swamp it. */
const fingertipsIndicators: MeasureSpec = {
	id: 'fingertips-indicator',
	section: 'indicators',
	pages: ['indicators'],
	build: () => null,
	expand: (model) => loadedIndicators(model).flatMap((ind) => [trendMeasure(ind), rankMeasure(ind)])
};

export default fingertipsIndicators;
