/**
 * 95% confidence intervals, as OHID's Fingertips computes them:
 * - proportions: Wilson score interval;
 * - counts (and rates from counts): exact Poisson limits below 10 events, Byar's approximation from 10.
 */
export interface Interval {
	lower: number;
	upper: number;
}

const Z95 = 1.959963984540054;

export function wilson(numerator: number, denominator: number, z = Z95): Interval | null {
	if (!(denominator > 0) || numerator < 0 || numerator > denominator) return null;
	const p = numerator / denominator;
	const z2 = z * z;
	const centre = p + z2 / (2 * denominator);
	const margin = z * Math.sqrt((p * (1 - p)) / denominator + z2 / (4 * denominator * denominator));
	const div = 1 + z2 / denominator;
	return { lower: Math.max(0, (centre - margin) / div), upper: Math.min(1, (centre + margin) / div) };
}

/** Byar's method for a Poisson count O. */
export function byar(count: number, z = Z95): Interval | null {
	if (!(count >= 0)) return null;
	if (count === 0) return { lower: 0, upper: exactPoisson(0).upper };
	const o = count;
	const lower = o * Math.pow(1 - 1 / (9 * o) - z / (3 * Math.sqrt(o)), 3);
	const o1 = o + 1;
	const upper = o1 * Math.pow(1 - 1 / (9 * o1) + z / (3 * Math.sqrt(o1)), 3);
	return { lower: Math.max(0, lower), upper };
}

function poissonCdf(k: number, mu: number): number {
	let term = Math.exp(-mu);
	let sum = term;
	for (let i = 1; i <= k; i++) {
		term *= mu / i;
		sum += term;
	}
	return sum;
}

function bisect(f: (x: number) => number, lo: number, hi: number): number {
	for (let i = 0; i < 200; i++) {
		const mid = (lo + hi) / 2;
		if (f(mid) > 0) lo = mid;
		else hi = mid;
	}
	return (lo + hi) / 2;
}

/** Exact (Garwood) Poisson 95% limits for a count. */
export function exactPoisson(count: number, alpha = 0.05): Interval {
	const upper = bisect((mu) => poissonCdf(count, mu) - alpha / 2, 0, count * 3 + 20);
	const lower = count === 0 ? 0 : bisect((mu) => alpha / 2 - (1 - poissonCdf(count - 1, mu)), 0, count * 3 + 20);
	return { lower, upper };
}

/** CI for a count: exact Poisson below 10 events, Byar from 10. */
export function countInterval(count: number): Interval | null {
	if (!(count >= 0)) return null;
	return count < 10 ? exactPoisson(count) : byar(count);
}
