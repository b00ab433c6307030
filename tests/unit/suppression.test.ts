// Primary and secondary suppression: no suppressed cell can be worked out from a shown total and its neighbours.
import { describe, it, expect } from 'vitest';
import { protectParts, suppressCount } from '../../src/lib/metrics/suppression';

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
