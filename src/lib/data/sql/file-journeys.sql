-- The `files` row of a journeys file, from its cube: rows = journeys (kind 5 counts one per journey, by month of
-- triage); the period runs from the first triage to the last date recorded (triage, discharge or rehab start).
INSERT INTO files
SELECT $1, $2, 'journeys', sum(n) FILTER (WHERE kind = 5), $3, bool_or(synthetic), $4, now()::TIMESTAMP,
	min(first_date) FILTER (WHERE kind = 5), max(last_date) FILTER (WHERE kind = 5),
	list(DISTINCT area_code ORDER BY area_code), NULL
FROM journey_cubes WHERE file_id = $1;
