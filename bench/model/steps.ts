// Timing helpers for the bench/model tests: wall and process CPU time of a step, and an ingest's statements by step.
import type { Db } from '../../src/lib/data/db';
import typedJourneys from '../../src/lib/data/sql/typed-journeys.sql?raw';
import cubeJourneys from '../../src/lib/data/sql/cube-journeys.sql?raw';
import journeyOutcomes from '../../src/lib/data/sql/cube-outcomes.sql?raw';

/** The statements of a journeys ingest that make its two costly steps; the rest are 'other statements'. */
export const INGEST_STEPS = new Map([
	[typedJourneys, 'typed read'],
	[journeyOutcomes, 'cube'],
	[cubeJourneys, 'cube']
]);

export interface Time {
	wall: number;
	cpu: number;
}

export async function timed(run: () => Promise<unknown>): Promise<Time> {
	const c0 = process.cpuUsage();
	const t0 = performance.now();
	await run();
	const c = process.cpuUsage(c0);
	return { wall: performance.now() - t0, cpu: (c.user + c.system) / 1000 };
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The statements of one ingest, by step: db.query/db.exec wrapped to time the ones named. */
export function stepTimer(db: Db, steps: Map<string, string>, into: Map<string, Time>): Db {
	const wrap =
		<A extends unknown[], R>(f: (sql: string, ...rest: A) => Promise<R>) =>
		async (sql: string, ...rest: A): Promise<R> => {
			let result: R | undefined;
			const t = await timed(async () => (result = await f(sql, ...rest)));
			const step = steps.get(sql) ?? 'other statements';
			const prev = into.get(step) ?? { wall: 0, cpu: 0 };
			into.set(step, { wall: prev.wall + t.wall, cpu: prev.cpu + t.cpu });
			return result as R;
		};
	return { ...db, query: wrap(db.query.bind(db)) as Db['query'], exec: wrap(db.exec.bind(db)) };
}
