/**
 * The area registry. The four CDPs come first, then England. Northamptonshire's CDP is North + West
 * Northamptonshire (unitaries since April 2021); the former county code is kept so older extracts map too.
 * Counts are summed across members; rates never are.
 */
export interface Area {
	code: string;
	name: string;
	type: 'country' | 'region' | 'cdp' | 'la' | 'former_county';
	region: string | null;
	/** The CDP this area belongs to (itself for a single-LA CDP). */
	cdp: string | null;
	order: number;
}

export const ENGLAND = 'E92000001';
const NORTHAMPTONSHIRE = 'northamptonshire';

export const AREAS: Area[] = [
	{ code: 'E08000018', name: 'Rotherham', type: 'la', region: 'E12000003', cdp: 'E08000018', order: 1 },
	{ code: 'E06000035', name: 'Medway', type: 'la', region: 'E12000008', cdp: 'E06000035', order: 2 },
	{ code: 'E06000033', name: 'Southend-on-Sea', type: 'la', region: 'E12000006', cdp: 'E06000033', order: 3 },
	{ code: NORTHAMPTONSHIRE, name: 'Northamptonshire', type: 'cdp', region: 'E12000004', cdp: NORTHAMPTONSHIRE, order: 4 },
	{ code: ENGLAND, name: 'England', type: 'country', region: null, cdp: null, order: 5 },
	{ code: 'E06000061', name: 'North Northamptonshire', type: 'la', region: 'E12000004', cdp: NORTHAMPTONSHIRE, order: 6 },
	{ code: 'E06000062', name: 'West Northamptonshire', type: 'la', region: 'E12000004', cdp: NORTHAMPTONSHIRE, order: 7 },
	{ code: 'E10000021', name: 'Northamptonshire (former county)', type: 'former_county', region: 'E12000004', cdp: NORTHAMPTONSHIRE, order: 8 },
	{ code: 'E12000003', name: 'Yorkshire and The Humber', type: 'region', region: null, cdp: null, order: 20 },
	{ code: 'E12000008', name: 'South East', type: 'region', region: null, cdp: null, order: 21 },
	{ code: 'E12000006', name: 'East of England', type: 'region', region: null, cdp: null, order: 22 },
	{ code: 'E12000004', name: 'East Midlands', type: 'region', region: null, cdp: null, order: 23 }
];

/** The four partnerships the product is built for, in display order. */
export const CDPS = AREAS.filter((a) => a.order <= 4).map((a) => a.code);



/** Accepts URL forms: ONS codes, `E06000061,E06000062` (= the CDP), or the `northamptonshire` alias. */
export function normaliseAreaParam(value: string | null): string[] {
	if (!value) return [];
	const parts = value
		.split(/[,+ ]+/)
		.map((p) => p.trim())
		.filter(Boolean)
		.map((p) => (p.toLowerCase() === NORTHAMPTONSHIRE ? NORTHAMPTONSHIRE : p.toUpperCase()));
	const set = new Set(parts);
	if (set.has('E06000061') && set.has('E06000062')) {
		set.delete('E06000061');
		set.delete('E06000062');
		set.add(NORTHAMPTONSHIRE);
	}
	return [...set];
}

/** Rows for the `areas` table, as SQL VALUES with parameters. */
export function areaRows(): unknown[][] {
	return AREAS.map((a) => [a.code, a.name, a.type, a.region, a.cdp, a.order]);
}
