/**
 * Comparison with England as Fingertips makes it: England's value is tested against the local value's 95%
 * confidence interval (England's own interval is not used: with England's large numbers it is negligible, and
 * an overlap test would sometimes contradict the file's own "Compared to England" column). Worded by polarity.
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
	'Compared with England as Fingertips does: different when England’s value lies outside the local 95% confidence interval, otherwise similar. Better or worse depends on whether a high value is good. Where a loaded Fingertips file gives its own “Compared to England” judgement, that judgement is shown as given.';

export function compareWithEngland(local: Estimate, england: Estimate, polarity: Polarity): Comparison {
	if (local.value == null || england.value == null || local.lower == null || local.upper == null) return 'not_compared';
	const side = local.lower > england.value ? 'above' : local.upper < england.value ? 'below' : 'same';
	if (side === 'same') return 'similar';
	if (polarity === 'no_judgement') return side === 'above' ? 'higher' : 'lower';
	const good = (side === 'above') === (polarity === 'high_is_good');
	return good ? 'better' : 'worse';
}
