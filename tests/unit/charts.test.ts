// SVG snapshot tests in Plot's style: each chart rendered on the server (as prerender does) from fixture rows,
// normalised (Svelte's style hashes dropped, generated ids re-indexed, numbers rounded, one tag a line) and
// compared with a golden under tests/unit/__snapshots__/. On a mismatch the new markup is written beside the
// golden as <name>-changed.svg.html and the test fails: read the diff, and if it is right, move it over the
// golden. A missing golden is written, except on CI (CI=true), where it fails.
import { describe, it, expect } from 'vitest';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { render } from 'svelte/server';
import LineChart from '../../src/lib/charts/LineChart.svelte';
import BarChart from '../../src/lib/charts/BarChart.svelte';
import Sparkline from '../../src/lib/charts/Sparkline.svelte';
import TrajectoryChart from '../../src/lib/charts/TrajectoryChart.svelte';
import RankChart from '../../src/lib/charts/RankChart.svelte';
import { textWidth } from '../../src/lib/charts/layout';
import type { TrajectoryRow } from '../../src/lib/metrics/treatment';

const GOLDENS = fileURLToPath(new URL('__snapshots__/', import.meta.url));

function normalise(html: string): string {
	const ids = new Map<string, string>();
	return html
		.replace(/<!--[^>]*-->/g, '')
		.replace(/ class="([^"]*)"/g, (_, names: string) => {
			const kept = names.split(/\s+/).filter((n) => n && !/^svelte-[a-z0-9]+$/.test(n));
			return kept.length ? ` class="${kept.join(' ')}"` : '';
		})
		.replace(/\b(s\d+|[a-z0-9]{6,}-\d+)\b(?=-(title|desc|hatch))/g, (m) => {
			if (!ids.has(m)) ids.set(m, `id${ids.size}`);
			return ids.get(m)!;
		})
		.replace(/(\d+\.\d{3,})/g, (m) => String(Math.round(Number(m) * 100) / 100))
		.replace(/>\s*</g, '>\n<');
}

function golden(name: string, html: string): void {
	const file = `${GOLDENS}${name}.svg.html`;
	const changed = `${GOLDENS}${name}-changed.svg.html`;
	const actual = normalise(html);
	if (!existsSync(file)) {
		if (process.env.CI === 'true') throw new Error(`No golden for ${name}: run the tests locally to write ${file}`);
		writeFileSync(file, actual);
		return;
	}
	const expected = readFileSync(file, 'utf8');
	if (actual === expected) rmSync(changed, { force: true });
	else writeFileSync(changed, actual);
	expect(actual, `${name} differs from its golden: see ${changed}`).toBe(expected);
}

const rows: TrajectoryRow[] = [
	[2020, 1930, null, null, null],
	[2021, 1957, 1957, 1957, 1957],
	[2022, 1990, null, 2019, 2050],
	[2023, 2100, null, 2154, 2178],
	[2024, 1702, null, 2397, 2415]
].map(([fy, actual, baseline, guide, plan], i, all) => ({
	fy: fy as number,
	label: `${fy}-${String(((fy as number) + 1) % 100).padStart(2, '0')}${i === all.length - 1 ? ' (to date)' : ''}`,
	actual: { value: actual as number, suppressed: false },
	partial: i === all.length - 1,
	reported: null,
	headline: actual as number,
	baseline: baseline as number | null,
	guide: guide as number | null,
	plan: plan as number | null,
	gap: guide != null && i < all.length - 1 ? (actual as number) - (guide as number) : null,
	guideAdditional: null,
	planAdditional: null,
	status: 'no_target',
	statusWhy: null
}));

