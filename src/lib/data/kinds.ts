/**
 * The five input kinds: their columns (by name, with aliases) and how a header is recognised.
 */
import { key } from './header';

export type Kind = 'fingertips' | 'figures' | 'journeys' | 'releases' | 'viewit';

export interface ColumnSpec {
	/** Canonical name used in the staging view. */
	id: string;
	/** Accepted header names; matched with `key()` (case, spaces, underscores ignored). */
	names: string[];
	required?: boolean;
	/** Match any header starting with this text (Fingertips' "Compared to … value or percentiles"). */
	prefix?: string;
}

export interface KindSpec {
	kind: Kind;
	label: string;
	/** Column ids that, all present, identify the kind. */
	signature: string[];
	columns: ColumnSpec[];
}

export const KINDS: KindSpec[] = [
	{
		kind: 'fingertips',
		label: 'Fingertips indicator export',
		signature: ['indicator_id', 'period', 'value'],
		columns: [
			{ id: 'indicator_id', names: ['Indicator ID', 'IndicatorID'], required: true },
			{ id: 'indicator_name', names: ['Indicator Name', 'IndicatorName'] },
			{ id: 'parent_code', names: ['Parent Code', 'ParentCode'] },
			{ id: 'area_code', names: ['Area Code', 'AreaCode'], required: true },
			{ id: 'area_name', names: ['Area Name', 'AreaName'] },
			{ id: 'area_type', names: ['Area Type', 'AreaType'] },
			{ id: 'sex', names: ['Sex'] },
			{ id: 'age', names: ['Age'] },
			{ id: 'category_type', names: ['Category Type', 'CategoryType'] },
			{ id: 'category', names: ['Category'] },
			{ id: 'period', names: ['Time period', 'Timeperiod'], required: true },
			{ id: 'value', names: ['Value'], required: true },
			{ id: 'lower_ci', names: ['Lower CI 95.0 limit', 'LowerCI95.0limit'] },
			{ id: 'upper_ci', names: ['Upper CI 95.0 limit', 'UpperCI95.0limit'] },
			{ id: 'count', names: ['Count'] },
			{ id: 'denominator', names: ['Denominator'] },
			{ id: 'value_note', names: ['Value note', 'Valuenote'] },
			{ id: 'compared_to_england', names: ['Compared to England value or percentiles', 'Compared to percentiles'] },
			{ id: 'compared_to_parent', names: [], prefix: 'Compared to ' },
			{ id: 'time_period_range', names: ['Time period range'] }
		]
	},
	{
		kind: 'figures',
		label: 'Figures and plans',
		signature: ['metric', 'kind', 'value'],
		columns: [
			{ id: 'area_code', names: ['area_code', 'Area Code'], required: true },
			{ id: 'area_name', names: ['area_name', 'Area Name'] },
			{ id: 'metric', names: ['metric'], required: true },
			{ id: 'cohort', names: ['cohort'] },
			{ id: 'category', names: ['category'] },
			{ id: 'period', names: ['period', 'Time period'], required: true },
			{ id: 'kind', names: ['kind'], required: true },
			{ id: 'value', names: ['value'], required: true },
			{ id: 'numerator', names: ['numerator', 'count'] },
			{ id: 'denominator', names: ['denominator'] },
			{ id: 'lower_ci', names: ['lower_ci', 'lower_ci_95'] },
			{ id: 'upper_ci', names: ['upper_ci', 'upper_ci_95'] },
			{ id: 'unit', names: ['unit'] },
			{ id: 'note', names: ['note', 'value_note'] },
			{ id: 'source', names: ['source'] },
			{ id: 'synthetic', names: ['synthetic'] }
		]
	},
	{
		kind: 'journeys',
		label: 'NDTMS-style treatment journeys',
		signature: ['client_id', 'triage_date'],
		columns: [
			{ id: 'client_id', names: ['CLIENTID', 'client_id', 'client'], required: true },
			{ id: 'journey_id', names: ['EPISODID', 'journey_id', 'episode_id', 'JOURNEYID'] },
			{ id: 'area_code', names: ['LA', 'area_code', 'DAT', 'la_code'], required: true },
			{ id: 'age', names: ['AGE', 'age_at_triage'], required: true },
			{ id: 'sex', names: ['SEX'] },
			{ id: 'substance', names: ['SUBSTANCE', 'substance_group', 'SUBSGRP'], required: true },
			{ id: 'referral_date', names: ['REFLD', 'referral_date'] },
			{ id: 'referral_source', names: ['RFLS', 'referral_source'] },
			{ id: 'triage_date', names: ['TRIAGED', 'triage_date'], required: true },
			{ id: 'discharge_date', names: ['DISD', 'discharge_date'] },
			{ id: 'discharge_reason', names: ['DISRSN', 'discharge_reason'] },
			{ id: 'rehab_start_date', names: ['RESRHBST', 'rehab_start_date', 'residential_rehab_start'] },
			{ id: 'synthetic', names: ['synthetic'] }
		]
	},
	{
		kind: 'releases',
		label: 'Prison releases',
		signature: ['release_date'],
		columns: [
			{ id: 'release_id', names: ['RELEASE_ID', 'release_id'] },
			{ id: 'client_id', names: ['CLIENTID', 'client_id'] },
			{ id: 'area_code', names: ['LA', 'area_code'], required: true },
			{ id: 'release_date', names: ['RELEASE_DATE', 'release_date', 'RELDATE'], required: true },
			{ id: 'treatment_need', names: ['TREATMENT_NEED', 'treatment_need'], required: true },
			{ id: 'first_contact_date', names: ['FIRST_CONTACT_DATE', 'first_community_contact_date', 'first_contact_date'] },
			{ id: 'synthetic', names: ['synthetic'] }
		]
	},
	{
		kind: 'viewit',
		label: 'NDTMS ViewIt adult download',
		signature: ['period', 'area_name', 'drug_group', 'intreatment_allintx'],
		// The local-authority download's names, and the England download's (`…_Data`, `Num_InTreatment_AllInTx`).
		// Count columns keep their ViewIt names as ids: normalise-viewit.sql reads every one of them.
		columns: [
			{ id: 'period', names: ['ReportingPeriod', 'ReportingPeriod_Data'], required: true },
			{ id: 'area_name', names: ['Area', 'Area_Data'], required: true },
			{ id: 'sex', names: ['sex', 'Gender_Data'] },
			{ id: 'age', names: ['age_group', 'AgeGroup_Data'] },
			{ id: 'drug_group', names: ['drug_group', 'DrugGroup_Data'], required: true },
			{ id: 'intreatment_allintx', names: ['intreatment_allintx', 'Num_InTreatment_AllInTx'], required: true },
			...[
				'newpresentation_newtx',
				'exits_successfulcompletion_allintx',
				'exits_died_allintx',
				'exits_droppedout_allintx',
				'exits_movedaway_allintx',
				'exits_noappropriatetreatment_allintx',
				'exits_notknown_allintx',
				'exits_other_allintx',
				'exits_prison_allintx',
				'exits_transferrednotincustody_allintx',
				'exits_transferredincustody_allintx',
				'exits_referredon_allintx',
				'exits_treatmentdeclined_allintx',
				'exits_treatmentwithdrawn_allintx',
				'exits_inconsistent_allintx',
				'waitsfirst_3weeksandunder_newtx',
				'waitsfirst_3to6weeks_newtx',
				'waitsfirst_over6weeks_newtx',
				'scnr_intreatment_allintx',
				'scnr_completion_allintx',
				'scnr_representation_allintx',
				'scnr_scrn_allintx'
			].map((id) => ({ id, names: [id] }))
		]
	}
];

