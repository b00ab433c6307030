/**
 * The national Combating Drugs Outcomes Framework (Joint Combating Drugs Unit, July 2022; as the Northamptonshire
 * information pack lists it, seed 004) as rows: each outcome, what measures it, and for each measure the latest
 * figure for the area beside England and its target or ambition where one exists, the direction of travel and the
 * status under the one status rule. Measures the loaded data cannot show say which data would show them. The grant's
 * own conditions (residential rehab, deaths in treatment) and the recovery measures the journeys give follow.
 */
import type { Model } from './model';
import type { Status } from './status';
import type { Comparison } from './compare';
import { direction, type Direction } from './trend';
import { trajectory } from './treatment';
import { continuity } from './continuity';
import { rehab } from './rehab';
import { countSeries, rateSeries } from './deaths';
import { headlines } from './overview';
import { figures } from './figures';
import { outcomeSeries, type OutcomeId } from './outcomes';
import { estimates, OCU_NEED, unmetNeed, type UnmetNeed } from './unmet-need';
import { fmtCount, fmtPct, fmtRate } from './format';
import { ENGLAND } from '$lib/data/areas';

export type Tier = 'strategic' | 'intermediate' | 'grant';

export interface ScoreRow {
	id: string;
	/** What the framework says measures the outcome, in its words. */
	measure: string;
	/** A short name for a sentence: "continuity of care". */
	short: string;
	/** The latest figure as shown (`*` when suppressed), or null when the loaded data cannot show it. */
	value: string | null;
	period: string | null;
	england: string | null;
	/** The target or ambition it is judged against, in words; null when none is set. */
	target: string | null;
	direction: Direction;
	status: Status;
	/** The status rule applied to these numbers. */
	statusWhy: string | null;
	comparison: Comparison;
	/** Made from synthetic records: its status and figure are illustrative. */
	illustrative: boolean;
	/** Where the figure is drawn in full: a page, with the figure's anchor. */
	href: string | null;
	/** For a measure the loaded data cannot show: which data would show it. */
	needs: string | null;
}

export interface ScoreGroup {
	id: string;
	tier: Tier;
	/** The outcome, as the framework names it. */
	label: string;
	/** A short name for a slide. */
	short: string;
	rows: ScoreRow[];
}

/** The framework's outcomes and measures, and the data that would show the measures the dashboard cannot. */
export const FRAMEWORK_SOURCE =
	'National Combating Drugs Outcomes Framework (Joint Combating Drugs Unit, July 2022), as listed in the Northamptonshire drugs and alcohol information pack (seed 004)';

const NOT_LOCAL = 'not published by local area';
const NEEDS = {
	drugUse: `Crime Survey for England and Wales (ONS, “Drug misuse in England and Wales”): self-reported drug use in the last year by age; estimates for England and Wales, ${NOT_LOCAL}`,
	prevalence:
		'OHID’s local estimates of the number of opiate and/or crack cocaine users with their 95% limits: a Fingertips export of indicator 93517, or a figures file with metric ocu_prevalence',
	homicides: `ONS “Homicide in England and Wales” (the Home Office Homicide Index): drug-related homicides for England and Wales, ${NOT_LOCAL}`,
	neighbourhood:
		'ONS police recorded crime by Community Safety Partnership area (neighbourhood crime: domestic burglary, theft from the person, robbery of personal property, vehicle offences), loaded as a figures file',
	admissions:
		'NHS England “Statistics on Drug Misuse”: hospital admissions for drug poisoning and for drug-related mental and behavioural disorders (primary diagnosis) by local authority of residence, from Hospital Episode Statistics, loaded as a figures file or a Fingertips export',
	countyLines: `police returns to the National County Lines Coordination Centre: lines closed, held by police forces and ${NOT_LOCAL}`,
	disruptions: `police and National Crime Agency records of moderate and major disruptions of organised crime groups, held by forces and ${NOT_LOCAL}`,
	accommodation:
		'NDTMS housing status at the start of treatment and at review (accommodation need), which the loaded journeys do not hold: an NDTMS extract with it, or OHID’s published figures for the area'
};

