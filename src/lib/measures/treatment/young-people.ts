/**
 * Young people against their own trajectory, on the board and in the report (which otherwise show adults): the
 * trajectory measure itself, always for the young people's cohort, so the rules (people, status, suppression) are
 * the adults' own. It sits on the Outcomes page; the Treatment page's cohort picker shows the same figure.
 */
import type { MeasureSpec } from '../types';
import trajectory from './trajectory';

const youngPeople: MeasureSpec = {
	...trajectory,
	id: 'young-people',
	pages: ['outcomes'],
	slide: 2.5,
	multiples: false,
	cohorts: false,
	build(ctx) {
		const m = trajectory.build({ ...ctx, cohort: 'young_people' });
		return m && { ...m, key: 'young-people', id: `young-people-${ctx.area}` };
	}
};

export default youngPeople;
