-- One file's journeys counted per area, cohort and month of each event, into `journey_cubes` (see schema.sql).
-- Three GROUP BYs measured faster in the browser than GROUPING SETS or an UNNEST of the three events.
INSERT INTO journey_cubes
SELECT $1, area_code, young, substance_group, synthetic, 0, month, false, count(*), min(triage_date), max(triage_date)
FROM (SELECT area_code, coalesce(age < 18, false) AS young, substance_group, synthetic, triage_date,
	date_trunc('month', triage_date) AS month FROM journeys WHERE file_id = $1)
GROUP BY area_code, young, substance_group, synthetic, month
UNION ALL
SELECT $1, area_code, young, substance_group, synthetic, 1, month, died, count(*), min(discharge_date), max(discharge_date)
FROM (SELECT area_code, coalesce(age < 18, false) AS young, substance_group, synthetic, discharge_date,
	date_trunc('month', discharge_date) AS month, coalesce(discharge_reason = 'died', false) AS died
	FROM journeys WHERE file_id = $1 AND discharge_date IS NOT NULL)
GROUP BY area_code, young, substance_group, synthetic, month, died
UNION ALL
SELECT $1, area_code, young, substance_group, synthetic, 2, month, false, count(*), min(rehab_start_date), max(rehab_start_date)
FROM (SELECT area_code, coalesce(age < 18, false) AS young, substance_group, synthetic, rehab_start_date,
	date_trunc('month', rehab_start_date) AS month FROM journeys WHERE file_id = $1 AND rehab_start_date IS NOT NULL)
GROUP BY area_code, young, substance_group, synthetic, month;