/** Short names for sentences, where the framework's words are long. */
const SHORT: Record<string, string> = {
	'drug-use': 'drug use in the last year',
	prevalence: 'opiate and crack use',
	'unmet-need-ocu': 'opiate and crack users not in treatment',
	admissions: 'hospital admissions',
	disruptions: 'disruptions of organised crime',
	'misuse-deaths': 'drug misuse deaths',
	continuity: 'continuity of care',
	completions: 'successful completions',
	representations: 're-presentations',
	'early-exits': 'early unplanned exits',
	waits: 'waits over 3 weeks',
	progress: 'substantial progress',
	accommodation: 'stable accommodation',
	rehab: 'residential rehab'
};

function missing(id: string, measure: string, needs: string): ScoreRow {
	return {
		id,
		measure,
		short: SHORT[id] ?? measure.toLowerCase(),
		value: null,
		period: null,
		england: null,
		target: null,
		direction: 'not_enough_data',
		status: 'no_target',
		statusWhy: null,
		comparison: 'not_compared',
		illustrative: false,
		href: null,
		needs
	};
}

function base(id: string, measure: string, href: string): ScoreRow {
	return { ...missing(id, measure, ''), needs: null, href };
}

/** Deaths related to drug misuse: the ONS age-standardised rate (3 years pooled) where the area has one, else the count. */
function misuseDeaths(model: Model, area: string): ScoreRow {
	const row = base('misuse-deaths', 'Deaths related to drug misuse', '/deaths');
	const rates = rateSeries(model, area, 'drug_misuse_deaths_rate').points;
	const rated = rates.filter((p) => p.local != null);
	const last = rated[rated.length - 1];
	if (last)
		return {
			...row,
			value: `${fmtRate(last.local)} per 100,000`,
			period: last.period,
			england: last.england != null ? fmtRate(last.england) : null,
			direction: direction(rated.map((p) => p.local)),
			comparison: last.comparison
		};
	const counts = countSeries(model, area, 'drug_misuse_deaths').points.filter((p) => p.value != null);
	const lastCount = counts[counts.length - 1];
	if (!lastCount)
		return {
			...missing(
				row.id,
				row.measure,
				'ONS deaths related to drug misuse by local authority (registrations), loaded as a figures file or a Fingertips export'
			),
			href: '/deaths'
		};
	return {
		...row,
		value: `${fmtCount(lastCount.value)} deaths`,
		period: lastCount.period,
		direction: direction(counts.map((p) => p.value))
	};
}

function adultsInTreatment(model: Model, area: string, suppress: boolean, cohort: 'adults' | 'young_people'): ScoreRow | null {
	const t = trajectory(model, area, cohort, suppress);
	const l = t.headlineRow;
	if (!l) return null;
	const done = t.rows.filter((r) => !r.partial && r.actual.value != null);
	return {
		...base(
			cohort === 'adults' ? 'adults-in-treatment' : 'young-people-in-treatment',
			cohort === 'adults' ? 'Adults in treatment' : 'Young people in treatment',
			'/treatment'
		),
		value: l.reported != null ? fmtCount(l.reported) : fmtCount(l.actual.value, l.actual.suppressed),
		period: l.label,
		target: l.guide != null ? `${fmtCount(l.guide)} (guide trajectory)` : null,
		direction: direction(done.map((r) => r.actual.value)),
		status: l.status,
		statusWhy: l.statusWhy,
		illustrative: t.synthetic && l.reported == null
	};
}

function continuityRow(model: Model, area: string, suppress: boolean): ScoreRow | null {
	const c = continuity(model, area, suppress);
	const l = c.latest;
	if (!l) return null;
	const value = l.reported ?? l.percent.value;
	const target = l.plan ?? l.ambition;
	const done = c.rows.filter((r) => !r.partial);
	return {
		...base('continuity', 'Continuity of care: engagement in treatment within 3 weeks of leaving prison', '/continuity'),
		value: l.reported == null && l.percent.suppressed ? '*' : fmtPct(value),
		period: l.label,
		england: l.england != null ? fmtPct(l.england) : null,
		target: target != null ? `${fmtPct(target)} (${l.plan != null ? 'local plan' : 'national ambition'})` : null,
		direction: direction(done.map((r) => r.reported ?? r.percent.value)),
		status: l.status,
		statusWhy: l.statusWhy,
		comparison: l.comparison,
		illustrative: c.synthetic && l.reported == null
	};
}

