-- People in treatment in the 12 months to each month end, by cohort (adults) and for young people: the rolling count NDTMS
-- reports monthly. count(m) = #triaged by end of m − #discharged before the start of m−11.
WITH grouped AS (
	SELECT area, 'adults' AS grp, triage_date, discharge_date FROM journey_facts WHERE age_group = 'adults'
	UNION ALL SELECT area, cohort, triage_date, discharge_date FROM journey_facts WHERE age_group = 'adults'
	UNION ALL SELECT area, 'young_people', triage_date, discharge_date FROM journey_facts WHERE age_group = 'young_people'
),
events AS (
	SELECT area, grp, date_trunc('month', triage_date) AS m, 1 AS starts, 0 AS ends FROM grouped
	UNION ALL SELECT area, grp, date_trunc('month', discharge_date) + INTERVAL 12 MONTH, 0, 1 FROM grouped WHERE discharge_date IS NOT NULL
),
per_month AS (SELECT area, grp, m, sum(starts) AS starts, sum(ends) AS ends FROM events GROUP BY ALL),
span AS (SELECT min(date_trunc('month', triage_date)) AS lo, ? ::DATE AS hi FROM journey_facts),
grid AS (
	SELECT g.area, g.grp, mo.m FROM (SELECT DISTINCT area, grp FROM per_month) g
	CROSS JOIN (SELECT unnest(generate_series(lo, hi, INTERVAL 1 MONTH)) AS m FROM span) mo
),
running AS (
	SELECT grid.area, grid.grp, grid.m,
		sum(coalesce(p.starts, 0) - coalesce(p.ends, 0)) OVER (PARTITION BY grid.area, grid.grp ORDER BY grid.m) AS in_treatment
	FROM grid LEFT JOIN per_month p USING (area, grp, m)
)
SELECT area, grp AS "group", strftime(m, '%Y-%m') AS month, CAST(in_treatment AS INTEGER) AS in_treatment
FROM running
-- The first 11 months lack a full year of history; before April 2017 is older than any chart needs.
WHERE m >= (SELECT lo FROM span) + INTERVAL 11 MONTH AND m >= DATE '2017-04-01'
ORDER BY area, "group", month;
