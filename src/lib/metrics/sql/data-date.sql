-- The "as at" date of record-level data: the latest event recorded, never later than today.
-- (journey_cube.last_date holds the latest triage, discharge and rehab start dates.)
SELECT strftime(least(max(d), CAST(now()::TIMESTAMP AS DATE)), '%Y-%m-%d') AS data_date FROM (
	SELECT max(last_date) AS d FROM journey_cube
	UNION ALL SELECT max(greatest(release_date, coalesce(first_contact_date, release_date))) FROM releases_in_use
);
