/** Data tables shared by more than one measure: display strings exactly as shown (`*` where suppressed). */
import type { TableSpec } from '$lib/export/table';
import type { TrajectoryRow } from '$lib/metrics/treatment';
import type { ContinuityRow } from '$lib/metrics/continuity';
import type { RehabRow } from '$lib/metrics/rehab';
import type { RatePoint, InTreatmentRow } from '$lib/metrics/deaths';
import { fmtCount, fmtPct, fmtRate, fmtSigned, MISSING } from '$lib/metrics/format';
import { STATUS_LABEL, type Status } from '$lib/metrics/status';
import { COMPARISON_LABEL } from '$lib/metrics/compare';

const statusCell = (s: Status) => (s === 'no_target' ? MISSING : STATUS_LABEL[s]);

export function trajectoryTable(caption: string, rows: TrajectoryRow[]): TableSpec {
	return {
		caption,
		columns: [
			{ key: 'year', label: 'Financial year' },
			{ key: 'actual', label: 'In treatment', numeric: true },
			{ key: 'reported', label: 'Published figure', numeric: true },
			{ key: 'guide', label: 'Guide trajectory', numeric: true },
			{ key: 'plan', label: 'Local plan', numeric: true },
			{ key: 'gap', label: 'Gap to guide', numeric: true },
			{ key: 'status', label: 'Status' }
		],
		rows: rows.map((r) => ({
			year: r.label,
			actual: fmtCount(r.actual.value, r.actual.suppressed),
			reported: fmtCount(r.reported),
			guide: fmtCount(r.guide),
			plan: fmtCount(r.plan),
			gap: r.gap == null ? MISSING : fmtSigned(r.gap),
			status: statusCell(r.status)
		})),
		notes: []
	};
}

export function continuityTable(caption: string, rows: ContinuityRow[]): TableSpec {
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
			status: statusCell(r.status)
		})),
		notes: []
	};
}

export function rehabTable(caption: string, rows: RehabRow[], ambition: number): TableSpec {
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
			status: statusCell(r.status)
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
			cmp: COMPARISON_LABEL[q.comparison],
			note: q.flag ?? ''
		})),
		notes: []
	};
}

/** Deaths in treatment by cohort and year: published years, then years counted from records. */
export function deathsInTreatmentTable(caption: string, rows: InTreatmentRow[]): TableSpec {
	return {
		caption,
		columns: [
			{ key: 'year', label: 'Financial year' },
			{ key: 'opiate', label: 'Opiate', numeric: true },
			{ key: 'non_opiate', label: 'Non-opiate', numeric: true },
			{ key: 'alcohol', label: 'Alcohol only', numeric: true },
			{ key: 'source', label: 'Source' }
		],
		rows: rows.map((r) => ({
			year: r.label,
			opiate: fmtCount(r.opiate.value, r.opiate.suppressed),
			non_opiate: fmtCount(r.non_opiate.value, r.non_opiate.suppressed),
			alcohol: fmtCount(r.alcohol.value, r.alcohol.suppressed),
			source: r.source === 'published' ? 'Published' : 'Records'
		})),
		notes: []
	};
}
