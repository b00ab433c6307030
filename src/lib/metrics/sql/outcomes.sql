-- Recovery outcomes of adults for the 12 months to the end of each calendar quarter (rolling 12 months), per area
-- (LA and CDP) and cohort: people who left treatment successfully, of whom did not re-present within 6 months;
-- people starting a journey, of whom left unplanned within 12 weeks; people starting with a known wait, of whom
-- waited over 3 weeks. Summed from the journey cubes' window memberships (kinds 6 to 11, data/sql/cube-journeys.sql;
-- what each journey is, data/sql/cube-outcomes.sql): the people counted for a window ending in month M are the sum
-- of n over months <= M. Synthetic rows are left out for any area where real journeys are loaded, as
-- journey-cube.sql does. $1 is the data date: no quarter after it.
-- Whether a quarter's follow-up has closed by the data date is decided by the reader (metrics/outcomes.ts).
WITH c AS (
	SELECT unnest(list_distinct([c.area_code, coalesce(a.cdp_code, c.area_code)])) AS area,
		CASE c.substance_group WHEN 'opiate_only' THEN 'opiate' WHEN 'opiate_crack' THEN 'opiate' WHEN 'alcohol_only' THEN 'alcohol' ELSE 'non_opiate' END AS cohort,
		c.kind, c.month, c.n, c.synthetic
	FROM journey_cubes c
	LEFT JOIN area_cdp a USING (area_code)
	WHERE c.kind BETWEEN 6 AND 11 AND NOT c.young
		AND (NOT c.synthetic OR c.area_code NOT IN (SELECT area_code FROM journey_cubes WHERE NOT synthetic))
),
grouped AS (
	SELECT area, 'adults' AS grp, kind, month, n, synthetic FROM c
	UNION ALL SELECT area, cohort, kind, month, n, synthetic FROM c
),
per_month AS (SELECT area, grp, kind, month, sum(n) AS n, bool_and(synthetic) AS synthetic FROM grouped GROUP BY ALL),
-- Running sums at each quarter end: the sum of every change up to that month.
quarters AS (
	SELECT unnest(generate_series(DATE '2017-06-01', CAST($1 AS DATE), INTERVAL 3 MONTH))::DATE AS q
),
cells AS (
	SELECT p.area, p.grp, q.q, sum(p.n) FILTER (WHERE p.kind = 6) AS completed, sum(p.n) FILTER (WHERE p.kind = 7) AS sustained,
		sum(p.n) FILTER (WHERE p.kind = 8) AS starts, sum(p.n) FILTER (WHERE p.kind = 9) AS early_exits,
		sum(p.n) FILTER (WHERE p.kind = 10) AS waits_known, sum(p.n) FILTER (WHERE p.kind = 11) AS waits_over
	FROM per_month p JOIN quarters q ON p.month <= q.q
	GROUP BY p.area, p.grp, q.q
),
synth AS (SELECT area, bool_and(synthetic) AS synthetic FROM per_month GROUP BY area)
SELECT area, grp AS "group", strftime(q, '%Y-%m') AS month,
	CAST(coalesce(completed, 0) AS INTEGER) AS completed, CAST(coalesce(sustained, 0) AS INTEGER) AS sustained,
	CAST(coalesce(starts, 0) AS INTEGER) AS starts, CAST(coalesce(early_exits, 0) AS INTEGER) AS early_exits,
	CAST(coalesce(waits_known, 0) AS INTEGER) AS waits_known, CAST(coalesce(waits_over, 0) AS INTEGER) AS waits_over,
	synthetic
FROM cells JOIN synth USING (area)
-- A quarter ends in month q: its window runs to the month's end, so it is shown only once that has passed.
WHERE q + INTERVAL 1 MONTH - INTERVAL 1 DAY <= CAST($1 AS DATE)
ORDER BY area, "group", month;
