/**
 * Any Fingertips indicator a loaded export holds that the dashboard has no measure for (kept as `fingertips_<id>`):
 * which ones are loaded, an area's headline series beside England and its region, and every area of the same
 * area type ranked for one period. Values, intervals, counts and the file's own "Compared to England" judgement
 * are read as the file gives them; nothing is recomputed.
 */
import type { FigureRow, Model } from './model';
import { compareWithEngland, type Comparison } from './compare';
import { areaName } from './figures';
import { AREAS, ENGLAND } from '$lib/data/areas';

const PREFIX = 'fingertips_';
/** The former county stands for the Northamptonshire CDP where a file has no row for the partnership itself. */
const STAND_INS: Record<string, string> = { northamptonshire: 'E10000021' };

export interface LoadedIndicator {
	metric: string;
	/** Fingertips' Indicator ID. */
	id: string;
	name: string;
	/** "OHID Fingertips, indicator 90999, <name>, exported <file>", one per file that gives it. */
	sources: string[];
	/** The headline breakdown drawn: Persons where the file has it, and the age most rows give. */
	sex: string | null;
	age: string | null;
	/** Other sexes, ages and categories the file holds, which are not drawn. */
	otherBreakdowns: string[];
}

const isIndicator = (f: FigureRow) => f.metric.startsWith(PREFIX) && f.kind === 'actual';

/** The indicators of loaded Fingertips exports with no measure of their own, by Indicator ID. */
export function loadedIndicators(model: Model): LoadedIndicator[] {
	const byMetric = new Map<string, FigureRow[]>();
	for (const f of model.figures) if (isIndicator(f)) byMetric.set(f.metric, [...(byMetric.get(f.metric) ?? []), f]);
	return [...byMetric.entries()]
		.map(([metric, rows]) => {
			const id = metric.slice(PREFIX.length);
			const name = rows.find((r) => r.indicator_name)?.indicator_name ?? `Fingertips indicator ${id}`;
			const headline = rows.filter((r) => r.category == null);
			const sexes = [...new Set(headline.map((r) => r.sex))];
			const sex = sexes.includes('Persons') ? 'Persons' : (mostCommon(headline.map((r) => r.sex)) ?? null);
			const age = mostCommon(headline.filter((r) => r.sex === sex).map((r) => r.age)) ?? null;
			const other = [
				...sexes.filter((s) => s !== sex && s != null),
				...[...new Set(headline.filter((r) => r.sex === sex).map((r) => r.age))].filter((a) => a !== age && a != null),
				...new Set(rows.filter((r) => r.category != null).map((r) => r.category!.split(':')[0]))
			] as string[];
			return {
				metric,
				id,
				name,
				sources: [...new Set(rows.map((r) => r.file))].map((file) => `OHID Fingertips, indicator ${id}, ${name}, exported ${file}`),
				sex,
				age,
				otherBreakdowns: other
			};
		})
		.sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
}

function mostCommon<T>(values: T[]): T | undefined {
	const n = new Map<T, number>();
	for (const v of values) n.set(v, (n.get(v) ?? 0) + 1);
	return [...n.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** The headline rows of an indicator (no category, the chosen sex and age), in period order. */
function headlineRows(model: Model, ind: LoadedIndicator): FigureRow[] {
	return model.figures
		.filter((f) => f.metric === ind.metric && f.kind === 'actual' && f.category == null && f.sex === ind.sex && f.age === ind.age)
		.sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end));
}

export interface Estimate {
	value: number | null;
	lower: number | null;
	upper: number | null;
}

export interface IndicatorPoint extends Estimate {
	period: string;
	count: number | null;
	denominator: number | null;
	note: string | null;
	/** The file's own "Compared to England value or percentiles", as given. */
	judgement: string | null;
	/** The file's judgement where it is one of Fingertips' words, else England's value against the local interval. */
	comparison: Comparison;
	/** True when `comparison` is the file's own judgement. */
	judgedByFile: boolean;
	england: Estimate | null;
	region: Estimate | null;
}

export interface IndicatorTrend {
	/** The area whose rows are drawn (the CDP's stand-in where it has none of its own). */
	area: string;
	areaName: string;
	/** The name of the area asked for (differs from `areaName` when a stand-in is drawn). */
	asked: string;
	region: { code: string; name: string } | null;
	points: IndicatorPoint[];
}

