-- People in treatment in the 12 months to each month end, by cohort (adults) and for young people: the rolling count NDTMS
-- reports monthly, each person once. count(m) = #spell starts by end of m − #spell ends before the start of m−11
-- (spells: data/sql/cube-journeys.sql). Read from the journey cube.
WITH grouped AS (
	SELECT area, 'adults' AS grp, kind, month, n FROM journey_facts WHERE age_group = 'adults' AND kind < 2
	UNION ALL SELECT area, cohort, kind, month, n FROM journey_facts WHERE age_group = 'adults' AND kind < 2
	UNION ALL SELECT area, 'young_people', kind, month, n FROM journey_facts WHERE age_group = 'young_people' AND kind < 2
),
events AS (
	SELECT area, grp, month AS m, n AS starts, 0 AS ends FROM grouped WHERE kind = 0
	UNION ALL SELECT area, grp, month + INTERVAL 12 MONTH, 0, n FROM grouped WHERE kind = 1
),
per_month AS (SELECT area, grp, m, sum(starts) AS starts, sum(ends) AS ends FROM events GROUP BY ALL),
span AS (SELECT min(month) AS lo, ? ::DATE AS hi FROM journey_cube WHERE kind = 0),
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
