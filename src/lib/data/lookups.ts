/**
 * Codes and labels accepted in record-level extracts: NDTMS codes and the readable labels people type.
 * Keys are compared lower-cased and trimmed.
 */

const substance: Record<string, string[]> = {
	opiate_only: ['opiate_only', 'opiate only', 'opiates only', 'opiate', 'opiates', 'opiate (not crack)', 'opiates (no crack)', 'opiate only (not crack)', '1'],
	opiate_crack: ['opiate_crack', 'opiate and crack', 'opiate & crack', 'opiates and crack', 'opiate and crack users', 'opiate_and_crack', '2'],
	crack_only: ['crack_only', 'crack only', 'crack', 'crack cocaine', 'crack cocaine (no opiates)', 'crack (no opiates)', '3'],
	non_opiate_only: ['non_opiate_only', 'non-opiate only', 'non opiate only', 'non-opiate', 'non opiate', '4'],
	non_opiate_alcohol: ['non_opiate_alcohol', 'non-opiate and alcohol', 'non opiate and alcohol', 'non-opiates and alcohol', 'non-opiates and alcohol (no crack)', '5'],
	alcohol_only: ['alcohol_only', 'alcohol only', 'alcohol', '6']
};

/** RFLS: NDTMS referral source codes (core dataset, older version) and labels. */
const referral: Record<string, string[]> = {
	gp: ['3', 'gp', 'general practitioner'],
	self: ['4', 'self', 'self referral', 'self-referral'],
	arrest_referral: ['5', 'arrest referral', 'arrest referral/dip', 'dip'],
	drr: ['6', 'drr', 'drug rehabilitation requirement'],
	probation: ['8', 'probation'],
	prison: ['13', 'prison', 'carat', 'carat/prison', 'carat / prison', 'prison/carat'],
	social_services: ['19', 'social services', 'social care'],
	hospital: ['22', 'general hospital', 'hospital', 'a&e'],
	other: ['10', 'other']
};

/** DISRSN: discharge reason codes and labels. */
const discharge: Record<string, string[]> = {
	completed_drug_free: ['1', 'treatment completed drug free', 'completed drug free', 'completed - drug free'],
	completed: ['2', 'treatment completed', 'completed', 'completed - occasional user'],
	withdrawn: ['3', 'treatment withdrawn', 'treatment withdrawn/breach of contract', 'withdrawn'],
	no_treatment_available: ['4', 'no appropriate treatment available'],
	referred_on: ['5', 'referred on', 'transferred'],
	dropped_out: ['6', 'dropped out', 'dropped out/left', 'left'],
	moved_away: ['7', 'moved away'],
	prison: ['8', 'prison', 'custody'],
	died: ['9', 'died', 'death', 'deceased'],
	other: ['10', 'other'],
	not_known: ['11', 'not known', 'unknown'],
	declined: ['12', 'treatment declined by client', 'declined'],
	inappropriate_referral: ['13', 'inappropriate referral']
};

function rows(map: Record<string, string[]>): [string, string][] {
	return Object.entries(map).flatMap(([code, labels]) => labels.map((l) => [l.toLowerCase(), code] as [string, string]));
}

export const LOOKUPS = {
	substance_labels: rows(substance),
	referral_labels: rows(referral),
	discharge_labels: rows(discharge)
};
