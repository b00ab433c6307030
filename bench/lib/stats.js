// Small statistics helpers: nearest-rank percentiles over measured runs.
export function percentile(values, p) {
	const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
	if (!v.length) return null;
	const rank = Math.ceil((p / 100) * v.length);
	return v[Math.min(v.length - 1, Math.max(0, rank - 1))];
}

export function median(values) {
	const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
	if (!v.length) return null;
	const mid = v.length >> 1;
	return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** { median, min, max, runs } of the measured runs (warm-ups already removed). */
export function summary(values) {
	const v = values.filter((x) => Number.isFinite(x));
	if (!v.length) return { median: null, min: null, max: null, runs: [] };
	return { median: median(v), min: Math.min(...v), max: Math.max(...v), runs: v };
}

export const round = (x, d = 0) => (x == null ? null : Math.round(x * 10 ** d) / 10 ** d);
