-- Continuity of care from records: adults released from prison with a treatment need (denominator)
-- who had a first community treatment contact within 21 days of release (numerator), by financial
-- year and financial quarter of release. Counted for the LA and for its CDP.
-- $1 is the data date. A release whose 21-day window has not closed by then (released in the last 21 days,
-- or later) cannot yet be judged: it is left out of the numerator and the denominator and counted as
-- `pending`, so a late contact is never read as "not engaged".
WITH r AS (
	SELECT unnest(list_distinct([area_code, cdp_code])) AS area, release_date,
		first_contact_date IS NOT NULL AND first_contact_date >= release_date AND first_contact_date - release_date <= 21 AS engaged,
		coalesce(release_date > CAST($1 AS DATE) - 21, false) AS pending,
		synthetic
	FROM releases_in_use WHERE treatment_need
)
SELECT area, CAST(fy_of(release_date) AS INTEGER) AS fy, NULL::INTEGER AS quarter,
	CAST(count(*) FILTER (WHERE NOT pending) AS INTEGER) AS denominator, CAST(count(*) FILTER (WHERE engaged AND NOT pending) AS INTEGER) AS numerator,
	CAST(count(*) FILTER (WHERE pending) AS INTEGER) AS pending, bool_and(synthetic) AS synthetic
FROM r GROUP BY area, fy
UNION ALL
SELECT area, CAST(fy_of(release_date) AS INTEGER), CAST(((month(release_date) + 8) % 12) // 3 + 1 AS INTEGER),
	CAST(count(*) FILTER (WHERE NOT pending) AS INTEGER), CAST(count(*) FILTER (WHERE engaged AND NOT pending) AS INTEGER),
	CAST(count(*) FILTER (WHERE pending) AS INTEGER), bool_and(synthetic)
FROM r GROUP BY area, fy_of(release_date), ((month(release_date) + 8) % 12) // 3 + 1
ORDER BY area, fy, quarter NULLS FIRST;
