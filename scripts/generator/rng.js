/**
 * Small seeded pseudo-random number generators for the synthetic data generator. Never Math.random: the same
 * seed must give byte-identical files on every machine.
 */

/** Hashes any mix of strings and numbers to an unsigned 32-bit seed (FNV-1a, then a murmur3 finaliser). */
export function hashSeed(...parts) {
	let h = 0x811c9dc5;
	const text = parts.join('\u0001');
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return h >>> 0;
}

/**
 * mulberry32: a tiny 32-bit generator with a full 2^32 period, good enough for synthetic data.
 * Returns a function giving floats in [0, 1).
 */
export function mulberry32(seed) {
	let a = seed >>> 0;
	return function next() {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A generator seeded from the run's seed and a label naming the stream (area, replica, purpose…). */
export function stream(seed, ...label) {
	return mulberry32(hashSeed(seed, ...label));
}

/** Standard normal draw (Box–Muller, one value per call). */
export function normal(rng) {
	const u = 1 - rng();
	const v = rng();
	return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Exponential draw with the given mean. */
export function exponential(rng, mean) {
	return -mean * Math.log(1 - rng());
}

/** Picks an index from cumulative weights (last entry = total). */
export function pickCumulative(rng, cumulative) {
	const x = rng() * cumulative[cumulative.length - 1];
	let i = 0;
	while (i < cumulative.length - 1 && x >= cumulative[i]) i++;
	return i;
}

/** Turns [[value, weight], …] into { values, cumulative } for pickCumulative. */
export function table(pairs) {
	const values = [];
	const cumulative = [];
	let total = 0;
	for (const [value, weight] of pairs) {
		total += weight;
		values.push(value);
		cumulative.push(total);
	}
	return { values, cumulative };
}

/** Draws a value from a table made by table(). */
export function pick(rng, t) {
	return t.values[pickCumulative(rng, t.cumulative)];
}
