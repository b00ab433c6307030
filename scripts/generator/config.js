/**
 * Calibration of the synthetic extracts: areas, numbers in treatment by cohort and year, journey lengths,
 * referral sources, discharge reasons, residential rehab and prison releases.
 *
 * Sources of the calibrated numbers (shared/seeds):
 * - 000 Rotherham SSMTRG planning return: 2021-22 adults in structured treatment 1957 (opiate 1088, non-opiate 330,
 *   alcohol 539), young people 34; guide trajectory 2019 / 2154 / 2397 (actuals here stay below it: 1990, 2100 …);
 *   continuity of care 25% baseline, plan 40 / 60 / 75%; residential rehab 9 a year (0.5%), plan 14 / 26 / 38.
 * - 001 Medway scrutiny update: ≈1190 in treatment 2023-24, 615 new presentations, mix 220 opiate only / 30 crack
 *   only / 300 opiate and crack / 400 alcohol only / 150 non-opiate and alcohol (+ ≈90 non-opiate only to make 1190),
 *   a dip April–November 2023 then month-on-month growth from December 2023; continuity of care 50%.
 * - 003 Southend continuity of care baseline 29% (2021-22).
 * Southend-on-Sea (≈1,100 adults) and Northamptonshire (≈3,600 adults, North 45% / West 55%) are illustrative.
 */

import { dayOf } from './dates.js';

/** Substance groups in cohort order; index 6 is the young people's cohort (age < 18, mixed substances). */
/** The seed of the embedded files; the exact calibration to the seed documents belongs to them. */
export const DEFAULT_SEED = 'cdp-2024-09-30';

export const SUBSTANCES = ['opiate_only', 'opiate_crack', 'crack_only', 'non_opiate_only', 'non_opiate_alcohol', 'alcohol_only'];
export const YP = 6;
export const COHORTS = 7;

/** Financial years (start year) with calibrated full-year targets; 2024 is only simulated to September. */
export const TARGET_FYS = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024];

const NORTHANTS_TOTALS = [3700, 3610, 3560, 3540, 3480, 3600, 3720, 3880, 4020];
const NORTHANTS_YP = [165, 160, 150, 145, 130, 140, 150, 160, 170];
const NORTHANTS_SHARES = [0.27, 0.21, 0.03, 0.1, 0.09, 0.3];

/**
 * adults: full-year adults in treatment by FY (TARGET_FYS order), either totals with shares (interpolated from
 * shares2016 to shares2021, held after 2021) or explicit per-substance vectors in `exact`.
 * durationFactor: multiplies journey lengths (shorter journeys = more new presentations per place).
 */
