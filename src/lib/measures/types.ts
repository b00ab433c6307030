/**
 * The shapes of the measures layer. A measure is defined once (a `MeasureSpec`) and rendered by the pages,
 * the board and the report alike, each in its own frame; what it shows comes from `build(ctx)`.
 */
import type { Model } from '$lib/metrics/model';
import type { Status } from '$lib/metrics/status';
import type { Comparison } from '$lib/metrics/compare';
import type { TableSpec } from '$lib/export/table';
import type { TrajectoryRow } from '$lib/metrics/treatment';
import type { ScoreGroup } from '$lib/metrics/outcomes-framework';
import type { Annotation, BarRow, BarSeries, RankRow, Reference, Series } from '$lib/charts/types';

/** Where a measure is drawn: a dashboard page, a board slide, or a page of the printed report. */
export type Frame = 'page' | 'slide' | 'print';

export type PageId = 'overview' | 'deaths' | 'treatment' | 'continuity' | 'rehab' | 'resources' | 'indicators' | 'outcomes' | 'recovery';

export type SectionId =
	| 'overview'
	| 'deaths'
	| 'treatment'
	| 'presentations'
	| 'substances'
	| 'continuity'
	| 'rehab'
	| 'deaths_in_treatment'
	| 'resources'
	| 'indicators'
	| 'outcomes'
	| 'recovery'
	| 'notes';

/** What a measure is computed for: the model, one area, a cohort and whether small numbers are suppressed. */
export interface Ctx {
	model: Model;
	area: string;
	cohort: string;
	suppress: boolean;
}

export type ChartSpec =
	| { kind: 'trajectory'; rows: TrajectoryRow[]; yDomain?: [number, number] }
	| {
			kind: 'line';
			categories: string[];
			series: Series[];
			references?: Reference[];
			format: (v: number) => string;
			yLabel?: string;
			yDomain?: [number, number];
			annotations?: Annotation[];
			xEvery?: number;
			xFormat?: (x: string) => string;
			/** Shown instead of the chart when it would have nothing to draw (the table still has the rows). */
			message?: string;
	  }
	| {
			kind: 'bar';
			rows: BarRow[];
			series: BarSeries[];
			format: (v: number) => string;
			xMax?: number;
			references?: { value: number; label: string }[];
			missingText?: string;
			labelWidth?: number;
	  }
	| {
			/** Every area of one type as a column, highest first, the chosen area marked; references across (England, region). */
			kind: 'rank';
			rows: RankRow[];
			format: (v: number) => string;
			references?: { value: number; label: string }[];
			yLabel?: string;
	  }
	| {
			/** Measures as rows under their outcome: latest figure, England, target, direction and status (the outcomes framework). */
			kind: 'scorecard';
			groups: ScoreGroup[];
	  };

/** A measure computed for one context: everything any frame shows, as display-ready values. */
export interface Measure {
	/** The spec's id (`trajectory`), the same in every frame and area. */
	key: string;
	/** Unique per area: `trajectory-E08000018` (element ids, slide ids). */
	id: string;
	section: SectionId;
	area: string;
	areaName: string;
	/** Short name for a slide heading or a list. */
	name: string;
	/** Figure title (area and measure). */
	title: string;
	/** Plain-English sentences computed from the data; the first is the one-sentence summary. */
	sentences: string[];
	status: Status;
	/** What the status is judged against, e.g. "against the guide trajectory, 2023-24". */
	statusText: string | null;
	comparison: Comparison;
	/** Data period shown, e.g. "registered 2001 to 2020". */
	period: string;
	/** True when any value comes from record-level data, so "records as at" applies. */
	recordLevel: boolean;
	synthetic: boolean;
	sources: string[];
	definition: string;
	table: TableSpec;
	chart: ChartSpec;
	/** Text alternative for the chart: its type and the main finding. */
	alt: string;
}

/** The declarative definition of a measure: where it appears, and how it is built from the model. */
export interface MeasureSpec {
	id: string;
	section: SectionId;
	/** Dashboard pages that show it, in the registry's order. */
	pages: PageId[];
	/** Position in the board deck after the overview slide; absent: not a slide. */
	slide?: number;
	/** In the printed report (default true), in registry order within its section. */
	report?: boolean;
	/** On a page, one figure per selected area (small multiples on a shared scale); else the first area only. */
	multiples?: boolean;
	/** On a page, half the width (two figures side by side). */
	half?: boolean;
	/** Follows the page's cohort picker; the board and report always show adults. */
	cohorts?: boolean;
	build(ctx: Ctx): Measure | null;
	/**
	 * A family: one spec per item the loaded data holds (each loaded Fingertips indicator the dashboard has no
	 * measure for), listed in the family's place; the family's own `build` draws nothing.
	 */
	expand?(model: Model): MeasureSpec[];
}
