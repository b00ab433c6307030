-- One pass over the record-level journeys (which may be millions of rows), aggregated to the grain the
-- treatment charts need: per LA (and its CDP), age group, substance group and synthetic flag, the number of
-- journeys starting (kind 0: triage), ending (kind 1: discharge, split by died) and starting residential
-- rehab (kind 2) in each calendar month, with the latest date of each kind. Every later query reads this
-- small table (thousands of rows) instead of the journeys, so the model costs one read of the data.
-- (The journeys are read once into `j`; three GROUP BYs over it measured faster in the browser than
-- GROUPING SETS or an UNNEST of the three events.)
CREATE OR REPLACE TEMP TABLE journey_cube AS
WITH j AS MATERIALIZED (
	SELECT area_code, cdp_code, coalesce(age < 18, false) AS young, substance_group, synthetic,
		triage_date, discharge_date, coalesce(discharge_reason = 'died', false) AS died, rehab_start_date
	FROM journeys_in_use
)
SELECT area_code, cdp_code, young, substance_group, synthetic, 0 AS kind, date_trunc('month', triage_date) AS month, false AS died,
	count(*) AS n, max(triage_date) AS last_date
FROM j GROUP BY ALL
UNION ALL
SELECT area_code, cdp_code, young, substance_group, synthetic, 1, date_trunc('month', discharge_date), died, count(*), max(discharge_date)
FROM j WHERE discharge_date IS NOT NULL GROUP BY ALL
UNION ALL
SELECT area_code, cdp_code, young, substance_group, synthetic, 2, date_trunc('month', rehab_start_date), false, count(*), max(rehab_start_date)
FROM j WHERE rehab_start_date IS NOT NULL GROUP BY ALL;
