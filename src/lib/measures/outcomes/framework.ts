/** The national Combating Drugs Outcomes Framework as rows: what measures each outcome, and where the area stands. */
import { FRAMEWORK_SOURCE, frameworkRows, outcomesFramework, type ScoreGroup } from '$lib/metrics/outcomes-framework';
import { STATUS_LABEL, STATUS_RULE, statusLabel } from '$lib/metrics/status';
import { DIRECTION_LABEL } from '$lib/metrics/trend';
import { COMPARISON_LABEL } from '$lib/metrics/compare';
import { MISSING } from '$lib/metrics/format';
import { defineMeasure, illustrative, LOADED_RECORDS_SOURCE, RECORDS_SOURCE } from '../define';

const TIER = { strategic: 'strategic outcome', intermediate: 'intermediate outcome', grant: 'grant condition' };

export const FRAMEWORK_DEFINITION = `Each outcome of the national Combating Drugs Outcomes Framework with the measures the framework gives for it. For each measure the dashboard can show: the latest figure for the area and its period, England's where a published figure is loaded (compared as Fingertips does: England's value against the local 95% confidence interval), the target or ambition where one is set, the direction over the last three periods (a description, not a test) and the status under the one status rule. ${STATUS_RULE} Measures the loaded data cannot show name the data that would show them. After the framework's own measures come the recovery measures counted from the journeys and the treatment grant's own conditions.`;

export default defineMeasure({
	id: 'outcomes-framework',
	name: 'Outcomes framework',
	section: 'outcomes',
	pages: ['outcomes'],
	slide: 20,
	data: (ctx) => {
		const groups: ScoreGroup[] = outcomesFramework(ctx.model, ctx.area, ctx.suppress);
		const rows = frameworkRows(groups);
		return { groups, rows, synthetic: rows.some((r) => r.illustrative && r.value != null) };
	},
	title: (_d, ctx) => `${ctx.name}: the national Combating Drugs Outcomes Framework`,
	sentences: (d, ctx) => {
		const shown = d.rows.filter((r) => r.value != null);
		const needed = d.rows.filter((r) => r.value == null);
		const s = [
			`The loaded data show ${shown.length} of the ${d.rows.length} measures listed for ${ctx.name}${needed.length ? `; the other ${needed.length} need data the dashboard does not hold` : ''}.`
		];
		const targeted = shown.filter((r) => r.status !== 'no_target');
		if (targeted.length) {
			const counts = (['on_track', 'at_risk', 'off_track'] as const)
				.map((st) => ({ st, n: targeted.filter((r) => r.status === st).length }))
				.filter((x) => x.n)
				.map((x) => `${x.n} ${STATUS_LABEL[x.st].toLowerCase()}`);
			s.push(
				illustrative(
					`Of the ${targeted.length} with a target: ${counts.join(', ')} (${targeted.map((r) => `${r.short} ${STATUS_LABEL[r.status].toLowerCase()}`).join('; ')}).`,
					targeted.some((r) => r.illustrative)
				)
			);
		}
		if (needed.length)
			s.push(`Not in the loaded data: ${needed.map((r) => r.short).join(', ')}; each row names the data that would show it.`);
		return s;
	},
	noTarget: 'each measure’s status is in its row',
	period: () => 'the latest period of each measure, given in its row',
	recordLevel: (_d, ctx) => ctx.model.yearly.some((r) => r.area === ctx.area) || ctx.model.continuity.some((r) => r.area === ctx.area),
	synthetic: (d) => d.synthetic,
	sources: (d) => [
		FRAMEWORK_SOURCE,
		...(d.synthetic ? [RECORDS_SOURCE] : d.rows.some((r) => r.value != null) ? [LOADED_RECORDS_SOURCE] : [])
	],
	definition: () => FRAMEWORK_DEFINITION,
	table: (d, ctx) => ({
		caption: `${ctx.name}: the Combating Drugs Outcomes Framework, latest figures`,
		columns: [
			{ key: 'outcome', label: 'Outcome' },
			{ key: 'measure', label: 'Measured by' },
			{ key: 'value', label: 'Latest', numeric: true },
			{ key: 'period', label: 'Period' },
			{ key: 'england', label: 'England', numeric: true },
			{ key: 'target', label: 'Target or ambition' },
			{ key: 'direction', label: 'Direction' },
			{ key: 'status', label: 'Status' },
			{ key: 'why', label: 'Rule applied, or data needed' }
		],
		rows: d.groups.flatMap((g) =>
			g.rows.map((r) => ({
				outcome: `${g.label} (${TIER[g.tier]})`,
				measure: r.measure,
				value: r.value ?? 'not in the loaded data',
				period: r.period ?? MISSING,
				england:
					r.england == null
						? MISSING
						: r.comparison !== 'not_compared'
							? `${r.england} (${COMPARISON_LABEL[r.comparison].toLowerCase()})`
							: r.england,
				target: r.value == null ? MISSING : (r.target ?? 'none set'),
				direction: r.value == null ? MISSING : DIRECTION_LABEL[r.direction],
				status: r.value == null || r.status === 'no_target' ? MISSING : statusLabel(r.status, r.illustrative),
				why: r.value == null ? `Would be shown by: ${r.needs}` : (r.statusWhy ?? MISSING)
			}))
		),
		notes: []
	}),
	chart: (d) => ({ kind: 'scorecard', groups: d.groups }),
	alt: (_d, ctx, s) =>
		`Table of the Combating Drugs Outcomes Framework for ${ctx.name}: each outcome's measures with the latest figure, England, target, direction and status. ${s.join(' ')}`
});