export const AREAS = [
	{
		code: 'E08000018',
		name: 'Rotherham',
		totals: [2050, 2010, 1985, 1975, 1930, 1957, 1990, 2100, 2230],
		shares2016: [0.33, 0.235, 0.015, 0.08, 0.07, 0.27],
		exact: {
			2021: [590, 498, 45, 150, 135, 539], // 1957: opiate 1088, non-opiate 330, alcohol 539
			2022: [585, 515, 50, 155, 140, 545], // 1990 (guide 2019)
			2023: [590, 545, 58, 170, 147, 590], // 2100 (guide 2154)
			2024: [595, 575, 65, 185, 155, 655] // 2230 full-year pace (guide 2397); file stops at September
		},
		yp: [45, 42, 40, 38, 31, 34, 37, 41, 44],
		/** Exact people in 2021-22 (the final correction step): adults by group as exact[2021], 34 young people. */
		exactPeople: { fy: 2021, young: 34 },
		durationFactor: 1,
		rehab: { 2015: 9, 2016: 9, 2017: 10, 2018: 9, 2019: 10, 2020: 8, 2021: 10, 2022: 12, 2023: 20, 2024: 17 },
		releases: {
			needPerYear: 250,
			engaged: { 2018: 0.22, 2019: 0.24, 2020: 0.23, 2021: 0.25, 2022: 0.35, 2023: 0.45, 2024: 0.47 }
		}
	},
	{
		code: 'E06000035',
		name: 'Medway',
		totals: [1290, 1260, 1240, 1225, 1200, 1215, 1235, 1190, 1268],
		shares2016: [0.21, 0.22, 0.02, 0.08, 0.12, 0.35],
		exact: {
			2022: [232, 305, 30, 95, 158, 415], // 1235: the 2022/23 baseline the seed says fell slightly
			2023: [220, 300, 30, 90, 150, 400] // 1190: the seed's mix (rounded values) + ≈90 non-opiate only
		},
		/** Rolling 12-month count: dip April–November 2023, then growth every month from December 2023. */
		knots: [
			{ k: 103, ratio: 1138 / 1190 }, // November 2023
			{ k: 107, ratio: 1 }, // March 2024 = 2023-24 in treatment
			{ k: 113, ratio: 1268 / 1190 } // September 2024
		],
		yp: [85, 80, 78, 74, 62, 65, 70, 60, 68],
		/** Exact people in 2023-24 (the final correction step): adults by group as exact[2023], 615 new presentations. */
		exactPeople: { fy: 2023, newPresentations: 615 },
		durationFactor: 1,
		/** The old contract ended in March 2023: some clients were discharged (referred on, dropped out) before it. */
		transition: {
			from: dayOf(2023, 1, 1),
			to: dayOf(2023, 3, 31),
			inTreatment: [220, 300, 30, 90, 150, 400], // 2023-24
			newPresentations: [45, 112, 22, 63, 95, 278] // 2023-24: 615 in all
		},
		rehabRate: { 2015: 0.007, 2021: 0.007, 2022: 0.008, 2023: 0.01, 2024: 0.011 },
		releases: {
			needPerYear: 220,
			engaged: { 2018: 0.38, 2019: 0.4, 2020: 0.41, 2021: 0.43, 2022: 0.46, 2023: 0.5, 2024: 0.52 }
		}
	},
	{
		code: 'E06000033',
		name: 'Southend-on-Sea',
		totals: [1120, 1090, 1075, 1080, 1060, 1100, 1135, 1180, 1220],
		shares2016: [0.33, 0.23, 0.02, 0.075, 0.065, 0.28],
		shares2021: [0.3, 0.245, 0.027, 0.082, 0.073, 0.273],
		yp: [60, 58, 55, 52, 45, 50, 54, 58, 60],
		durationFactor: 1,
		rehabRate: { 2015: 0.009, 2021: 0.009, 2022: 0.01, 2023: 0.011, 2024: 0.012 },
		releases: {
			needPerYear: 150,
			engaged: { 2018: 0.27, 2019: 0.3, 2020: 0.28, 2021: 0.29, 2022: 0.35, 2023: 0.4, 2024: 0.41 }
		}
	},
	{
		code: 'E06000061',
		name: 'North Northamptonshire',
		totals: NORTHANTS_TOTALS.map((v) => v * 0.45),
		shares2016: [0.3, 0.19, 0.02, 0.1, 0.08, 0.31],
		shares2021: NORTHANTS_SHARES,
		yp: NORTHANTS_YP.map((v) => v * 0.45),
		durationFactor: 1,
		rehabRate: { 2015: 0.005, 2021: 0.006, 2022: 0.008, 2023: 0.01, 2024: 0.012 },
		releases: {
			needPerYear: 450 * 0.45,
			engaged: { 2018: 0.34, 2019: 0.35, 2020: 0.35, 2021: 0.36, 2022: 0.39, 2023: 0.42, 2024: 0.44 }
		}
	},
	{
		code: 'E06000062',
		name: 'West Northamptonshire',
		totals: NORTHANTS_TOTALS.map((v) => v * 0.55),
		shares2016: [0.3, 0.19, 0.02, 0.1, 0.08, 0.31],
		shares2021: NORTHANTS_SHARES,
		yp: NORTHANTS_YP.map((v) => v * 0.55),
		durationFactor: 1,
		rehabRate: { 2015: 0.005, 2021: 0.006, 2022: 0.008, 2023: 0.01, 2024: 0.012 },
		releases: {
			needPerYear: 450 * 0.55,
			engaged: { 2018: 0.35, 2019: 0.36, 2020: 0.36, 2021: 0.37, 2022: 0.4, 2023: 0.43, 2024: 0.45 }
		}
	}
];

/**
 * Journey lengths: a mixture of exponentials per cohort, [weight, mean in years]. Opiate journeys are long (often
 * years, with a tail of a decade on substitute prescribing); alcohol and non-opiate journeys last months.
 */
export const DURATIONS = [
	[
		[0.22, 0.35],
		[0.36, 2],
		[0.42, 6.5]
	], // opiate only: mean ≈ 3.5 y
	[
		[0.3, 0.3],
		[0.4, 1.5],
		[0.3, 4.5]
	], // opiate and crack: ≈ 2.0 y
	[
		[0.5, 0.25],
		[0.42, 0.8],
		[0.08, 2.5]
	], // crack only: ≈ 0.66 y
	[
		[0.55, 0.25],
		[0.4, 0.7],
		[0.05, 2]
	], // non-opiate only: ≈ 0.52 y
	[
		[0.5, 0.3],
		[0.42, 0.8],
		[0.08, 2]
	], // non-opiate and alcohol: ≈ 0.65 y
	[
		[0.5, 0.25],
		[0.45, 0.6],
		[0.05, 2]
	], // alcohol only: ≈ 0.5 y
	[
		[0.6, 0.25],
		[0.4, 0.6]
	] // young people: ≈ 0.39 y
];
/** Shortest journey, days. */
export const MIN_DAYS = 3;

