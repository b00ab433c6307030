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
	baseline: baseline as number | null,
	guide: guide as number | null,
	plan: plan as number | null,
	gap: guide != null && i < all.length - 1 ? (actual as number) - (guide as number) : null,
	status: 'no_target'
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
});
