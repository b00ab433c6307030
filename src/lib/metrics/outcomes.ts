/**
 * Recovery outcomes from the record-level journeys, for the 12 months to the end of each calendar quarter (rolling
 * 12 months), counted as people (data/sql/cube-outcomes.sql, sql/outcomes.sql): successful completions that did not
 * re-present within 6 months (PHOF C19a opiate, C19b non-opiate, C19c alcohol, and all adults), re-presentations,
 * early unplanned exits and waits over 3 weeks. A quarter is shown only when its follow-up has closed by the data
 * date, so no share is made from people who could still re-present or still leave early. Wilson 95% intervals;
 * small numbers suppressed, and a council's counts hidden where its sibling's are (North and West Northamptonshire).
 */
import type { Model, OutcomeRow } from './model';
import { wilson } from './intervals';
import { suppressMemberCount } from './siblings';
import { protectParts, type Cell } from './suppression';
import { direction, type Direction } from './trend';
import { compareWithEngland, type Comparison, type Polarity } from './compare';
import { figures, sourcesOf } from './figures';
import { fmtDate, fmtMonth, fy as fyLabel } from './format';
import { ENGLAND } from '$lib/data/areas';

export type OutcomeId = 'completions' | 'representations' | 'early_exits' | 'waits';

/** Cohorts the outcomes are counted for (adults only; young people have their own measures). */
export const OUTCOME_COHORTS = ['adults', 'opiate', 'non_opiate', 'alcohol'] as const;

/** The PHOF indicator each cohort's successful completions correspond to. */
export const PHOF_CODE: Record<string, string> = { opiate: 'C19a', non_opiate: 'C19b', alcohol: 'C19c' };

/** Days after triage within which an unplanned exit is early (12 weeks). */
export const EARLY_DAYS = 84;
/** A wait over this many days from referral to triage is over 3 weeks. */
export const WAIT_DAYS = 21;
/** Months after a successful completion in which a new journey is a re-presentation. */
export const FOLLOW_UP_MONTHS = 6;

interface OutcomeDef {
	polarity: Polarity;
	numerator(r: OutcomeRow, inTreatment: number | null): number | null;
	denominator(r: OutcomeRow, inTreatment: number | null): number | null;
	/** The last day of the follow-up of a window ending in month `ym` (ISO): shown once the data date reaches it. */
	closes(ym: string): string;
}

const COMPLETED =
	'Successful completion: a journey discharged as “treatment completed – drug free” or “– occasional user (not opiates or crack)” (older extracts: codes 1 and 2), with no other journey of the person’s still open that day.';
const PEOPLE =
	'People, not journeys: a person is a client id within one file, area and age group, counted once in each 12-month window, in the substance group they are counted in for numbers in treatment over the same 12 months (opiate before non-opiate before alcohol).';
const CI = '95% confidence interval by the Wilson score method.';

export const OUTCOME_DEFINITIONS: Record<OutcomeId, string> = {
	completions: `Adults who left structured treatment successfully in the 12 months and did not re-present (start another journey) within ${FOLLOW_UP_MONTHS} months of leaving (numerator), as a percentage of all adults in treatment in the same 12 months (denominator): PHOF C19a for opiate, C19b for non-opiate and C19c for alcohol-only clients. ${COMPLETED} The 12 months shown end at least ${FOLLOW_UP_MONTHS} months before the data date, so every completion has had its full ${FOLLOW_UP_MONTHS}-month follow-up. ${PEOPLE} ${CI}`,
	representations: `Of the adults who left structured treatment successfully in the 12 months (denominator), those who re-presented: started another journey within ${FOLLOW_UP_MONTHS} months of every successful completion they had in the 12 months (numerator). ${COMPLETED} The 12 months shown end at least ${FOLLOW_UP_MONTHS} months before the data date. ${PEOPLE} ${CI}`,
	early_exits: `Of the adults who started a treatment journey (triage) in the 12 months (denominator), those for whom a journey started in the 12 months ended in an unplanned exit within 12 weeks (under ${EARLY_DAYS} days) of its start (numerator). Unplanned exits are the incomplete discharges other than death: dropped out, treatment withdrawn by the provider, retained in custody, and treatment commencement declined by the client. Transfers and completions are not unplanned exits. The 12 months shown end at least 12 weeks before the data date. ${PEOPLE} ${CI}`,
	waits: `Of the adults who started a treatment journey in the 12 months with a referral date recorded on or before the start (denominator), those who waited over 3 weeks (more than ${WAIT_DAYS} days) for at least one such start (numerator). NDTMS measures the wait from referral to the first intervention; the journeys hold no intervention dates, so the wait here runs from the referral date (REFLD) to the triage date (TRIAGED), the start of the journey. Starts with no referral date, or one after triage, are left out. ${PEOPLE} ${CI}`
};

