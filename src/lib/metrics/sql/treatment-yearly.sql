-- Per area × group × financial year: people in structured treatment at any time in the year (each once, in one
-- group), new presentations, deaths in treatment and people starting residential rehab.
-- A person is in treatment in year y ⇔ one of their spells started by its end and did not end before its start,
-- so count(y) = #spell starts in years ≤ y − #spell ends in years < y: one pass over the cube (see
-- data/sql/cube-journeys.sql for why counting spells counts people, once, in one substance group).
WITH grouped AS (
	-- 'group' is a cohort (adults, opiate, non_opiate, alcohol, young_people) or an adult substance group.
	SELECT area, 'adults' AS grp, kind, month, n, synthetic FROM journey_facts WHERE age_group = 'adults'
	UNION ALL SELECT area, cohort, kind, month, n, synthetic FROM journey_facts WHERE age_group = 'adults'
	UNION ALL SELECT area, substance_group, kind, month, n, synthetic FROM journey_facts WHERE age_group = 'adults'
	UNION ALL SELECT area, 'young_people', kind, month, n, synthetic FROM journey_facts WHERE age_group = 'young_people'
),
per_year AS (
	SELECT area, grp, fy_of(month) AS fy,
		coalesce(sum(n) FILTER (WHERE kind = 0), 0) AS starts,
		coalesce(sum(n) FILTER (WHERE kind = 1), 0) AS ends,
		coalesce(sum(n) FILTER (WHERE kind = 3), 0) AS fresh,
		coalesce(sum(n) FILTER (WHERE kind = 4), 0) AS deaths,
		coalesce(sum(n) FILTER (WHERE kind = 2), 0) AS rehab,
		bool_and(synthetic) AS synthetic
	FROM grouped GROUP BY area, grp, fy
),
span AS (SELECT min(fy) AS lo, max(fy) AS hi FROM per_year),
grid AS (
	SELECT g.area, g.grp, y.fy FROM (SELECT DISTINCT area, grp FROM per_year) g
	CROSS JOIN (SELECT unnest(range(lo, hi + 1)) AS fy FROM span) y
),
filled AS (
	SELECT grid.*, coalesce(p.starts, 0) AS starts, coalesce(p.ends, 0) AS ends, coalesce(p.fresh, 0) AS fresh, coalesce(p.deaths, 0) AS deaths,
		coalesce(p.rehab, 0) AS rehab, p.synthetic
	FROM grid LEFT JOIN per_year p USING (area, grp, fy)
),
counted AS (
	SELECT area, grp AS "group", CAST(fy AS INTEGER) AS fy,
		CAST(sum(starts) OVER w - coalesce(sum(ends) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS INTEGER) AS in_treatment,
		CAST(fresh AS INTEGER) AS new_presentations,
		CAST(deaths AS INTEGER) AS deaths_in_treatment,
		CAST(rehab AS INTEGER) AS rehab_starts,
		coalesce(bool_and(synthetic) OVER (PARTITION BY area), true) AS synthetic
	FROM filled
	WINDOW w AS (PARTITION BY area, grp ORDER BY fy)
)
-- Years before April 2016 only build up the stock of open journeys.
SELECT * FROM counted WHERE fy >= 2016 ORDER BY area, "group", fy;
