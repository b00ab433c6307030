/** Shapes shared by the chart components. Charts receive these rows; they never query. */
export type Marker = 'circle' | 'square' | 'diamond' | 'triangle' | 'none';
export type Dash = 'solid' | 'dashed' | 'dotted';

export interface SeriesPoint {
	x: string;
	y: number | null;
	lower?: number | null;
	upper?: number | null;
	/** Shown as `*` and never drawn (small-number suppression). */
	suppressed?: boolean;
}

export interface Series {
	id: string;
	label: string;
	points: SeriesPoint[];
	/** CSS colour or var(); one of the palette tokens. */
	color: string;
	dash?: Dash;
	marker?: Marker;
	hollow?: boolean;
	/** Draw the 95% CI as a shaded band. */
	band?: boolean;
	width?: number;
	/** Draw the markers only, no joining line (a published figure or England's value beside a line). */
	line?: boolean;
	/** Label the line directly at its last point (default true). */
	endLabel?: boolean;
}

/**
 * A reference drawn behind the data: a target, a trajectory, a plan or an ambition. It is not data, so it is
 * never a Series: it has its own layer, legend entry and end label, and takes no part in tooltips' values.
 * Give `points` for a value per category (a trajectory, a plan), or `value` for one level across the chart,
 * starting at category `from` when given (an ambition that applies from a year).
 */
export interface Reference {
	id: string;
	label: string;
	color: string;
	dash?: Dash;
	marker?: Marker;
	points?: { x: string; y: number | null }[];
	value?: number;
	from?: string;
	/** Markers only, no line (a target marked once a year on a monthly chart). */
	line?: boolean;
	width?: number;
}

export interface Annotation {
	x: string;
	label: string;
}

export const PALETTE = {
	primary: 'var(--c-series-1)',
	secondary: 'var(--c-series-2)',
	third: 'var(--c-series-3)',
	fourth: 'var(--c-series-4)',
	target: 'var(--c-target)',
	england: 'var(--c-england)',
	muted: 'var(--c-muted)'
};

/** One bar: a series' value for a category (BarChart). */
export interface BarValue {
	series: string;
	value: number | null;
	suppressed?: boolean;
	lower?: number | null;
	upper?: number | null;
}

export interface BarRow {
	label: string;
	values: BarValue[];
}

export interface BarSeries {
	id: string;
	label: string;
	color: string;
	/** Hatched, so a second series stays distinct in greyscale print. */
	hatch?: boolean;
}

/** One area in a ranking (RankChart): its value and 95% interval, and whether it is the area the reader chose. */
export interface RankRow {
	id: string;
	label: string;
	value: number | null;
	lower?: number | null;
	upper?: number | null;
	selected?: boolean;
}
