/** Direction of travel and projections of a recent trend. */
export type Direction = 'increasing' | 'decreasing' | 'no_change' | 'not_enough_data';

/** Least-squares line through (x, y). */
export function linearFit(points: { x: number; y: number }[]): { slope: number; intercept: number } | null {
	const n = points.length;
	if (n < 2) return null;
	const mx = points.reduce((s, p) => s + p.x, 0) / n;
	const my = points.reduce((s, p) => s + p.y, 0) / n;
	let sxy = 0;
	let sxx = 0;
	for (const p of points) {
		sxy += (p.x - mx) * (p.y - my);
		sxx += (p.x - mx) ** 2;
	}
	if (sxx === 0) return null;
	const slope = sxy / sxx;
	return { slope, intercept: my - slope * mx };
}

/**
 * Direction over the last `n` values: the change between the first and last of them, called "little
 * change" when it is under 2% of the first. A description, not a test: no significance is claimed.
 */
export function direction(values: (number | null)[], n = 3): Direction {
	const v = values.filter((x): x is number => x != null).slice(-n);
	if (v.length < 2) return 'not_enough_data';
	const change = v[v.length - 1] - v[0];
	if (Math.abs(change) < Math.abs(v[0]) * 0.02) return 'no_change';
	return change > 0 ? 'increasing' : 'decreasing';
}

export const DIRECTION_LABEL: Record<Direction, string> = {
	increasing: 'Increasing',
	decreasing: 'Decreasing',
	no_change: 'Little change',
	not_enough_data: 'Not enough data'
};

export const DIRECTION_ICON: Record<Direction, string> = { increasing: '▲', decreasing: '▼', no_change: '▶', not_enough_data: '·' };

function addMonths(ym: string, k: number): string {
	const [y, m] = ym.split('-').map(Number);
	const t = y * 12 + (m - 1) + k;
	return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
}

const PROJECTION_MONTHS = 6;

/**
 * Projects a monthly series linearly from its last `basis` months to `until` (YYYY-MM). Returns the
 * projected points (starting at the last actual month, so the dashed line joins the solid one).
 */
export function projectMonthly(series: { month: string; value: number }[], until: string, basis = PROJECTION_MONTHS) {
	const recent = series.slice(-basis);
	const fit = linearFit(recent.map((p, i) => ({ x: i, y: p.value })));
	if (!fit || recent.length < basis) return null;
	const last = recent[recent.length - 1];
	const points: { month: string; value: number }[] = [{ month: last.month, value: last.value }];
	for (let k = 1; ; k++) {
		const month = addMonths(last.month, k);
		if (month > until) break;
		points.push({ month, value: Math.round(last.value + fit.slope * k) });
	}
	if (points.length < 2) return null;
	return { points, slopePerMonth: fit.slope, basisFrom: recent[0].month, basisTo: last.month };
}
