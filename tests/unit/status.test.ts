// The status rule, case by case: judged against the planned increase, not the whole target.
import { describe, it, expect } from 'vitest';
import { judge } from '../../src/lib/metrics/status';

describe('status against the planned increase', () => {
	it.each([
		// actual, target, baseline, unit, expected, why (part)
		[2019, 2019, 1957, 'count', 'on_track', 'meets the target'],
		[2200, 2154, 1957, 'count', 'on_track', 'meets'],
		[1957, 2019, 1957, 'count', 'off_track', '0 of 62 planned additional places delivered (0%'],
		[1940, 2019, 1957, 'count', 'off_track', 'below the baseline of 1,957'],
		[2005, 2019, 1957, 'count', 'at_risk', '48 of 62 planned additional places delivered (77%'],
		[2002, 2019, 1957, 'count', 'off_track', '45 of 62 planned additional places delivered (73%'],
		[2100, 2154, 1957, 'count', 'off_track', '143 of 197 planned additional places delivered (73%'],
		[2110, 2154, 1957, 'count', 'at_risk', '153 of 197'],
		[35, 40, 25, 'percent', 'off_track', '10 of 15 planned percentage points delivered (67%'],
		[37, 40, 25, 'percent', 'at_risk', '12 of 15 planned percentage points'],
		[20, 40, 25, 'percent', 'off_track', 'below the baseline of 25%'],
		[71, 75, null, 'percent', 'at_risk', '4 points short of the target; no baseline'],
		[69, 75, null, 'percent', 'off_track', '6 points short'],
		[1000, 1040, null, 'count', 'at_risk', '40 places short'],
		[1000, 1060, null, 'count', 'off_track', '60 places short'],
		[null, 75, null, 'percent', 'no_target', null],
		[50, null, null, 'percent', 'no_target', null]
	] as const)('%s against %s (baseline %s, %s) is %s', (actual, target, baseline, unit, expected, why) => {
		const j = judge({ actual, target, baseline, unit });
		expect(j.status).toBe(expected);
		if (why == null) expect(j.why).toBeNull();
		else expect(j.why).toContain(why);
	});

	it('a year that added none of its planned places is never "at risk", however close the total is', () => {
		// 62 planned places on 1,957 is 3% of the target: the old 5% band called this "at risk".
		expect(judge({ actual: 1957, target: 2019, baseline: 1957 }).status).toBe('off_track');
	});

	it('rehab placements use their own noun', () => {
		expect(judge({ actual: 12, target: 14, baseline: 9, noun: 'placements' }).why).toBe(
			'3 of 5 planned additional placements delivered (60%; at risk from 75%)'
		);
	});
});
