/**
 * ONS mid-year population estimates (embedded, 2001 to 2020) as denominators for crude rates where no rate is
 * published: adults in treatment per 1,000 adults aged 18 and over. Each rate says which estimate it used.
 */
import type { Model } from './model';
import { countFigures, figures, sourcesOf } from './figures';
import { trajectory } from './treatment';
import type { Cell } from './suppression';
import { ENGLAND } from '$lib/data/areas';

export interface Estimate {
	value: number;
	/** The mid-year the estimate is for. */
	year: number;
	/** No estimate for the year itself: the latest one in the data stands in. */
	latest: boolean;
}

/** The mid-year estimate for a year (mid-2021 for 2021-22), or the latest earlier one where the data stop. */
export function populationFor(model: Model, area: string, metric: 'population_18plus' | 'population_all_ages', year: number) {
	const rows = countFigures(model, { area, metric, kind: 'actual' }).filter((r) => r.value != null);
	const own = rows.find((r) => Number(r.period) === year);
	const before = rows.filter((r) => Number(r.period) < year).sort((a, b) => Number(b.period) - Number(a.period))[0];
	const row = own ?? (rows.every((r) => Number(r.period) < year) ? before : undefined);
	return {
		estimate: row ? ({ value: row.value as number, year: Number(row.period), latest: !own } satisfies Estimate) : null,
		sources: sourcesOf(row ? [row] : [])
	};
}

export interface PerThousandRow {
	fy: number;
	label: string;
	/** The year's number in treatment: the published figure where there is one, else the records (suppressed where small). */
	count: Cell;
	source: 'published' | 'records';
	population: Estimate | null;
	rate: number | null;
	england: { count: number; population: Estimate; rate: number } | null;
}

const per1000 = (n: number | null, p: Estimate | null) => (n != null && p ? (n / p.value) * 1000 : null);

/** People in treatment per 1,000 adults (18+) by financial year, local (published first) and England's published. */
export function inTreatmentPer1000(model: Model, area: string, cohort: string, suppress: boolean) {
	const local = trajectory(model, area, cohort, suppress);
	const england = area === ENGLAND ? null : trajectory(model, ENGLAND, cohort, true);
	// A published number in treatment: a year's reported figure, or the grant return's 2021-22 baseline.
	const published = (a: string, fy: number) =>
		figures(model, { area: a, metric: 'numbers_in_treatment', cohort, kind: ['actual', 'baseline'] }).filter(
			(f) => f.period_kind === 'financial_year' && Number(f.start.slice(0, 4)) === fy
		);
	const sources = new Set<string>();
	const rows = local.rows
		.map((r) => ({ ...r, reported: r.reported ?? r.baseline }))
		.filter((r) => !r.partial && (r.reported != null || r.actual.value != null || r.actual.suppressed))
		.map((r): PerThousandRow => {
			const pop = populationFor(model, area, 'population_18plus', r.fy);
			const count: Cell = r.reported != null ? { value: r.reported, suppressed: false } : r.actual;
			const e = england?.rows.find((x) => x.fy === r.fy && x.reported != null);
			const ePop = e ? populationFor(model, ENGLAND, 'population_18plus', r.fy) : null;
			const used = [...(r.reported != null ? published(area, r.fy) : []), ...(ePop?.estimate ? published(ENGLAND, r.fy) : [])];
			for (const s of [...pop.sources, ...(ePop?.sources ?? []), ...sourcesOf(used)]) sources.add(s);
			return {
				fy: r.fy,
				label: r.label,
				count,
				source: r.reported != null ? 'published' : 'records',
				population: pop.estimate,
				rate: per1000(count.value, pop.estimate),
				england:
					e?.reported != null && ePop?.estimate
						? { count: e.reported, population: ePop.estimate, rate: per1000(e.reported, ePop.estimate)! }
						: null
			};
		});
	return { rows, synthetic: local.synthetic, sources: [...sources] };
}
