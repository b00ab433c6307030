-- Continuity of care from records: adults released from prison with a treatment need (denominator)
-- who had a first community treatment contact within 21 days of release (numerator), by financial
-- year and financial quarter of release. Counted for the LA and for its CDP.
WITH r AS (
	SELECT unnest(list_distinct([area_code, cdp_code])) AS area, release_date,
		first_contact_date IS NOT NULL AND first_contact_date >= release_date AND first_contact_date - release_date <= 21 AS engaged,
		synthetic
	FROM releases_in_use WHERE treatment_need
)
SELECT area, CAST(fy_of(release_date) AS INTEGER) AS fy, NULL::INTEGER AS quarter, CAST(count(*) AS INTEGER) AS denominator, CAST(count(*) FILTER (WHERE engaged) AS INTEGER) AS numerator, bool_and(synthetic) AS synthetic
FROM r GROUP BY area, fy
UNION ALL
SELECT area, CAST(fy_of(release_date) AS INTEGER), CAST(((month(release_date) + 8) % 12) // 3 + 1 AS INTEGER), CAST(count(*) AS INTEGER), CAST(count(*) FILTER (WHERE engaged) AS INTEGER), bool_and(synthetic)
FROM r GROUP BY area, fy_of(release_date), ((month(release_date) + 8) % 12) // 3 + 1
ORDER BY area, fy, quarter NULLS FIRST;
