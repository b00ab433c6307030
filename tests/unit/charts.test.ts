// SVG snapshot tests: each chart rendered on the server (as prerender does) from fixture rows, with
// numbers rounded and ids made stable, compared with a golden SVG under tests/unit/__snapshots__/.
import { describe, it, expect } from 'vitest';
import { render } from 'svelte/server';
import LineChart from '../../src/lib/charts/LineChart.svelte';
import BarChart from '../../src/lib/charts/BarChart.svelte';
import Sparkline from '../../src/lib/charts/Sparkline.svelte';
import TrajectoryChart from '../../src/lib/charts/TrajectoryChart.svelte';
import type { TrajectoryRow } from '../../src/lib/metrics/treatment';

function normalise(html: string): string {
	const ids = new Map<string, string>();
	return html
		.replace(/<!--[^>]*-->/g, '')
		.replace(/\b(s\d+|[a-z0-9]{6,}-\d+)\b(?=-(title|desc|t|hatch))/g, (m) => {
			if (!ids.has(m)) ids.set(m, `id${ids.size}`);
			return ids.get(m)!;
		})
		.replace(/(\d+\.\d{3,})/g, (m) => String(Math.round(Number(m) * 100) / 100))
		.replace(/></g, '>\n<');
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
	it('TrajectoryChart', async () => {
		const { body } = render(TrajectoryChart, { props: { rows, alt: 'Trajectory fixture' } });
		expect(body).toContain('Guide trajectory');
		await expect(normalise(body)).toMatchFileSnapshot('__snapshots__/trajectory.svg.html');
	});

	it('LineChart with a CI band, a gap, a suppressed point and an annotation', async () => {
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
		await expect(normalise(body)).toMatchFileSnapshot('__snapshots__/line.svg.html');
	});

	it('BarChart with a hatched second series, a suppressed value and a reference line', async () => {
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
		await expect(normalise(body)).toMatchFileSnapshot('__snapshots__/bar.svg.html');
	});

	it('Sparkline', async () => {
		const { body } = render(Sparkline, { props: { values: [1, 3, null, 2, 5], target: 4 } });
		await expect(normalise(body)).toMatchFileSnapshot('__snapshots__/sparkline.svg.html');
	});
});
