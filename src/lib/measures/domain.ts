/** Small multiples share one y scale, so bars and lines compare honestly across areas. */
import type { Measure } from './types';

function chartMax(m: Measure): number {
	const c = m.chart;
	if (c.kind === 'trajectory')
		return Math.max(0, ...c.rows.flatMap((r) => [r.actual.value ?? 0, r.guide ?? 0, r.plan ?? 0, r.reported ?? 0]));
	if (c.kind === 'bar' || c.kind === 'rank' || c.kind === 'scorecard') return 0;
	return Math.max(
		0,
		...c.series.flatMap((s) => s.points.map((p) => Math.max(p.y ?? 0, p.upper ?? 0))),
		...(c.references ?? []).flatMap((r) => [r.value ?? 0, ...(r.points ?? []).map((p) => p.y ?? 0)])
	);
}

/** The y domain for a row of small multiples (undefined for one figure, or where the chart fixes its own). */
export function sharedDomain(measures: Measure[]): [number, number] | undefined {
	if (
		measures.length < 2 ||
		measures.some(
			(m) =>
				m.chart.kind === 'bar' || m.chart.kind === 'rank' || m.chart.kind === 'scorecard' || (m.chart.kind === 'line' && m.chart.yDomain)
		)
	)
		return undefined;
	return [0, Math.max(1, ...measures.map(chartMax))];
}