/** Young people's substance mix (cannabis-led non-opiate only dominates). */
export const YP_SUBSTANCES = [
	[0, 0.01],
	[1, 0.01],
	[2, 0.03],
	[3, 0.62],
	[4, 0.2],
	[5, 0.13]
];

/** Age at triage: [mean, sd, min, max, mean drift per year after 2016]. */
export const AGES = [
	[42, 8.5, 19, 75, 0.45],
	[39, 8, 19, 70, 0.35],
	[33, 9, 18, 65, 0.2],
	[30, 9.5, 18, 70, 0.1],
	[36, 10, 18, 75, 0.1],
	[46, 11.5, 18, 85, 0]
];
export const YP_AGES = [
	[12, 3],
	[13, 8],
	[14, 15],
	[15, 22],
	[16, 27],
	[17, 25]
];

/** Share of men. */
export const MALE = [0.73, 0.75, 0.7, 0.7, 0.66, 0.6, 0.58];

/** Referral source codes (RFLS): 3 GP, 4 Self, 5 arrest referral, 8 probation, 13 CARAT/prison, 19 social services, 22 general hospital. */
export const REFERRALS = {
	opiate: [
		[4, 54],
		[3, 8],
		[5, 6],
		[8, 11],
		[13, 12],
		[19, 3],
		[22, 6]
	],
	nonOpiate: [
		[4, 50],
		[3, 12],
		[5, 9],
		[8, 12],
		[13, 5],
		[19, 8],
		[22, 4]
	],
	alcohol: [
		[4, 52],
		[3, 22],
		[5, 1],
		[8, 5],
		[13, 2],
		[19, 6],
		[22, 12]
	],
	young: [
		[4, 22],
		[3, 12],
		[5, 8],
		[19, 48],
		[22, 10]
	]
};

/**
 * Discharge reasons (DISRSN), not counting deaths: 1 completed drug free, 2 completed, 3 withdrawn, 5 referred on,
 * 6 dropped out, 8 prison, 10 other. Short = journeys under 90 days.
 */
export const REASONS = {
	short: [
		[1, 4],
		[2, 6],
		[3, 6],
		[5, 10],
		[6, 62],
		[8, 4],
		[10, 8]
	],
	opiate: [
		[1, 22],
		[2, 12],
		[3, 5],
		[5, 12],
		[6, 35],
		[8, 8],
		[10, 6]
	],
	nonOpiate: [
		[1, 38],
		[2, 18],
		[3, 4],
		[5, 10],
		[6, 22],
		[8, 4],
		[10, 4]
	],
	alcohol: [
		[1, 40],
		[2, 22],
		[3, 3],
		[5, 10],
		[6, 20],
		[8, 1],
		[10, 4]
	],
	young: [
		[1, 45],
		[2, 15],
		[5, 15],
		[6, 20],
		[10, 5]
	]
};

/**
 * Yearly risk of dying while in treatment, by cohort (DISRSN 9). With the journey lengths above this gives about
 * 2% of opiate clients in treatment a year, ≈1.2% of alcohol clients and less for non-opiates (England 1.4%).
 */
export const DEATH_HAZARD = [0.03, 0.028, 0.012, 0.006, 0.012, 0.04, 0.0005];

/** Preference for residential rehab by cohort (acceptance weight when picking journeys). */
export const REHAB_WEIGHT = [0.9, 0.9, 0.4, 0.3, 0.7, 1, 0];

/** Share of new journeys that are re-presentations of a client discharged earlier (same area). */
export const REPRESENT = 0.22;
/**
 * Share of re-presentations that are quick returns: a client discharged 30 to QUICK_DAYS days before. Such a person
 * has two journeys in some 12-month windows and is counted once (people, not journeys).
 */
export const QUICK_RETURN = 0.75;
export const QUICK_DAYS = 300;

/** Rounds of people-count calibration (journeys.js calibrated()): each scales the knots by wanted / counted. */
export const CALIBRATION_ROUNDS = 4;

/** Prison releases. */
export const RELEASE_NEED = 0.85;
export const RELEASE_FIRST_FY = 2018;
