/**
 * The recovery measures, each for the 12 months to every quarter end from the record-level journeys and for each
 * financial year where a published figure is loaded (NDTMS ViewIt): successful completions not re-presenting
 * (PHOF C19), re-presentations, early unplanned exits and waits over 3 weeks. Published before records: where both
 * cover the same 12 months, the published figure is the headline and the records sit beside it.
 */
import { OUTCOME_DEFINITIONS, PHOF_CODE, openNote, outcomeSeries, type OutcomeId, type OutcomeSeries } from '$lib/metrics/outcomes';
import { DIRECTION_LABEL } from '$lib/metrics/trend';
import { COMPARISON_LABEL, COMPARISON_RULE } from '$lib/metrics/compare';
import { fmtCount, fmtMonth, fmtPct, MISSING } from '$lib/metrics/format';
import type { Series } from '$lib/charts/types';
import type { MeasureSpec } from '../types';
import { capitalise, cohortText, defineMeasure, illustrative, LOADED_RECORDS_SOURCE, RECORDS_SOURCE } from '../define';

interface Words {
	id: string;
	outcome: OutcomeId;
	name: string;
	/** "successful completions not re-presenting within 6 months" */
	title: string;
	numerator: string;
	denominator: (cohort: string) => string;
	/** The first sentence: `who` is "312 of 2,089 adults in treatment", `when` "the 12 months to Mar 2024" or "2017-18". */
	sentence: (who: string, pct: string, area: string, when: string) => string;
	yLabel: string;
	slide?: number;
	half?: boolean;
}

const pct1 = (v: number | null, suppressed = false) => fmtPct(v, suppressed, 1);
const interval = (lower: number | null, upper: number | null) =>
	lower != null && upper != null ? `${pct1(lower)} to ${pct1(upper)}` : MISSING;
/** A published year's last month, where the records' window of the same 12 months ends, reads as its year. */
const categoryLabel = (s: OutcomeSeries) => (m: string) => s.published.find((p) => p.month === m)?.label ?? fmtMonth(m);

const PUBLISHED_NOTE =
	'Published figures: NDTMS ViewIt, the share computed from its counts (rounded to the nearest 5 by NDTMS, so the interval is approximate), for the financial year; records: the same definition counted from the journeys.';

