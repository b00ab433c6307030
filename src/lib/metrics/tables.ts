/** Data tables for each figure: display strings exactly as shown (suppression markers included). */
import type { TableSpec } from '$lib/export/table';
import type { TrajectoryRow } from './treatment';
import type { ContinuityRow } from './continuity';
import type { RehabRow } from './rehab';
import type { Headline } from './overview';
import type { RatePoint, InTreatmentRow } from './deaths';
import { fmtCount, fmtPct, fmtRate, fmtSigned, MISSING } from './format';
import { STATUS_LABEL } from './status';
import { COMPARISON_LABEL } from './compare';

const SUPPRESSION_NOTE = '* = suppressed (a count of 1 to 4, or a percentage derived from one).';

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
			status: r.status === 'no_target' ? MISSING : STATUS_LABEL[r.status]
		})),
		notes: rows.some((r) => r.actual.suppressed) ? [SUPPRESSION_NOTE] : []
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
			status: r.status === 'no_target' ? MISSING : STATUS_LABEL[r.status]
		})),
		notes: rows.some((r) => r.percent.suppressed) ? [SUPPRESSION_NOTE] : []
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
			status: r.status === 'no_target' ? MISSING : STATUS_LABEL[r.status]
		})),
		notes: rows.some((r) => r.starts.suppressed || r.percent.suppressed) ? [SUPPRESSION_NOTE] : []
	};
}

export function headlineTable(caption: string, areaNames: string[], byArea: Headline[][]): TableSpec {
	const ids = byArea[0]?.map((h) => h.id) ?? [];
	return {
		caption,
		columns: [{ key: 'measure', label: 'Measure' }, ...areaNames.map((n, i) => ({ key: `a${i}`, label: n, numeric: true }))],
		rows: ids.map((id, k) => {
			const row: Record<string, string> = { measure: byArea[0][k].title };
			byArea.forEach((hs, i) => {
				const h = hs.find((x) => x.id === id)!;
				const v =
					h.unit === 'percent' ? fmtPct(h.value, h.suppressed, h.value != null && h.value < 10 ? 1 : 0) : fmtCount(h.value, h.suppressed);
				row[`a${i}`] =
					h.value == null && !h.suppressed
						? MISSING
						: `${v} (${h.period})${h.status !== 'no_target' ? ` · ${STATUS_LABEL[h.status]}` : ''}`;
			});
			return row;
		}),
		notes: []
	};
}

/** A published rate beside England, by period (Fingertips): the same table on the deaths page, slide and report. */
export function rateTable(caption: string, points: RatePoint[]): TableSpec {
	return {
		caption,
		columns: [
			{ key: 'period', label: 'Period' },
			{ key: 'local', label: 'Rate per 100,000', numeric: true },
			{ key: 'ci', label: '95% CI', numeric: true },
			{ key: 'count', label: 'Deaths', numeric: true },
			{ key: 'england', label: 'England', numeric: true },
			{ key: 'cmp', label: 'Compared with England' },
			{ key: 'note', label: 'Note' }
		],
		rows: points.map((q) => ({
			period: q.period,
			local: fmtRate(q.local),
			ci: q.localLower != null ? `${fmtRate(q.localLower)} to ${fmtRate(q.localUpper)}` : MISSING,
			count: fmtCount(q.count),
			england: fmtRate(q.england),
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
