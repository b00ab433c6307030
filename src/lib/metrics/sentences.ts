/** Plain-English one-sentence summaries computed from the data, for captions, slides and the report. */
import { fmtCount, fmtPct } from './format';
import type { Trajectory } from './treatment';
import type { Continuity } from './continuity';
import { COMPARISON_LABEL } from './compare';

export function treatmentSentence(areaName: string, cohortText: string, t: Trajectory): string {
	const l = t.latest;
	if (l && l.headline != null && l.guide != null && l.gap != null) {
		const side = l.gap >= 0 ? 'above' : 'below';
		const published = l.reported != null ? ' (published figure)' : '';
		return `${areaName} had ${fmtCount(l.headline)} ${cohortText} in treatment in ${l.label}${published}, ${fmtCount(Math.abs(l.gap))} ${side} the guide trajectory of ${fmtCount(l.guide)}.`;
	}
	const last = t.headlineRow;
	if (last && last.headline == null)
		return `${areaName}'s count of ${cohortText} in treatment in ${last.label} is suppressed (fewer than 5).`;
	if (last)
		return `${areaName} had ${fmtCount(last.headline)} ${cohortText} in treatment in ${last.label}${last.reported != null ? ' (published figure)' : ''}; no guide trajectory is loaded for this area.`;
	return `No numbers in treatment are loaded for ${areaName}.`;
}

export function continuitySentence(areaName: string, c: Continuity): string {
	const l = c.latest;
	if (!l) return `No continuity of care data is loaded for ${areaName}.`;
	// Published before records: the published figure is the headline where there is one.
	const published = l.reported != null;
	const value = l.reported ?? l.percent.value;
	if (!published && l.percent.suppressed) return `${areaName}'s continuity of care in ${l.label} is suppressed (small numbers).`;
	const parts = [
		`In ${l.label}, ${fmtPct(value)} of prison leavers with a treatment need in ${areaName} engaged with community treatment within 3 weeks${published ? ' (published figure)' : ''}`
	];
	if (!published && l.numerator != null && l.denominator != null) parts[0] += ` (${fmtCount(l.numerator)} of ${fmtCount(l.denominator)})`;
	const against: string[] = [];
	if (l.plan != null) against.push(`the local plan of ${fmtPct(l.plan)}`);
	if (l.england != null) against.push(`England's ${fmtPct(l.england)}`);
	if (l.ambition != null) against.push(`the ${fmtPct(l.ambition)} national ambition`);
	let s = parts[0] + (against.length ? `, against ${against.join(', ')}` : '') + '.';
	if (!published && l.comparison !== 'not_compared')
		s += ` ${COMPARISON_LABEL[l.comparison]} (England's value against the local 95% interval).`;
	return s;
}
