/**
 * What each prerendered route draws from the model, so that its page carries only that data (issue 14): the
 * measure pages it lists, plus the overview's cards and comparison table. Board, report and the indicators page
 * carry the whole model; the data and explorer pages none of the tables (they show files and areas only).
 */
import type { Model } from '$lib/metrics/model';
import { subsetReadBy } from '$lib/metrics/subset';
import { COHORTS } from '$lib/metrics/cohorts';
import { CDPS, ENGLAND } from '$lib/data/areas';
import { forPage } from './registry';
import { comparisonTable, headlines } from './overview';
import type { PageId } from './types';

export const ROUTE_PAGES = {
	'/': ['overview'],
	'/deaths': ['deaths'],
	'/treatment': ['treatment'],
	'/continuity': ['continuity'],
	'/rehab': ['rehab'],
	'/outcomes': ['outcomes', 'recovery'],
	'/resources': ['resources'],
	'/data': [],
	'/explore': []
} satisfies Record<string, PageId[]>;

export type SubsetRoute = keyof typeof ROUTE_PAGES;

/** Every figure the route can draw, for every area, cohort and suppression setting a user can pick. */
export function routeFigures(route: SubsetRoute, model: Model): unknown[] {
	const areas = [...new Set([...model.areas.map((a) => a.code), ...CDPS, ENGLAND])];
	const out: unknown[] = [];
	for (const suppress of [true, false]) {
		if (route === '/') out.push(...areas.map((a) => headlines(model, a, suppress)), comparisonTable(model, areas, suppress));
		for (const page of ROUTE_PAGES[route] as PageId[])
			for (const spec of forPage(page, model))
				for (const area of areas)
					for (const cohort of spec.cohorts ? COHORTS.map((c) => c.id) : ['adults'])
						out.push(spec.build({ model, area, cohort, suppress }));
	}
	return out;
}

/** The model a prerendered route needs: the whole of it, or the part its figures read. */
export function routeModel(route: string, model: Model): Model {
	return route in ROUTE_PAGES ? subsetReadBy(model, (traced) => routeFigures(route as SubsetRoute, traced)) : model;
}
