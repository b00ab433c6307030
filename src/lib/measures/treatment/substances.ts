/** Adults in treatment by substance group: the published breakdown beside the record-level count. */
import { figures, sourcesOf } from '$lib/metrics/figures';
import { SUBSTANCES } from '$lib/metrics/cohorts';
import { protectParts, SECONDARY_NOTE } from '$lib/metrics/suppression';
import { suppressMemberCount } from '$lib/metrics/siblings';
import { fmtCount, fy } from '$lib/metrics/format';
import { yearComplete } from '$lib/data/periods';
import { defineMeasure, RECORDS_SOURCE, illustrative } from '../define';

export default defineMeasure({
	id: 'substances',
	name: 'Adults in treatment by substance',
	section: 'substances',
	pages: ['treatment'],
	slide: 8,
	half: true,
	data: (ctx) => {
		const { model, area } = ctx;
		const published = figures(model, { area, metric: 'numbers_in_treatment' }).filter((f) => SUBSTANCES.some((s) => s.id === f.cohort));
		const complete = model.yearly.filter((r) => r.area === area && r.group === 'adults' && yearComplete(r.fy, model.dataDate));
		const year = published[0] ? Number(published[0].start.slice(0, 4)) : complete[complete.length - 1]?.fy;
		if (year == null) return null;
		const count = (group: string, a = area) =>
			model.yearly.find((r) => r.area === a && r.group === group && r.fy === year)?.in_treatment ?? null;
		// The groups add up to the adults in treatment shown on the trajectory: protect a lone suppressed group.
		const { parts } = protectParts(
			SUBSTANCES.map((s) => suppressMemberCount(area, (a) => count(s.id, a), ctx.suppress)),
			ctx.suppress && count('adults') != null
		);
		const rows = SUBSTANCES.map((s, i) => ({
			label: s.label,
			records: parts[i],
			published: published.find((f) => f.cohort === s.id)?.value ?? null
		})).filter((r) => r.records.value != null || r.records.suppressed || r.published != null);
		if (!rows.length) return null;
		return { year, rows, published, synthetic: model.yearly.some((r) => r.area === area && r.synthetic) };
	},
	title: (d, ctx) => `${ctx.name}: adults in treatment by substance, ${fy(d.year)}`,
	sentences: (d, ctx) => {
		const key = (r: (typeof d.rows)[number]) => r.published ?? r.records.value ?? -1;
		const top = d.rows.reduce((a, b) => (key(b) > key(a) ? b : a));
		const s = [
			illustrative(
				`In ${fy(d.year)}, the largest substance group among adults in treatment in ${ctx.name} was ${top.label.toLowerCase()} (${fmtCount(key(top))}${d.published.length ? ' published' : ''}).`,
				d.synthetic && !d.published.length
			)
		];
		if (d.published.length)
			s.push('The published breakdown (rounded) is shown beside the count from the record-level data for the same year.');
		return s;
	},
	period: (d) => `financial year ${fy(d.year)}`,
	recordLevel: () => true,
	synthetic: (d) => d.synthetic,
	sources: (d) => [...sourcesOf(d.published), ...(d.synthetic ? [RECORDS_SOURCE] : [])],
	definition: () => 'Adults in structured treatment at any time in the year, by the substance group recorded at triage.',
	table: (d, ctx) => ({
		caption: `${ctx.name}: adults in treatment by substance group, ${fy(d.year)}`,
		columns: [
			{ key: 'group', label: 'Substance group' },
			{ key: 'records', label: 'Records', numeric: true },
			...(d.published.length ? [{ key: 'pub', label: 'Published (rounded)', numeric: true }] : [])
		],
		rows: d.rows.map((r) => ({ group: r.label, records: fmtCount(r.records.value, r.records.suppressed), pub: fmtCount(r.published) })),
		notes: d.rows.some((r) => r.records.secondary) ? [SECONDARY_NOTE] : []
	}),
	chart: (d) => ({
		kind: 'bar',
		rows: d.rows.map((r) => ({
			label: r.label,
			values: [
				{ series: 'records', value: r.records.value, suppressed: r.records.suppressed },
				...(d.published.length ? [{ series: 'published', value: r.published }] : [])
			]
		})),
		series: [
			{ id: 'records', label: 'Records', color: 'var(--c-series-1)' },
			...(d.published.length ? [{ id: 'published', label: 'Published (rounded)', color: 'var(--c-series-2)', hatch: true }] : [])
		],
		format: (v) => fmtCount(v),
		missingText: d.published.length ? 'not published' : 'no data'
	}),
	alt: (d, ctx, s) => `Bar chart of adults in treatment in ${ctx.name} by substance group, ${fy(d.year)}. ${s[0]}`
});