function recovery(w: Words): MeasureSpec {
	const definition = `${OUTCOME_DEFINITIONS[w.outcome]} ${PUBLISHED_NOTE} ${COMPARISON_RULE}`;
	return defineMeasure<OutcomeSeries>({
		id: w.id,
		name: (_s, ctx) => (ctx.cohort === 'adults' ? w.name : `${w.name}: ${cohortText(ctx.cohort)}`),
		section: 'recovery',
		pages: ['recovery'],
		slide: w.slide,
		half: w.half,
		cohorts: true,
		data: (ctx) => {
			const s = outcomeSeries(ctx.model, ctx.area, ctx.cohort, w.outcome, ctx.suppress);
			return s.headline ? s : null;
		},
		title: (_s, ctx) => `${ctx.name}: ${w.title}, ${cohortText(ctx.cohort)}`,
		sentences: (s, ctx) => {
			const h = s.headline!;
			const out: string[] = [];
			const when = h.basis === 'published' ? h.label.replace(' (published)', '') : `the ${h.label}`;
			const who = h.percent.suppressed
				? `a small number of the ${fmtCount(h.denominator.value, h.denominator.suppressed)} ${w.denominator(ctx.cohort)}`
				: `${fmtCount(h.numerator.value)} of ${fmtCount(h.denominator.value, h.denominator.suppressed)} ${w.denominator(ctx.cohort)}`;
			const pct = h.percent.suppressed
				? '* (suppressed: a small number)'
				: `${pct1(h.percent.value)}${h.lower != null ? ` (95% CI ${interval(h.lower, h.upper)})` : ''}`;
			const first = w.sentence(who, pct, ctx.name, when);
			out.push(h.basis === 'published' ? `${first.replace(/\.$/, '')}, as published.` : illustrative(first, s.synthetic));
			if (h.records)
				out.push(
					illustrative(
						`The record-level data give ${pct1(h.records.percent.value, h.records.percent.suppressed)} for the same 12 months.`,
						s.synthetic
					)
				);
			const eng = s.england.find((p) => p.month === h.month);
			if (eng) {
				const cmp = COMPARISON_LABEL[s.comparison];
				out.push(`England: ${pct1(eng.percent)} (${eng.label}); ${cmp.charAt(0).toLowerCase()}${cmp.slice(1)}.`);
			}
			if (s.direction !== 'not_enough_data')
				out.push(
					`Over the last three ${h.basis === 'published' ? 'years' : 'quarters'} shown: ${DIRECTION_LABEL[s.direction].toLowerCase()} (a description, not a test).`
				);
			const open = openNote(s);
			if (open) out.push(open);
			const code = PHOF_CODE[ctx.cohort];
			if (w.outcome === 'completions' && code) out.push(`This is PHOF ${code}.`);
			return out;
		},
		status: (s) => ({
			status: 'no_target',
			text: s.england.length ? 'no target is set; compared with England' : 'no target is set; no England figure is loaded to compare with',
			comparison: s.comparison
		}),
		period: (s) => {
			const parts: string[] = [];
			if (s.points.length)
				parts.push(
					`records: 12 months to each quarter end, ${fmtMonth(s.points[0].month)} to ${fmtMonth(s.points[s.points.length - 1].month)}${s.open ? ' (later quarters still being followed up)' : ''}`
				);
			if (s.published.length)
				parts.push(`published: financial years ${s.published[0].label} to ${s.published[s.published.length - 1].label}`);
			return parts.join('; ');
		},
		recordLevel: (s) => s.points.length > 0,
		synthetic: (s) => s.synthetic && s.points.length > 0,
		sources: (s) => [...s.sources, ...(s.points.length ? [s.synthetic ? RECORDS_SOURCE : LOADED_RECORDS_SOURCE] : [])],
		definition: () => definition,
		table: (s, ctx) => {
			const note = openNote(s);
			const months = [...new Set([...s.points.map((p) => p.month), ...s.published.map((p) => p.month)])].sort();
			const label = categoryLabel(s);
			return {
				caption: `${ctx.name}: ${w.title}, ${cohortText(ctx.cohort)}`,
				columns: [
					{ key: 'window', label: '12 months to' },
					{ key: 'numerator', label: capitalise(w.numerator), numeric: true },
					{ key: 'denominator', label: capitalise(w.denominator(ctx.cohort)), numeric: true },
					{ key: 'percent', label: '%', numeric: true },
					{ key: 'ci', label: '95% CI', numeric: true },
					...(s.published.length ? [{ key: 'published', label: 'Published %', numeric: true }] : []),
					...(s.england.length ? [{ key: 'england', label: 'England (published) %', numeric: true }] : [])
				],
				rows: months.map((m) => {
					const p = s.points.find((x) => x.month === m);
					const pub = s.published.find((x) => x.month === m);
					const eng = s.england.find((x) => x.month === m);
					return {
						window: pub ? `${fmtMonth(m)} (${label(m)})` : fmtMonth(m),
						numerator: p ? fmtCount(p.numerator.value, p.numerator.suppressed) : MISSING,
						denominator: p ? fmtCount(p.denominator.value, p.denominator.suppressed) : MISSING,
						percent: p ? pct1(p.percent.value, p.percent.suppressed) : MISSING,
						ci: p ? interval(p.lower, p.upper) : MISSING,
						...(s.published.length ? { published: pub ? pct1(pub.percent) : MISSING } : {}),
						...(s.england.length ? { england: eng ? pct1(eng.percent) : MISSING } : {})
					};
				}),
				notes: [...(s.published.length ? [PUBLISHED_NOTE] : []), ...(note ? [note] : [])]
			};
		},
		chart: (s, ctx) => {
			const categories = [
				...new Set([...s.points.map((p) => p.month), ...s.published.map((p) => p.month), ...s.england.map((p) => p.month)])
			].sort();
			const series: Series[] = [];
			if (s.points.length)
				series.push({
					id: 'records',
					label: s.published.length ? 'Records' : capitalise(cohortText(ctx.cohort)),
					color: 'var(--c-series-1)',
					band: true,
					points: s.points.map((p) => ({
						x: p.month,
						y: p.percent.value,
						lower: p.lower,
						upper: p.upper,
						suppressed: p.percent.suppressed
					}))
				});
			if (s.published.length)
				series.push({
					id: 'published',
					label: 'Published figure',
					color: 'var(--c-series-3)',
					marker: 'diamond',
					line: false,
					points: s.published.map((p) => ({ x: p.month, y: p.percent, lower: p.lower, upper: p.upper }))
				});
			if (s.england.length)
				series.push({
					id: 'england',
					label: 'England',
					color: 'var(--c-england)',
					marker: 'square',
					line: false,
					points: s.england.map((p) => ({ x: p.month, y: p.percent }))
				});
			return {
				kind: 'line',
				categories,
				xFormat: categoryLabel(s),
				xEvery: s.points.length ? 4 : 1,
				format: (v) => pct1(v),
				yLabel: w.yLabel,
				series
			};
		},
		alt: (s, ctx, sentences) =>
			`Line chart of ${w.title} in ${ctx.name}, ${cohortText(ctx.cohort)}${s.points.length ? ', for the 12 months to each quarter end with a 95% confidence band' : ''}${s.published.length ? ', with the published figure for each financial year' : ''}${s.england.length ? ' and England' : ''}. ${sentences[0] ?? ''}`
	});
}

