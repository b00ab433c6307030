/** Money and FTE as the resources figures print them. */
import { fmtGbp } from '$lib/metrics/format';

export const fte = (v: number) => `${v.toLocaleString('en-GB', { maximumFractionDigits: 2 })} FTE`;
export const fteNumber = (v: number) => v.toLocaleString('en-GB', { maximumFractionDigits: 2 });
/** Axis and bar labels: £1.09m from a million, else whole pounds. */
export const money = (v: number) => (v >= 1e6 ? `£${(v / 1e6).toLocaleString('en-GB', { maximumFractionDigits: 2 })}m` : fmtGbp(v));
