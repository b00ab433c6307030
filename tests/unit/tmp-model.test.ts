import { test, expect } from 'vitest';
import { openDefaultDb } from '../../src/lib/data/node-defaults';
import { computeModel } from '../../src/lib/metrics/model';
import { trajectory, monthly, monthlyProjection } from '../../src/lib/metrics/treatment';

test('tmp', async () => {
	const t0 = Date.now();
	const { db } = await openDefaultDb();
	console.log('load ms', Date.now() - t0);
	const t1 = Date.now();
	const m = await computeModel(db.query);
	console.log('model ms', Date.now() - t1, Object.fromEntries(Object.entries(m).map(([k, v]) => [k, JSON.stringify(v).length])));
	const t = trajectory(m, 'E08000018', 'adults', true);
	console.log(t.rows.map((r) => [r.label, r.actual.value, r.guide, r.plan, r.gap, r.status].join(' ')));
	const mo = monthly(m, 'E06000035', 'adults', true);
	console.log(mo.slice(-20).map((p) => p.month + ':' + p.value).join(' '));
	console.log(JSON.stringify(monthlyProjection(mo)));
	console.log(m.yearly.filter((y) => y.area === 'E06000035' && y.fy === 2023).map((y) => `${y.group} ${y.in_treatment} ${y.new_presentations}`));
	expect(m.yearly.length).toBeGreaterThan(0);
});
