/**
 * The one status rule, judged against the planned increase rather than the whole target, so that an area
 * that added none of its planned places, or fell below its baseline, can never read "at risk":
 * - On track: the value meets or beats the year's target.
 * - At risk: short of the target, but at or above the baseline and with at least three quarters of the
 *   year's planned increase from the baseline delivered (people for counts, percentage points for rates).
 * - Off track: below the baseline, or less than three quarters of the planned increase delivered.
 * Where no baseline is known the planned increase is unknown: a shortfall of up to 5% of a count target,
 * or up to 5 percentage points of a percentage target, is at risk; more is off track.
 */
import { fmtCount } from './format';

export type Status = 'on_track' | 'at_risk' | 'off_track' | 'no_target';

export const STATUS_RULE =
	'On track: meets the target for the year. At risk: short of it, but not below the baseline and with at least three quarters of the planned increase from the baseline delivered (people for counts, percentage points for percentages). Off track: below the baseline, or less than three quarters of the planned increase delivered. Where no baseline is set, at risk means short by no more than 5% of a count target or 5 percentage points.';

export const STATUS_LABEL: Record<Status, string> = {
	on_track: 'On track',
	at_risk: 'At risk',
	off_track: 'Off track',
	no_target: 'No target'
};

/** The status in words; from synthetic data it says so itself, so a pasted status carries the label. */
export function statusLabel(s: Status, illustrative = false): string {
	return illustrative && s !== 'no_target' ? `Illustrative: ${STATUS_LABEL[s].toLowerCase()}` : STATUS_LABEL[s];
}

/** A text icon that survives greyscale print; the label is always shown beside it. */
export const STATUS_ICON: Record<Status, string> = { on_track: '✓', at_risk: '!', off_track: '✕', no_target: '–' };

/** Share of the planned increase that must be delivered to be "at risk" rather than "off track". */
const DELIVERED_SHARE = 0.75;
/** Without a baseline: the tolerated shortfall, 5% of a count target or 5 points of a percentage. */
const TOLERANCE = 0.05;
const TOLERANCE_POINTS = 5;

export interface Judgement {
	status: Status;
	/** The rule applied to these numbers, in words: shown beside the status. */
	why: string | null;
}

export interface Target {
	actual: number | null;
	target: number | null;
	/** The starting point the planned increase is measured from (e.g. the 2021-22 baseline). */
	baseline?: number | null;
	unit?: 'count' | 'percent';
	/** What is increased, for the explanation: "places", "placements". */
	noun?: string;
}

const pts = (v: number) => `${Number.isInteger(v) ? v : v.toFixed(1)} point${v === 1 ? '' : 's'}`;

export function judge({ actual, target, baseline = null, unit = 'count', noun = 'places' }: Target): Judgement {
	if (actual == null || target == null) return { status: 'no_target', why: null };
	const amount = (v: number) => (unit === 'percent' ? pts(v) : `${fmtCount(v)} ${noun}`);
	if (actual >= target) return { status: 'on_track', why: `meets the target of ${unit === 'percent' ? `${target}%` : fmtCount(target)}` };
	if (baseline != null && actual < baseline)
		return { status: 'off_track', why: `below the baseline of ${unit === 'percent' ? `${baseline}%` : fmtCount(baseline)}` };
	if (baseline != null && target > baseline) {
		const planned = target - baseline;
		const delivered = actual - baseline;
		const share = delivered / planned;
		const r = (v: number) => (unit === 'percent' ? String(Math.round(v * 10) / 10) : fmtCount(Math.round(v)));
		const what = unit === 'percent' ? 'percentage points' : `additional ${noun}`;
		const why = `${r(delivered)} of ${r(planned)} planned ${what} delivered (${Math.round(share * 100)}%; at risk from 75%)`;
		return { status: share >= DELIVERED_SHARE ? 'at_risk' : 'off_track', why };
	}
	const shortfall = target - actual;
	const allowed = unit === 'percent' ? TOLERANCE_POINTS : Math.abs(target) * TOLERANCE;
	return {
		status: shortfall <= allowed ? 'at_risk' : 'off_track',
		why: `${amount(Math.round(shortfall * 10) / 10)} short of the target; no baseline is set (at risk within ${unit === 'percent' ? '5 points' : '5%'})`
	};
}

/** The status alone, for tables and cards. */
export function status(actual: number | null, target: number | null, opts: Omit<Target, 'actual' | 'target'> = {}): Status {
	return judge({ actual, target, ...opts }).status;
}
