/**
 * What the chart shell (Chart.svelte) shares with its layers: its measured size, margins and scales, and the
 * reading state (which category the pointer or keys are on, which are selected). Layers only read it.
 */
import { createContext } from 'svelte';
import type { ScaleLinear } from 'd3-scale';

export interface Padding {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

export interface ChartContext {
	/** Stable per chart, for element ids (title, desc, patterns). */
	readonly uid: string;
	readonly width: number;
	readonly height: number;
	readonly fontSize: number;
	readonly padding: Padding;
	readonly categories: string[];
	/** A category's position on its axis: the point (lines) or the start of its band (bars); undefined if unknown. */
	readonly cat: (c: string) => number | undefined;
	/** Distance between neighbouring categories (a band's size for bars). */
	readonly step: number;
	/** Values: down the chart for lines, across it for horizontal bars. */
	readonly value: ScaleLinear<number, number>;
	readonly format: (v: number) => string;
	readonly xFormat: (x: string) => string;
	/** Categories chosen by the page's linked selection. */
	readonly selected: string[];
	/** Index of the category being read (pointer or keys), or null. */
	readonly active: number | null;
}

export const [getChart, setChart] = createContext<ChartContext>();
