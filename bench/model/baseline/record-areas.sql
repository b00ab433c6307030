-- Each journey counts for its local authority and, where different, for its CDP (North + West
-- Northamptonshire → Northamptonshire). Counts are summed; rates are computed after summing.
CREATE OR REPLACE TEMP VIEW journey_facts AS
SELECT
	unnest(list_distinct([area_code, cdp_code])) AS area,
	CASE WHEN age < 18 THEN 'young_people' ELSE 'adults' END AS age_group,
	substance_group,
	CASE substance_group
		WHEN 'opiate_only' THEN 'opiate' WHEN 'opiate_crack' THEN 'opiate'
		WHEN 'alcohol_only' THEN 'alcohol' ELSE 'non_opiate' END AS cohort,
	triage_date,
	discharge_date,
	discharge_reason,
	rehab_start_date,
	synthetic
FROM journeys_in_use;