export interface Detected {
	spec: KindSpec;
	/** Column id → index in the file's header. */
	index: Map<string, number>;
	/** Header names nobody reads. */
	ignored: string[];
	missing: string[];
}

function matchColumns(spec: KindSpec, headers: string[]): Detected {
	const keys = headers.map(key);
	const index = new Map<string, number>();
	const used = new Set<number>();
	for (const col of spec.columns) {
		const wanted = col.names.map(key);
		let i = keys.findIndex((k, j) => !used.has(j) && wanted.includes(k));
		if (i === -1 && col.prefix) {
			const p = key(col.prefix);
			i = keys.findIndex((k, j) => !used.has(j) && k.startsWith(p) && k.endsWith('valueorpercentiles'));
		}
		if (i !== -1) {
			index.set(col.id, i);
			used.add(i);
		}
	}
	const missing = spec.columns.filter((c) => c.required && !index.has(c.id)).map((c) => c.names[0]);
	const ignored = headers.filter((h, j) => !used.has(j) && h !== '');
	return { spec, index, ignored, missing };
}

/** Picks the kind whose signature columns are all in the header; null when none fits. */
export function detectKind(headers: string[]): Detected | null {
	for (const spec of KINDS) {
		const d = matchColumns(spec, headers);
		if (spec.signature.every((id) => d.index.has(id))) return d;
	}
	return null;
}
