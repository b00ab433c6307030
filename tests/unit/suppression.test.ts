// Primary and secondary suppression: no suppressed cell can be worked out from a shown total and its neighbours.
import { describe, it, expect } from 'vitest';
import { protectParts, suppressCount } from '../../src/lib/metrics/suppression';
import { suppressMemberCount } from '../../src/lib/metrics/siblings';
import { rehab } from '../../src/lib/metrics/rehab';
import { trajectory } from '../../src/lib/metrics/treatment';
import type { Model } from '../../src/lib/metrics/model';
import presentations from '../../src/lib/measures/treatment/presentations';

const cells = (...v: (number | null)[]) => v.map((x) => suppressCount(x, true));
const shown = (r: ReturnType<typeof protectParts>) => r.parts.map((p) => (p.suppressed ? '*' : p.value));

describe('secondary suppression', () => {
	it.each([
		// parts, total shown, expected cells, total suppressed
		[[20, 3, 6], true, [20, '*', '*'], false], // Rotherham 2023-24 deaths in treatment: 6 would give the * away
		[[20, 3, 6], false, [20, '*', 6], false], // no total shown: nothing to recover from
		[[20, 3, 2], true, [20, '*', '*'], false], // two primary: the pair's sum is known, neither cell is
		[[20, 0, 3], true, ['*', 0, '*'], false], // zero is not suppressed and protects nothing
		[[0, 0, 3], true, [0, 0, '*'], true], // nothing else to hide: the total goes
		[[20, 30, 40], true, [20, 30, 40], false], // nothing suppressed
		[[null, 3, 8, 9], true, [null, '*', '*', 9], false] // missing cells are skipped
	] as const)('%j with total shown %s → %j (total suppressed: %s)', (parts, totalShown, expected, suppressTotal) => {
		const r = protectParts(cells(...parts), totalShown);
		expect(shown(r)).toEqual(expected);
		expect(r.suppressTotal).toBe(suppressTotal);
	});

	it('marks the cell it hid as secondary', () => {
		const r = protectParts(cells(20, 3, 6), true);
		expect(r.parts[2]).toEqual({ value: null, suppressed: true, secondary: true });
		expect(r.parts[1]).toEqual({ value: null, suppressed: true });
	});
});

// North and West Northamptonshire are shown beside the CDP, whose counts are their sums.
const NORTH = 'E06000061';
const WEST = 'E06000062';

describe('secondary suppression between the councils of one partnership', () => {
	it.each([
		// area, its count, its sibling's count, suppress → shown
		[WEST, 40, 3, true, '*'], // North's 3 would be the CDP's 43 minus West's 40
		[NORTH, 3, 40, true, '*'], // primary
		[WEST, 40, 12, true, 40], // nothing hidden next door
		[WEST, 40, 0, true, 40], // zero is not suppressed
		[WEST, 40, 3, false, 40], // suppression off (the user's own screen)
		[WEST, 0, 3, true, 0], // a zero gives nothing away
		['E08000018', 3, 40, true, '*'] // a single-council partnership has no sibling
	] as const)('%s: %s beside %s (suppress %s) → %s', (area, own, sibling, suppress, expected) => {
		const counts: Record<string, number> = { [area]: own, [area === WEST ? NORTH : WEST]: sibling };
		const cell = suppressMemberCount(area, (a) => counts[a], suppress);
		expect(cell.suppressed ? '*' : cell.value).toBe(expected);
	});

	// The rule reaches every count shown for a council: in treatment, new presentations, rehab starts (and the share).
	const year = (area: string, n: number) => ({
		area,
		group: 'adults',
		fy: 2022,
		in_treatment: n === 3 ? 3 : 400,
		new_presentations: n,
		deaths_in_treatment: 0,
		rehab_starts: n,
		synthetic: true
	});
	const model = {
		dataDate: '2024-03-31',
		areas: [],
		files: [],
		figures: [],
		monthly: [],
		continuity: [],
		yearly: [year(NORTH, 3), year(WEST, 40)]
	} as unknown as Model;

	it('hides West Northamptonshire’s counts when North’s are suppressed', () => {
		const west = rehab(model, WEST, true).rows.find((r) => r.fy === 2022)!;
		expect(west.starts).toEqual({ value: null, suppressed: true, secondary: true });
		expect(west.percent.suppressed).toBe(true);
		expect(trajectory(model, WEST, 'adults', true).rows.find((r) => r.fy === 2022)!.actual.suppressed).toBe(true);
		const table = presentations.build({ model, area: WEST, cohort: 'adults', suppress: true })!.table;
		expect(table.rows.map((r) => Object.values(r))).toContainEqual(expect.arrayContaining(['*']));
		expect(rehab(model, WEST, false).rows.find((r) => r.fy === 2022)!.starts.value).toBe(40);
	});
});
