/** Unmet need for opiate and crack treatment, where an estimate of the area's users is loaded. */
import { OCU_NEED } from '$lib/metrics/unmet-need';
import { unmetNeedMeasure } from './unmet-need';

export default unmetNeedMeasure({
	id: 'unmet-need-ocu',
	name: 'Unmet need: opiate and crack',
	need: OCU_NEED,
	people: 'opiate and/or crack cocaine users',
	treated: 'in treatment for opiates or crack',
	estimate: (est) => `${est.period} estimate`,
	estimateOf: (est) => `the ${est.period} estimate`,
	column: 'opiates or crack',
	yLabel: '% of estimated opiate and crack users',
	definition:
		'Unmet need = 1 − (adults in treatment for opiates or crack in the financial year ÷ the estimated number of opiate and/or crack cocaine users). In treatment for opiates or crack: the opiate group (opiates, with or without crack) and crack users without opiates, each person once a year; the published figure where every part of it is published (opiate and crack only, or opiate only, opiate and crack, and crack only), else counted from records as people. A count from records is hidden when it is 1 to 4 or when either part is hidden where that part is shown, since the count less the other part would give it back. The range comes from the estimate’s 95% limits: the lower limit of the estimate gives the lower end of unmet need. The latest estimate loaded is used for every year from its own on, and named. From a Fingertips export (indicator 93517) the number of users is the Count column; the Value is a rate per 1,000 population, so the limits are the rate’s limits scaled to the count (× Count ÷ Value), to whole people. The estimates count users aged 15 to 64, treatment counts adults (18 and over): the two are close, not the same. For the Northamptonshire partnership an estimate for the former county (the same area) is used where the file has none for the partnership.'
});
