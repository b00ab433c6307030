/**
 * What every measure shares: the one wording of each label and note, and `defineMeasure`, which turns a
 * declarative definition (data for a context, then title, sentences, table, chart…) into a spec.
 */
import type { TableSpec } from '$lib/export/table';
import type { Annotation } from '$lib/charts/types';
import type { Status } from '$lib/metrics/status';
import type { Comparison } from '$lib/metrics/compare';
import { areaName } from '$lib/metrics/figures';
import { MISSING } from '$lib/metrics/format';
import { cohortLabel } from '$lib/metrics/cohorts';
import type { ChartSpec, Ctx, Measure, MeasureSpec } from './types';

export const SYNTHETIC_LABEL = 'Illustrative synthetic data – not real figures';
const SYNTHETIC_NOTE = `${SYNTHETIC_LABEL}. Made by the dashboard’s generator for demonstration.`;
const SUPPRESSION_NOTE =
	'* = suppressed: a count of 1 to 4, a percentage made from one, or a count that would give one away (secondary suppression).';
export const RECORDS_SOURCE = 'synthetic-journeys.csv (record level)';
export const RELEASES_SOURCE = 'synthetic-prison-releases.csv (record level)';
export const LOADED_RECORDS_SOURCE = 'loaded treatment journeys (record level)';
export const LOADED_RELEASES_SOURCE = 'loaded prison releases (record level)';

/** The drug strategy From Harm to Hope, published 6 December 2021: one label wherever it is marked. */
export const STRATEGY_LABEL = 'Strategy published (Dec 2021)';
const STRATEGY_CATEGORIES = ['2021-12', '2021-22', '2021'];

/** The strategy marker on an axis of months, financial years or calendar years, when the axis reaches it. */
export function strategyMarker(categories: string[]): Annotation[] {
	const x = STRATEGY_CATEGORIES.find((c) => categories.includes(c));
	return x ? [{ x, label: STRATEGY_LABEL }] : [];
}

/** "2001 to 2020" from a list of period labels. */
export function span(labels: string[]): string {
	const l = labels.filter(Boolean);
	if (!l.length) return MISSING;
	return l.length === 1 || l[0] === l[l.length - 1] ? l[0] : `${l[0]} to ${l[l.length - 1]}`;
}

/** Drops columns (after the first) that are empty in every row: a printed table shows only what it holds. */
export function compactTable(t: TableSpec): TableSpec {
	const keep = t.columns.filter((c, i) => i === 0 || t.rows.some((r) => (r[c.key] ?? '') !== '' && r[c.key] !== MISSING));
	return keep.length === t.columns.length ? t : { ...t, columns: keep };
}

function hasSuppressed(t: TableSpec): boolean {
	return t.rows.some((r) => Object.values(r).includes('*'));
}

/** The lines under a figure in every frame: source, period, data date, synthetic label, suppression note. */
export function figureFooter(m: Measure, dataDate: string | null): string[] {
	return [
		`Source: ${m.sources.length ? m.sources.join('; ') : 'loaded data'}.`,
		`Period: ${m.period}.${m.recordLevel && dataDate ? ` Records as at ${dataDate}.` : ''}`,
		...(m.synthetic ? [SYNTHETIC_NOTE] : []),
		...(hasSuppressed(m.table) ? [SUPPRESSION_NOTE] : [])
	];
}

/** The definition of one measure: `data` computes what it needs (null: nothing to show for this context). */
export interface MeasureDef<D> extends Omit<MeasureSpec, 'build'> {
	name: string | ((d: D, ctx: Ctx) => string);
	data(ctx: Ctx): D | null;
	title(d: D, ctx: Ctx & { name: string }): string;
	sentences(d: D, ctx: Ctx & { name: string }): string[];
	status?(d: D): { status: Status; text: string | null; comparison?: Comparison };
	/** Shown beside the status when there is no target. */
	noTarget?: string;
	period(d: D): string;
	recordLevel(d: D, ctx: Ctx): boolean;
	synthetic(d: D): boolean;
	sources(d: D): string[];
	definition(d: D): string;
	table(d: D, ctx: Ctx & { name: string }): TableSpec;
	chart(d: D, ctx: Ctx & { name: string }): ChartSpec;
	alt(d: D, ctx: Ctx & { name: string }, sentences: string[]): string;
}

export function defineMeasure<D>(def: MeasureDef<D>): MeasureSpec {
	const {
		data,
		title,
		sentences,
		status,
		noTarget,
		period,
		recordLevel,
		synthetic,
		sources,
		definition,
		table,
		chart,
		alt,
		name,
		...spec
	} = def;
	return {
		...spec,
		build(ctx: Ctx): Measure | null {
			const d = data(ctx);
			if (d == null) return null;
			const c = { ...ctx, name: areaName(ctx.model, ctx.area) };
			const s = sentences(d, c);
			const st = status?.(d) ?? { status: 'no_target' as const, text: noTarget ?? 'no target is set' };
			return {
				key: def.id,
				id: `${def.id}-${ctx.area}`,
				section: def.section,
				area: ctx.area,
				areaName: c.name,
				name: typeof name === 'function' ? name(d, ctx) : name,
				title: title(d, c),
				sentences: s,
				status: st.status,
				statusText: st.text,
				comparison: st.comparison ?? 'not_compared',
				period: period(d),
				recordLevel: recordLevel(d, ctx),
				synthetic: synthetic(d),
				sources: sources(d),
				definition: definition(d),
				table: table(d, c),
				chart: chart(d, c),
				alt: alt(d, c, s)
			};
		}
	};
}

/** A sentence made from synthetic records says so in its own words, so a pasted sentence carries the label. */
export function illustrative(sentence: string, synthetic: boolean): string {
	return synthetic ? `Illustrative data: ${sentence}` : sentence;
}

/** "against the guide trajectory, 2023-24: 143 of 197 planned additional places delivered (73%; …)" */
export function statusText(against: string, why: string | null): string {
	return why ? `${against}: ${why}` : against;
}

export const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "adults", "young people" or "adults (opiate)": how a cohort reads inside a sentence. */
export function cohortText(cohort: string): string {
	if (cohort === 'adults') return 'adults';
	if (cohort === 'young_people') return 'young people';
	return `adults (${cohortLabel(cohort).toLowerCase()})`;
}
