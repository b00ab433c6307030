/**
 * Residential rehabilitation: adults starting residential rehab in the year as % of adults in treatment,
 * against the 2% national ambition, and starts against the planned placements.
 */
import type { Model } from './model';
import { figures, figureForYear, sourcesOf } from './figures';
import { suppressPercent, type Cell } from './suppression';
import { suppressMemberCount } from './siblings';
import { judge, type Status } from './status';
import { ENGLAND } from '$lib/data/areas';
import { yearComplete } from '$lib/data/periods';
import { fy as fyLabel } from './format';
import { wilson } from './intervals';

export const AMBITION = 2;
/** The 2% ambition applies from 2022-23, the first year of the strategy's treatment funding. */
export const AMBITION_FROM_FY = 2022;
export const DEFINITION =
	'Adults starting a residential rehabilitation placement in the financial year (numerator) as a percentage of adults in structured treatment in the year (denominator). 95% confidence interval by the Wilson score method.';

export interface RehabRow {
	fy: number;
	label: string;
	starts: Cell;
	adults: number | null;
	percent: Cell;
	lower: number | null;
	upper: number | null;
	planned: number | null;
	partial: boolean;
	/** Share of adults against the 2% ambition, from the year it applies. */
	status: Status;
	statusWhy: string | null;
	/** Starts against the planned placements, where a plan is loaded. */
	planStatus: Status;
	planStatusWhy: string | null;
}

export function rehab(model: Model, area: string, suppress: boolean) {
	const planned = figures(model, { area, metric: 'rehab_starts', kind: 'local_plan' });
	const average = figures(model, { area, metric: 'rehab_starts', kind: 'average' });
	const averagePct = figures(model, { area, metric: 'rehab_proportion' });
	const englandPct = figures(model, { area: ENGLAND, metric: 'rehab_proportion', kind: ['actual', 'average'] });
	const englandStarts = figures(model, { area: ENGLAND, metric: 'rehab_starts', kind: ['actual', 'average'] });
	const ambitionRow = figures(model, { area: ENGLAND, metric: 'rehab_proportion', kind: 'national_ambition' })[0];
	const ambition = ambitionRow?.value ?? AMBITION;
	// Baselines the planned increase is measured from: the published average before the plan (2018-21).
	const baselinePct = averagePct.find((f) => f.kind !== 'national_ambition')?.value ?? null;
	const baselineStarts = average[0]?.value ?? null;
	const records = model.yearly.filter((r) => r.area === area && r.group === 'adults');
	const cutoff = model.dataDate;

	const years = new Set<number>(records.map((r) => r.fy));
	for (const f of planned) if (f.period_kind === 'financial_year') years.add(Number(f.start.slice(0, 4)));
	const rows = [...years]
		.filter((y) => y >= 2018)
		.sort((a, b) => a - b)
		.map((y): RehabRow => {
			const rec = records.find((r) => r.fy === y);
			const partial = cutoff != null && !yearComplete(y, cutoff) && cutoff >= `${y}-04-01`;
			const future = cutoff != null && cutoff < `${y}-04-01`;
			const startsOf = (a: string) =>
				future ? null : (a === area ? rec : model.yearly.find((r) => r.area === a && r.group === 'adults' && r.fy === y))?.rehab_starts;
			const starts = suppressMemberCount(area, startsOf, suppress);
			// A share would give a hidden count back (share × adults), so it goes with it.
			const pct =
				rec && !future && !starts.suppressed
					? suppressPercent(rec.rehab_starts, rec.in_treatment, suppress)
					: { value: null, suppressed: starts.suppressed };
			const ci = rec && !future && !pct.suppressed ? wilson(rec.rehab_starts, rec.in_treatment) : null;
			const plannedValue = figureForYear(planned, y)?.value ?? null;
			const over = partial || future;
			const share = over
				? { status: 'no_target' as const, why: null }
				: judge({ actual: pct.value, target: y >= AMBITION_FROM_FY ? ambition : null, baseline: baselinePct, unit: 'percent' });
			const plan = over
				? { status: 'no_target' as const, why: null }
				: judge({ actual: starts.value, target: plannedValue, baseline: baselineStarts, noun: 'placements' });
			return {
				fy: y,
				label: partial ? `${fyLabel(y)} (to date)` : fyLabel(y),
				starts,
				adults: rec && !future ? rec.in_treatment : null,
				percent: pct,
				lower: ci ? ci.lower * 100 : null,
				upper: ci ? ci.upper * 100 : null,
				planned: plannedValue,
				partial,
				status: share.status,
				statusWhy: share.why,
				planStatus: plan.status,
				planStatusWhy: plan.why
			};
		});
	const latest = [...rows].reverse().find((r) => !r.partial && r.percent.value != null) ?? null;
	return {
		rows,
		ambition,
		average: average[0] ?? null,
		averagePct: averagePct.find((f) => f.kind !== 'national_ambition') ?? null,
		englandPct: englandPct[0] ?? null,
		englandStarts: englandStarts[0] ?? null,
		synthetic: records.some((r) => r.synthetic),
		sources: sourcesOf([...planned, ...average, ...averagePct, ...englandPct, ...englandStarts, ...(ambitionRow ? [ambitionRow] : [])]),
		latest
	};
}
