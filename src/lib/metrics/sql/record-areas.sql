-- The journey cube counted for each area it belongs to: its local authority and, where different, its CDP
-- (North + West Northamptonshire → Northamptonshire). Counts are summed; rates are computed after summing.
-- `n` people (or events) share each row; spell rows (kinds 0, 1) are signed, see data/sql/cube-journeys.sql.
CREATE OR REPLACE TEMP VIEW journey_facts AS
SELECT
	unnest(list_distinct([area_code, cdp_code])) AS area,
	CASE WHEN young THEN 'young_people' ELSE 'adults' END AS age_group,
	substance_group,
	CASE substance_group
		WHEN 'opiate_only' THEN 'opiate' WHEN 'opiate_crack' THEN 'opiate'
		WHEN 'alcohol_only' THEN 'alcohol' ELSE 'non_opiate' END AS cohort,
	kind,
	month,
	n,
	synthetic
FROM journey_cube;