/** Last day (ISO) of the month `k` months after `ym`. */
function monthEnd(ym: string, k = 0): string {
	const [y, m] = ym.split('-').map(Number);
	return new Date(Date.UTC(y, m + k, 0)).toISOString().slice(0, 10);
}

function addDays(iso: string, days: number): string {
	return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 864e5).toISOString().slice(0, 10);
}

const DEFS: Record<OutcomeId, OutcomeDef> = {
	completions: {
		polarity: 'high_is_good',
		numerator: (r) => r.sustained,
		denominator: (_r, inTreatment) => inTreatment,
		closes: (ym) => monthEnd(ym, FOLLOW_UP_MONTHS)
	},
	representations: {
		polarity: 'low_is_good',
		numerator: (r) => r.completed - r.sustained,
		denominator: (r) => r.completed,
		closes: (ym) => monthEnd(ym, FOLLOW_UP_MONTHS)
	},
	early_exits: {
		polarity: 'low_is_good',
		numerator: (r) => r.early_exits,
		denominator: (r) => r.starts,
		// A journey triaged on the window's last day can end early up to 83 days later.
		closes: (ym) => addDays(monthEnd(ym), EARLY_DAYS - 1)
	},
	waits: {
		polarity: 'low_is_good',
		numerator: (r) => r.waits_over,
		denominator: (r) => r.waits_known,
		closes: (ym) => monthEnd(ym)
	}
};

/**
 * Published counts (NDTMS ViewIt, data/README.md "NDTMS ViewIt adult download") that give each measure for a
 * financial year: the share is computed from the published numerator and denominator, as the download gives no
 * percentage. Early unplanned exits have no published counterpart loaded.
 */
const PUBLISHED: Partial<Record<OutcomeId, { numerator: [string, string[] | null]; denominator: [string, string[] | null] }>> = {
	completions: { numerator: ['scnr_completions_not_representing', null], denominator: ['scnr_in_treatment', null] },
	representations: { numerator: ['scnr_representations', null], denominator: ['scnr_completions', null] },
	waits: {
		numerator: ['waits_first_intervention', ['over 3 to 6 weeks', 'over 6 weeks']],
		denominator: ['waits_first_intervention', ['3 weeks and under', 'over 3 to 6 weeks', 'over 6 weeks']]
	}
};

/** The published figures for one area and cohort, a financial year each, where both counts are published. */
export function publishedOutcome(
	model: Model,
	area: string,
	cohort: string,
	id: OutcomeId
): { points: PublishedPoint[]; sources: string[] } {
	const spec = PUBLISHED[id];
	if (!spec) return { points: [], sources: [] };
	const rows = (m: [string, string[] | null]) =>
		figures(model, { area, metric: m[0], cohort, kind: 'actual' }).filter(
			(f) => f.period_kind === 'financial_year' && (m[1] == null ? f.category == null : m[1].includes(f.category ?? ''))
		);
	const num = rows(spec.numerator);
	const den = rows(spec.denominator);
	const total = (list: typeof num, m: [string, string[] | null], fy: number) => {
		const inYear = list.filter((f) => Number(f.start.slice(0, 4)) === fy);
		// Every part published, or no figure (a sum with a missing part is missing).
		if (inYear.length !== (m[1]?.length ?? 1) || inYear.some((f) => f.value == null)) return null;
		return inYear.reduce((a, f) => a + (f.value as number), 0);
	};
	const years = [...new Set(den.map((f) => Number(f.start.slice(0, 4))))].sort((a, b) => a - b);
	const points = years
		.map((fy): PublishedPoint | null => {
			const n = total(num, spec.numerator, fy);
			const d = total(den, spec.denominator, fy);
			if (n == null || d == null || d <= 0 || n > d) return null;
			const ci = wilson(n, d);
			return {
				fy,
				label: fyLabel(fy),
				month: `${fy + 1}-03`,
				numerator: n,
				denominator: d,
				percent: (n / d) * 100,
				lower: ci ? ci.lower * 100 : null,
				upper: ci ? ci.upper * 100 : null
			};
		})
		.filter((p): p is PublishedPoint => p != null);
	return { points, sources: points.length ? sourcesOf([...num, ...den]) : [] };
}

export function outcomePolarity(id: OutcomeId): Polarity {
	return DEFS[id].polarity;
}

export interface OutcomePoint {
	/** The window's last month, YYYY-MM. */
	month: string;
	/** "12 months to Mar 2024" */
	label: string;
	numerator: Cell;
	denominator: Cell;
	percent: Cell;
	lower: number | null;
	upper: number | null;
}

