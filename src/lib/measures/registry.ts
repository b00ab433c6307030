/**
 * Every measure, in reading order (the report's order within each section, and each page's order). Pages,
 * the board and the report take their figures from here and nowhere else.
 */
import type { Ctx, Measure, MeasureSpec, PageId, SectionId } from './types';
import type { Model } from '$lib/metrics/model';
import { misuse, poisoning } from './deaths/registrations';
import englandDeaths from './deaths/england';
import grantDeaths from './deaths/grant';
import { misuseRate, poisoningRate, alcoholRate } from './deaths/rates';
import trajectory from './treatment/trajectory';
import youngPeople from './treatment/young-people';
import monthly from './treatment/monthly';
import presentations from './treatment/presentations';
import substances from './treatment/substances';
import progress from './treatment/progress';
import treatmentPerPopulation from './treatment/per-population';
import continuity from './continuity/yearly';
import continuityQuarters from './continuity/quarterly';
import rehab from './rehab/share';
import rehabPlan from './rehab/plan';
import deathsInTreatment from './deaths/in-treatment';
import workforce from './resources/workforce';
import investment from './resources/investment';
import allocations from './resources/allocations';
import contracts from './resources/contracts';
import fingertipsIndicators from './fingertips/indicator';
import outcomesFramework from './outcomes/framework';
import { completions, representations, earlyExits, waits } from './outcomes/recovery';
import completionsBySubstance from './outcomes/substance';
import unmetNeedAlcohol from './outcomes/unmet-need';
import unmetNeedOcu from './outcomes/unmet-need-ocu';

export const MEASURES: MeasureSpec[] = [
	outcomesFramework,
	misuse,
	misuseRate,
	poisoning,
	poisoningRate,
	englandDeaths,
	grantDeaths,
	alcoholRate,
	trajectory,
	youngPeople,
	monthly,
	presentations,
	substances,
	progress,
	treatmentPerPopulation,
	continuity,
	continuityQuarters,
	completions,
	completionsBySubstance,
	representations,
	earlyExits,
	waits,
	unmetNeedAlcohol,
	unmetNeedOcu,
	rehab,
	rehabPlan,
	deathsInTreatment,
	workforce,
	investment,
	allocations,
	contracts,
	fingertipsIndicators
];

export const SECTIONS: { id: SectionId; label: string }[] = [
	{ id: 'overview', label: 'Headline measures' },
	{ id: 'outcomes', label: 'Outcomes framework' },
	{ id: 'deaths', label: 'Drug and alcohol deaths' },
	{ id: 'treatment', label: 'Adults in treatment' },
	{ id: 'presentations', label: 'New presentations' },
	{ id: 'substances', label: 'Treatment by substance' },
	{ id: 'continuity', label: 'Continuity of care' },
	{ id: 'recovery', label: 'Recovery outcomes' },
	{ id: 'rehab', label: 'Residential rehab' },
	{ id: 'deaths_in_treatment', label: 'Deaths in treatment' },
	{ id: 'resources', label: 'Workforce and funding' },
	{ id: 'indicators', label: 'Other indicators from loaded files' },
	{ id: 'notes', label: 'Notes and definitions' }
];

/** Board and report are for sharing: they always suppress small numbers and show adults. */
export function sharedCtx(ctx: Pick<Ctx, 'model' | 'area'>): Ctx {
	return { ...ctx, cohort: 'adults', suppress: true };
}

/** The measures with each family expanded into its members for this model (one per loaded Fingertips indicator). */
export function specsFor(model: Model): MeasureSpec[] {
	return MEASURES.flatMap((s) => (s.expand ? s.expand(model) : [s]));
}

/** A page's measures; given the model, families are expanded into their members. */
export function forPage(page: PageId, model?: Model): MeasureSpec[] {
	return (model ? specsFor(model) : MEASURES).filter((m) => m.pages.includes(page));
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
	for (const spec of specsFor(ctx.model)) {
		if (spec.report === false) continue;
		const m = spec.build(sharedCtx(ctx));
		if (m) map.set(m.section, [...(map.get(m.section) ?? []), m]);
	}
	return map;
}
