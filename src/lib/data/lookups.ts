/**
 * Codes and labels accepted in record-level extracts: NDTMS codes and the readable labels people type.
 * Labels are compared lower-cased with every run of spaces, hyphens, dashes and other punctuation read as one
 * space (`labelKey`), so "Treatment completed - drug free", "Treatment completed – drug free" and "treatment
 * completed drug-free" are one label. The canonical ids and the codes as written are kept as keys too (the typed
 * fast path compares the raw text). Where each list comes from, and how far it is verified, is in data/README.md.
 */

const substance: Record<string, string[]> = {
	opiate_only: ['opiate_only', 'opiate only', 'opiates only', 'opiate', 'opiates', 'opiate (not crack)', 'opiates (no crack)', 'opiate only (not crack)', '1'],
	opiate_crack: ['opiate_crack', 'opiate and crack', 'opiate & crack', 'opiates and crack', 'opiate and crack users', 'opiate_and_crack', '2'],
	crack_only: ['crack_only', 'crack only', 'crack', 'crack cocaine', 'crack cocaine (no opiates)', 'crack (no opiates)', '3'],
	non_opiate_only: ['non_opiate_only', 'non-opiate only', 'non opiate only', 'non-opiate', 'non opiate', '4'],
	non_opiate_alcohol: ['non_opiate_alcohol', 'non-opiate and alcohol', 'non opiate and alcohol', 'non-opiates and alcohol', 'non-opiates and alcohol (no crack)', '5'],
	alcohol_only: ['alcohol_only', 'alcohol only', 'alcohol', '6']
};

/**
 * RFLS: referral source. Numeric codes are the older core dataset's (the reference notes, section 5.1: an
 * excerpt); the labels are readable names, the current dataset's categories as far as the project knows them.
 */
const referral: Record<string, string[]> = {
	gp: ['3', 'gp', 'general practitioner', 'gp practice', 'primary care'],
	self: ['4', 'self', 'self referral', 'self-referral', 'self, family or friends'],
	arrest_referral: ['5', 'arrest referral', 'arrest referral/dip', 'dip', 'criminal justice intervention team', 'cjit', 'police custody'],
	drr: ['6', 'drr', 'drug rehabilitation requirement', 'atr', 'alcohol treatment requirement'],
	probation: ['8', 'probation', 'probation service', 'national probation service', 'community rehabilitation company'],
	prison: ['13', 'prison', 'carat', 'carat/prison', 'carat / prison', 'prison/carat', 'prison (secure setting)', 'secure setting', 'justice system: prison'],
	social_services: ['19', 'social services', 'social care', "children's social care", 'adult social care'],
	hospital: ['22', 'general hospital', 'hospital', 'a&e', 'accident and emergency'],
	liaison_diversion: ['liaison and diversion', 'court liaison and diversion'],
	other: ['10', 'other']
};

/** A canonical discharge reason: what it means, whether it is a successful completion, and the codes and labels read as it. */
export interface DischargeReason {
	id: string;
	label: string;
	/** Completed, transferred, incomplete or died: the outcome group NDTMS reports. */
	outcome: 'completed' | 'transferred' | 'incomplete' | 'died' | 'other';
	/** Counts as a successful completion (completed drug free, or completed as an occasional user). */
	successful: boolean;
	/** Older core dataset codes (the reference notes, section 5.1). */
	codes: string[];
	/** Readable labels: the current adult dataset's categories, the older dataset's names, and common variants. */
	labels: string[];
}