const inTreatment = (cohort: string) => `${cohortText(cohort)} in treatment`;

export const completions = recovery({
	id: 'completions',
	outcome: 'completions',
	name: 'Successful completions',
	title: 'successful completions not re-presenting within 6 months',
	numerator: 'completed, not re-presenting',
	denominator: inTreatment,
	sentence: (who, pct, area, when) =>
		`In ${when}, ${who} in ${area} left treatment successfully and did not re-present within 6 months: ${pct}.`,
	yLabel: '% of people in treatment',
	slide: 3.4
});

export const representations = recovery({
	id: 'representations',
	outcome: 'representations',
	name: 'Re-presentations',
	title: 're-presentations within 6 months of a successful completion',
	numerator: 're-presented',
	denominator: (cohort) => `${cohortText(cohort)} who completed successfully`,
	sentence: (who, pct, area, when) => `In ${when}, ${who} in ${area} came back into treatment within 6 months: ${pct}.`,
	yLabel: '% of successful completions',
	half: true
});

export const earlyExits = recovery({
	id: 'early-exits',
	outcome: 'early_exits',
	name: 'Early unplanned exits',
	title: 'unplanned exits within 12 weeks of starting treatment',
	numerator: 'left unplanned within 12 weeks',
	denominator: (cohort) => `${cohortText(cohort)} starting treatment`,
	sentence: (who, pct, area, when) => `In ${when}, ${who} in ${area} left in an unplanned way within 12 weeks: ${pct}.`,
	yLabel: '% of people starting treatment',
	slide: 3.7,
	half: true
});

export const waits = recovery({
	id: 'waits',
	outcome: 'waits',
	name: 'Waits over 3 weeks',
	title: 'waits over 3 weeks from referral to starting treatment',
	numerator: 'waited over 3 weeks',
	denominator: (cohort) => `${cohortText(cohort)} starting treatment with a referral date`,
	sentence: (who, pct, area, when) => `In ${when}, ${who} in ${area} waited over 3 weeks from referral to starting treatment: ${pct}.`,
	yLabel: '% of people starting treatment',
	slide: 3.6,
	half: true
});
