import { defaultModel } from '$lib/server/default-model';
import { packModel } from '$lib/metrics/pack';

export const prerender = true;

export async function load() {
	return { packed: packModel(await defaultModel()) };
}
