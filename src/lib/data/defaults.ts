/** The embedded default files, in load order. File ids below 100 are reserved for them. */
export const DEFAULT_FILES = [
	'seed-figures.csv',
	'ons-drug-deaths-2021.csv',
	'reference-figures.csv',
	'synthetic-journeys.csv',
	'synthetic-prison-releases.csv'
] as const;

export const FIRST_USER_FILE_ID = 100;
