/** The one wording, in both continuity measures, for releases whose 3-week window is still open. */
import { WINDOW_DAYS } from '$lib/metrics/continuity';
import { fmtCount } from '$lib/metrics/format';

export function pendingSentence(pending: number): string {
	const n = pending === 1 ? '1 release' : `${fmtCount(pending)} releases`;
	return `The latest period is to date: ${n} in the last ${WINDOW_DAYS} days before the data date ${pending === 1 ? 'is' : 'are'} not yet counted, because their 3-week window is still open.`;
}
