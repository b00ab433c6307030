/** Numbers in treatment against the grant's guide trajectory and the local plan, by financial year. */
import { trajectory } from '$lib/metrics/treatment';
import { treatmentSentence } from '$lib/metrics/sentences';
import { COHORT_DEFINITION } from '$lib/metrics/cohorts';
import { STATUS_RULE } from '$lib/metrics/status';
import { fmtCount } from '$lib/metrics/format';
import { capitalise, cohortText, defineMeasure, illustrative, statusText, RECORDS_SOURCE, span } from '../define';
import { trajectoryTable } from '../tables';

const TRAJECTORY_DEFINITION = `${COHORT_DEFINITION} Guide trajectory: the 2021-22 baseline plus the guide's additional places for the year; local plan: the baseline plus the plan's additional places. Gap = in treatment − guide trajectory. ${STATUS_RULE}`;

export default defineMeasure({
	id: 'trajectory',
	section: 'treatment',
	pages: ['overview', 'treatment'],
	slide: 2,
	multiples: true,
	cohorts: true,
	data: (ctx) => {
		const t = trajectory(ctx.model, ctx.area, ctx.cohort, ctx.suppress);
		const shown = t.rows.some((r) => r.actual.value != null || r.actual.suppressed || r.guide != null || r.reported != null);
		return shown ? t : null;
	},
	name: (_d, ctx) => `${capitalise(cohortText(ctx.cohort))} in treatment`,
	title: (_t, ctx) => `${ctx.name}: ${cohortText(ctx.cohort)} in treatment against the guide trajectory`,
	sentences: (t, ctx) => {
		const s = [illustrative(treatmentSentence(ctx.name, cohortText(ctx.cohort), t), t.synthetic && t.headlineRow?.reported == null)];
		const rep = [...t.rows].reverse().find((r) => r.reported != null);
		if (rep && rep !== t.headlineRow) s.push(`The published figure for ${rep.label} is ${fmtCount(rep.reported)}.`);
		const plan = [...t.rows].reverse().find((r) => r.plan != null && r.plan !== r.guide && !r.partial);
		if (plan && plan.actual.value != null) s.push(`The local plan for ${plan.label} was ${fmtCount(plan.plan)}.`);
		return s;
	},
	status: (t) => ({
		status: t.latest?.status ?? 'no_target',
		text: t.latest
			? statusText(`against the guide trajectory, ${t.latest.label}`, t.latest.statusWhy)
			: 'no guide trajectory is loaded for this area'
	}),
	period: (t) => `financial years ${span(t.rows.map((r) => r.label))}`,
	recordLevel: (_t, ctx) => ctx.model.yearly.some((r) => r.area === ctx.area && r.group === ctx.cohort),
	synthetic: (t) => t.synthetic,
	sources: (t) => [...t.sources, ...(t.synthetic ? [RECORDS_SOURCE] : [])],
	definition: () => TRAJECTORY_DEFINITION,
	table: (t, ctx) => trajectoryTable(`${ctx.name}: ${cohortText(ctx.cohort)} in treatment by financial year`, t.rows, t.synthetic),
	chart: (t) => ({ kind: 'trajectory', rows: t.rows }),
	alt: (_t, ctx, s) =>
		`Line chart of ${cohortText(ctx.cohort)} in treatment in ${ctx.name} by financial year against the guide trajectory and local plan. ${s[0]}`
});