const estimate = (r: FigureRow | undefined): Estimate | null => (r ? { value: r.value, lower: r.lower_ci, upper: r.upper_ci } : null);

/** Fingertips' comparison words that map onto the dashboard's; "Not compared" and blanks do not. */
function fileComparison(judgement: string | null): Comparison | null {
	const key = judgement?.trim().toLowerCase();
	return key === 'better' || key === 'similar' || key === 'worse' || key === 'higher' || key === 'lower' ? key : null;
}

/** The area's rows for an indicator with England's and its region's beside them, period by period. */
export function indicatorTrend(model: Model, ind: LoadedIndicator, area: string): IndicatorTrend | null {
	const rows = headlineRows(model, ind);
	const code = [area, STAND_INS[area]].find((c) => c && rows.some((r) => r.area === c));
	if (!code) return null;
	const own = rows.filter((r) => r.area === code);
	const parent = [...own].reverse().find((r) => r.parent_code)?.parent_code ?? model.areas.find((a) => a.code === code)?.region ?? null;
	const regionRows = parent && parent !== ENGLAND && parent !== code ? rows.filter((r) => r.area === parent) : [];
	const at = (list: FigureRow[], period: string) => list.find((r) => r.period === period);
	const england = rows.filter((r) => r.area === ENGLAND);
	return {
		area: code,
		areaName: areaName(model, code),
		asked: code === area ? areaName(model, code) : (AREAS.find((a) => a.code === area)?.name ?? areaName(model, area)),
		region: regionRows.length ? { code: parent!, name: areaName(model, parent!) } : null,
		points: own.map((r) => {
			const e = code === ENGLAND ? null : estimate(at(england, r.period));
			return {
				period: r.period,
				value: r.value,
				lower: r.lower_ci,
				upper: r.upper_ci,
				count: r.numerator,
				denominator: r.denominator,
				note: r.note,
				judgement: r.compared_to_england,
				comparison:
					fileComparison(r.compared_to_england) ??
					compareWithEngland({ value: r.value, lower: r.lower_ci, upper: r.upper_ci }, e ?? { value: null }, 'no_judgement'),
				judgedByFile: fileComparison(r.compared_to_england) != null,
				england: e,
				region: estimate(at(regionRows, r.period))
			};
		})
	};
}

export interface RankedArea extends Estimate {
	code: string;
	name: string;
	count: number | null;
	judgement: string | null;
	/** 1 for the highest value; null where the area has no value. */
	rank: number | null;
	selected: boolean;
}

export interface IndicatorRanking {
	period: string;
	/** The area type ranked: the first the file gives the selected area in that period. */
	areaType: string;
	/** The selected area (or its stand-in). */
	area: string;
	areaName: string;
	rows: RankedArea[];
	england: number | null;
	region: { name: string; value: number | null } | null;
}

/** Every area of the selected area's type in the latest period the file gives it, highest value first. */
export function indicatorRanking(model: Model, ind: LoadedIndicator, area: string): IndicatorRanking | null {
	const trend = indicatorTrend(model, ind, area);
	if (!trend || trend.area === ENGLAND) return null;
	const rows = headlineRows(model, ind);
	const latest = [...rows].reverse().find((r) => r.area === trend.area && r.area_type);
	if (!latest) return null;
	const areaType = latest.area_type!.split('; ')[0];
	const peers = rows
		.filter((r) => r.period === latest.period && r.area !== ENGLAND && (r.area_type ?? '').split('; ').includes(areaType))
		.sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || areaName(model, a.area).localeCompare(areaName(model, b.area)));
	let rank = 0;
	const point = trend.points.find((p) => p.period === latest.period);
	return {
		period: latest.period,
		areaType,
		area: trend.area,
		areaName: trend.areaName,
		rows: peers.map((r) => ({
			code: r.area,
			name: areaName(model, r.area),
			value: r.value,
			lower: r.lower_ci,
			upper: r.upper_ci,
			count: r.numerator,
			judgement: r.compared_to_england,
			rank: r.value == null ? null : ++rank,
			selected: r.area === trend.area
		})),
		england: point?.england?.value ?? null,
		region: trend.region && point?.region ? { name: trend.region.name, value: point.region.value } : null
	};
}
