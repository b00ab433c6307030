import type { Marker } from './types';

/** SVG path for a marker of size r centred on (0,0): shapes differ so series survive greyscale print. */
export function markerPath(marker: Marker, r: number): string {
	switch (marker) {
		case 'square':
			return `M${-r},${-r}h${2 * r}v${2 * r}h${-2 * r}Z`;
		case 'diamond':
			return `M0,${-r * 1.3}L${r * 1.3},0L0,${r * 1.3}L${-r * 1.3},0Z`;
		case 'triangle':
			return `M0,${-r * 1.3}L${r * 1.2},${r * 0.9}L${-r * 1.2},${r * 0.9}Z`;
		case 'circle':
			return `M${r},0A${r},${r} 0 1,1 ${-r},0A${r},${r} 0 1,1 ${r},0Z`;
		default:
			return '';
	}
}

export const DASH: Record<string, string | undefined> = { solid: undefined, dashed: '8 5', dotted: '2 4' };

/** Rounds for stable SVG output (snapshots) and smaller markup. */
export const r2 = (n: number) => Math.round(n * 100) / 100;
