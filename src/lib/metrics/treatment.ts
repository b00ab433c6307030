/**
 * Numbers in treatment against the grant's trajectories. Target for year N = the 2021-22 baseline + the
 * guide's additional places for year N; the local plan is the baseline + the plan's additional places.
 */
import type { Model } from './model';
import { figures, figureForYear, sourcesOf } from './figures';
import { judge, type Status } from './status';
import type { Cell } from './suppression';
import { suppressMemberCount } from './siblings';
import { fy as fyLabel } from './format';
import { projectMonthly } from './trend';
import { fyOf } from '$lib/data/periods';

export const BASELINE_FY = 2021;
export const PLAN_END_FY = 2024;
/** Records count from this year: an extract's earlier years are its build-up. Published figures count for every year they give. */
const RECORDS_FROM_FY = 2016;

export interface TrajectoryRow {
	fy: number;
	label: string;
	actual: Cell;
	/** Whole financial year not yet over at the data date. */
	partial: boolean;
	/** Published figure for the year (e.g. a scrutiny report), where the seeds or the user's files give one. */
	reported: number | null;
	/** What the year is judged on: the published figure where there is one, else the records (published before records). */
	headline: number | null;
	baseline: number | null;
	guide: number | null;
	plan: number | null;
	gap: number | null;
	/** The guide's and the plan's additional places for the year, as the grant return prints them. */
	guideAdditional: number | null;
	planAdditional: number | null;
	status: Status;
	/** The status rule applied to this year's numbers, in words. */
	statusWhy: string | null;
}

export interface Trajectory {
	rows: TrajectoryRow[];
	hasPlan: boolean;
	synthetic: boolean;
	sources: string[];
	/** Latest complete year with a guide target. */
	latest: TrajectoryRow | null;
	/** The year a summary leads with: the latest with a target, else the latest complete year with a figure (or a suppressed one). */
	headlineRow: TrajectoryRow | null;
}

function dataFy(model: Model): { fy: number; complete: boolean } | null {
	if (!model.dataDate) return null;
	return { fy: fyOf(model.dataDate), complete: model.dataDate.slice(5) === '03-31' };
}

export function trajectory(model: Model, area: string, cohort: string, suppress: boolean): Trajectory {
	const base = figures(model, { area, metric: 'numbers_in_treatment', cohort, kind: 'baseline' });
	const guide = figures(model, { area, metric: 'numbers_in_treatment', cohort, kind: 'guide_additional' });
	const plan = figures(model, { area, metric: 'numbers_in_treatment', cohort, kind: 'local_plan_additional' });
	const reported = figures(model, { area, metric: 'numbers_in_treatment', cohort, kind: 'actual' });
	const records = model.yearly.filter((r) => r.area === area && r.group === cohort);
	const yearRow = (a: string, y: number) =>
		(a === area ? records : model.yearly).find((r) => r.area === a && r.group === cohort && r.fy === y);
	const baseline = figureForYear(base, BASELINE_FY)?.value ?? null;
	const current = dataFy(model);

	const years = new Set<number>(records.map((r) => r.fy).filter((y) => y >= RECORDS_FROM_FY));
	for (const f of [...base, ...guide, ...plan, ...reported]) if (f.period_kind === 'financial_year') years.add(Number(f.start.slice(0, 4)));
	const rows = [...years]
		.sort((a, b) => a - b)
		.map((y): TrajectoryRow => {
			const partial = current != null && y === current.fy && !current.complete;
			const guideAdd = figureForYear(guide, y)?.value;
			const planAdd = figureForYear(plan, y)?.value;
			const guideTarget = baseline == null ? null : y === BASELINE_FY ? baseline : guideAdd != null ? baseline + guideAdd : null;
			const planTarget = baseline == null ? null : y === BASELINE_FY ? baseline : planAdd != null ? baseline + planAdd : null;
			const inYear = (a: string) => (y < RECORDS_FROM_FY || (current && y > current.fy) ? null : yearRow(a, y)?.in_treatment);
			const actual = suppressMemberCount(area, inYear, suppress);
			const published = figureForYear(reported, y)?.value ?? null;
			const headline = published ?? actual.value;
			const gap = headline != null && guideTarget != null && !partial ? headline - guideTarget : null;
			const judged = partial ? { status: 'no_target' as const, why: null } : judge({ actual: headline, target: guideTarget, baseline });
			return {
				fy: y,
				label: partial ? `${fyLabel(y)} (to date)` : fyLabel(y),
				actual,
				partial,
				reported: published,
				headline,
				baseline: y === BASELINE_FY ? baseline : null,
				guide: guideTarget,
				plan: planTarget,
				gap,
				guideAdditional: guideAdd ?? null,
				planAdditional: planAdd ?? null,
				status: judged.status,
				statusWhy: judged.why
			};
		});
	const latest = [...rows].reverse().find((r) => !r.partial && r.guide != null && r.headline != null) ?? null;
	return {
		rows,
		hasPlan: baseline != null,
		synthetic: records.some((r) => r.synthetic),
		sources: sourcesOf([...base, ...guide, ...plan, ...reported]),
		latest,
		headlineRow: latest ?? [...rows].reverse().find((r) => !r.partial && (r.headline != null || r.actual.suppressed)) ?? null
	};
}

export interface MonthlyPoint {
	month: string;
	value: number | null;
	suppressed: boolean;
}

export function monthly(model: Model, area: string, cohort: string, suppress: boolean): MonthlyPoint[] {
	return model.monthly
		.filter((r) => r.area === area && r.group === cohort)
		.map((r) => {
			const c = suppressMemberCount(
				area,
				(a) => (a === area ? r : model.monthly.find((m) => m.area === a && m.group === cohort && m.month === r.month))?.in_treatment,
				suppress
			);
			return { month: r.month, value: c.value, suppressed: c.suppressed };
		});
}

/** Projection of the last six months to the end of the plan period, when the period is not over. */
export function monthlyProjection(points: MonthlyPoint[], until = `${PLAN_END_FY + 1}-03`) {
	const series = points
		.filter((p): p is MonthlyPoint & { value: number } => p.value != null)
		.map((p) => ({ month: p.month, value: p.value }));
	if (!series.length || series[series.length - 1].month >= until) return null;
	return projectMonthly(series, until);
}

/** Months since the lowest point of the last 12 months in which the count rose every month. */
export function risingSince(points: MonthlyPoint[]): string | null {
	const v = points.filter((p) => p.value != null);
	let i = v.length - 1;
	while (i > 0 && (v[i].value as number) > (v[i - 1].value as number)) i--;
	return i < v.length - 2 ? v[i + 1].month : null;
}
