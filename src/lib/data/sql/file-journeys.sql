-- The `files` row of a journeys file, from its cube: rows = journeys (one triage each); the period runs from
-- the first triage to the last triage or discharge (a discharge is never before its triage).
INSERT INTO files
SELECT $1, $2, 'journeys', sum(n) FILTER (WHERE kind = 0), $3, bool_or(synthetic), $4, now()::TIMESTAMP,
	min(first_date) FILTER (WHERE kind = 0), max(last_date) FILTER (WHERE kind IN (0, 1)),
	list(DISTINCT area_code ORDER BY area_code), NULL
FROM journey_cubes WHERE file_id = $1;
