-- Every area with data, named from the registry or else from the data itself.
WITH present AS (
	SELECT area_code, max(area_name) AS data_name FROM figures GROUP BY area_code
	UNION ALL SELECT DISTINCT area_code, NULL FROM journeys_in_use
	UNION ALL SELECT DISTINCT cdp_code, NULL FROM journeys_in_use
	UNION ALL SELECT DISTINCT area_code, NULL FROM releases_in_use
),
named AS (SELECT area_code, max(data_name) AS data_name FROM present GROUP BY area_code)
SELECT n.area_code AS code, coalesce(a.area_name, n.data_name, n.area_code) AS name, coalesce(a.area_type, 'la') AS type,
	coalesce(a.sort_order, 1000) AS "order", a.region_code AS region,
	n.area_code IN (SELECT area_code FROM journeys_in_use UNION SELECT cdp_code FROM journeys_in_use) AS has_records
FROM named n LEFT JOIN areas a USING (area_code)
ORDER BY "order", name;
