/**
 * Small-number suppression for counts from record-level data, as NDTMS publishes them: counts of 1–4
 * are shown as `*`, and a percentage derived from a suppressed numerator or denominator is suppressed
 * too (so it cannot be used to recover the count). Zero is not suppressed. Death rates follow ONS:
 * no rate from fewer than 3 deaths (crude) or 10 (age-standardised), and a flag on rates from fewer than 20.
 */
const SMALL_MIN = 1;
const SMALL_MAX = 4;

function isSmall(count: number | null | undefined): boolean {
	return count != null && count >= SMALL_MIN && count <= SMALL_MAX;
}

export interface Cell {
	value: number | null;
	suppressed: boolean;
}

export function suppressCount(count: number | null | undefined, on: boolean): Cell {
	if (count == null) return { value: null, suppressed: false };
	return on && isSmall(count) ? { value: null, suppressed: true } : { value: count, suppressed: false };
}

/** A percentage from a numerator and denominator, suppressed when either part is small. */
export function suppressPercent(numerator: number, denominator: number, on: boolean): Cell {
	if (!(denominator > 0)) return { value: null, suppressed: false };
	if (on && (isSmall(numerator) || isSmall(denominator) || isSmall(denominator - numerator))) return { value: null, suppressed: true };
	return { value: (numerator / denominator) * 100, suppressed: false };
}

/** A cell that may have been suppressed to protect another (secondary suppression). */
export interface Protected extends Cell {
	secondary?: boolean;
}

/**
 * Secondary suppression: parts that add up to a total shown somewhere (cohorts to the adult total, quarters to
 * the year, North and West Northamptonshire to the CDP). When exactly one part is suppressed, it could be worked
 * out as the total minus the others, so the next smallest shown part above zero is suppressed too (marked
 * `secondary`); when no such part exists, the total must not be shown (`suppressTotal`). With two or more parts
 * suppressed, or no total shown, nothing more is needed.
 */
export function protectParts(parts: Cell[], totalShown: boolean): { parts: Protected[]; suppressTotal: boolean } {
	const suppressed = parts.filter((p) => p.suppressed).length;
	if (!totalShown || suppressed !== 1) return { parts, suppressTotal: false };
	let pick = -1;
	parts.forEach((p, i) => {
		if (!p.suppressed && p.value != null && p.value > 0 && (pick < 0 || p.value < (parts[pick].value as number))) pick = i;
	});
	if (pick < 0) return { parts, suppressTotal: true };
	return { parts: parts.map((p, i) => (i === pick ? { value: null, suppressed: true, secondary: true } : p)), suppressTotal: false };
}

export const SECONDARY_NOTE =
	'Where one count in a row was suppressed, the next smallest is suppressed too (secondary suppression), so the hidden count cannot be worked out from the total.';

export type RateFlag = 'ok' | 'unreliable' | 'not_calculated';

/** ONS rule for death rates. */
export function deathRateFlag(deaths: number, ageStandardised: boolean): RateFlag {
	if (deaths < (ageStandardised ? 10 : 3)) return 'not_calculated';
	if (deaths < 20) return 'unreliable';
	return 'ok';
}
