/** The headline scorecards, the sentence that sums them up, and the table of areas beside England. */
import type { Model } from '$lib/metrics/model';
import { headlines, type Headline } from '$lib/metrics/overview';
import { areaName } from '$lib/metrics/figures';
import { STATUS_LABEL, statusLabel } from '$lib/metrics/status';
import { fmtCount, fmtPct, MISSING } from '$lib/metrics/format';
import type { TableSpec } from '$lib/export/table';

export type { Headline };
export { headlines };

/** A headline's value as its card shows it: percentages under 10 keep a decimal. */
export function fmtHeadline(h: Headline, v: number | null, suppressed = false): string {
	return h.unit === 'percent' ? fmtPct(v, suppressed, v != null && v < 10 ? 1 : 0) : fmtCount(v, suppressed);
}

export function overviewSentence(cards: Headline[]): string {
	const targeted = cards.filter((c) => c.status !== 'no_target');
	if (!targeted.length) return 'No measure has a target loaded for this area yet.';
	const counts = (['on_track', 'at_risk', 'off_track'] as const)
		.map((s) => ({ s, n: targeted.filter((c) => c.status === s).length }))
		.filter((x) => x.n > 0)
		.map((x) => `${x.n} ${STATUS_LABEL[x.s].toLowerCase()}`);
	const names = targeted.map((c) => `${c.title.toLowerCase()} ${STATUS_LABEL[c.status].toLowerCase()}`);
	const sentence = `${targeted.length} of ${cards.length} measures have a target: ${counts.join(', ')} (${names.join('; ')}).`;
	return targeted.some((c) => c.synthetic) ? `Illustrative data: ${sentence}` : sentence;
}

const COMPARISON_CAPTION = 'Headline measures by area, latest period (status against target where one is set)';

/** Each headline measure across areas: value, period and status in one cell, as on the overview and in the report. */
export function comparisonTable(model: Model, areas: string[], suppress: boolean): TableSpec {
	const byArea = areas.map((a) => headlines(model, a, suppress));
	const first = byArea[0] ?? [];
	return {
		caption: COMPARISON_CAPTION,
		columns: [{ key: 'measure', label: 'Measure' }, ...areas.map((a, i) => ({ key: `a${i}`, label: areaName(model, a), numeric: true }))],
		rows: first.map((card) => {
			const row: Record<string, string> = { measure: card.title };
			byArea.forEach((hs, i) => {
				const h = hs.find((x) => x.id === card.id)!;
				row[`a${i}`] =
					h.value == null && !h.suppressed
						? MISSING
						: `${fmtHeadline(h, h.value, h.suppressed)} (${h.period})${h.status !== 'no_target' ? ` · ${statusLabel(h.status, h.synthetic)}` : ''}`;
			});
			return row;
		}),
		notes: []
	};
}
