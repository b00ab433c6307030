-- One journeys file counted as PEOPLE into `journey_cubes`, per area, age group, substance group and month: the
-- treatment counts (kinds 0 to 5) and the recovery outcomes (kinds 6 to 11), in one statement (see schema.sql and
-- data/README.md "Counting people", "Recovery outcomes"). A person is a client id within this file, area and age
-- group (young = under 18 on the journey).
-- Treatment: each person's journeys are merged into spells: a journey that starts less than 12 calendar months
-- after the month the spell's journeys last ended (or while one is open) joins the spell. No 12-month window
-- (financial year, rolling 12 months) can then meet two spells of one person, so counting spells that overlap a
-- window counts each person once.
-- Substance group: a person is in the best-ranked group of any journey in the window (rank 1 opiate_crack,
-- 2 opiate_only, 3 crack_only, 4 non_opiate_alcohol, 5 non_opiate_only, 6 alcohol_only). People whose best rank
-- is at most r = spells of their rank ≤ r journeys ("level r"), so group r = level r − level (r − 1): for each of
-- a person's distinct ranks r, the spells of their journeys ranked ≤ r count +1 in group r and −1 in the person's
-- next rank. Window sums are exact and never negative; a single row's n can be (see data/README.md).
-- Kinds: 0 spell starts and 1 spell ends (signed, as above); 2 people starting residential rehab (once a year),
-- 3 new presentations (spells starting), 4 deaths in treatment (once): these three in the person's group for the
-- financial year of the event; 5 journeys triaged (journeys, not people: the file's row count and dates).
-- Outcomes (the journeys' flags: cube-outcomes.sql): each row is a window membership change: the people counted for
-- the 12 months to the end of month M are the sum of n over months <= M. A person adds +1 in the first month whose
-- 12-month window meets one of their events and −1 in the first month whose window no longer does, in their group
-- for that window (the rule above), so every window counts each person once, in the group of the people in
-- treatment it is a share of. Kinds: 6 left treatment successfully (a completion with no other journey of theirs
-- open that day; month of discharge), 7 ... and did not re-present (no journey of theirs triaged in the 6 months
-- after: PHOF C19); 8 started a journey (month of triage), 9 ... and left it early, 10 ... with a referral date on
-- or before triage, 11 ... and waited over 3 weeks.
-- An event in month m is in the windows ending m to m + 11. For a person with several journeys, each event adds the
-- windows not already met by their previous event of the kind (from the month after that one's last), so the
-- pieces are disjoint and each window counts once. A person is in their last-ranked group in every window of theirs,
-- less the windows in which a journey ranked higher is in treatment: for each of their better groups r, the event
-- windows in which a journey ranked r or better is in treatment (its windows run from its triage month to 11 months
-- after its discharge month) count +1 in group r and −1 in their next group down.
-- Speed: one scan of the journeys; area, age group and synthetic flag are one small integer `cell` until the end.
-- Most people have one journey, which is its own spell and piece in its own group: they are only counted (the
-- by_triage and by_end group-bys). People with several (found by a 64-bit hash of the person, then numbered by
-- their exact key) go through levels, spells and pieces.
INSERT INTO journey_cubes
WITH cells AS MATERIALIZED (
	SELECT CAST(row_number() OVER () AS INTEGER) AS cell, area_code, young, synthetic
	FROM (SELECT DISTINCT area_code, coalesce(age < 18, false) AS young, synthetic FROM journeys WHERE file_id = $1)
),
j AS MATERIALIZED (
	SELECT c.cell, o.client_id AS client, hash(o.client_id, c.cell) AS h,
		list_position(['opiate_crack', 'opiate_only', 'crack_only', 'non_opiate_alcohol', 'non_opiate_only', 'alcohol_only'], o.substance_group) AS rnk,
		o.triage_date AS t, o.discharge_date AS d, o.rehab_start_date AS r,
		year(t) * 12 + month(t) - 1 AS tm,
		coalesce(year(d) * 12 + month(d) - 1, 999999) AS dm,
		year(r) * 12 + month(r) - 1 AS rm,
		d IS NOT NULL AND coalesce(o.discharge_reason = 'died', false) AS died,
		o.completed, o.early, o.wait_known, o.waited
	FROM journey_outcomes o
	JOIN cells c ON c.area_code = o.area_code AND c.young = coalesce(o.age < 18, false) AND c.synthetic = o.synthetic
	WHERE o.file_id = $1
),
several AS MATERIALIZED (SELECT h FROM j GROUP BY h HAVING count(*) > 1),
-- People with one journey. Not kept: read three times, it costs less to find them again than to hold them (the
-- first file in a page grows wasm memory, which is slow: 1M journeys, 3.4 s and +300 MB kept, 3.2 s and +200 MB not).
one AS NOT MATERIALIZED (SELECT * EXCLUDE (client, h) FROM j ANTI JOIN several USING (h)),
-- People with several journeys, numbered (pid); best and top are their best and last-ranked groups.
many AS MATERIALIZED (SELECT * FROM j SEMI JOIN several USING (h)),
people AS (SELECT client, cell, row_number() OVER () AS pid, min(rnk) AS best, max(rnk) AS top FROM many GROUP BY client, cell),
mj AS MATERIALIZED (
	SELECT many.* EXCLUDE (client, h), pid, best, top, row_number() OVER () AS jid FROM many JOIN people USING (client, cell)
),

-- Treatment, people with several journeys: spells at each of their levels. `pd` is the latest discharge month of the
-- level's journeys before this one; jid orders journeys of the same months the same way in both windows.
levels AS (
	SELECT pid, rnk AS lvl, lead(rnk) OVER (PARTITION BY pid ORDER BY rnk) AS next_lvl
	FROM (SELECT DISTINCT pid, rnk FROM mj)
),
breaks AS MATERIALIZED (
	SELECT mj.pid, mj.cell, mj.t, mj.d, mj.r, mj.tm, mj.dm, mj.jid, l.lvl, l.next_lvl,
		max(mj.dm) OVER (PARTITION BY mj.pid, l.lvl ORDER BY mj.tm, mj.dm, mj.jid ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS pd
	FROM mj JOIN levels l USING (pid) WHERE mj.rnk <= l.lvl
),
islands AS (
	SELECT pid, cell, lvl, next_lvl, t, d, r, tm, dm,
		sum(CASE WHEN tm - pd <= 11 THEN 0 ELSE 1 END) OVER (PARTITION BY pid, lvl ORDER BY tm, dm, jid ROWS UNBOUNDED PRECEDING) AS spell
	FROM breaks
),
spells AS MATERIALIZED (
	SELECT pid, cell, lvl, next_lvl, min(tm) AS sm, max(dm) AS em,
		min(t) AS first_date, greatest(max(t), max(d), max(r)) AS last_date
	FROM islands GROUP BY pid, cell, lvl, next_lvl, spell
),
-- Events counted once per person in their group for the financial year of the event: the spell's first month
-- (new presentation), the first death, the first rehab start of each financial year.
events AS (
	SELECT pid, cell, 3 AS kind, sm AS m, lvl AS own, first_date AS d FROM spells WHERE next_lvl IS NULL
	UNION ALL
	SELECT pid, cell, 4, min(dm), arg_min(rnk, d), min(d) FROM mj WHERE died GROUP BY pid, cell
	UNION ALL
	SELECT pid, cell, 2, min(rm), arg_min(rnk, r), min(r) FROM mj WHERE rm IS NOT NULL GROUP BY pid, cell, (rm - 3) // 12
),
grouped AS (
	SELECT e.cell, e.kind, e.m, e.d, least(e.own, min(mj.rnk)) AS g
	FROM events e LEFT JOIN mj ON mj.pid = e.pid
		AND mj.tm <= ((e.m - 3) // 12) * 12 + 14 AND mj.dm >= ((e.m - 3) // 12) * 12 + 3
	GROUP BY e.pid, e.cell, e.kind, e.m, e.d, e.own
),

-- People with one journey, both parts: it starts and ends their spell, is their group in every year it meets, and
-- nothing precedes or follows it. Counted by month of triage and month of discharge.
by_triage AS MATERIALIZED (
	SELECT cell, rnk, tm AS m, count(*) AS n, min(t) AS f, max(t) AS lt, greatest(max(t), max(d), max(r)) AS l,
		count(*) FILTER (WHERE early) AS n9, min(t) FILTER (WHERE early) AS f9, max(t) FILTER (WHERE early) AS l9,
		count(*) FILTER (WHERE wait_known) AS n10, min(t) FILTER (WHERE wait_known) AS f10, max(t) FILTER (WHERE wait_known) AS l10,
		count(*) FILTER (WHERE waited) AS n11, min(t) FILTER (WHERE waited) AS f11, max(t) FILTER (WHERE waited) AS l11
	FROM one GROUP BY cell, rnk, tm
),
by_end AS MATERIALIZED (
	SELECT cell, rnk, dm AS m, count(*) AS n, min(t) AS f, greatest(max(t), max(d), max(r)) AS l,
		count(*) FILTER (WHERE died) AS n4, min(d) FILTER (WHERE died) AS f4, max(d) FILTER (WHERE died) AS l4,
		count(*) FILTER (WHERE completed) AS n6, min(d) FILTER (WHERE completed) AS f6, max(d) FILTER (WHERE completed) AS l6
	FROM one WHERE dm < 999999 GROUP BY cell, rnk, dm
),
treatment AS (
	SELECT cell, lvl AS g, 0 AS kind, sm AS m, 1 AS n, first_date AS f, last_date AS l FROM spells
	UNION ALL SELECT cell, next_lvl, 0, sm, -1, first_date, last_date FROM spells WHERE next_lvl IS NOT NULL
	UNION ALL SELECT cell, lvl, 1, em, 1, first_date, last_date FROM spells WHERE em < 999999
	UNION ALL SELECT cell, next_lvl, 1, em, -1, first_date, last_date FROM spells WHERE em < 999999 AND next_lvl IS NOT NULL
	UNION ALL SELECT cell, g, kind, m, 1, d, d FROM grouped
	UNION ALL SELECT cell, rnk, 5, tm, count(*), min(t), greatest(max(t), max(d), max(r)) FROM mj GROUP BY cell, rnk, tm
	UNION ALL SELECT cell, rnk, 5, m, n, f, l FROM by_triage
	UNION ALL SELECT cell, rnk, 0, m, n, f, l FROM by_triage
	UNION ALL SELECT cell, rnk, 3, m, n, f, lt FROM by_triage
	UNION ALL SELECT cell, rnk, 1, m, n, f, l FROM by_end
	UNION ALL SELECT cell, rnk, 4, m, n4, f4, l4 FROM by_end WHERE n4 > 0
	UNION ALL SELECT cell, rnk, 2, rm, count(*), min(r), max(r) FROM one WHERE rm IS NOT NULL GROUP BY cell, rnk, rm
),

-- Outcomes. People with one journey: the event's 12 windows, in its group.
one_events AS (
	SELECT cell, rnk, 6 AS kind, m, n6 AS n, f6 AS f, l6 AS l FROM by_end WHERE n6 > 0
	UNION ALL SELECT cell, rnk, 7, m, n6, f6, l6 FROM by_end WHERE n6 > 0
	UNION ALL SELECT cell, rnk, 8, m, n, f, lt FROM by_triage
	UNION ALL SELECT cell, rnk, 9, m, n9, f9, l9 FROM by_triage WHERE n9 > 0
	UNION ALL SELECT cell, rnk, 10, m, n10, f10, l10 FROM by_triage WHERE n10 > 0
	UNION ALL SELECT cell, rnk, 11, m, n11, f11, l11 FROM by_triage WHERE n11 > 0
),
-- People with several: a completion while another journey is open is not leaving treatment; a journey triaged in the
-- 6 months after it is a re-presentation.
exits AS (
	SELECT a.pid, a.cell, any_value(a.top) AS top, any_value(a.best) AS best, a.dm AS m, a.d AS day,
		NOT coalesce(bool_or(b.t > a.d AND b.t <= a.d + INTERVAL 6 MONTH), false) AS sustained
	FROM mj a LEFT JOIN mj b ON b.pid = a.pid AND b.jid <> a.jid
	WHERE a.completed
	GROUP BY a.jid, a.pid, a.cell, a.dm, a.d
	HAVING NOT coalesce(bool_or(b.t <= a.d AND (b.d IS NULL OR b.d > a.d)), false)
),
-- Each event's windows less those its previous event of the kind already met: [s, e], disjoint. (Sorted by month,
-- the previous event of any kind is the previous row.)
exits_prev AS (
	SELECT *, lag(m) OVER (PARTITION BY pid ORDER BY m) AS p6, max(m) FILTER (WHERE sustained) OVER w AS p7
	FROM exits WINDOW w AS (PARTITION BY pid ORDER BY m ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
),
starts_prev AS (
	SELECT pid, cell, top, best, tm, t, early, wait_known, waited, lag(tm) OVER (PARTITION BY pid ORDER BY tm) AS p8,
		max(tm) FILTER (WHERE early) OVER w AS p9, max(tm) FILTER (WHERE wait_known) OVER w AS p10,
		max(tm) FILTER (WHERE waited) OVER w AS p11
	FROM mj WINDOW w AS (PARTITION BY pid ORDER BY tm ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
),
pieces AS (
	SELECT * FROM (
		SELECT pid, cell, top, best, 6 AS kind, greatest(m, coalesce(p6 + 12, m)) AS s, m + 11 AS e, day FROM exits_prev
		UNION ALL SELECT pid, cell, top, best, 7, greatest(m, coalesce(p7 + 12, m)), m + 11, day FROM exits_prev WHERE sustained
		UNION ALL SELECT pid, cell, top, best, 8, greatest(tm, coalesce(p8 + 12, tm)), tm + 11, t FROM starts_prev
		UNION ALL SELECT pid, cell, top, best, 9, greatest(tm, coalesce(p9 + 12, tm)), tm + 11, t FROM starts_prev WHERE early
		UNION ALL SELECT pid, cell, top, best, 10, greatest(tm, coalesce(p10 + 12, tm)), tm + 11, t FROM starts_prev WHERE wait_known
		UNION ALL SELECT pid, cell, top, best, 11, greatest(tm, coalesce(p11 + 12, tm)), tm + 11, t FROM starts_prev WHERE waited
	) WHERE s <= e
),
-- Windows in which a journey ranked at or above a level below the person's last is in treatment, each less those
-- met before (the spells' `pd`): [s, e].
level_pieces AS (
	SELECT pid, lvl, next_lvl, greatest(tm, coalesce(pd + 12, tm)) AS s, dm + 11 AS e
	FROM breaks WHERE next_lvl IS NOT NULL AND greatest(tm, coalesce(pd + 12, tm)) <= dm + 11
),
parts AS (
	SELECT p.cell, p.kind, l.lvl, l.next_lvl, greatest(p.s, l.s) AS s, least(p.e, l.e) AS e, p.day
	FROM (SELECT * FROM pieces WHERE best < top) p JOIN level_pieces l USING (pid)
	WHERE l.s <= p.e AND p.s <= l.e
),
-- Pieces of the same span counted together before each becomes its two or four changes.
piece_sums AS MATERIALIZED (SELECT cell, top, kind, s, e, count(*) AS n, min(day) AS f, max(day) AS l FROM pieces GROUP BY ALL),
part_sums AS MATERIALIZED (SELECT cell, lvl, next_lvl, kind, s, e, count(*) AS n, min(day) AS f, max(day) AS l FROM parts GROUP BY ALL),
outcomes AS (
	SELECT cell, rnk AS g, kind, m, n, f, l FROM one_events
	UNION ALL SELECT cell, rnk, kind, m + 12, -n, f, l FROM one_events
	UNION ALL SELECT cell, top, kind, s, n, f, l FROM piece_sums
	UNION ALL SELECT cell, top, kind, e + 1, -n, f, l FROM piece_sums
	UNION ALL SELECT cell, lvl, kind, s, n, f, l FROM part_sums
	UNION ALL SELECT cell, lvl, kind, e + 1, -n, f, l FROM part_sums
	UNION ALL SELECT cell, next_lvl, kind, s, -n, f, l FROM part_sums
	UNION ALL SELECT cell, next_lvl, kind, e + 1, n, f, l FROM part_sums
),
cube AS (
	SELECT cell, g, kind, m, sum(n) AS n, min(f) AS f, max(l) AS l FROM treatment GROUP BY cell, g, kind, m
	UNION ALL
	SELECT cell, g, kind, m, sum(n) AS n, min(f) AS f, max(l) AS l FROM outcomes GROUP BY cell, g, kind, m HAVING sum(n) <> 0
)
SELECT $1, c.area_code, c.young,
	['opiate_crack', 'opiate_only', 'crack_only', 'non_opiate_alcohol', 'non_opiate_only', 'alcohol_only'][g],
	c.synthetic, kind, make_date(CAST(m // 12 AS INTEGER), CAST(m % 12 + 1 AS INTEGER), 1), n, f, l
FROM cube JOIN cells c USING (cell);