/** DISRSN: discharge reasons. The current adult dataset's categories first, then the older codes that have no current counterpart. */
export const DISCHARGE_REASONS: DischargeReason[] = [
	{
		id: 'completed_drug_free',
		label: 'Treatment completed: drug free',
		outcome: 'completed',
		successful: true,
		codes: ['1'],
		labels: ['Treatment completed - drug free', 'Treatment completed drug free', 'Completed drug free', 'Completed - drug free']
	},
	{
		id: 'completed',
		label: 'Treatment completed: occasional user (not opiates or crack)',
		outcome: 'completed',
		successful: true,
		codes: ['2'],
		labels: [
			'Treatment completed - occasional user (not opiates or crack)',
			'Treatment completed - occasional user (not heroin or crack)',
			'Treatment completed - occasional user',
			'Completed - occasional user',
			'Treatment completed',
			'Completed'
		]
	},
	{
		id: 'transferred',
		label: 'Transferred: not in custody',
		outcome: 'transferred',
		successful: false,
		codes: [],
		labels: ['Transferred - not in custody', 'Transferred', 'Transferred to another provider']
	},
	{
		id: 'transferred_custody',
		label: 'Transferred: in custody',
		outcome: 'transferred',
		successful: false,
		codes: [],
		labels: ['Transferred - in custody']
	},
	{
		id: 'dropped_out',
		label: 'Incomplete: dropped out',
		outcome: 'incomplete',
		successful: false,
		codes: ['6'],
		labels: ['Incomplete - dropped out', 'Dropped out', 'Dropped out/left', 'Left']
	},
	{
		id: 'withdrawn',
		label: 'Incomplete: treatment withdrawn by provider',
		outcome: 'incomplete',
		successful: false,
		codes: ['3'],
		labels: ['Incomplete - treatment withdrawn by provider', 'Treatment withdrawn', 'Treatment withdrawn/breach of contract', 'Withdrawn']
	},
	{
		id: 'retained_in_custody',
		label: 'Incomplete: retained in custody',
		outcome: 'incomplete',
		successful: false,
		codes: [],
		labels: ['Incomplete - retained in custody', 'Retained in custody']
	},
	{
		id: 'declined',
		label: 'Incomplete: treatment commencement declined by the client',
		outcome: 'incomplete',
		successful: false,
		codes: ['12'],
		labels: [
			'Incomplete - treatment commencement declined by the client',
			'Incomplete - treatment commencement declined by client',
			'Treatment declined by client',
			'Declined'
		]
	},
	{
		id: 'died',
		label: 'Incomplete: client died',
		outcome: 'died',
		successful: false,
		codes: ['9'],
		labels: ['Incomplete - client died', 'Client died', 'Died', 'Death', 'Deceased']
	},
	// The older dataset's reasons with no current counterpart: kept so older extracts still load as written.
	{ id: 'referred_on', label: 'Referred on (older dataset)', outcome: 'transferred', successful: false, codes: ['5'], labels: ['Referred on'] },
	{ id: 'prison', label: 'Prison (older dataset)', outcome: 'transferred', successful: false, codes: ['8'], labels: ['Prison', 'Custody'] },
	{ id: 'moved_away', label: 'Moved away (older dataset)', outcome: 'other', successful: false, codes: ['7'], labels: ['Moved away'] },
	{
		id: 'no_treatment_available',
		label: 'No appropriate treatment available (older dataset)',
		outcome: 'other',
		successful: false,
		codes: ['4'],
		labels: ['No appropriate treatment available']
	},
	{ id: 'other', label: 'Other (older dataset)', outcome: 'other', successful: false, codes: ['10'], labels: ['Other'] },
	{ id: 'not_known', label: 'Not known (older dataset)', outcome: 'other', successful: false, codes: ['11'], labels: ['Not known', 'Unknown'] },
	{
		id: 'inappropriate_referral',
		label: 'Inappropriate referral (older dataset)',
		outcome: 'other',
		successful: false,
		codes: ['13'],
		labels: ['Inappropriate referral']
	}
];

/** The ids of the discharge reasons that count as successful completions. */
export const SUCCESSFUL_DISCHARGES = DISCHARGE_REASONS.filter((r) => r.successful).map((r) => r.id);

/** How a label is compared: lower case, every run of characters other than letters, digits and `&` read as one space. */
export function labelKey(s: string): string {
	return s
		.toLowerCase()
		.replace(/[^a-z0-9&]+/g, ' ')
		.trim();
}

/** Lookup rows: each label lower-cased as written (the fast path's exact match) and as its key, once each. */
function rows(map: Record<string, string[]>, normalise: boolean): [string, string][] {
	const out = new Map<string, string>();
	for (const [code, labels] of Object.entries(map))
		for (const l of [code, ...labels]) {
			const keys = normalise ? [l.toLowerCase(), labelKey(l)] : [l.toLowerCase()];
			for (const k of keys) {
				const had = out.get(k);
				if (had && had !== code) throw new Error(`lookup label "${k}" is given for both ${had} and ${code}`);
				out.set(k, code);
			}
		}
	return [...out];
}

export const LOOKUPS = {
	substance_labels: rows(substance, false),
	referral_labels: rows(referral, true),
	discharge_labels: rows(Object.fromEntries(DISCHARGE_REASONS.map((r) => [r.id, [...r.codes, r.label, ...r.labels]])), true)
};
