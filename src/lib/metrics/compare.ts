/**
 * Comparison with England as Fingertips users read it: significance from 95% confidence intervals,
 * worded by the measure's polarity. When both values have intervals, they differ if the intervals do
 * not overlap; when only the local value has one, it differs if England's value lies outside it.
 */
export type Polarity = 'high_is_good' | 'low_is_good' | 'no_judgement';
export type Comparison = 'better' | 'similar' | 'worse' | 'higher' | 'lower' | 'not_compared';

export interface Estimate {
	value: number | null;
	lower?: number | null;
	upper?: number | null;
}

export const COMPARISON_LABEL: Record<Comparison, string> = {
	better: 'Better than England',
	similar: 'Similar to England',
	worse: 'Worse than England',
	higher: 'Higher than England',
	lower: 'Lower than England',
	not_compared: 'Not compared'
};

/** Shapes as well as colours, so the comparison survives greyscale and colour-blindness. */
export const COMPARISON_ICON: Record<Comparison, string> = {
	better: '▲',
	similar: '●',
	worse: '▼',
	higher: '△',
	lower: '▽',
	not_compared: '○'
};

export const COMPARISON_RULE =
	'Compared with England using 95% confidence intervals: different when the intervals do not overlap (or, when England has no interval, when England’s value lies outside the local interval); otherwise similar. Better or worse depends on whether a high value is good.';

export function compareWithEngland(local: Estimate, england: Estimate, polarity: Polarity): Comparison {
	if (local.value == null || england.value == null || local.lower == null || local.upper == null) return 'not_compared';
	let side: 'above' | 'below' | 'same';
	if (england.lower != null && england.upper != null) {
		side = local.lower > england.upper ? 'above' : local.upper < england.lower ? 'below' : 'same';
	} else {
		side = local.lower > england.value ? 'above' : local.upper < england.value ? 'below' : 'same';
	}
	if (side === 'same') return 'similar';
	if (polarity === 'no_judgement') return side === 'above' ? 'higher' : 'lower';
	const good = (side === 'above') === (polarity === 'high_is_good');
	return good ? 'better' : 'worse';
}
