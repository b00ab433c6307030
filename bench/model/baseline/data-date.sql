-- The "as at" date of record-level data: the latest event recorded, never later than today.
SELECT strftime(least(max(d), CAST(now()::TIMESTAMP AS DATE)), '%Y-%m-%d') AS data_date FROM (
	SELECT max(greatest(triage_date, coalesce(discharge_date, triage_date), coalesce(rehab_start_date, triage_date))) AS d FROM journeys_in_use
	UNION ALL SELECT max(greatest(release_date, coalesce(first_contact_date, release_date))) FROM releases_in_use
);
