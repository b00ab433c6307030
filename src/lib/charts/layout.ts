/**
 * Pure layout rules the chart layers share: value extents, label thinning, end-label placement, bar sizing.
 * Kept out of the components so the unit tests can check them and the layers stay small.
 */
import type { Reference, Series } from './types';

/** The chart's own estimate of a label's width in px (no DOM to measure in prerender). */
export const textWidth = (text: string, fontSize: number) => text.length * fontSize * 0.58;

type Point = { x: string; y: number | null };

/**
 * A reference's points on these categories: its own `points`, or its constant `value` on every category
 * from `from` (or the first) onwards.
 */
export function referencePoints(ref: Reference, categories: string[]): Point[] {
	if (ref.points) return ref.points;
	if (ref.value == null) return [];
	const start = ref.from == null ? 0 : categories.indexOf(ref.from);
	return start < 0 ? [] : categories.slice(start).map((x) => ({ x, y: ref.value as number }));
}

/** The value axis' extent over series (with their intervals) and references. */
export function valueExtent(series: Series[], references: Point[][], zero: boolean): [number, number] {
	let max = 0;
	let min = Infinity;
	const see = (lo: number, hi: number) => {
		max = Math.max(max, hi);
		min = Math.min(min, lo);
	};
	for (const s of series) for (const p of s.points) if (p.y != null) see(Math.min(p.lower ?? p.y, p.y), Math.max(p.upper ?? p.y, p.y));
	for (const pts of references) for (const p of pts) if (p.y != null) see(p.y, p.y);
	// A cropped axis leaves about a third of the height below the lowest point.
	if (!zero && min < Infinity && max > min) return [Math.max(0, min - (max - min) * 0.5), max];
	return [0, max || 1];
}

/**
 * Which categories get an x label. `step` is the space between categories and `unit` the labelling unit
 * (12 = whole years on a monthly axis). Labels are never closer than the widest label plus an em, the last
 * category is always labelled (unless a selected one is next to it), and selected categories come first.
 * Returns category indices in order.
 */
export function xLabels(labels: string[], fontSize: number, step: number, unit = 1, selected: number[] = []): number[] {
	const n = labels.length;
	if (!n) return [];
	const widest = Math.max(...labels.map((l) => textWidth(l, fontSize))) + fontSize;
	// The fewest categories between two labels.
	const gap = Math.max(1, Math.ceil(widest / Math.max(step, 1e-6)));
	// Label every nth category, n a multiple of the unit, chosen so the last label keeps its distance too.
	const first = unit * Math.ceil(gap / unit);
	let every = first;
	for (let e = first; e <= first + unit * 8; e += unit)
		if ((n - 1) % e === 0 || (n - 1) % e >= gap) {
			every = e;
			break;
		}
	const wanted = [...selected, n - 1];
	for (let i = 0; i < n; i += every) wanted.push(i);
	const chosen: number[] = [];
	for (const i of wanted) if (chosen.every((j) => Math.abs(j - i) >= gap)) chosen.push(i);
	return chosen.sort((a, b) => a - b);
}

export interface EndLabel {
	id: string;
	label: string;
	color: string;
	x: number;
	y: number;
}

/**
 * Direct labels in one column right of the rightmost last point (so a label never covers a line), each at
 * its line's last value, nudged down to `gap` apart and lifted back if the last runs past `bottom`.
 */
export function placeEndLabels(items: (EndLabel & { y0: number })[], gap: number, bottom: number): EndLabel[] {
	const sorted = [...items].sort((a, b) => a.y0 - b.y0);
	const right = Math.max(...sorted.map((it) => it.x));
	const out = sorted.map(({ id, label, color, y0 }) => ({ id, label, color, x: right, y: y0 }));
	for (let i = 1; i < out.length; i++) if (out[i].y - out[i - 1].y < gap) out[i].y = out[i - 1].y + gap;
	const overflow = out.length ? out[out.length - 1].y - bottom : 0;
	if (overflow > 0) for (const it of out) it.y -= overflow;
	return out;
}

/**
 * A horizontal bar chart's parts, in units of its font size: the legend (two series or more), the space
 * above the bars (more with a labelled reference line), each category's group of bars, and a foot.
 */
export function barLayout(seriesCount: number, rowCount: number, hasReferences: boolean) {
	const legend = seriesCount > 1 ? 2.2 : 0;
	const top = legend + (hasReferences ? 1.6 : 0.5);
	const bar = 1.6;
	const group = bar * seriesCount + 0.9;
	return { top, bar, group, height: top + group * rowCount + 0.5 };
}

/** The largest whole font size, from `max` down to 8, at which `units` font sizes fit in `height`. */
export const fitFont = (height: number, units: number, max: number) => Math.max(8, Math.min(max, Math.floor(height / units)));

/** A bar series' fill: its hatch pattern (see layers/Hatches.svelte) or its colour. */
export const barFill = (uid: string, s: { id: string; color: string; hatch?: boolean }) =>
	s.hatch ? `url(#${uid}-hatch-${s.id})` : s.color;
