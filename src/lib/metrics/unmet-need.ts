/**
 * Unmet need: the share of a modelled estimate of the people who need treatment (PHE's alcohol-dependent adults,
 * the estimated opiate and/or crack cocaine users) who were not in treatment in a financial year. The estimate's
 * 95% limits carry through as a range; the latest estimate is the denominator for every year from its own on.
 */
import type { FigureRow, Model } from './model';
import { figures, sourcesOf } from './figures';
import { trajectory, type TrajectoryRow } from './treatment';
import { SUBSTANCES } from './cohorts';
import { protectParts, type Protected } from './suppression';
import { suppressMemberCount } from './siblings';
import { AREAS } from '$lib/data/areas';

export interface NeedGroup {
	/** The figures metric holding the estimate. */
	metric: string;
	/** Treatment groups whose people add up to those in treatment, counted from records. */
	records: string[];
	/** Sets of published groups that add up to the same, tried in order. */
	published: string[][];
}

export const ALCOHOL_NEED: NeedGroup = { metric: 'alcohol_dependent_adults', records: ['alcohol'], published: [['alcohol']] };

/** Opiate users (with or without crack) and crack users without opiates: the estimate's population. */
export const OCU_NEED: NeedGroup = {
	metric: 'ocu_prevalence',
	records: ['opiate', 'crack_only'],
	published: [
		['opiate', 'crack_only'],
		['opiate_only', 'opiate_crack', 'crack_only']
	]
};

export interface Estimate {
	/** The area the estimate is given for: the area itself, or the former county standing in for its CDP. */
	area: string;
	period: string;
	/** First year of the estimate's period: years before it are not set against it. */
	fy: number;
	value: number;
	lower: number | null;
	upper: number | null;
	source: string | null;
}

export interface UnmetRow {
	fy: number;
	label: string;
	inTreatment: number | null;
	suppressed: boolean;
	published: boolean;
	unmet: number | null;
	lower: number | null;
	upper: number | null;
}

export interface UnmetNeed {
	est: Estimate;
	rows: UnmetRow[];
	last: UnmetRow;
	synthetic: boolean;
	sources: string[];
}

/**
 * A row as an estimated number of people. A count is read as given. A rate (Fingertips gives the number in its
 * Count column and the rate as the Value) gives its Count, with limits scaled by Count ÷ Value to whole people.
 */
function asEstimate(f: FigureRow): Estimate | null {
	const base = { area: f.area, period: f.period, fy: Number(f.start.slice(0, 4)), source: f.source };
	if (f.unit == null || f.unit === 'count') return f.value ? { ...base, value: f.value, lower: f.lower_ci, upper: f.upper_ci } : null;
	if (!f.numerator || !f.value) return null;
	const k = f.numerator / f.value;
	const scale = (x: number | null) => (x == null ? null : Math.round(x * k));
	return { ...base, value: f.numerator, lower: scale(f.lower_ci), upper: scale(f.upper_ci) };
}

/** Every estimate for the area (all persons, no breakdown), oldest first; a CDP's former county stands in for it. */
export function estimates(model: Model, area: string, metric: string): Estimate[] {
	const codes = [area, ...AREAS.filter((a) => a.type === 'former_county' && a.cdp === area).map((a) => a.code)];
	for (const code of codes) {
		const found = figures(model, { area: code, metric, kind: 'actual', category: null })
			.filter((f) => f.sex == null || f.sex === 'Persons')
			.sort((a, b) => a.end.localeCompare(b.end))
			.map(asEstimate)
			.filter((e): e is Estimate => e != null);
		if (found.length) return found;
	}
	return [];
}

const groupsOf = (need: NeedGroup) => [...new Set([...need.records, ...need.published.flat()])];

/** A substance group's count as the substance breakdown shows it: a lone suppressed group is protected by another. */
function substanceCell(model: Model, area: string, group: string, fy: number, suppress: boolean): Protected {
	const count = (g: string, a: string) => model.yearly.find((r) => r.area === a && r.group === g && r.fy === fy)?.in_treatment;
	const { parts } = protectParts(
		SUBSTANCES.map((s) => suppressMemberCount(area, (a) => count(s.id, a), suppress)),
		suppress && count('adults', area) != null
	);
	return parts[SUBSTANCES.findIndex((s) => s.id === group)];
}

/**
 * People in treatment in the group per financial year: published where every part of one published set is given,
 * else counted from records. A record count is hidden when any of its parts is, since each part is shown elsewhere
 * and the sum less the others would give it back.
 */
function inTreatment(model: Model, area: string, need: NeedGroup, suppress: boolean) {
	const groups = groupsOf(need);
	const byGroup = new Map(groups.map((g) => [g, trajectory(model, area, g, suppress)]));
	const row = (g: string, fy: number): TrajectoryRow | undefined => byGroup.get(g)?.rows.find((r) => r.fy === fy);
	const years = [...new Set([...byGroup.values()].flatMap((t) => t.rows.map((r) => r.fy)))].sort((a, b) => a - b);
	const cell = (g: string, fy: number): Protected | undefined => {
		const actual = row(g, fy)?.actual;
		const substance = SUBSTANCES.some((s) => s.id === g) && actual && (actual.value != null || actual.suppressed);
		return substance ? substanceCell(model, area, g, fy, suppress) : actual;
	};
	const rows = years.map((fy) => {
		const first = groups.map((g) => row(g, fy)).find((r) => r != null)!;
		const set = need.published.find((s) => s.every((g) => row(g, fy)?.reported != null));
		const published = set ? set.reduce((sum, g) => sum + (row(g, fy)!.reported as number), 0) : null;
		const parts = need.records.map((g) => cell(g, fy));
		const hidden = parts.some((p) => p?.suppressed);
		const counted = parts.every((p) => p?.value != null) ? parts.reduce((sum, p) => sum + (p!.value as number), 0) : null;
		return {
			fy,
			label: first.label,
			partial: first.partial,
			value: published ?? (hidden ? null : counted),
			suppressed: published == null && hidden,
			published: published != null
		};
	});
	return { rows, synthetic: [...byGroup.values()].some((t) => t.synthetic) };
}

const share = (n: number, d: number | null) => (d ? Math.max(0, 1 - n / d) * 100 : null);

/** Unmet need for each whole year from the latest estimate's on; null without an estimate or anyone counted. */
export function unmetNeed(model: Model, area: string, need: NeedGroup, suppress: boolean): UnmetNeed | null {
	const est = estimates(model, area, need.metric).at(-1);
	if (!est) return null;
	const counted = inTreatment(model, area, need, suppress);
	const rows = counted.rows
		.filter((r) => !r.partial && r.fy >= est.fy && (r.value != null || r.suppressed))
		.map((r): UnmetRow => ({
			fy: r.fy,
			label: r.label,
			inTreatment: r.value,
			suppressed: r.suppressed,
			published: r.published,
			unmet: r.value == null ? null : share(r.value, est.value),
			lower: r.value == null ? null : share(r.value, est.lower),
			upper: r.value == null ? null : share(r.value, est.upper)
		}));
	const last = [...rows].reverse().find((r) => r.unmet != null);
	if (!last) return null;
	return {
		est,
		rows,
		last,
		synthetic: counted.synthetic && rows.some((r) => !r.published),
		sources: sourcesOf([est, ...groupsOf(need).flatMap((g) => figures(model, { area, metric: 'numbers_in_treatment', cohort: g }))])
	};
}
