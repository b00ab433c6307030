-- The people counts in use, summed from the per-file cubes made at load (data/sql/cube-journeys.sql), with each
-- area's CDP: synthetic rows are left out for any area where real journeys are loaded (as journeys_in_use
-- does row by row). Every treatment query reads this small table, so the model never reads the journeys.
-- Kinds 6 and up are the recovery outcomes' window memberships, read by outcomes.sql, not here.
CREATE OR REPLACE TEMP TABLE journey_cube AS
SELECT c.area_code, coalesce(a.cdp_code, c.area_code) AS cdp_code, c.young, c.substance_group, c.synthetic, c.kind, c.month,
	sum(c.n)::BIGINT AS n, max(c.last_date) AS last_date
FROM journey_cubes c
LEFT JOIN area_cdp a USING (area_code)
WHERE c.kind <= 5 AND (NOT c.synthetic OR c.area_code NOT IN (SELECT area_code FROM journey_cubes WHERE NOT synthetic))
GROUP BY ALL;
