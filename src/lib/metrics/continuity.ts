/**
 * Continuity of care: % of adults released from prison with a treatment need who engage in community
 * treatment within 3 weeks (21 days) of release. From records where loaded (with a Wilson interval),
 * beside published figures, the local plan, England and the 75% national ambition.
 */
import type { Model } from './model';
import { figures, figureForYear, sourcesOf } from './figures';
import { wilson } from './intervals';
import { suppressPercent, type Cell } from './suppression';
import { judge, type Status } from './status';
import { compareWithEngland, type Comparison } from './compare';
import { ENGLAND } from '$lib/data/areas';
import { yearComplete } from '$lib/data/periods';
import { fy as fyLabel, fmtCount, fmtDate } from './format';

export const AMBITION = 75;
/** The 75% ambition applies from 2023-24 (set in the grant's conditions for that year). */
export const AMBITION_FROM_FY = 2023;
/** Days after release within which a first community contact counts as engagement. */
export const WINDOW_DAYS = 21;
export const DEFINITION =
	'Adults released from prison with a substance misuse treatment need (denominator) who had a first structured community treatment contact within 21 days of release (numerator). 95% confidence interval by the Wilson score method. Releases in the last 21 days before the data date are not yet counted: their 3-week window is still open.';

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
	/** Releases left out because their 21-day window had not closed by the data date. */
	pending: number;
	/** The year had not ended, or its last releases' windows had not closed, by the data date: "(to date)". */
	partial: boolean;
	plan: number | null;
	england: number | null;
	ambition: number | null;
	status: Status;
	/** The status rule applied to this year's numbers, in words. */
	statusWhy: string | null;
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
		pending: number;
		partial: boolean;
		lower: number | null;
		upper: number | null;
	}[];
	/** Releases not yet counted (window still open at the data date), and the note that says so; null when none. */
	pending: number;
	pendingNote: string | null;
	synthetic: boolean;
	sources: string[];
	latest: ContinuityRow | null;
}

export function continuity(model: Model, area: string, suppress: boolean): Continuity {
	const local = figures(model, { area, metric: 'continuity_of_care', kind: ['actual', 'baseline'] });
	const plan = figures(model, { area, metric: 'continuity_of_care', kind: 'local_plan' });
	const england = figures(model, { area: ENGLAND, metric: 'continuity_of_care', kind: ['actual', 'baseline'] });
	const ambition = figures(model, { area: ENGLAND, metric: 'continuity_of_care', kind: 'national_ambition' });
	const baseline = local.find((f) => f.kind === 'baseline')?.value ?? null;
	const records = model.continuity.filter((r) => r.area === area);
	const cutoff = model.dataDate;

	const years = new Set<number>(records.filter((r) => r.quarter == null).map((r) => r.fy));
	for (const f of [...local, ...plan]) if (f.period_kind === 'financial_year') years.add(Number(f.start.slice(0, 4)));
	const ambitionValue = ambition[0]?.value ?? AMBITION;

	const rows = [...years]
		.sort((a, b) => a - b)
		.map((y): ContinuityRow => {
			const rec = records.find((r) => r.fy === y && r.quarter == null);
			const pending = rec?.pending ?? 0;
			const partial = (cutoff != null && !yearComplete(y, cutoff)) || pending > 0;
			const pct = rec ? suppressPercent(rec.numerator, rec.denominator, suppress) : { value: null, suppressed: false };
			const ci = rec && !pct.suppressed ? wilson(rec.numerator, rec.denominator) : null;
			const reported = figureForYear(local, y)?.value ?? null;
			const eng = figureForYear(england, y)?.value ?? null;
			const planValue = figureForYear(plan, y)?.value ?? null;
			// Published before records: a published figure is the year's headline (and what its status is judged on).
			const value = reported ?? pct.value;
			// Judged against the year's plan, else the ambition from the year it was set; never before.
			const target = planValue ?? (y >= AMBITION_FROM_FY ? ambitionValue : null);
			const judged = partial ? { status: 'no_target' as const, why: null } : judge({ actual: value, target, baseline, unit: 'percent' });
			return {
				fy: y,
				label: partial && rec ? `${fyLabel(y)} (to date)` : fyLabel(y),
				percent: pct,
				numerator: rec && !pct.suppressed ? rec.numerator : null,
				denominator: rec && !pct.suppressed ? rec.denominator : null,
				lower: ci ? ci.lower * 100 : null,
				upper: ci ? ci.upper * 100 : null,
				reported,
				pending,
				partial: partial && rec != null,
				plan: planValue,
				england: eng,
				ambition: y >= AMBITION_FROM_FY ? ambitionValue : null,
				status: judged.status,
				statusWhy: judged.why,
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
			const pending = r.pending ?? 0;
			const partial = (cutoff != null && quarterEnd(r.fy, r.quarter as number) > cutoff) || pending > 0;
			return {
				label: `${fyLabel(r.fy)} Q${r.quarter}${partial ? ' (to date)' : ''}`,
				fy: r.fy,
				quarter: r.quarter as number,
				percent: pct,
				numerator: r.numerator,
				denominator: r.denominator,
				pending,
				partial,
				lower: ci ? ci.lower * 100 : null,
				upper: ci ? ci.upper * 100 : null
			};
		});
	const pending = records.filter((r) => r.quarter == null).reduce((n, r) => n + (r.pending ?? 0), 0);
	const latest = [...rows].reverse().find((r) => !r.partial && (r.percent.value != null || r.reported != null)) ?? null;
	return {
		rows,
		quarters,
		pending,
		pendingNote: pending > 0 && cutoff ? pendingNote(pending, cutoff) : null,
		synthetic: records.some((r) => r.synthetic),
		sources: sourcesOf([...local, ...plan, ...england, ...ambition]),
		latest
	};
}

/** The last day of a financial quarter (Q1 = April to June), ISO. */
function quarterEnd(fy: number, quarter: number): string {
	const month = 3 + quarter * 3; // 6, 9, 12, 15
	const y = month > 12 ? fy + 1 : fy;
	const m = month > 12 ? month - 12 : month;
	return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

function pendingNote(pending: number, dataDate: string): string {
	const n = pending === 1 ? '1 release' : `${fmtCount(pending)} releases`;
	return `(to date): releases in the last ${WINDOW_DAYS} days before the data date (${fmtDate(dataDate)}) are not yet counted, as engaged or not, because their 3-week window is still open (${n}).`;
}
