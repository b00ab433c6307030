/**
 * Example queries for the explorer: each answers a question the partnerships ask, using the canonical
 * tables and views documented in data/README.md, and the same definitions as the dashboard's pages.
 */
export interface Example {
	id: string;
	title: string;
	sql: string;
}

export const EXAMPLES: Example[] = [
	{
		id: 'treatment-by-cohort',
		title: 'Adults in treatment by cohort and year (Rotherham)',
		sql: `-- Adults (18+) in structured treatment at any time in each financial year, by cohort: PEOPLE, not
-- journeys (the Treatment page's rule, data/README.md "Counting people"). A journey is in a year if
-- triaged by its end and not discharged before its start; each person (client id within a file and
-- area) counts once, in the best-ranked substance of their journeys that year: opiates and crack,
-- opiates, crack, non-opiate and alcohol, non-opiate only, alcohol only.
-- Change the CDP code to see another partnership (E06000035 Medway, E06000033 Southend-on-Sea,
-- 'northamptonshire' for North and West Northamptonshire together).
WITH as_at AS (
  -- The latest date in the records: years ending after it are not complete.
  SELECT max(greatest(triage_date, coalesce(discharge_date, triage_date))) AS d FROM journeys_in_use
),
years AS (
  SELECT y AS fy, make_date(y, 4, 1) AS fy_start, make_date(y + 1, 3, 31) AS fy_end
  FROM range(2016, 2100) AS t(y), as_at
  WHERE make_date(y + 1, 3, 31) <= as_at.d
),
people AS (
  SELECT y.fy, j.file_id, j.area_code, j.client_id,
    min(list_position(['opiate_crack', 'opiate_only', 'crack_only', 'non_opiate_alcohol',
      'non_opiate_only', 'alcohol_only'], j.substance_group)) AS best
  FROM journeys_in_use AS j
  JOIN years AS y
    ON j.triage_date <= y.fy_end
   AND (j.discharge_date IS NULL OR j.discharge_date >= y.fy_start)
  WHERE j.cdp_code = 'E08000018'  -- Rotherham
    AND j.age >= 18
  GROUP BY ALL
)
SELECT
  fy || '-' || lpad(CAST((fy + 1) % 100 AS VARCHAR), 2, '0') AS year,
  CASE WHEN best <= 2 THEN 'opiate' WHEN best = 6 THEN 'alcohol' ELSE 'non_opiate' END AS cohort,
  count(*) AS in_treatment
FROM people
GROUP BY ALL
ORDER BY year, cohort;`
	},
	{
		id: 'continuity-by-quarter',
		title: 'Continuity of care by quarter',
		sql: `-- Adults released from prison with a treatment need, and how many had a first community
-- treatment contact within 3 weeks (21 days) of release, by CDP and financial quarter of release.
SELECT
  a.area_name AS area,
  fy_of(r.release_date) || '-' || lpad(CAST((fy_of(r.release_date) + 1) % 100 AS VARCHAR), 2, '0')
    || ' Q' || (((month(r.release_date) + 8) % 12) // 3 + 1) AS quarter,
  count(*) AS released_with_need,
  count(*) FILTER (WHERE r.first_contact_date BETWEEN r.release_date AND r.release_date + 21) AS engaged_within_3_weeks,
  round(100.0 * engaged_within_3_weeks / released_with_need, 1) AS continuity_pct
FROM releases_in_use AS r
JOIN areas AS a ON a.area_code = r.cdp_code
WHERE r.treatment_need
GROUP BY ALL
ORDER BY quarter, area;`
	},
	{
		id: 'deaths-by-substance',
		title: 'Deaths in treatment by substance',
		sql: `-- Journeys that ended because the person died, by the journey's substance group and financial year
-- of death (the dashboard counts each person once, in their group for the year: data/README.md),
-- for every loaded area together (add a WHERE on cdp_code for one partnership).
-- The latest year is part of a year when the records end before 31 March.
SELECT
  fy_of(discharge_date) || '-' || lpad(CAST((fy_of(discharge_date) + 1) % 100 AS VARCHAR), 2, '0') AS year,
  substance_group,
  count(*) AS deaths_in_treatment
FROM journeys_in_use
WHERE discharge_reason = 'died'
GROUP BY ALL
ORDER BY year, substance_group;`
	},
	{
		id: 'medway-opiate-rehab',
		title: 'Opiate clients in Medway starting residential rehab in 2023-24',
		sql: `-- How many opiate clients in Medway started residential rehab in 2023-24?
-- Opiate = opiate only or opiate and crack. Each client counts once.
SELECT count(DISTINCT client_id) AS opiate_clients_starting_rehab
FROM journeys_in_use
WHERE area_code = 'E06000035'  -- Medway
  AND substance_group IN ('opiate_only', 'opiate_crack')
  AND rehab_start_date BETWEEN DATE '2023-04-01' AND DATE '2024-03-31';`
	},
	{
		id: 'all-journeys',
		title: 'Every treatment journey (record level)',
		sql: `-- Every journey in use, one row each: sort by clicking a column heading.
SELECT * FROM journeys_in_use;`
	},
	{
		id: 'files',
		title: 'What is loaded',
		sql: `SELECT file_id, file_name, kind, rows_loaded, rows_rejected, synthetic, embedded, period_start, period_end
FROM files
ORDER BY file_id;`
	}
];