describe('chart SVG snapshots', () => {
	it('TrajectoryChart', () => {
		const { body } = render(TrajectoryChart, { props: { rows, alt: 'Trajectory fixture' } });
		expect(body).toContain('Guide trajectory');
		golden('trajectory', body);
	});

	it('LineChart with a CI band, a gap, a suppressed point and an annotation', () => {
		const { body } = render(LineChart, {
			props: {
				categories: ['2019', '2020', '2021', '2022'],
				alt: 'Line fixture',
				annotations: [{ x: '2021', label: 'Strategy' }],
				series: [
					{
						id: 'a',
						label: 'Local',
						color: 'var(--c-series-1)',
						band: true,
						points: [
							{ x: '2019', y: 20, lower: 15, upper: 26 },
							{ x: '2020', y: null, suppressed: true },
							{ x: '2021', y: 30, lower: 24, upper: 37 },
							{ x: '2022', y: 28, lower: 22, upper: 35 }
						]
					},
					{
						id: 'b',
						label: 'England',
						color: 'var(--c-england)',
						dash: 'dashed',
						marker: 'square',
						points: [
							{ x: '2019', y: 25 },
							{ x: '2020', y: 26 },
							{ x: '2021', y: 27 },
							{ x: '2022', y: 29 }
						]
					}
				]
			}
		});
		// The suppressed year is a gap in the line (two segments) and a '*', never a zero.
		expect(body).toMatch(/>\*<\/text>/);
		expect(body.match(/d="M[^"]*M/)).not.toBeNull();
		golden('line', body);
	});

	it('BarChart with a hatched second series, a suppressed value and a reference line', () => {
		const { body } = render(BarChart, {
			props: {
				alt: 'Bar fixture',
				rows: [
					{
						label: 'Opiates',
						values: [
							{ series: 'local', value: 60 },
							{ series: 'england', value: 58 }
						]
					},
					{
						label: 'Crack',
						values: [
							{ series: 'local', value: null, suppressed: true },
							{ series: 'england', value: 30 }
						]
					}
				],
				series: [
					{ id: 'local', label: 'Medway', color: 'var(--c-series-1)' },
					{ id: 'england', label: 'England', color: 'var(--c-england)', hatch: true }
				],
				references: [{ value: 50, label: 'Ambition 50' }]
			}
		});
		expect(body).toContain('* suppressed');
		golden('bar', body);
	});

	it('Sparkline', () => {
		const { body } = render(Sparkline, { props: { values: [1, 3, null, 2, 5], target: 4 } });
		golden('sparkline', body);
	});

	it('RankChart with the selected area marked, an area with no value and two references', () => {
		const { body } = render(RankChart, {
			props: {
				alt: 'Rank fixture',
				yLabel: 'Value',
				references: [
					{ value: 30, label: 'England 30.0' },
					{ value: 35, label: 'Region 35.0' }
				],
				rows: [
					{ id: 'a', label: 'Area A', value: 50, lower: 45, upper: 55 },
					{ id: 'b', label: 'Area B', value: 40, lower: 30, upper: 50, selected: true },
					{ id: 'c', label: 'Area C', value: 10, lower: 5, upper: 15 },
					{ id: 'd', label: 'Area D', value: null }
				]
			}
		});
		golden('rank', body);
		expect(body).toContain('Area B: 40');
	});
});

// Helpers that read geometry back out of the rendered markup.
const group = (html: string, cls: string, id?: string) =>
	html.match(new RegExp(`<g class="${cls}[^"]*"${id ? `[^>]*data-[a-z]+="${id}"` : ''}[^>]*>([\\s\\S]*?)</g>`))?.[1] ?? '';
const texts = (html: string) =>
	[...html.matchAll(/<text x="([\d.-]+)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({ x: Number(m[1]), text: m[2] }));
const attr = (html: string, name: string) => [...html.matchAll(new RegExp(` ${name}="([^"]*)"`, 'g'))].map((m) => m[1]);
const viewBox = (html: string) => (attr(html, 'viewBox')[0] ?? '').split(' ').map(Number);

const fy = (from: number, to: number) =>
	Array.from({ length: to - from + 1 }, (_, i) => `${from + i}-${String((from + i + 1) % 100).padStart(2, '0')}`);
const months = Array.from({ length: 96 }, (_, i) => `${2018 + Math.floor((i + 3) / 12)}-${String(((i + 3) % 12) + 1).padStart(2, '0')}`);
const monthName = (m: string) =>
	new Date(`${m}-01T00:00:00Z`).toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });

