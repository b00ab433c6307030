// Each prerendered page carries only the part of the embedded model its figures read (src/lib/measures/page-data.ts).
// The claim that makes that safe: every figure a page can draw, for every area, cohort and suppression setting, is
// the same from the page's part as from the whole model. And the part is smaller, or the split buys nothing.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { openDefaultDb } from '../../src/lib/data/node-defaults';
import { computeModel, type Model } from '../../src/lib/metrics/model';
import { ROUTE_PAGES, routeFigures, routeModel, type SubsetRoute } from '../../src/lib/measures/page-data';
import { packModel } from '../../src/lib/metrics/pack';
import type { Db } from '../../src/lib/data/db';

let db: Db;
let model: Model;
beforeAll(async () => {
	({ db } = await openDefaultDb());
	model = await computeModel(db.query);
});
afterAll(async () => db?.close());

const size = (m: Model) => JSON.stringify(packModel(m)).length;

describe('each page carries the data its figures draw', () => {
	it.each(Object.keys(ROUTE_PAGES) as SubsetRoute[])('%s', (route) => {
		const part = routeModel(route, model);
		expect(JSON.stringify(routeFigures(route, part))).toBe(JSON.stringify(routeFigures(route, model)));
		expect(part.areas).toEqual(model.areas);
		expect(part.files).toEqual(model.files);
		expect(size(part)).toBeLessThan(size(model));
	});

	it('keeps the whole model for the board, the report and the indicators page', () => {
		for (const route of ['/board', '/report', '/indicators']) expect(routeModel(route, model)).toBe(model);
	});

	it('drops a figure a page never reads, and keeps one it does', () => {
		const part = routeModel('/rehab', model);
		expect(part.figures.some((f) => f.metric === 'drug_misuse_deaths')).toBe(false);
		expect(model.figures.some((f) => f.metric === 'drug_misuse_deaths')).toBe(true);
		expect(routeModel('/deaths', model).figures.some((f) => f.metric === 'drug_misuse_deaths')).toBe(true);
	});
});