function rehabRow(model: Model, area: string, suppress: boolean): ScoreRow | null {
	const r = rehab(model, area, suppress);
	const l = r.latest;
	if (!l) return null;
	return {
		...base('rehab', 'Adults starting residential rehab, as a share of adults in treatment', '/rehab'),
		value: fmtPct(l.percent.value, l.percent.suppressed, 1),
		period: l.label,
		england: r.englandPct ? `${fmtPct(r.englandPct.value, false, 1)} (${r.englandPct.period})` : null,
		target: `${fmtPct(r.ambition)} (national ambition)`,
		direction: direction(r.rows.filter((x) => !x.partial).map((x) => x.percent.value)),
		status: l.status,
		statusWhy: l.statusWhy,
		illustrative: r.synthetic
	};
}

function deathsInTreatmentRow(model: Model, area: string, suppress: boolean): ScoreRow | null {
	// The overview's card: the latest whole year's total, hidden where it would give a suppressed cohort away.
	const h = headlines(model, area, suppress).find((x) => x.id === 'deaths_in_treatment');
	if (!h || (h.value == null && !h.suppressed)) return null;
	return {
		...base('deaths-in-treatment', 'Deaths in treatment', '/deaths'),
		value: fmtCount(h.value, h.suppressed),
		period: h.period,
		direction: h.direction,
		illustrative: h.synthetic
	};
}

function progressRow(model: Model, area: string): ScoreRow | null {
	const local = figures(model, { area, metric: 'substantial_progress', cohort: 'adults' })[0];
	if (!local) return null;
	const england = figures(model, { area: ENGLAND, metric: 'substantial_progress', cohort: 'adults' }).find(
		(f) => f.period === local.period
	);
	return {
		...base('progress', 'Drug-free in treatment or sustained reduction in use (substantial progress, as published)', '/treatment'),
		value: fmtPct(local.value),
		period: local.period,
		england: england ? fmtPct(england.value) : null
	};
}

const PREVALENCE = 'Prevalence of opiate and/or crack cocaine use';

/** The latest estimate of opiate and/or crack cocaine users, with its limits; linked to unmet need where that shows. */
function prevalenceRow(model: Model, area: string, unmet: UnmetNeed | null): ScoreRow {
	const all = estimates(model, area, OCU_NEED.metric);
	const e = all.at(-1);
	if (!e) return missing('prevalence', PREVALENCE, NEEDS.prevalence);
	const limits = e.lower != null && e.upper != null ? ` (${fmtCount(e.lower)} to ${fmtCount(e.upper)})` : '';
	return {
		...base('prevalence', PREVALENCE, ''),
		value: `${fmtCount(e.value)} users${limits}`,
		period: e.period,
		direction: direction(all.map((x) => x.value)),
		href: unmet ? `/outcomes#fig-unmet-need-ocu-${area}` : null
	};
}

/** Opiate and crack users not in treatment, against the estimate of their number, where both are loaded. */
function unmetNeedRow(area: string, u: UnmetNeed | null): ScoreRow | null {
	if (!u) return null;
	const l = u.last;
	const range = l.lower != null && l.upper != null ? ` (${fmtPct(l.lower)} to ${fmtPct(l.upper)})` : '';
	return {
		...base(
			'unmet-need-ocu',
			`Opiate and crack users not in treatment (unmet need), against the ${u.est.period} estimate of their number`,
			`/outcomes#fig-unmet-need-ocu-${area}`
		),
		value: `${fmtPct(l.unmet)}${range}`,
		period: l.label,
		direction: direction(u.rows.map((r) => r.unmet)),
		illustrative: u.synthetic && !l.published
	};
}

const RECOVERY: Record<OutcomeId, string> = {
	completions: 'Completed treatment: successful completions not re-presenting within 6 months (PHOF C19, all adults)',
	representations: 'Re-presentations within 6 months of a successful completion',
	early_exits: 'Early unplanned exits: left unplanned within 12 weeks of starting',
	waits: 'Waits over 3 weeks from referral to starting treatment'
};

/** The page section each recovery measure is drawn in, by its figure's id. */
const RECOVERY_FIGURE: Record<OutcomeId, string> = {
	completions: 'completions',
	representations: 'representations',
	early_exits: 'early-exits',
	waits: 'waits'
};

