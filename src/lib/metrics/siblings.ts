/**
 * Secondary suppression between councils that make up one CDP (North and West Northamptonshire): the CDP's count
 * is their sum and is shown beside them, so a count suppressed for one council would be the CDP's minus the
 * other's. A council's count is therefore hidden whenever a sibling's is.
 */
import { AREAS } from '$lib/data/areas';
import { membersOf } from './figures';
import { suppressCount, type Protected } from './suppression';

function siblingsOf(area: string): string[] {
	const cdp = AREAS.find((a) => a.code === area)?.cdp;
	return cdp && cdp !== area ? membersOf(cdp).filter((m) => m !== area) : [];
}

/** `countOf(area)` gives the same count (same measure, cohort, period) for any area. */
export function suppressMemberCount(area: string, countOf: (area: string) => number | null | undefined, suppress: boolean): Protected {
	const own = suppressCount(countOf(area), suppress);
	if (!suppress || own.suppressed || !own.value) return own;
	return siblingsOf(area).some((s) => suppressCount(countOf(s), true).suppressed)
		? { value: null, suppressed: true, secondary: true }
		: own;
}
