-- The fast path for a journeys extract in canonical form: one pass from DuckDB's typed CSV reader (the view
-- `typed_src`: AGE read as INTEGER, dates as DATE) straight into `journeys`. A row is loaded here only when
-- the full check (normalise-journeys.sql) would load it unchanged and with no message; any other row raises
-- an error, the caller rolls back and runs the full check, which lists each problem with its line. (A value
-- that is not a whole number or an ISO date stops the read the same way.) Area codes are checked once per
-- code, on the file's cube. The checks avoid trim() (≈ 0.5 s per column per million rows in wasm): an id is
-- taken as is when it is ASCII with no space at either end, the only case where trim() cannot change it.
INSERT INTO journeys
SELECT $1, t.client_id, t.journey_id, t.area_code, t.age, t.sex, s.substance_group, t.referral_date, r.referral_source,
	t.triage_date, t.discharge_date, d.discharge_reason, t.rehab_start_date, coalesce(t.synthetic = 'true', false)
FROM typed_src t
LEFT JOIN substance_labels s ON s.label = t.substance
LEFT JOIN referral_labels r ON r.label = t.referral_source
LEFT JOIN discharge_labels d ON d.label = t.discharge_reason
WHERE CASE WHEN
	t.client_id IS NULL OR t.client_id = '' OR t.client_id LIKE ' %' OR t.client_id LIKE '% ' OR strlen(t.client_id) <> length(t.client_id)
	OR t.journey_id = '' OR t.journey_id LIKE ' %' OR t.journey_id LIKE '% ' OR strlen(t.journey_id) <> length(t.journey_id)
	OR t.age IS NULL OR t.age < 0 OR t.age > 120
	OR t.sex NOT IN ('M', 'F')
	OR s.substance_group IS NULL
	OR (t.referral_source IS NOT NULL AND r.referral_source IS NULL)
	OR (t.discharge_reason IS NOT NULL AND d.discharge_reason IS NULL)
	OR t.triage_date IS NULL OR t.triage_date > CAST(now()::TIMESTAMP AS DATE)
	OR t.discharge_date < t.triage_date
	OR t.synthetic NOT IN ('true', 'false')
THEN error('not in canonical form') ELSE true END;