export interface OutcomeSeries {
	id: OutcomeId;
	area: string;
	cohort: string;
	/** Windows whose follow-up has closed by the data date, oldest first. */
	points: OutcomePoint[];
	/** The latest of them with a value or a suppressed one. */
	latest: OutcomePoint | null;
	/** Later windows (their last months) left out because their follow-up had not closed by the data date. */
	open: { months: string[]; dataDate: string } | null;
	direction: Direction;
	synthetic: boolean;
	/** Published figures for the area (NDTMS ViewIt, loaded as figures), a financial year each; and England's. */
	published: PublishedPoint[];
	england: PublishedPoint[];
	/** What the measure leads with: the latest period, the published figure where it and the records cover the same one. */
	headline: Headline | null;
	/** The headline against England's published figure for the same year, as Fingertips compares. */
	comparison: Comparison;
	sources: string[];
}

export interface PublishedPoint {
	fy: number;
	/** "2017-18" */
	label: string;
	/** The year's last month (YYYY-MM): the rolling window of the records that covers the same 12 months. */
	month: string;
	numerator: number;
	denominator: number;
	percent: number;
	lower: number | null;
	upper: number | null;
}

export interface Headline {
	basis: 'published' | 'records';
	month: string;
	/** "2017-18 (published)" or "12 months to Mar 2024" */
	label: string;
	percent: Cell;
	numerator: Cell;
	denominator: Cell;
	lower: number | null;
	upper: number | null;
	/** The records' figure for the same 12 months, beside a published headline. */
	records: OutcomePoint | null;
}

interface Raw {
	n: number;
	d: number;
	numerator: Cell;
	denominator: Cell;
	/** The share and its numerator are hidden: a part is small, or would give a sibling council's small part back. */
	hidden: boolean;
}

/** One area, cohort and window, with small numbers hidden (and a council's where its sibling's are). */
function raw(model: Model, area: string, cohort: string, id: OutcomeId, month: string, suppress: boolean): Raw | null {
	const def = DEFS[id];
	const part = (a: string, f: 'n' | 'd' | 'rest') => {
		const ix = indexOf(model);
		const r = ix.outcomes.get(`${a}|${cohort}|${month}`);
		if (!r) return null;
		const inTreatment = ix.inTreatment.get(`${a}|${cohort}|${month}`) ?? null;
		const n = def.numerator(r, inTreatment);
		const d = def.denominator(r, inTreatment);
		return f === 'n' ? n : f === 'd' ? d : n == null || d == null ? null : d - n;
	};
	const n = part(area, 'n');
	const d = part(area, 'd');
	if (n == null || d == null || d <= 0) return null;
	const cell = (f: 'n' | 'd' | 'rest') => suppressMemberCount(area, (a) => part(a, f), suppress);
	const numerator = cell('n');
	const denominator = cell('d');
	// The people not counted (denominator − numerator) are a count too: small, it hides the share and the numerator.
	const hidden = numerator.suppressed || denominator.suppressed || cell('rest').suppressed;
	return {
		n,
		d,
		numerator: { value: numerator.value, suppressed: numerator.suppressed },
		denominator: { value: denominator.value, suppressed: denominator.suppressed },
		hidden
	};
}

/**
 * A cohort's window as shown: the three cohorts' numerators add up to all adults', so where one cohort's is hidden
 * the next smallest is hidden too, or, with none to hide, all adults' (secondary suppression, as the substance
 * groups are against the adult total elsewhere).
 */
export function outcomeCell(model: Model, area: string, cohort: string, id: OutcomeId, month: string, suppress: boolean): Raw | null {
	const own = raw(model, area, cohort, id, month, suppress);
	if (!own || !suppress || own.hidden) return own;
	const cohorts = OUTCOME_COHORTS.filter((c) => c !== 'adults');
	const parts = cohorts.map((c) => (c === cohort ? own : raw(model, area, c, id, month, suppress)));
	const p = protectParts(
		parts.map((x) => ({ value: x?.n ?? null, suppressed: x?.hidden ?? false })),
		true
	);
	const hidden = cohort === 'adults' ? p.suppressTotal : p.parts[cohorts.indexOf(cohort as (typeof cohorts)[number])].suppressed;
	return hidden ? { ...own, hidden } : own;
}

/**
 * Lookups by area, group and month, and the series already made, per model: a page, the framework and the board
 * ask for the same series many times, and a switch of area or cohort must not scan the model's rows for each cell.
 */
interface Index {
	outcomes: Map<string, OutcomeRow>;
	inTreatment: Map<string, number>;
	series: Map<string, OutcomeSeries>;
}
const INDEX = new WeakMap<Model, Index>();