function recoveryRow(model: Model, area: string, suppress: boolean, id: OutcomeId): ScoreRow | null {
	const s = outcomeSeries(model, area, 'adults', id, suppress);
	const h = s.headline;
	if (!h) return null;
	const eng = s.england.find((p) => p.month === h.month);
	return {
		...base(id.replace('_', '-'), RECOVERY[id], `/outcomes#fig-${RECOVERY_FIGURE[id]}-${area}`),
		value: fmtPct(h.percent.value, h.percent.suppressed, 1),
		period: h.label,
		england: eng ? fmtPct(eng.percent, false, 1) : null,
		direction: s.direction,
		comparison: s.comparison,
		illustrative: s.synthetic && h.basis === 'records'
	};
}

export function outcomesFramework(model: Model, area: string, suppress: boolean): ScoreGroup[] {
	const orMissing = (row: ScoreRow | null, id: string, measure: string, needs: string) => row ?? missing(id, measure, needs);
	const records = 'record-level treatment journeys for the area (an NDTMS-style extract), loaded on the Data page';
	const ocu = unmetNeed(model, area, OCU_NEED, suppress);
	return [
		{
			id: 'drug-use',
			tier: 'strategic',
			label: 'Reducing drug use',
			short: 'Drug use',
			rows: [
				missing('drug-use', 'Proportion of the population reporting drug use in the last year (by age)', NEEDS.drugUse),
				prevalenceRow(model, area, ocu)
			]
		},
		{
			id: 'crime',
			tier: 'strategic',
			label: 'Reducing drug-related crime',
			short: 'Crime',
			rows: [
				missing('homicides', 'Drug-related homicides', NEEDS.homicides),
				missing('neighbourhood-crime', 'Neighbourhood crimes', NEEDS.neighbourhood)
			]
		},
		{
			id: 'deaths',
			tier: 'strategic',
			label: 'Reducing drug-related deaths and harm',
			short: 'Deaths and harm',
			rows: [
				misuseDeaths(model, area),
				missing('admissions', 'Hospital admissions for drug poisoning and drug-related mental and behavioural disorders', NEEDS.admissions)
			]
		},
		{
			id: 'supply',
			tier: 'intermediate',
			label: 'Reducing drug supply',
			short: 'Supply',
			rows: [
				missing('county-lines', 'County lines closed', NEEDS.countyLines),
				missing('disruptions', 'Moderate and major disruptions against organised criminals', NEEDS.disruptions)
			]
		},
		{
			id: 'engagement',
			tier: 'intermediate',
			label: 'Increasing engagement in drug treatment',
			short: 'Engagement in treatment',
			rows: [
				orMissing(adultsInTreatment(model, area, suppress, 'adults'), 'adults-in-treatment', 'Adults in treatment', records),
				orMissing(
					adultsInTreatment(model, area, suppress, 'young_people'),
					'young-people-in-treatment',
					'Young people in treatment',
					records
				),
				orMissing(
					continuityRow(model, area, suppress),
					'continuity',
					'Continuity of care: engagement in treatment within 3 weeks of leaving prison',
					'record-level prison releases for the area, or a published continuity-of-care figure'
				),
				...[unmetNeedRow(area, ocu), recoveryRow(model, area, suppress, 'waits'), recoveryRow(model, area, suppress, 'early_exits')].filter(
					(r): r is ScoreRow => r != null
				)
			]
		},
		{
			id: 'recovery',
			tier: 'intermediate',
			label: 'Improving drug recovery outcomes',
			short: 'Recovery',
			rows: [
				orMissing(recoveryRow(model, area, suppress, 'completions'), 'completions', RECOVERY.completions, records),
				...[recoveryRow(model, area, suppress, 'representations'), progressRow(model, area)].filter((r): r is ScoreRow => r != null),
				missing('accommodation', 'In stable accommodation', NEEDS.accommodation)
			]
		},
		{
			id: 'grant',
			tier: 'grant',
			label: 'Also held to by the treatment grant',
			short: 'Grant conditions',
			rows: [rehabRow(model, area, suppress), deathsInTreatmentRow(model, area, suppress)].filter((r): r is ScoreRow => r != null)
		}
	].filter((g) => g.rows.length) as ScoreGroup[];
}

/** Every row, in order. */
export function frameworkRows(groups: ScoreGroup[]): ScoreRow[] {
	return groups.flatMap((g) => g.rows);
}
