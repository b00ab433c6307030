/**
 * Age-standardised death rates, local against England (and the region), each with its 95% interval: ONS's
 * 3-year rates for drug misuse and drug poisoning deaths (embedded), or a loaded Fingertips export's, which
 * replaces them for the areas it covers. For a partnership of several councils ONS publishes no rate and rates
 * never add up: the councils' rates are shown side by side, with a crude rate for the partnership labelled as such.
 */
import { crudeRates, deathsText, rateSeries, type CrudePoint, type RatePoint } from '$lib/metrics/deaths';
import { COMPARISON_LABEL, COMPARISON_RULE } from '$lib/metrics/compare';
import { areaName, membersOf } from '$lib/metrics/figures';
import { fmtCount, fmtRate, MISSING } from '$lib/metrics/format';
import type { TableSpec } from '$lib/export/table';
import type { Series } from '$lib/charts/types';
import type { Ctx } from '../types';
import { defineMeasure } from '../define';
import { rateTable } from '../tables';

/** What each rate is, in a title or sentence, when the file gives no indicator name (ONS's tables). */
const LABELS: Record<string, { label: string; table: string }> = {
	drug_misuse_deaths_rate: { label: 'deaths related to drug misuse, age-standardised rate', table: 'Table 6' },
	drug_poisoning_deaths_rate: { label: 'deaths related to drug poisoning, age-standardised rate', table: 'Table 3' },
	alcohol_specific_mortality_rate: { label: 'alcohol-specific mortality rate', table: '' }
};

const ONS_RULE = 'ONS rule: no rate from fewer than 10 deaths (":"), and a rate from fewer than 20 deaths marked U, unreliable.';
const ONS_RATE = (table: string) =>
	`Age-standardised mortality rates per 100,000 (2013 European Standard Population), for deaths registered in three calendar years together, with 95% confidence intervals, as ONS publishes them (2021 registrations, ${table}).`;

/** "Similar to England" inside a sentence: "similar to England". */
const inSentence = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const ci = (lower: number | null, upper: number | null) =>
	lower != null && upper != null ? `${fmtRate(lower)} to ${fmtRate(upper)}` : null;
const withCi = (v: number | null, lower: number | null, upper: number | null) => {
	const c = ci(lower, upper);
	return v == null ? MISSING : c ? `${fmtRate(v)} (${c})` : fmtRate(v);
};

/** Pooled periods ("2017 to 2019") cannot be joined with "to": list them, or the first and the latest. */
function periodText(p: string[]): string {
	return p.length <= 3
		? `${p.length === 1 ? 'period' : 'periods'} ${p.join(', ')}`
		: `${p.length} periods, ${p[0]} to the latest, ${p[p.length - 1]}`;
}

interface Single {
	mode: 'single';
	points: RatePoint[];
	sources: string[];
	label: string;
	fingertips: boolean;
	region: { name: string; points: RatePoint[] } | null;
	last: RatePoint;
}

interface Members {
	mode: 'members';
	members: { code: string; name: string; points: RatePoint[] }[];
	england: RatePoint[];
	crude: CrudePoint[];
	periods: string[];
	sources: string[];
	label: string;
	fingertips: boolean;
	last: string;
}

type RateData = Single | Members;

function single(ctx: Ctx, metric: string): Single | null {
	const r = rateSeries(ctx.model, ctx.area, metric);
	if (!r.points.length) return null;
	const regionCode = ctx.model.areas.find((a) => a.code === ctx.area)?.region ?? null;
	const region = regionCode ? rateSeries(ctx.model, regionCode, metric) : null;
	return {
		mode: 'single',
		points: r.points,
		sources: [...new Set([...r.sources, ...(region?.points.length ? region.sources : [])])],
		label: r.name ?? LABELS[metric]?.label ?? metric.replace(/_/g, ' '),
		fingertips: r.name != null,
		region: region?.points.length ? { name: areaName(ctx.model, regionCode!), points: region.points } : null,
		last: r.points[r.points.length - 1]
	};
}

/** A partnership of several councils with a rate each (the Northamptonshire CDP). */
function members(ctx: Ctx, metric: string): Members | null {
	const codes = membersOf(ctx.area);
	const series = codes.map((code) => {
		const { points, sources, name } = rateSeries(ctx.model, code, metric);
		return { code, area: areaName(ctx.model, code), points, sources, indicator: name };
	});
	if (!series.length || series.some((s) => !s.points.length)) return null;
	const periods = series[0].points.map((p) => p.period);
	const crude = crudeRates(ctx.model, ctx.area, metric);
	const england = series[0].points;
	return {
		mode: 'members',
		members: series.map(({ code, area, points }) => ({ code, name: area, points })),
		england,
		crude: crude.points,
		periods,
		sources: [...new Set([...series.flatMap((s) => s.sources), ...crude.sources])],
		label: series[0].indicator ?? LABELS[metric]?.label ?? metric.replace(/_/g, ' '),
		fingertips: series[0].indicator != null,
		last: periods[periods.length - 1]
	};
}

