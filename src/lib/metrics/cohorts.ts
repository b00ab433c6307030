/** Cohorts of the numbers-in-treatment measure and the finer substance groups. */
export const COHORTS = [
	{ id: 'adults', label: 'All adults' },
	{ id: 'opiate', label: 'Opiate' },
	{ id: 'non_opiate', label: 'Non-opiate' },
	{ id: 'alcohol', label: 'Alcohol only' },
	{ id: 'young_people', label: 'Young people' }
] as const;

export const SUBSTANCES = [
	{ id: 'opiate_only', label: 'Opiates (no crack)' },
	{ id: 'opiate_crack', label: 'Opiates and crack' },
	{ id: 'crack_only', label: 'Crack (no opiates)' },
	{ id: 'non_opiate_only', label: 'Non-opiate only' },
	{ id: 'non_opiate_alcohol', label: 'Non-opiate and alcohol' },
	{ id: 'alcohol_only', label: 'Alcohol only' }
] as const;

export function cohortLabel(id: string | null | undefined): string {
	if (!id) return 'All';
	return COHORTS.find((c) => c.id === id)?.label ?? SUBSTANCES.find((s) => s.id === id)?.label ?? id;
}

export const COHORT_DEFINITION =
	'Adults (18 and over) in structured treatment at any time in the financial year, counted as people, not journeys: each person once a year, in one substance group chosen from all their journeys that year in this order: opiates and crack, opiates, crack, non-opiate and alcohol, non-opiate only, alcohol only. Opiate = opiates with or without crack; non-opiate = crack without opiates, other non-opiate drugs, and non-opiates with alcohol; alcohol = alcohol only. Young people (under 18) are counted separately.';
