/**
 * Continuity of care: % of adults released from prison with a treatment need who engage in community
 * treatment within 3 weeks (21 days) of release. From records where loaded (with a Wilson interval),
 * beside published figures, the local plan, England and the 75% national ambition.
 */
import type { Model } from './model';
import { figures, figureForYear, sourcesOf } from './figures';
import { wilson } from './intervals';
import { suppressPercent, type Cell } from './suppression';
import { status, type Status } from './status';
import { compareWithEngland, type Comparison } from './compare';
import { ENGLAND } from '$lib/data/areas';
import { yearComplete } from '$lib/data/periods';
import { fy as fyLabel } from './format';

export const AMBITION = 75;
/** The 75% ambition applies from 2023-24 (set in the grant's conditions for that year). */
export const AMBITION_FROM_FY = 2023;
export const DEFINITION =
	'Adults released from prison with a substance misuse treatment need (denominator) who had a first structured community treatment contact within 21 days of release (numerator). 95% confidence interval by the Wilson score method.';

export interface ContinuityRow {
	fy: number;
	label: string;
	percent: Cell;
	numerator: number | null;
	denominator: number | null;
	lower: number | null;
	upper: number | null;
	/** Published local figure (baseline or actual) for the year. */
	reported: number | null;
	plan: number | null;
	england: number | null;
	ambition: number | null;
	status: Status;
	comparison: Comparison;
}

export interface Continuity {
	rows: ContinuityRow[];
	quarters: {
		label: string;
		fy: number;
		quarter: number;
		percent: Cell;
		numerator: number;
		denominator: number;
		lower: number | null;
		upper: number | null;
	}[];
	synthetic: boolean;
	sources: string[];
	latest: ContinuityRow | null;
}

export function continuity(model: Model, area: string, suppress: boolean): Continuity {
	const local = figures(model, { area, metric: 'continuity_of_care', kind: ['actual', 'baseline'] });
	const plan = figures(model, { area, metric: 'continuity_of_care', kind: 'local_plan' });
	const england = figures(model, { area: ENGLAND, metric: 'continuity_of_care', kind: ['actual', 'baseline'] });
	const ambition = figures(model, { area: ENGLAND, metric: 'continuity_of_care', kind: 'national_ambition' });
	const records = model.continuity.filter((r) => r.area === area);
	const cutoff = model.dataDate;

	const years = new Set<number>(records.filter((r) => r.quarter == null).map((r) => r.fy));
	for (const f of [...local, ...plan]) if (f.period_kind === 'financial_year') years.add(Number(f.start.slice(0, 4)));
	const ambitionValue = ambition[0]?.value ?? AMBITION;

	const rows = [...years]
		.sort((a, b) => a - b)
		.map((y): ContinuityRow => {
			const rec = records.find((r) => r.fy === y && r.quarter == null);
			const partial = cutoff != null && !yearComplete(y, cutoff);
			const pct = rec ? suppressPercent(rec.numerator, rec.denominator, suppress) : { value: null, suppressed: false };
			const ci = rec && !pct.suppressed ? wilson(rec.numerator, rec.denominator) : null;
			const reported = figureForYear(local, y)?.value ?? null;
			const eng = figureForYear(england, y)?.value ?? null;
			const planValue = figureForYear(plan, y)?.value ?? null;
			const value = pct.value ?? reported;
			return {
				fy: y,
				label: partial && rec ? `${fyLabel(y)} (to date)` : fyLabel(y),
				percent: pct,
				numerator: rec && !pct.suppressed ? rec.numerator : null,
				denominator: rec && !pct.suppressed ? rec.denominator : null,
				lower: ci ? ci.lower * 100 : null,
				upper: ci ? ci.upper * 100 : null,
				reported,
				plan: planValue,
				england: eng,
				ambition: y >= AMBITION_FROM_FY ? ambitionValue : null,
				status: partial ? 'no_target' : status(value, planValue ?? (y >= AMBITION_FROM_FY ? ambitionValue : null)),
				comparison: compareWithEngland(
					{ value: pct.value, lower: ci ? ci.lower * 100 : null, upper: ci ? ci.upper * 100 : null },
					{ value: eng },
					'high_is_good'
				)
			};
		});
	const quarters = records
		.filter((r) => r.quarter != null)
		.map((r) => {
			const pct = suppressPercent(r.numerator, r.denominator, suppress);
			const ci = pct.suppressed ? null : wilson(r.numerator, r.denominator);
			return {
				label: `${fyLabel(r.fy)} Q${r.quarter}`,
				fy: r.fy,
				quarter: r.quarter as number,
				percent: pct,
				numerator: r.numerator,
				denominator: r.denominator,
				lower: ci ? ci.lower * 100 : null,
				upper: ci ? ci.upper * 100 : null
			};
		});
	const latest = [...rows].reverse().find((r) => !r.label.includes('to date') && (r.percent.value != null || r.reported != null)) ?? null;
	return {
		rows,
		quarters,
		synthetic: records.some((r) => r.synthetic),
		sources: sourcesOf([...local, ...plan, ...england, ...ambition]),
		latest
	};
}
