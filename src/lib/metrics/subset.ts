/**
 * The part of a model that a computation reads, found by running it: figures are kept by metric (a figure row counts
 * as read when anything but its `metric` is read, since every query filters on the metric first), the other tables
 * whole or not at all. Areas, files and the data date are always kept. Used at build time so that each prerendered
 * page carries only the data its figures need; `tests/unit/page-data.test.ts` checks that every figure a page can
 * draw is the same from its subset as from the whole model.
 */
import type { Model } from './model';

const TABLES = ['yearly', 'monthly', 'continuity', 'outcomes'] as const;

export function subsetReadBy(model: Model, compute: (traced: Model) => void): Model {
	const metrics = new Set<string>();
	const tables = new Set<string>();
	const watch = <T extends object>(row: T, onRead: (prop: string | symbol) => void): T =>
		new Proxy(row, {
			get(target, prop, receiver) {
				onRead(prop);
				return Reflect.get(target, prop, receiver);
			}
		});
	const traced: Model = {
		...model,
		figures: model.figures.map((f) => watch(f, (prop) => prop !== 'metric' && metrics.add(f.metric))),
		...Object.fromEntries(TABLES.map((t) => [t, (model[t] as object[]).map((row) => watch(row, () => tables.add(t)))]))
	};
	compute(traced);
	return {
		...model,
		figures: model.figures.filter((f) => metrics.has(f.metric)),
		...Object.fromEntries(TABLES.map((t) => [t, tables.has(t) ? model[t] : []]))
	};
}