function singleSentences(r: Single, name: string): string[] {
	const l = r.last;
	if (l.local != null) {
		const c = ci(l.localLower, l.localUpper);
		return [
			`In ${l.period} the rate for ${name} was ${fmtRate(l.local)} per 100,000${c ? ` (95% CI ${c})` : ''} against England's ${fmtRate(l.england)}: ${inSentence(COMPARISON_LABEL[l.comparison])}${l.fileJudgement ? ' (the file’s own judgement)' : ' (England’s value against the local 95% interval)'}.`
		];
	}
	// No local rate in the latest period: say why, with the count the file gives, then England and the latest rate.
	const why = l.unpublished ? `: ${l.unpublished}` : '';
	const s = [
		l.count != null
			? `In ${l.period} the rate for ${name} was not published${why} (${deathsText(l.count)}).`
			: `In ${l.period} no rate was published for ${name}${why}.`
	];
	if (l.england != null) s.push(`England's rate was ${fmtRate(l.england)} per 100,000.`);
	const published = [...r.points].reverse().find((p) => p.local != null);
	if (published) s.push(`The latest published rate for ${name} was ${fmtRate(published.local)} per 100,000, in ${published.period}.`);
	return s;
}

function membersSentences(r: Members, name: string): string[] {
	const at = (m: Members['members'][number]) => m.points.find((p) => p.period === r.last);
	const rates = r.members.map((m) => {
		const p = at(m);
		return p?.local != null
			? `${m.name}'s ${fmtRate(p.local)}${ci(p.localLower, p.localUpper) ? ` (95% CI ${ci(p.localLower, p.localUpper)})` : ''}`
			: `${m.name}: not published${p?.unpublished ? ` (${p.unpublished})` : ''}`;
	});
	const england = r.england.find((p) => p.period === r.last)?.england ?? null;
	const s = [
		`No rate is published for ${name} as a whole, and the councils' rates cannot be added: in ${r.last} the rates per 100,000 were ${rates.join(' and ')}, against England's ${fmtRate(england)}.`,
		`Compared with England (England’s value against each council’s 95% interval): ${r.members.map((m) => `${m.name} ${inSentence(COMPARISON_LABEL[at(m)?.comparison ?? 'not_compared'])}`).join('; ')}.`
	];
	const crude = [...r.crude].reverse().find((p) => p.rate != null);
	if (crude)
		s.push(
			`For the partnership as a whole, the crude rate (not age-standardised, so not comparable with these rates) was ${fmtRate(crude.rate)} per 100,000 a year in ${crude.period} (${deathsText(crude.deaths as number)}).`
		);
	const latest = r.crude.find((p) => p.period === r.last);
	if (crude && latest && latest !== crude && latest.note) s.push(`There is no crude rate for ${latest.period}: ${latest.note}.`);
	return s;
}

function membersTable(r: Members, caption: string): TableSpec {
	return {
		caption,
		columns: [
			{ key: 'period', label: 'Period' },
			...r.members.map((m) => ({ key: m.code, label: `${m.name} (95% CI)`, numeric: true })),
			{ key: 'england', label: 'England (95% CI)', numeric: true },
			{ key: 'deaths', label: 'Partnership deaths', numeric: true },
			{ key: 'crude', label: 'Partnership crude rate (95% CI)', numeric: true },
			{ key: 'note', label: 'Note' }
		],
		rows: r.periods.map((period) => {
			const row: Record<string, string> = { period };
			const notes: string[] = [];
			for (const m of r.members) {
				const p = m.points.find((x) => x.period === period);
				row[m.code] = withCi(p?.local ?? null, p?.localLower ?? null, p?.localUpper ?? null);
				if (p?.flag) notes.push(`${m.name}: ${p.flag}`);
			}
			const e = r.england.find((x) => x.period === period);
			row.england = withCi(e?.england ?? null, e?.englandLower ?? null, e?.englandUpper ?? null);
			const c = r.crude.find((x) => x.period === period);
			row.deaths = fmtCount(c?.deaths ?? null);
			row.crude = withCi(c?.rate ?? null, c?.lower ?? null, c?.upper ?? null);
			if (c?.note) notes.push(`Crude rate: ${c.note}`);
			row.note = notes.join('; ');
			return row;
		}),
		notes: [
			'Crude rate: the partnership’s deaths over the sum of its councils’ mid-year populations for the three years, per 100,000 a year; not age-standardised.'
		]
	};
}

