/**
 * Confidence intervals as OHID's Fingertips and its R package PHEindicatormethods compute them, at 95% or 99.8%:
 * - proportions: Wilson score interval;
 * - counts and crude rates: exact Poisson limits below 10 events, Byar's approximation from 10;
 * - directly standardised rates: Dobson's method, optionally adjusted for non-independent events.
 * `tests/unit/intervals-reference.test.ts` holds them to the package's own reference cases.
 */
export interface Interval {
	lower: number;
	upper: number;
}

export interface Estimate extends Interval {
	value: number;
}

export type ConfidenceLevel = 0.95 | 0.998;

/** Two-sided normal quantiles, qnorm(1 - (1 - level) / 2), to double precision. */
const Z: Record<ConfidenceLevel, number> = { 0.95: 1.959963984540054, 0.998: 3.090232306167813 };

export interface RateOptions {
	confidence?: ConfidenceLevel;
	/** 1 for a proportion, 100 for a percentage or rate per 100, 100000 for a rate per 100,000. */
	multiplier?: number;
}

const isCount = (x: number | null | undefined): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;

export function wilson(numerator: number, denominator: number, confidence: ConfidenceLevel = 0.95): Interval | null {
	if (!isCount(numerator) || !(denominator > 0) || numerator > denominator) return null;
	const z = Z[confidence];
	// PHEindicatormethods' form of the score interval, so that rounding follows the reference.
	const root = z * Math.sqrt(z * z + 4 * numerator * (1 - numerator / denominator));
	const div = 2 * (denominator + z * z);
	return { lower: Math.max(0, (2 * numerator + z * z - root) / div), upper: Math.min(1, (2 * numerator + z * z + root) / div) };
}

/** Byar's lower limit for a Poisson count; null where the approximation goes below zero (a count of 1 at 99.8%). */
export function byarsLower(count: number, confidence: ConfidenceLevel = 0.95): number | null {
	const lower = count * Math.pow(1 - 1 / (9 * count) - Z[confidence] / (3 * Math.sqrt(count)), 3);
	return lower >= 0 ? lower : null;
}

export function byarsUpper(count: number, confidence: ConfidenceLevel = 0.95): number {
	const o1 = count + 1;
	return o1 * Math.pow(1 - 1 / (9 * o1) + Z[confidence] / (3 * Math.sqrt(o1)), 3);
}

/** Byar's method for a Poisson count O; null where it gives no lower limit. */
export function byar(count: number, confidence: ConfidenceLevel = 0.95): Interval | null {
	if (!isCount(count)) return null;
	if (count === 0) return { lower: 0, upper: exactPoisson(0, confidence).upper };
	const lower = byarsLower(count, confidence);
	return lower == null ? null : { lower, upper: byarsUpper(count, confidence) };
}

function logPoissonTerm(k: number, mu: number): number {
	let logFactorial = 0;
	for (let i = 2; i <= k; i++) logFactorial += Math.log(i);
	return -mu + k * Math.log(mu) - logFactorial;
}

/** P(X ≤ k) for X ~ Poisson(mu): a finite sum of positive terms, so no cancellation. */
function poissonAtMost(k: number, mu: number): number {
	let term = Math.exp(-mu);
	let sum = term;
	for (let i = 1; i <= k; i++) {
		term *= mu / i;
		sum += term;
	}
	return sum;
}

/** P(X ≥ k), summed upwards from the k-th term rather than as 1 − P(X ≤ k − 1), which loses digits at 99.8%. */
function poissonAtLeast(k: number, mu: number): number {
	let term = Math.exp(logPoissonTerm(k, mu));
	let sum = term;
	for (let i = k + 1; term > sum * 1e-17; i++) {
		term *= mu / i;
		sum += term;
	}
	return sum;
}

/** Bisection to adjacent doubles for the root of a function falling from positive to negative on [lo, hi]. */
function bisect(f: (x: number) => number, lo: number, hi: number): number {
	for (;;) {
		const mid = (lo + hi) / 2;
		if (mid === lo || mid === hi) return mid;
		if (f(mid) > 0) lo = mid;
		else hi = mid;
	}
}

