/** Data tables shared by more than one measure: display strings exactly as shown (`*` where suppressed). */
import type { TableSpec } from '$lib/export/table';
import type { TrajectoryRow } from '$lib/metrics/treatment';
import type { ContinuityRow } from '$lib/metrics/continuity';
import type { RehabRow } from '$lib/metrics/rehab';
import type { RatePoint, InTreatmentRow, InTreatmentCell } from '$lib/metrics/deaths';
import { fmtCount, fmtPct, fmtRate, fmtSigned, MISSING } from '$lib/metrics/format';
import { statusLabel, type Status } from '$lib/metrics/status';
import { COMPARISON_LABEL } from '$lib/metrics/compare';
import { SECONDARY_NOTE } from '$lib/metrics/suppression';

const statusCell = (s: Status, illustrative: boolean) => (s === 'no_target' ? MISSING : statusLabel(s, illustrative));

export function trajectoryTable(caption: string, rows: TrajectoryRow[], illustrative: boolean): TableSpec {
	return {
		caption,
		columns: [
			{ key: 'year', label: 'Financial year' },
			{ key: 'actual', label: 'In treatment', numeric: true },
			{ key: 'reported', label: 'Published figure', numeric: true },
			{ key: 'guide', label: 'Guide trajectory', numeric: true },
			{ key: 'guideAdd', label: 'Guide additional places', numeric: true },
			{ key: 'plan', label: 'Local plan', numeric: true },
			{ key: 'planAdd', label: 'Plan additional places', numeric: true },
			{ key: 'gap', label: 'Gap to guide', numeric: true },
			{ key: 'status', label: 'Status' }
		],
		rows: rows.map((r) => ({
			year: r.label,
			actual: fmtCount(r.actual.value, r.actual.suppressed),
			reported: fmtCount(r.reported),
			guide: fmtCount(r.guide),
			guideAdd: r.guideAdditional == null ? MISSING : fmtSigned(r.guideAdditional),
			plan: fmtCount(r.plan),
			planAdd: r.planAdditional == null ? MISSING : fmtSigned(r.planAdditional),
			gap: r.gap == null ? MISSING : fmtSigned(r.gap),
			status: statusCell(r.status, illustrative)
		})),
		notes: []
	};
}

export function continuityTable(caption: string, rows: ContinuityRow[], illustrative: boolean): TableSpec {
	return {
		caption,
		columns: [
			{ key: 'year', label: 'Financial year' },
			{ key: 'pct', label: 'Engaged within 3 weeks', numeric: true },
			{ key: 'num', label: 'Engaged', numeric: true },
			{ key: 'den', label: 'Released with need', numeric: true },
			{ key: 'ci', label: '95% CI', numeric: true },
			{ key: 'reported', label: 'Published figure', numeric: true },
			{ key: 'plan', label: 'Local plan', numeric: true },
			{ key: 'england', label: 'England', numeric: true },
			{ key: 'ambition', label: 'National ambition', numeric: true },
			{ key: 'cmp', label: 'Compared with England' },
			{ key: 'status', label: 'Status' }
		],
		rows: rows.map((r) => ({
			year: r.label,
			pct: fmtPct(r.percent.value, r.percent.suppressed, 1),
			num: r.percent.suppressed ? '*' : fmtCount(r.numerator),
			den: r.percent.suppressed ? '*' : fmtCount(r.denominator),
			ci: r.lower != null && r.upper != null ? `${fmtPct(r.lower, false, 1)} to ${fmtPct(r.upper, false, 1)}` : MISSING,
			reported: fmtPct(r.reported),
			plan: fmtPct(r.plan),
			england: fmtPct(r.england),
			ambition: fmtPct(r.ambition),
			cmp: r.comparison === 'not_compared' ? MISSING : COMPARISON_LABEL[r.comparison],
			status: statusCell(r.status, illustrative)
		})),
		notes: []
	};
}