describe('LineChart references and markers', () => {
	const categories = fy(2019, 2025);
	const local = {
		id: 'local',
		label: 'Local',
		color: 'var(--c-series-1)',
		points: categories.map((x, i) => ({ x, y: 60 + i }))
	};

	it('an ambition from 2023-24 is a flat dashed line from that year to the last, labelled at its end, and widens the axis', () => {
		const { body } = render(LineChart, {
			props: {
				categories,
				alt: 'Ambition fixture',
				series: [local],
				references: [{ id: 'ambition', label: '75% ambition', color: 'var(--c-target)', value: 75, from: '2023-24' }]
			}
		});
		const ref = group(body, 'reference', 'ambition');
		const d = attr(ref, 'd')[0];
		const pts = [...d.matchAll(/[ML]([\d.]+),([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
		const axis = texts(group(body, 'x-axis'));
		const xOf = (c: string) => axis.find((t) => t.text === c)?.x;
		expect(pts).toHaveLength(3); // 2023-24, 2024-25, 2025-26
		expect(new Set(pts.map((p) => p[1])).size).toBe(1);
		expect(pts[0][0]).toBe(xOf('2023-24')); // starts at 2023-24's position
		expect(pts[2][0]).toBe(axis.at(-1)?.x);
		expect(attr(ref, 'stroke-dasharray')[0]).toBe('8 5');
		expect(texts(group(body, 'end-labels')).map((t) => t.text)).toContain('75% ambition');
		// The y axis runs to 80 so the ambition is on the chart, though the data stop at 66.
		expect(texts(group(body, 'grid')).map((t) => t.text)).toContain('80');
		// A reference is not data: it is never a series group.
		expect(body).not.toContain('data-series="ambition"');
		golden('line-reference', body);
	});

	it('a markers-only series (line: false) draws its markers and no line', () => {
		const { body } = render(LineChart, {
			props: {
				categories,
				alt: 'Markers fixture',
				series: [
					local,
					{
						id: 'pub',
						label: 'Published',
						color: 'var(--c-series-4)',
						marker: 'diamond',
						line: false,
						points: categories.map((x, i) => ({ x, y: i % 2 ? 62 + i : null }))
					}
				]
			}
		});
		const pub = group(body, 'series', 'pub');
		expect(pub).not.toMatch(/fill="none"/);
		expect(attr(pub, 'transform')).toHaveLength(3);
		expect(group(body, 'series', 'local')).toMatch(/fill="none"/);
	});

	it.each([
		{ marker: 'circle' as const, stars: 2 },
		{ marker: 'none' as const, stars: 2 }
	])('suppressed points are drawn as * at their category, never as values (marker $marker)', ({ marker, stars }) => {
		const points = categories.map((x, i) => (i === 2 || i === 4 ? { x, y: null, suppressed: true } : { x, y: 10 + i }));
		const { body } = render(LineChart, {
			props: { categories, alt: 'Suppressed fixture', series: [{ ...local, marker, points }] }
		});
		const marks = texts(body).filter((t) => t.text === '*');
		expect(marks).toHaveLength(stars);
		const axis = Object.fromEntries(texts(group(body, 'x-axis')).map((t) => [t.text, t.x]));
		expect(marks.map((m) => m.x)).toEqual([axis['2021-22'], axis['2023-24']]);
		// The line breaks at each one: three segments.
		expect(attr(group(body, 'series', 'local'), 'd')[0].match(/M/g)).toHaveLength(3);
	});
});

describe('LineChart x labels fit the chart’s own width', () => {
	const series = [
		{
			id: 'm',
			label: 'In treatment',
			color: 'var(--c-series-1)',
			marker: 'none' as const,
			points: months.map((x, i) => ({ x, y: 1000 + i }))
		}
	];
	const cases = [320, 520, 760, 1000, 1600, 1900].flatMap((width) => [12, 14, 20, 28].map((fontSize) => ({ width, fontSize })));

	it.each(cases)(
		'96 months, xEvery 12, at $width px and $fontSize px: whole years, the last month labelled, no overlap',
		({ width, fontSize }) => {
			const { body } = render(LineChart, {
				props: { categories: months, series, alt: 'Monthly', xEvery: 12, xFormat: monthName, width, fontSize }
			});
			expect(viewBox(body)[2]).toBe(width);
			const labels = texts(group(body, 'x-axis'));
			expect(labels.at(-1)?.text).toBe(monthName(months.at(-1)!));
			// Every other label is a whole number of years from the first month (April).
			for (const l of labels.slice(0, -1)) expect(months.map(monthName).indexOf(l.text) % 12).toBe(0);
			// Centred labels, each as wide as the chart estimates plus an em: none may reach its neighbour.
			for (let i = 1; i < labels.length; i++) {
				const [a, b] = [labels[i - 1], labels[i]];
				expect(b.x - a.x).toBeGreaterThanOrEqual((textWidth(a.text, fontSize) + textWidth(b.text, fontSize)) / 2);
			}
		}
	);

	it.each([
		{ width: 520, count: 3 },
		{ width: 1600, count: 9 }
	])('at $width px the axis shows $count labels', ({ width, count }) => {
		const { body } = render(LineChart, { props: { categories: months, series, alt: 'Monthly', xEvery: 12, xFormat: monthName, width } });
		expect(texts(group(body, 'x-axis'))).toHaveLength(count);
	});
});

describe('BarChart fits a given height by shrinking its text', () => {
	const rows = ['Opiates', 'Crack', 'Cocaine', 'Alcohol', 'Cannabis', 'Other'].map((label, i) => ({
		label,
		values: [
			{ series: 'local', value: 40 + i },
			{ series: 'england', value: 35 + i }
		]
	}));
	const series = [
		{ id: 'local', label: 'Medway', color: 'var(--c-series-1)' },
		{ id: 'england', label: 'England', color: 'var(--c-england)', hatch: true }
	];
	// Two series, six rows and a reference: 2.2 + 1.6 + 6 × (2 × 1.6 + 0.9) + 0.5 = 28.9 font sizes tall.
	it.each([
		{ height: 600, font: 14 },
		{ height: 300, font: 10 },
		{ height: 260, font: 8 },
		{ height: 100, font: 8 }
	])('height $height gives font size $font', ({ height, font }) => {
		const { body } = render(BarChart, {
			props: { rows, series, alt: 'Fit fixture', height, references: [{ value: 50, label: 'Ambition 50' }] }
		});
		expect(attr(body, 'font-size')[0]).toBe(String(font));
		const h = viewBox(body)[3];
		expect(h).toBeCloseTo(28.9 * font, 6);
		if (28.9 * 8 <= height) expect(h).toBeLessThanOrEqual(height);
	});
});
