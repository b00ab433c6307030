/** The model for the embedded default data, computed once per build in Node by the same SQL as the browser. */
import { openDefaultDb } from '$lib/data/node-defaults';
import { computeModel, type Model } from '$lib/metrics/model';

let cached: Promise<Model> | null = null;

export function defaultModel(): Promise<Model> {
	cached ??= (async () => {
		const { db } = await openDefaultDb();
		try {
			return await computeModel(db.query);
		} finally {
			await db.close();
		}
	})();
	return cached;
}
