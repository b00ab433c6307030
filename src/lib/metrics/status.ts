/**
 * The one status rule, used for every target on every page and shown on screen:
 * - On track: the value meets or beats the target for its year;
 * - At risk: it misses the target by no more than 5% of the target (e.g. within 98 of a target of 1,957,
 *   or within 3.75 points of a 75% target);
 * - Off track: it misses by more.
 * "Beats" respects the measure's polarity (for deaths, lower is better).
 */
export type Status = 'on_track' | 'at_risk' | 'off_track' | 'no_target';

export const STATUS_RULE =
	'On track: meets or beats the target for the year. At risk: misses it by no more than 5% of the target. Off track: misses it by more than 5%.';

export const STATUS_LABEL: Record<Status, string> = {
	on_track: 'On track',
	at_risk: 'At risk',
	off_track: 'Off track',
	no_target: 'No target'
};

/** A text icon that survives greyscale print; the label is always shown beside it. */
export const STATUS_ICON: Record<Status, string> = { on_track: '✓', at_risk: '!', off_track: '✕', no_target: '–' };

const TOLERANCE = 0.05;

export function status(actual: number | null, target: number | null, opts: { higherIsBetter?: boolean } = {}): Status {
	if (actual == null || target == null) return 'no_target';
	const better = opts.higherIsBetter ?? true;
	const shortfall = better ? target - actual : actual - target;
	if (shortfall <= 0) return 'on_track';
	return shortfall <= Math.abs(target) * TOLERANCE ? 'at_risk' : 'off_track';
}