function indexOf(model: Model): Index {
	let ix = INDEX.get(model);
	if (!ix) {
		ix = {
			outcomes: new Map(model.outcomes.map((r) => [`${r.area}|${r.group}|${r.month}`, r])),
			inTreatment: new Map(model.monthly.map((r) => [`${r.area}|${r.group}|${r.month}`, r.in_treatment])),
			series: new Map()
		};
		INDEX.set(model, ix);
	}
	return ix;
}

export function outcomeSeries(model: Model, area: string, cohort: string, id: OutcomeId, suppress: boolean): OutcomeSeries {
	const ix = indexOf(model);
	const key = `${area}|${cohort}|${id}|${suppress}`;
	let s = ix.series.get(key);
	if (!s) ix.series.set(key, (s = makeSeries(model, area, cohort, id, suppress)));
	return s;
}

function makeSeries(model: Model, area: string, cohort: string, id: OutcomeId, suppress: boolean): OutcomeSeries {
	const def = DEFS[id];
	const rows = model.outcomes.filter((r) => r.area === area && r.group === cohort);
	const dataDate = model.dataDate;
	const closed = rows.filter((r) => dataDate != null && def.closes(r.month) <= dataDate);
	const points = closed
		.map((r): OutcomePoint | null => {
			const c = outcomeCell(model, area, cohort, id, r.month, suppress);
			if (!c) return null;
			const ci = c.hidden ? null : wilson(c.n, c.d);
			return {
				month: r.month,
				label: `12 months to ${fmtMonth(r.month)}`,
				numerator: c.hidden ? { value: null, suppressed: true } : c.numerator,
				denominator: c.denominator,
				percent: c.hidden ? { value: null, suppressed: true } : { value: (c.n / c.d) * 100, suppressed: false },
				lower: ci ? ci.lower * 100 : null,
				upper: ci ? ci.upper * 100 : null
			};
		})
		.filter((p): p is OutcomePoint => p != null);
	const later = rows.filter((r) => !closed.includes(r));
	const latest = [...points].reverse().find((p) => p.percent.value != null || p.percent.suppressed) ?? null;
	const published = publishedOutcome(model, area, cohort, id);
	const england = area === ENGLAND ? { points: [], sources: [] } : publishedOutcome(model, ENGLAND, cohort, id);
	const headline = headlineOf(latest, published.points, points);
	const eng = headline ? england.points.find((p) => p.month === headline.month) : undefined;
	return {
		id,
		area,
		cohort,
		points,
		latest,
		open: later.length && dataDate ? { months: later.map((r) => r.month), dataDate } : null,
		// Published and record years are never joined into one line: the direction follows what the headline is.
		direction: direction(headline?.basis === 'published' ? published.points.map((p) => p.percent) : points.map((p) => p.percent.value)),
		synthetic: rows.some((r) => r.synthetic),
		published: published.points,
		england: england.points,
		headline,
		comparison:
			headline && eng
				? compareWithEngland(
						{ value: headline.percent.value, lower: headline.lower, upper: headline.upper },
						{ value: eng.percent },
						def.polarity
					)
				: 'not_compared',
		sources: [...published.sources, ...england.sources]
	};
}

/** The latest period of either kind; where the published figure and the records cover the same 12 months, the published one. */
function headlineOf(latest: OutcomePoint | null, published: PublishedPoint[], points: OutcomePoint[]): Headline | null {
	const pub = published[published.length - 1];
	if (pub && (!latest || pub.month >= latest.month))
		return {
			basis: 'published',
			month: pub.month,
			label: `${pub.label} (published)`,
			percent: { value: pub.percent, suppressed: false },
			numerator: { value: pub.numerator, suppressed: false },
			denominator: { value: pub.denominator, suppressed: false },
			lower: pub.lower,
			upper: pub.upper,
			records: points.find((p) => p.month === pub.month) ?? null
		};
	return latest ? { basis: 'records', ...latest, records: null } : null;
}

const FOLLOW_UP_WORDS: Record<OutcomeId, string> = {
	completions: `their ${FOLLOW_UP_MONTHS}-month follow-up for re-presentations runs`,
	representations: `their ${FOLLOW_UP_MONTHS}-month follow-up for re-presentations runs`,
	early_exits: 'their 12-week follow-up for early exits runs',
	waits: 'they end'
};

/** "Not shown yet: the 12 months to Jun 2024 and to Sep 2024, whose …": the windows left out, and why. */
export function openNote(s: OutcomeSeries): string | null {
	if (!s.open) return null;
	const months = s.open.months.map(fmtMonth);
	const list = months.length === 1 ? months[0] : `${months.slice(0, -1).join(', to ')} and to ${months[months.length - 1]}`;
	return `Not shown yet: the 12 months to ${list}, as ${FOLLOW_UP_WORDS[s.id]} past the data date (${fmtDate(s.open.dataDate)}).`;
}
