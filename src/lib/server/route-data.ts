/** A prerendered route's data: the part of the embedded model its figures draw, packed for the page. */
import { defaultModel } from './default-model';
import { packModel } from '$lib/metrics/pack';
import { routeModel } from '$lib/measures/page-data';

export async function routeData(route: string) {
	return { packed: packModel(routeModel(route, await defaultModel())) };
}
