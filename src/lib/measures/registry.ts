/**
 * Every measure, in reading order (the report's order within each section, and each page's order). Pages,
 * the board and the report take their figures from here and nowhere else.
 */
import type { Ctx, Measure, MeasureSpec, PageId, SectionId } from './types';
import poisoning from './deaths/poisoning';
import poisoningEngland from './deaths/england';
import grantDeaths from './deaths/grant';
import { misuseRate, alcoholRate } from './deaths/rates';
import trajectory from './treatment/trajectory';
import monthly from './treatment/monthly';
import presentations from './treatment/presentations';
import substances from './treatment/substances';
import progress from './treatment/progress';
import continuity from './continuity/yearly';
import continuityQuarters from './continuity/quarterly';
import rehab from './rehab/share';
import rehabPlan from './rehab/plan';
import deathsInTreatment from './deaths/in-treatment';
import workforce from './resources/workforce';
import investment from './resources/investment';
import allocations from './resources/allocations';
import contracts from './resources/contracts';

export const MEASURES: MeasureSpec[] = [
	poisoning,
	poisoningEngland,
	grantDeaths,
	misuseRate,
	alcoholRate,
	trajectory,
	monthly,
	presentations,
	substances,
	progress,
	continuity,
	continuityQuarters,
	rehab,
	rehabPlan,
	deathsInTreatment,
	workforce,
	investment,
	allocations,
	contracts
];

export const SECTIONS: { id: SectionId; label: string }[] = [
	{ id: 'overview', label: 'Headline measures' },
	{ id: 'deaths', label: 'Drug and alcohol deaths' },
	{ id: 'treatment', label: 'Adults in treatment' },
	{ id: 'presentations', label: 'New presentations' },
	{ id: 'substances', label: 'Treatment by substance' },
	{ id: 'continuity', label: 'Continuity of care' },
	{ id: 'rehab', label: 'Residential rehab' },
	{ id: 'deaths_in_treatment', label: 'Deaths in treatment' },
	{ id: 'resources', label: 'Workforce and funding' },
	{ id: 'notes', label: 'Notes and definitions' }
];

/** Board and report are for sharing: they always suppress small numbers and show adults. */
export function sharedCtx(ctx: Pick<Ctx, 'model' | 'area'>): Ctx {
	return { ...ctx, cohort: 'adults', suppress: true };
}

export function forPage(page: PageId): MeasureSpec[] {
	return MEASURES.filter((m) => m.pages.includes(page));
}

/** The measures of the board deck for an area, in slide order, each with data. */
export function forSlides(ctx: Pick<Ctx, 'model' | 'area'>): Measure[] {
	return MEASURES.filter((m) => m.slide != null)
		.sort((a, b) => (a.slide ?? 0) - (b.slide ?? 0))
		.map((m) => m.build(sharedCtx(ctx)))
		.filter((m): m is Measure => m != null);
}

/** The report's figures for an area, grouped by section in the report's order. */
export function bySection(ctx: Pick<Ctx, 'model' | 'area'>): Map<SectionId, Measure[]> {
	const map = new Map<SectionId, Measure[]>();
	for (const spec of MEASURES) {
		if (spec.report === false) continue;
		const m = spec.build(sharedCtx(ctx));
		if (m) map.set(m.section, [...(map.get(m.section) ?? []), m]);
	}
	return map;
}
