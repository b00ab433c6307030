// One golden per measure and area: what the board, the report and (with suppression on) the pages show,
// from the embedded data through the real loaders and SQL. The same goldens drive the browser test that
// checks a slide, a report figure and a page figure show the same numbers.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { openDefaultDb } from '../../src/lib/data/node-defaults';
import { computeModel, type Model } from '../../src/lib/metrics/model';
import { MEASURES, bySection, forPage, forSlides, sharedCtx } from '../../src/lib/measures/registry';
import { buildSlides } from '../../src/lib/measures/deck';
import type { Measure } from '../../src/lib/measures/types';
import type { Db } from '../../src/lib/data/db';
import { expectGolden } from './golden';

/** The four partnerships, and Northamptonshire's two halves. */
export const GOLDEN_AREAS = ['E08000018', 'E06000035', 'E06000033', 'northamptonshire', 'E06000061', 'E06000062'];

let db: Db;
let model: Model;
beforeAll(async () => {
	({ db } = await openDefaultDb());
	model = await computeModel(db.query);
});
afterAll(async () => db?.close());

/** Everything a reader sees except the drawing itself, which the chart snapshots cover. */
function view(m: Measure | null) {
	if (!m) return { shown: false };
	const c = m.chart;
	const chart =
		c.kind === 'trajectory'
			? { kind: c.kind, categories: c.rows.map((r) => r.label) }
			: c.kind === 'bar'
				? { kind: c.kind, categories: c.rows.map((r) => r.label), series: c.series.map((s) => s.label) }
				: c.kind === 'rank'
					? { kind: c.kind, categories: c.rows.map((r) => r.label), references: (c.references ?? []).map((r) => r.label) }
					: c.kind === 'scorecard'
						? { kind: c.kind, rows: c.groups.flatMap((g) => g.rows.map((r) => `${g.label}: ${r.measure}`)) }
						: {
								kind: c.kind,
								categories: c.categories,
								series: c.series.map((s) => s.label),
								references: (c.references ?? []).map((r) => r.label),
								annotations: (c.annotations ?? []).map((a) => `${a.x}: ${a.label}`)
							};
	const { key, name, title, sentences, status, statusText, comparison, period, recordLevel, synthetic, sources, definition, table, alt } =
		m;
	return {
		shown: true,
		key,
		name,
		title,
		sentences,
		status,
		statusText,
		comparison,
		period,
		recordLevel,
		synthetic,
		sources,
		definition,
		table,
		chart,
		alt
	};
}

describe('golden per measure and area', () => {
	for (const area of GOLDEN_AREAS)
		for (const spec of MEASURES)
			it(`${spec.id} · ${area}`, () => {
				const m = spec.build(sharedCtx({ model, area }));
				expectGolden(`tests/unit/output/measures/${area}/${spec.id}.json`, JSON.stringify(view(m), null, '\t') + '\n');
			});
});

describe('one definition, three frames', () => {
	it.each(GOLDEN_AREAS)('the board and the report take the same measures as the pages for %s', (area) => {
		const ctx = sharedCtx({ model, area });
		const fromSpecs = new Map(MEASURES.map((s) => [s.id, JSON.stringify(s.build(ctx))]));
		for (const m of forSlides({ model, area })) expect(JSON.stringify(m)).toBe(fromSpecs.get(m.key));
		for (const list of bySection({ model, area }).values()) for (const m of list) expect(JSON.stringify(m)).toBe(fromSpecs.get(m.key));
		const deck = buildSlides(model, area);
		expect(deck[0].kind).toBe('overview');
		expect(deck.slice(1).map((s) => s.id)).toEqual(forSlides({ model, area }).map((m) => m.key));
	});

	it('every measure has a unique id, a page and a section; slide positions are unique', () => {
		const ids = MEASURES.map((m) => m.id);
		expect(new Set(ids).size).toBe(ids.length);
		for (const m of MEASURES) expect(m.pages.length, m.id).toBeGreaterThan(0);
		const slides = MEASURES.flatMap((m) => (m.slide == null ? [] : [m.slide]));
		expect(new Set(slides).size).toBe(slides.length);
	});

	it.each([
		[
			'deaths',
			[
				'misuse',
				'rate-drug_misuse_deaths_rate',
				'poisoning',
				'rate-drug_poisoning_deaths_rate',
				'england-deaths',
				'grant-deaths',
				'rate-alcohol_specific_mortality_rate',
				'deaths-in-treatment'
			]
		],
		['treatment', ['trajectory', 'monthly', 'presentations', 'substances', 'progress', 'treatment-per-population']],
		['continuity', ['continuity', 'continuity-quarters']],
		['rehab', ['rehab', 'rehab-plan']],
		['resources', ['workforce', 'investment', 'allocations', 'contracts']],
		['outcomes', ['outcomes-framework', 'young-people', 'unmet-need-alcohol', 'unmet-need-ocu']],
		['recovery', ['completions', 'completions-substance', 'representations', 'early-exits', 'waits']],
		['overview', ['trajectory']]
	] as const)('the %s page lists its measures in order', (page, ids) => {
		expect(forPage(page).map((m) => m.id)).toEqual(ids);
	});

	it('a page can turn suppression off; the board and report cannot', () => {
		const ctx = { model, area: 'E08000018', cohort: 'adults', suppress: false };
		const open = MEASURES.find((m) => m.id === 'deaths-in-treatment')!.build(ctx)!;
		const shared = forSlides({ model, area: 'E08000018' }).find((m) => m.key === 'deaths-in-treatment')!;
		const cells = (m: Measure) => m.table.rows.flatMap((r) => Object.values(r));
		expect(cells(shared)).toContain('*');
		expect(cells(open)).not.toContain('*');
	});

	it('the cohort picker changes a page measure; adults is what the board shows', () => {
		const t = MEASURES.find((m) => m.id === 'trajectory')!;
		const opiate = t.build({ model, area: 'E08000018', cohort: 'opiate', suppress: true })!;
		expect(opiate.title).toBe('Rotherham: adults (opiate) in treatment against the guide trajectory');
		expect(opiate.table.rows.find((r) => r.year === '2021-22')?.guide).toBe('1,088');
		expect(
			forSlides({ model, area: 'E08000018' })
				.find((m) => m.key === 'trajectory')!
				.table.rows.find((r) => r.year === '2021-22')?.guide
		).toBe('1,957');
	});
});