/** The region's rate beside England's in the table, where the data give one. */
function withRegion(t: TableSpec, region: Single['region']): TableSpec {
	if (!region) return t;
	const at = t.columns.findIndex((c) => c.key === 'eci') + 1;
	return {
		...t,
		columns: [...t.columns.slice(0, at), { key: 'region', label: region.name, numeric: true }, ...t.columns.slice(at)],
		rows: t.rows.map((row) => ({ ...row, region: fmtRate(region.points.find((p) => p.period === row.period)?.local ?? null) }))
	};
}

function rateMeasure(metric: string, slide?: number) {
	return defineMeasure<RateData>({
		id: `rate-${metric}`,
		section: 'deaths',
		pages: ['deaths'],
		slide,
		data: (ctx) => single(ctx, metric) ?? members(ctx, metric),
		name: (r) => r.label.charAt(0).toUpperCase() + r.label.slice(1),
		title: (r, ctx) => `${ctx.name}: ${r.label} against England`,
		sentences: (r, ctx) => (r.mode === 'single' ? singleSentences(r, ctx.name) : membersSentences(r, ctx.name)),
		status: (r) =>
			r.mode === 'members'
				? { status: 'no_target', text: 'no target is set; each council compared with England', comparison: 'not_compared' }
				: {
						status: 'no_target',
						text: r.last.fileJudgement
							? 'no target is set; compared with England as the file judges it'
							: 'no target is set; compared with England',
						comparison: r.last.comparison
					},
		period: (r) => periodText(r.mode === 'single' ? r.points.map((x) => x.period) : r.periods),
		recordLevel: () => false,
		synthetic: () => false,
		sources: (r) => r.sources,
		definition: (r) =>
			[
				r.fingertips || !LABELS[metric]?.table
					? 'Rates per 100,000 as published by OHID Fingertips, with their 95% confidence intervals.'
					: ONS_RATE(LABELS[metric].table),
				r.mode === 'members'
					? 'ONS publishes rates for each council, not for the partnership, and rates are never added: each council is shown. The partnership’s crude rate is its councils’ deaths (counts, which add) over the sum of their mid-year population estimates for each year of the period (ONS mid-year estimates; exact Poisson limits below 10 deaths, Byar’s from 10).'
					: '',
				COMPARISON_RULE,
				'Lower is better.',
				ONS_RULE
			]
				.filter(Boolean)
				.join(' '),
		table: (r, ctx) =>
			r.mode === 'members'
				? membersTable(r, `${ctx.name}: ${r.label}, councils and England`)
				: withRegion(rateTable(`${ctx.name}: ${r.label}, local and England`, r.points), r.region),
		chart: (r, ctx) => {
			const england: Series = {
				id: 'england',
				label: 'England',
				color: 'var(--c-england)',
				dash: 'dashed',
				marker: 'square',
				band: true,
				points: (r.mode === 'single' ? r.points : r.england).map((q) => ({
					x: q.period,
					y: q.england,
					lower: q.englandLower,
					upper: q.englandUpper
				}))
			};
			if (r.mode === 'members')
				return {
					kind: 'line',
					categories: r.periods,
					format: fmtRate,
					yLabel: 'Per 100,000',
					series: [
						...r.members.map((m, i): Series => ({
							id: m.code,
							label: m.name,
							color: i === 0 ? 'var(--c-series-1)' : 'var(--c-series-3)',
							marker: i === 0 ? 'circle' : 'triangle',
							dash: i === 0 ? 'solid' : 'dotted',
							band: true,
							points: m.points.map((q) => ({ x: q.period, y: q.local, lower: q.localLower, upper: q.localUpper }))
						})),
						england
					]
				};
			return {
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
					...(r.region
						? [
								{
									id: 'region',
									label: r.region.name,
									color: 'var(--c-series-2)',
									dash: 'dotted' as const,
									marker: 'triangle' as const,
									points: r.points.map((q) => ({ x: q.period, y: r.region!.points.find((p) => p.period === q.period)?.local ?? null }))
								}
							]
						: []),
					england
				]
			};
		},
		alt: (r, ctx, s) =>
			r.mode === 'members'
				? `Line chart of ${r.label} for ${r.members.map((m) => m.name).join(' and ')} and England with 95% confidence intervals. ${s[0]}`
				: `Line chart of ${r.label} for ${ctx.name}${r.region ? `, ${r.region.name}` : ''} and England with 95% confidence intervals. ${s[0]}`
	});
}

export const misuseRate = rateMeasure('drug_misuse_deaths_rate', 12);
export const poisoningRate = rateMeasure('drug_poisoning_deaths_rate');
export const alcoholRate = rateMeasure('alcohol_specific_mortality_rate', 13);
