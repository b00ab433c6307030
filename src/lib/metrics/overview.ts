/**
 * Headline measures for the overview scorecards and the four-area comparison: one entry per measure with
 * its latest value, target, gap, status, comparison with England, direction and a sparkline series.
 */
import type { Model } from './model';
import { yearComplete } from '$lib/data/periods';
import { trajectory } from './treatment';
import { continuity } from './continuity';
import { rehab } from './rehab';
import { countSeries, protectedDeaths } from './deaths';
import { suppressCount } from './suppression';
import type { Status } from './status';
import { direction, type Direction } from './trend';
import type { Comparison } from './compare';

export interface Headline {
	id: 'treatment' | 'continuity' | 'rehab' | 'deaths' | 'deaths_in_treatment';
	title: string;
	href: string;
	unit: 'count' | 'percent';
	period: string | null;
	value: number | null;
	suppressed: boolean;
	target: number | null;
	targetLabel: string | null;
	gap: number | null;
	status: Status;
	comparison: Comparison;
	direction: Direction;
	spark: { label: string; value: number | null }[];
	synthetic: boolean;
	basis: string;
}

export function headlines(model: Model, area: string, suppress: boolean): Headline[] {
	const t = trajectory(model, area, 'adults', suppress);
	const tRows = t.rows.filter((r) => !r.partial && r.actual.value != null);
	const tLatest = t.headlineRow;

	const c = continuity(model, area, suppress);
	const cLatest = c.latest;
	// Published before records, as on the continuity page.
	const cValue = cLatest ? (cLatest.reported ?? cLatest.percent.value) : null;
	const cTarget = cLatest ? (cLatest.plan ?? cLatest.ambition ?? 75) : null;

	const r = rehab(model, area, suppress);
	const rLatest = r.latest;

	// The Combating Drugs Outcomes Framework's headline: deaths related to drug misuse.
	const d = countSeries(model, area, 'drug_misuse_deaths');
	const dLatest = d.points[d.points.length - 1] ?? null;

	const dit = model.yearly.filter(
		(y) => y.area === area && y.group === 'adults' && model.dataDate != null && yearComplete(y.fy, model.dataDate)
	);
	const ditLatest = dit[dit.length - 1] ?? null;
	// The card's total is suppressed when it is small, or when it would give away a cohort's suppressed count.
	const ditCard =
		ditLatest && protectedDeaths(model, area, ditLatest.fy, suppress).suppressTotal
			? { value: null, suppressed: true }
			: suppressCount(ditLatest?.deaths_in_treatment ?? null, suppress);

	return [
		{
			id: 'treatment',
			title: 'Adults in treatment',
			href: '/treatment',
			unit: 'count',
			period: tLatest?.label ?? null,
			value: tLatest?.headline ?? null,
			suppressed: tLatest?.reported == null && (tLatest?.actual.suppressed ?? false),
			target: tLatest?.guide ?? null,
			targetLabel: tLatest?.guide != null ? 'guide trajectory' : null,
			gap: tLatest?.gap ?? null,
			status: tLatest?.status ?? 'no_target',
			comparison: 'not_compared',
			direction: direction(tRows.map((x) => x.actual.value)),
			spark: tRows.map((x) => ({ label: x.label, value: x.actual.value })),
			synthetic: t.synthetic && tLatest?.reported == null,
			basis: tLatest?.reported != null ? 'published figure' : t.synthetic ? 'records (synthetic)' : 'records'
		},
		{
			id: 'continuity',
			title: 'Continuity of care',
			href: '/continuity',
			unit: 'percent',
			period: cLatest?.label ?? null,
			value: cValue,
			suppressed: cLatest?.percent.suppressed ?? false,
			target: cTarget,
			targetLabel: cLatest?.plan != null ? 'local plan' : 'national ambition',
			gap: cValue != null && cTarget != null ? cValue - cTarget : null,
			status: cLatest?.status ?? 'no_target',
			comparison: cLatest?.comparison ?? 'not_compared',
			direction: direction(c.rows.filter((x) => !x.label.includes('to date')).map((x) => x.percent.value ?? x.reported)),
			spark: c.rows.filter((x) => !x.label.includes('to date')).map((x) => ({ label: x.label, value: x.percent.value ?? x.reported })),
			synthetic: c.synthetic && cLatest?.reported == null && cLatest?.percent.value != null,
			basis:
				cLatest?.reported == null && cLatest?.percent.value != null ? (c.synthetic ? 'records (synthetic)' : 'records') : 'published figure'
		},
		{
			id: 'rehab',
			title: 'Residential rehab starts',
			href: '/rehab',
			unit: 'percent',
			period: rLatest?.label ?? null,
			value: rLatest?.percent.value ?? null,
			suppressed: rLatest?.percent.suppressed ?? false,
			target: r.ambition,
			targetLabel: 'national ambition',
			gap: rLatest?.percent.value != null ? rLatest.percent.value - r.ambition : null,
			status: rLatest?.status ?? 'no_target',
			comparison: 'not_compared',
			direction: direction(r.rows.filter((x) => !x.partial).map((x) => x.percent.value)),
			spark: r.rows.filter((x) => !x.partial).map((x) => ({ label: x.label, value: x.percent.value })),
			synthetic: r.synthetic,
			basis: r.synthetic ? 'records (synthetic)' : 'records'
		},
		{
			id: 'deaths',
			title: 'Drug misuse deaths',
			href: '/deaths',
			unit: 'count',
			period: dLatest?.period ?? null,
			value: dLatest?.value ?? null,
			suppressed: false,
			target: null,
			targetLabel: null,
			gap: null,
			status: 'no_target',
			comparison: 'not_compared',
			direction: direction(d.points.map((p) => p.value)),
			spark: d.points.slice(-10).map((p) => ({ label: p.period, value: p.value })),
			synthetic: false,
			basis: 'ONS registrations'
		},
		{
			id: 'deaths_in_treatment',
			title: 'Deaths in treatment',
			href: '/deaths',
			unit: 'count',
			period: ditLatest ? `${ditLatest.fy}-${String((ditLatest.fy + 1) % 100).padStart(2, '0')}` : null,
			value: ditCard.value,
			suppressed: ditCard.suppressed,
			target: null,
			targetLabel: null,
			gap: null,
			status: 'no_target',
			comparison: 'not_compared',
			direction: direction(dit.map((y) => y.deaths_in_treatment)),
			spark: dit.map((y) => ({ label: String(y.fy), value: y.deaths_in_treatment })),
			synthetic: dit.some((y) => y.synthetic),
			basis: dit.some((y) => y.synthetic) ? 'records (synthetic)' : 'records'
		}
	];
}
