-- Every area with data, named from the registry or else from the data itself.
-- Record-level areas come from journey_cube (one row per journey area at least), not the journeys.
WITH journey_areas AS (SELECT area_code FROM journey_cube UNION SELECT cdp_code FROM journey_cube),
present AS (
	SELECT area_code, max(area_name) AS data_name FROM figures GROUP BY area_code
	UNION ALL SELECT area_code, NULL FROM journey_areas
	UNION ALL SELECT DISTINCT area_code, NULL FROM releases_in_use
),
named AS (SELECT area_code, max(data_name) AS data_name FROM present GROUP BY area_code)
SELECT n.area_code AS code, coalesce(a.area_name, n.data_name, n.area_code) AS name, coalesce(a.area_type, 'la') AS type,
	coalesce(a.sort_order, 1000) AS "order", a.region_code AS region,
	n.area_code IN (SELECT area_code FROM journey_areas) AS has_records
FROM named n LEFT JOIN areas a USING (area_code)
ORDER BY "order", name;