export function rehabTable(caption: string, rows: RehabRow[], ambition: number, illustrative: boolean): TableSpec {
	return {
		caption,
		columns: [
			{ key: 'year', label: 'Financial year' },
			{ key: 'starts', label: 'Rehab starts', numeric: true },
			{ key: 'planned', label: 'Planned placements', numeric: true },
			{ key: 'adults', label: 'Adults in treatment', numeric: true },
			{ key: 'pct', label: 'Starts as % of adults', numeric: true },
			{ key: 'ci', label: '95% CI', numeric: true },
			{ key: 'status', label: `Status against ${fmtPct(ambition)}` }
		],
		rows: rows.map((r) => ({
			year: r.label,
			starts: fmtCount(r.starts.value, r.starts.suppressed),
			planned: fmtCount(r.planned),
			adults: fmtCount(r.adults),
			pct: fmtPct(r.percent.value, r.percent.suppressed, 2),
			ci: r.lower != null && r.upper != null ? `${fmtPct(r.lower, false, 2)} to ${fmtPct(r.upper, false, 2)}` : MISSING,
			status: statusCell(r.status, illustrative)
		})),
		notes: []
	};
}

/** A published rate beside England, by period (Fingertips). */
export function rateTable(caption: string, points: RatePoint[]): TableSpec {
	return {
		caption,
		columns: [
			{ key: 'period', label: 'Period' },
			{ key: 'local', label: 'Rate per 100,000', numeric: true },
			{ key: 'ci', label: '95% CI', numeric: true },
			{ key: 'count', label: 'Deaths', numeric: true },
			{ key: 'england', label: 'England', numeric: true },
			{ key: 'eci', label: 'England 95% CI', numeric: true },
			{ key: 'cmp', label: 'Compared with England' },
			{ key: 'note', label: 'Note' }
		],
		rows: points.map((q) => ({
			period: q.period,
			local: fmtRate(q.local),
			ci: q.localLower != null ? `${fmtRate(q.localLower)} to ${fmtRate(q.localUpper)}` : MISSING,
			count: fmtCount(q.count),
			england: fmtRate(q.england),
			eci: q.englandLower != null ? `${fmtRate(q.englandLower)} to ${fmtRate(q.englandUpper)}` : MISSING,
			cmp: q.fileJudgement ? `${q.fileJudgement} (as the file gives it)` : COMPARISON_LABEL[q.comparison],
			note: q.flag ?? ''
		})),
		notes: []
	};
}

/** A published 0 that its source says may be suppressed: shown as printed, marked, never plotted. */
export const PRINTED_ZERO = '0†';
export const PRINTED_ZERO_NOTE =
	'0† = printed as 0 in the grant return, which notes that a 0 may be a suppressed count; not plotted as a zero.';

const ditCell = (c: InTreatmentCell) => (c.printedZero ? PRINTED_ZERO : fmtCount(c.value, c.suppressed));

/** Deaths in treatment by cohort and year, published years then years counted from records, England beside. */
export function deathsInTreatmentTable(caption: string, rows: InTreatmentRow[], england: InTreatmentRow[]): TableSpec {
	const eng = (r: InTreatmentRow, k: 'opiate' | 'non_opiate' | 'alcohol') => {
		const e = england.find((x) => x.fy === r.fy);
		return e ? ditCell(e[k]) : MISSING;
	};
	return {
		caption,
		columns: [
			{ key: 'year', label: 'Financial year' },
			{ key: 'opiate', label: 'Opiate', numeric: true },
			{ key: 'non_opiate', label: 'Non-opiate', numeric: true },
			{ key: 'alcohol', label: 'Alcohol only', numeric: true },
			{ key: 'source', label: 'Source' },
			{ key: 'e_opiate', label: 'England opiate', numeric: true },
			{ key: 'e_non_opiate', label: 'England non-opiate', numeric: true },
			{ key: 'e_alcohol', label: 'England alcohol only', numeric: true }
		],
		rows: rows.map((r) => ({
			year: r.label,
			opiate: ditCell(r.opiate),
			non_opiate: ditCell(r.non_opiate),
			alcohol: ditCell(r.alcohol),
			source: r.source === 'published' ? 'Published' : 'Records',
			e_opiate: eng(r, 'opiate'),
			e_non_opiate: eng(r, 'non_opiate'),
			e_alcohol: eng(r, 'alcohol')
		})),
		notes: [
			...(rows.some((r) => [r.opiate, r.non_opiate, r.alcohol].some((c) => c.printedZero)) ? [PRINTED_ZERO_NOTE] : []),
			...(rows.some((r) => [r.opiate, r.non_opiate, r.alcohol].some((c) => c.secondary)) ? [SECONDARY_NOTE] : [])
		]
	};
}
