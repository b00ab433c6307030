/** British number, money, percentage and date formats, with suppression markers. */
const int = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const one = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export const SUPPRESSED = '*';
export const MISSING = '–';

export function fmtCount(v: number | null | undefined, suppressed = false): string {
	if (suppressed) return SUPPRESSED;
	if (v == null || Number.isNaN(v)) return MISSING;
	return Number.isInteger(v) ? int.format(v) : one.format(v);
}

export function fmtPct(v: number | null | undefined, suppressed = false, digits = 0): string {
	if (suppressed) return SUPPRESSED;
	if (v == null || Number.isNaN(v)) return MISSING;
	const f = digits ? new Intl.NumberFormat('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : null;
	return `${f ? f.format(v) : Number.isInteger(v) ? int.format(v) : one.format(v)}%`;
}

export function fmtGbp(v: number | null | undefined): string {
	if (v == null || Number.isNaN(v)) return MISSING;
	return `£${int.format(v)}`;
}

export function fmtRate(v: number | null | undefined): string {
	if (v == null || Number.isNaN(v)) return MISSING;
	return one.format(v);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** 30 September 2024 */
export function fmtDate(iso: string | null | undefined): string {
	if (!iso) return MISSING;
	const [y, m, d] = iso.split('-').map(Number);
	return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** Sep 2024 from 2024-09 */
export function fmtMonth(ym: string): string {
	const [y, m] = ym.split('-').map(Number);
	return `${MONTHS[m - 1].slice(0, 3)} ${y}`;
}

export function fy(startYear: number): string {
	return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** Signed difference: "+12" / "−34" with a true minus sign. */
export function fmtSigned(v: number, unit?: string): string {
	const a = Math.abs(v);
	const s = unit === 'percent' ? `${a < 10 ? one.format(a) : int.format(Math.round(a))} points` : int.format(Math.round(a));
	return v > 0 ? `+${s}` : v < 0 ? `−${s}` : s;
}
