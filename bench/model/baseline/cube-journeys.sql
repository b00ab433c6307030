-- One file's journeys counted as PEOPLE per area, age group, substance group and month, into `journey_cubes`
-- (see schema.sql and data/README.md "Counting people"). A person is a client id within this file, area and age
-- group (young = under 18 on the journey). Each person's journeys are merged into spells: a journey that starts
-- less than 12 calendar months after the month the spell's journeys last ended (or while one is open) joins the
-- spell. No 12-month window (financial year, rolling 12 months) can then meet two spells of one person, so
-- counting spells that overlap a window counts each person once.
-- Substance group: a person is in the best-ranked group of any journey in the window (rank 1 opiate_crack,
-- 2 opiate_only, 3 crack_only, 4 non_opiate_alcohol, 5 non_opiate_only, 6 alcohol_only). People whose best rank
-- is at most r = spells of their rank ≤ r journeys ("level r"), so group r = level r − level (r − 1): for each of
-- a person's distinct ranks r, the spells of their journeys ranked ≤ r count +1 in group r and −1 in the person's
-- next rank. Window sums are exact and never negative; a single row's n can be (see data/README.md).
-- Kinds: 0 spell starts and 1 spell ends (signed, as above); 2 people starting residential rehab (once a year),
-- 3 new presentations (spells starting), 4 deaths in treatment (once): these three in the person's group for the
-- financial year of the event; 5 journeys triaged (journeys, not people: the file's row count and dates).
-- Speed: most people have one journey, which is its own spell at every level; only people with several journeys
-- (found by a 64-bit hash of the person, then handled by their exact key) go through levels and spells.
INSERT INTO journey_cubes
WITH j AS MATERIALIZED (
	SELECT coalesce(client_id, '#' || journey_id) AS client, area_code, coalesce(age < 18, false) AS young, synthetic,
		hash(client, area_code, young, synthetic) AS h,
		list_position(['opiate_crack', 'opiate_only', 'crack_only', 'non_opiate_alcohol', 'non_opiate_only', 'alcohol_only'], substance_group) AS rnk,
		year(triage_date) * 12 + month(triage_date) - 1 AS tm,
		coalesce(year(discharge_date) * 12 + month(discharge_date) - 1, 999999) AS dm,
		year(rehab_start_date) * 12 + month(rehab_start_date) - 1 AS rm,
		triage_date, discharge_date, rehab_start_date,
		discharge_date IS NOT NULL AND coalesce(discharge_reason = 'died', false) AS died
	FROM journeys WHERE file_id = $1
),
several AS MATERIALIZED (SELECT h FROM j GROUP BY h HAVING count(*) > 1),
-- People with one journey: it starts and ends their spell, and is their group in every year it meets.
one AS (SELECT * FROM j ANTI JOIN several USING (h)),
-- People with several journeys.
mj AS MATERIALIZED (SELECT * FROM j SEMI JOIN several USING (h)),
levels AS (
	SELECT client, area_code, young, synthetic, rnk AS lvl,
		lead(rnk) OVER (PARTITION BY client, area_code, young, synthetic ORDER BY rnk) AS next_lvl
	FROM (SELECT DISTINCT client, area_code, young, synthetic, rnk FROM mj)
),
breaks AS (
	SELECT mj.*, l.lvl, l.next_lvl,
		CASE WHEN tm - max(dm) OVER (PARTITION BY client, area_code, young, synthetic, lvl ORDER BY tm, dm
			ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) <= 11 THEN 0 ELSE 1 END AS new_spell
	FROM mj JOIN levels l USING (client, area_code, young, synthetic) WHERE mj.rnk <= l.lvl
),
islands AS (
	SELECT *, sum(new_spell) OVER (PARTITION BY client, area_code, young, synthetic, lvl ORDER BY tm, dm ROWS UNBOUNDED PRECEDING) AS spell
	FROM breaks
),
spells AS MATERIALIZED (
	SELECT client, area_code, young, synthetic, lvl, next_lvl, min(tm) AS sm, max(dm) AS em,
		min(triage_date) AS first_date, greatest(max(triage_date), max(discharge_date), max(rehab_start_date)) AS last_date
	FROM islands GROUP BY client, area_code, young, synthetic, lvl, next_lvl, spell
),
-- Events counted once per person in their group for the financial year of the event: the spell's first month
-- (new presentation), the first death, the first rehab start of each financial year.
events AS (
	SELECT client, area_code, young, synthetic, 3 AS kind, sm AS m, lvl AS own, first_date AS d FROM spells WHERE next_lvl IS NULL
	UNION ALL
	SELECT client, area_code, young, synthetic, 4, min(dm), arg_min(rnk, discharge_date), min(discharge_date)
	FROM mj WHERE died GROUP BY client, area_code, young, synthetic
	UNION ALL
	SELECT client, area_code, young, synthetic, 2, min(rm), arg_min(rnk, rehab_start_date), min(rehab_start_date)
	FROM mj WHERE rm IS NOT NULL GROUP BY client, area_code, young, synthetic, (rm - 3) // 12
),
grouped AS (
	SELECT e.area_code, e.young, e.synthetic, e.kind, e.m, e.d, least(e.own, min(mj.rnk)) AS g
	FROM events e LEFT JOIN mj ON mj.client = e.client AND mj.area_code = e.area_code AND mj.young = e.young AND mj.synthetic = e.synthetic
		AND mj.tm <= ((e.m - 3) // 12) * 12 + 14 AND mj.dm >= ((e.m - 3) // 12) * 12 + 3
	GROUP BY e.client, e.area_code, e.young, e.synthetic, e.kind, e.m, e.d, e.own
),
counted AS (
	SELECT area_code, young, lvl AS g, synthetic, 0 AS kind, sm AS m, 1 AS n, first_date, last_date FROM spells
	UNION ALL SELECT area_code, young, next_lvl, synthetic, 0, sm, -1, first_date, last_date FROM spells WHERE next_lvl IS NOT NULL
	UNION ALL SELECT area_code, young, lvl, synthetic, 1, em, 1, first_date, last_date FROM spells WHERE em < 999999
	UNION ALL SELECT area_code, young, next_lvl, synthetic, 1, em, -1, first_date, last_date FROM spells WHERE em < 999999 AND next_lvl IS NOT NULL
	UNION ALL SELECT area_code, young, g, synthetic, kind, m, 1, d, d FROM grouped
),
one_starts AS MATERIALIZED (
	SELECT area_code, young, rnk, synthetic, tm, count(*) AS n, min(triage_date) AS first_date, max(triage_date) AS last_triage,
		max(greatest(triage_date, discharge_date, rehab_start_date)) AS last_date
	FROM one GROUP BY ALL
),
cube AS (
	SELECT area_code, young, g, synthetic, kind, m, sum(n) AS n, min(first_date) AS first_date, max(last_date) AS last_date
	FROM counted GROUP BY ALL
	UNION ALL
	SELECT area_code, young, rnk, synthetic, 5, tm, count(*), min(triage_date), max(greatest(triage_date, discharge_date, rehab_start_date))
	FROM j GROUP BY ALL
	UNION ALL
	SELECT area_code, young, rnk, synthetic, 0, tm, n, first_date, last_date FROM one_starts
	UNION ALL
	SELECT area_code, young, rnk, synthetic, 3, tm, n, first_date, last_triage FROM one_starts
	UNION ALL
	SELECT area_code, young, rnk, synthetic, 1, dm, count(*), min(triage_date), max(greatest(triage_date, discharge_date, rehab_start_date))
	FROM one WHERE dm < 999999 GROUP BY ALL
	UNION ALL
	SELECT area_code, young, rnk, synthetic, 4, dm, count(*), min(discharge_date), max(discharge_date)
	FROM one WHERE died GROUP BY ALL
	UNION ALL
	SELECT area_code, young, rnk, synthetic, 2, rm, count(*), min(rehab_start_date), max(rehab_start_date)
	FROM one WHERE rm IS NOT NULL GROUP BY ALL
)
SELECT $1, area_code, young,
	['opiate_crack', 'opiate_only', 'crack_only', 'non_opiate_alcohol', 'non_opiate_only', 'alcohol_only'][g],
	synthetic, kind, make_date(CAST(m // 12 AS INTEGER), CAST(m % 12 + 1 AS INTEGER), 1), sum(n), min(first_date), max(last_date)
FROM cube
GROUP BY area_code, young, g, synthetic, kind, m;