/**
 * Exact (Garwood) Poisson limits for a whole count: the means at which P(X ≥ count) and P(X ≤ count) equal
 * (1 − level) / 2, i.e. χ²(α/2; 2·count)/2 and χ²(1 − α/2; 2·count + 2)/2.
 */
export function exactPoisson(count: number, confidence: ConfidenceLevel = 0.95): Interval {
	const tail = (1 - confidence) / 2;
	const hi = count + 10 * Math.sqrt(count) + 30;
	const upper = bisect((mu) => poissonAtMost(count, mu) - tail, 0, hi);
	const lower = count === 0 ? 0 : bisect((mu) => tail - poissonAtLeast(count, mu), 0, hi);
	return { lower, upper };
}

/** CI for a count: exact Poisson below 10 events, Byar from 10. */
export function countInterval(count: number, confidence: ConfidenceLevel = 0.95): Interval | null {
	if (!isCount(count)) return null;
	return count < 10 ? exactPoisson(count, confidence) : byar(count, confidence);
}

/** A proportion (× multiplier: 100 for a percentage) with its Wilson interval, as `calculate_proportion`. */
export function proportion(numerator: number | null, denominator: number | null, options: RateOptions = {}): Estimate | null {
	const { confidence = 0.95, multiplier = 1 } = options;
	if (numerator == null || denominator == null) return null;
	const ci = wilson(numerator, denominator, confidence);
	if (!ci) return null;
	return { value: (numerator / denominator) * multiplier, lower: ci.lower * multiplier, upper: ci.upper * multiplier };
}

/** A crude rate per `multiplier` (default 100,000) with exact/Byar's limits, as `calculate_rate`. */
export function rate(count: number | null, denominator: number | null, options: RateOptions = {}): Estimate | null {
	const { confidence = 0.95, multiplier = 100000 } = options;
	if (count == null || !(denominator != null && denominator > 0)) return null;
	const ci = countInterval(count, confidence);
	if (!ci) return null;
	const per = multiplier / denominator;
	return { value: count * per, lower: ci.lower * per, upper: ci.upper * per };
}

/** One age band (or other standardisation category) of a directly standardised rate. */
export interface DsrStratum {
	/** Events in the band; blank counts as none. Ignored when `people` is given. */
	count?: number | null;
	population: number;
	/** The band's standard population (e.g. ESP 2013). */
	standard: number;
	/** Non-independent events: how many people had each number of events (blank counts as none). */
	people?: { events: number; count: number | null }[];
}

/**
 * Directly standardised rate per `multiplier` with Dobson's limits, as PHEindicatormethods' `calculate_dsr`:
 * value + √(var/O)·(Byar's limit of O − O), O the total events. When strata give `people` by event frequency, the
 * variance is Σ f²·var_f over frequencies f, which widens the interval for events that recur in the same people.
 * Null when any population is not positive, any count or standard is negative, or there are fewer than 10 events.
 */
export function dsr(strata: DsrStratum[], options: RateOptions = {}): Estimate | null {
	const { confidence = 0.95, multiplier = 100000 } = options;
	const nonIndependent = strata.some((s) => s.people);
	const frequencies = new Map<number, number>();
	let total = 0;
	let weighted = 0;
	let variance = 0;
	let standardSum = 0;
	for (const s of strata) {
		if (!(s.population > 0) || !(s.standard >= 0)) return null;
		const weight = s.standard / s.population;
		let events = 0;
		if (nonIndependent) {
			for (const { events: f, count } of s.people ?? []) {
				if (count == null) continue;
				if (!isCount(count) || !isCount(f)) return null;
				events += f * count;
				frequencies.set(f, (frequencies.get(f) ?? 0) + count * weight * weight);
			}
		} else if (s.count != null) {
			if (!isCount(s.count)) return null;
			events = s.count;
			variance += events * weight * weight;
		}
		total += events;
		weighted += events * weight;
		standardSum += s.standard;
	}
	if (nonIndependent) for (const [f, v] of frequencies) variance += f * f * v;
	if (total < 10) return null;
	variance /= standardSum * standardSum;
	const value = (weighted / standardSum) * multiplier;
	const scale = Math.sqrt(variance / total) * multiplier;
	return {
		value,
		lower: value + scale * (byarsLower(total, confidence)! - total),
		upper: value + scale * (byarsUpper(total, confidence) - total)
	};
}
