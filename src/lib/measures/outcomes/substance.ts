/** Successful completions by substance for the latest 12 months with a closed follow-up: PHOF C19a, C19b and C19c. */
import { OUTCOME_COHORTS, OUTCOME_DEFINITIONS, PHOF_CODE, openNote, outcomeSeries } from '$lib/metrics/outcomes';
import { cohortLabel } from '$lib/metrics/cohorts';
import { fmtCount, fmtPct, MISSING } from '$lib/metrics/format';
import { defineMeasure, illustrative, LOADED_RECORDS_SOURCE, RECORDS_SOURCE } from '../define';

const label = (cohort: string) => (PHOF_CODE[cohort] ? `${cohortLabel(cohort)} (${PHOF_CODE[cohort]})` : cohortLabel(cohort));

export default defineMeasure({
	id: 'completions-substance',
	name: 'Successful completions by substance',
	section: 'recovery',
	pages: ['recovery'],
	slide: 3.5,
	data: (ctx) => {
		const all = OUTCOME_COHORTS.map((c) => outcomeSeries(ctx.model, ctx.area, c, 'completions', ctx.suppress));
		const h = all[0].headline;
		if (!h) return null;
		// Published before records: the year's published figures where the headline is published, else the records.
		const published = h.basis === 'published';
		const rows = all.map((s) => {
			const pub = s.published.find((p) => p.month === h.month);
			const rec = s.points.find((p) => p.month === h.month) ?? null;
			const cell = published
				? pub
					? {
							numerator: { value: pub.numerator, suppressed: false },
							denominator: { value: pub.denominator, suppressed: false },
							percent: { value: pub.percent, suppressed: false },
							lower: pub.lower,
							upper: pub.upper
						}
					: null
				: rec;
			return { cohort: s.cohort, point: cell, england: s.england.find((p) => p.month === h.month)?.percent ?? null };
		});
		return {
			month: h.month,
			window: published ? h.label : `the ${h.label}`,
			rows,
			series: all[0],
			published,
			synthetic: !published && all.some((s) => s.synthetic),
			sources: [...new Set(all.flatMap((s) => s.sources))]
		};
	},
	title: (d, ctx) => `${ctx.name}: successful completions not re-presenting within 6 months by substance, ${d.window.replace(/^the /, '')}`,
	sentences: (d, ctx) => {
		const shown = d.rows.filter((r) => r.cohort !== 'adults' && r.point);
		const parts = shown.map(
			(r) => `${cohortLabel(r.cohort).toLowerCase()} ${fmtPct(r.point!.percent.value, r.point!.percent.suppressed, 1)}`
		);
		const s = [
			illustrative(
				`In ${d.window}, the share of people in treatment in ${ctx.name} who left successfully and did not re-present within 6 months was ${parts.join(', ')}.`,
				d.synthetic
			),
			'Treatment differs by substance in length and aims: compare each group with its own England figure, not with the other groups.'
		];
		const note = openNote(d.series);
		if (note) s.push(note);
		return s;
	},
	noTarget: 'no target is set',
	period: (d) => `${d.window.replace(/^the /, '')}, followed up for 6 months`,
	recordLevel: (d) => !d.published,
	synthetic: (d) => d.synthetic,
	sources: (d) => [...d.sources, ...(d.published ? [] : [d.synthetic ? RECORDS_SOURCE : LOADED_RECORDS_SOURCE])],
	definition: () => OUTCOME_DEFINITIONS.completions,
	table: (d, ctx) => ({
		caption: `${ctx.name}: successful completions not re-presenting within 6 months by substance, ${d.window.replace(/^the /, '')}`,
		columns: [
			{ key: 'group', label: 'Substance group' },
			{ key: 'numerator', label: 'Completed, not re-presenting', numeric: true },
			{ key: 'denominator', label: 'In treatment', numeric: true },
			{ key: 'percent', label: '%', numeric: true },
			{ key: 'ci', label: '95% CI', numeric: true },
			...(d.rows.some((r) => r.england != null) ? [{ key: 'england', label: 'England (published) %', numeric: true }] : [])
		],
		rows: d.rows.map((r) => {
			const p = r.point;
			return {
				group: label(r.cohort),
				numerator: p ? fmtCount(p.numerator.value, p.numerator.suppressed) : MISSING,
				denominator: p ? fmtCount(p.denominator.value, p.denominator.suppressed) : MISSING,
				percent: p ? fmtPct(p.percent.value, p.percent.suppressed, 1) : MISSING,
				ci: p && p.lower != null && p.upper != null ? `${fmtPct(p.lower, false, 1)} to ${fmtPct(p.upper, false, 1)}` : MISSING,
				...(d.rows.some((x) => x.england != null) ? { england: fmtPct(r.england, false, 1) } : {})
			};
		}),
		notes: []
	}),
	chart: (d, ctx) => ({
		kind: 'bar',
		rows: d.rows.map((r) => ({
			label: label(r.cohort),
			values: [
				{
					series: 'local',
					value: r.point?.percent.value ?? null,
					suppressed: r.point?.percent.suppressed,
					lower: r.point?.lower,
					upper: r.point?.upper
				},
				...(d.rows.some((x) => x.england != null) ? [{ series: 'england', value: r.england }] : [])
			]
		})),
		series: [
			{ id: 'local', label: ctx.name, color: 'var(--c-series-1)' },
			...(d.rows.some((x) => x.england != null) ? [{ id: 'england', label: 'England', color: 'var(--c-england)', hatch: true }] : [])
		],
		format: (v) => fmtPct(v, false, 1),
		missingText: 'no data'
	}),
	alt: (d, ctx, s) =>
		`Bar chart of successful completions not re-presenting within 6 months as a percentage of people in treatment in ${ctx.name} by substance group, ${d.window}, with 95% confidence intervals. ${s[0]}`
});
