/** Selecting figures (seed documents, Fingertips, the user's own) from the model. */
import type { FigureRow, Model } from './model';
import { AREAS } from '$lib/data/areas';

export interface FigureQuery {
	area?: string;
	metric: string;
	cohort?: string | null;
	kind?: string | string[];
	category?: string | null;
}

export function figures(model: Model, q: FigureQuery): FigureRow[] {
	const kinds = q.kind == null ? null : Array.isArray(q.kind) ? q.kind : [q.kind];
	return model.figures.filter(
		(f) =>
			f.metric === q.metric &&
			(q.area == null || f.area === q.area) &&
			(q.cohort === undefined || f.cohort === q.cohort) &&
			(q.category === undefined || f.category === q.category) &&
			(kinds == null || kinds.includes(f.kind))
	);
}

/** The value of one figure for a financial year starting in `fy`, if present. */
export function figureForYear(rows: FigureRow[], fy: number): FigureRow | undefined {
	return rows.find((r) => r.period_kind === 'financial_year' && Number(r.start.slice(0, 4)) === fy);
}

/** Distinct sources of a set of figures, for the figure's source line. */
export function sourcesOf(rows: { source: string | null }[]): string[] {
	return [...new Set(rows.map((r) => r.source).filter((s): s is string => Boolean(s)))];
}

export function areaName(model: Model, code: string): string {
	return model.areas.find((a) => a.code === code)?.name ?? model.figures.find((f) => f.area === code)?.area_name ?? code;
}

/** Local authorities that make up a CDP (Northamptonshire = North + West Northamptonshire). */
export function membersOf(cdp: string): string[] {
	return AREAS.filter((a) => a.cdp === cdp && a.code !== cdp && a.type === 'la').map((a) => a.code);
}

/**
 * Count figures for an area; for a CDP with no figures of its own, the sum of its members for the
 * periods where every member has a value. Rates and percentages are never summed.
 */
export function countFigures(model: Model, q: FigureQuery & { area: string }): (FigureRow & { derived?: boolean })[] {
	const own = figures(model, q);
	const members = membersOf(q.area);
	if (own.length || !members.length) return own;
	const parts = members.map((m) => figures(model, { ...q, area: m }).filter((f) => f.unit === 'count' || f.unit == null));
	if (parts.some((p) => !p.length)) return [];
	return parts[0]
		.map((first): (FigureRow & { derived: boolean }) | null => {
			const matches = parts.map((p) => p.find((f) => f.period === first.period && f.kind === first.kind && f.category === first.category));
			if (matches.some((m) => !m || m.value == null)) return null;
			return {
				...first,
				area: q.area,
				area_name: areaName(model, q.area),
				value: matches.reduce((s, m) => s + (m!.value as number), 0),
				note: `Sum of ${members.map((m) => areaName(model, m)).join(' and ')}`,
				derived: true
			};
		})
		.filter((f) => f != null);
}
