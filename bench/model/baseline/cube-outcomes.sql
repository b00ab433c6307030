-- One file's recovery outcomes counted as PEOPLE into `journey_cubes` (kinds 6 to 11), made as the file is stored,
-- beside the treatment counts of cube-journeys.sql. A person is a client id within this file, area and age group,
-- as there. Each row is a window membership change: the people counted for the 12 months to the end of month M are
-- the sum of n over months <= M. A person adds +1 in the first month whose 12-month window meets one of their
-- events and -1 in the first month whose window no longer does, in their substance group for that window: the
-- best-ranked group among their journeys in treatment in it (the rule the numbers in treatment use), so every
-- window counts each person once, in the same group as the people in treatment it is a share of.
-- Events (data/README.md "Recovery outcomes"):
--   6 left treatment successfully: a journey discharged as completed (drug free, or occasional user: the ids of
--     SUCCESSFUL_DISCHARGES in lookups.ts) with no other journey of theirs open on that day; month of discharge;
--   7 ... and did not re-present: no journey of theirs triaged in the 6 months after that discharge (PHOF C19);
--   8 started a journey (month of triage);
--   9 ... that ended in an unplanned exit (incomplete, not a death: dropped out, withdrawn by the provider,
--     retained in custody, declined) under 12 weeks (84 days) after triage;
--  10 ... with a referral date on or before triage (a known wait);
--  11 ... after waiting over 3 weeks (more than 21 days) from referral to triage.
-- How: an event in month m is in the windows ending m to m + 11. For a person with one journey, those windows are
-- the journey's, in its group. For a person with several, each event adds the windows not already met by their
-- previous event of the kind (from the month after that one's last), so the pieces are disjoint and each window
-- counts once. A person is in their last-ranked group in every window of theirs, less the windows in which a
-- journey ranked higher is in treatment: as cube-journeys.sql counts spells, for each of their better groups r the
-- event windows in which a journey ranked r or better is in treatment (its windows run from its triage month to
-- 11 months after its discharge month) count +1 in group r and -1 in their next group down.
INSERT INTO journey_cubes
WITH j AS MATERIALIZED (
	SELECT coalesce(client_id, '#' || journey_id) AS client, area_code, coalesce(age < 18, false) AS young, synthetic,
		hash(client, area_code, young, synthetic) AS h,
		list_position(['opiate_crack', 'opiate_only', 'crack_only', 'non_opiate_alcohol', 'non_opiate_only', 'alcohol_only'], substance_group) AS rnk,
		triage_date AS t, discharge_date AS d,
		year(triage_date) * 12 + month(triage_date) - 1 AS tm,
		coalesce(year(discharge_date) * 12 + month(discharge_date) - 1, 999999) AS dm,
		discharge_date IS NOT NULL AND coalesce(discharge_reason IN ('completed_drug_free', 'completed'), false) AS completed,
		discharge_date IS NOT NULL AND discharge_date - triage_date < 84
			AND coalesce(discharge_reason IN ('dropped_out', 'withdrawn', 'retained_in_custody', 'declined'), false) AS early,
		coalesce(referral_date <= triage_date, false) AS wait_known,
		coalesce(referral_date <= triage_date AND triage_date - referral_date > 21, false) AS waited
	FROM journeys WHERE file_id = $1
),
several AS MATERIALIZED (SELECT h FROM j GROUP BY h HAVING count(*) > 1),
one AS MATERIALIZED (SELECT * FROM j ANTI JOIN several USING (h)),
-- People with one journey: a completion is leaving treatment, and nothing follows it.
one_starts AS (
	SELECT area_code, young, rnk, synthetic, tm AS m, count(*) AS n8, min(t) AS f8, max(t) AS l8,
		count(*) FILTER (WHERE early) AS n9, min(t) FILTER (WHERE early) AS f9, max(t) FILTER (WHERE early) AS l9,
		count(*) FILTER (WHERE wait_known) AS n10, min(t) FILTER (WHERE wait_known) AS f10, max(t) FILTER (WHERE wait_known) AS l10,
		count(*) FILTER (WHERE waited) AS n11, min(t) FILTER (WHERE waited) AS f11, max(t) FILTER (WHERE waited) AS l11
	FROM one GROUP BY ALL
),
one_exits AS (SELECT area_code, young, rnk, synthetic, dm AS m, count(*) AS n, min(d) AS f, max(d) AS l FROM one WHERE completed GROUP BY ALL),
one_events AS (
	SELECT area_code, young, rnk, synthetic, 6 AS kind, m, n, f, l FROM one_exits
	UNION ALL SELECT area_code, young, rnk, synthetic, 7, m, n, f, l FROM one_exits
	UNION ALL SELECT area_code, young, rnk, synthetic, 8, m, n8, f8, l8 FROM one_starts
	UNION ALL SELECT area_code, young, rnk, synthetic, 9, m, n9, f9, l9 FROM one_starts WHERE n9 > 0
	UNION ALL SELECT area_code, young, rnk, synthetic, 10, m, n10, f10, l10 FROM one_starts WHERE n10 > 0
	UNION ALL SELECT area_code, young, rnk, synthetic, 11, m, n11, f11, l11 FROM one_starts WHERE n11 > 0
),
-- People with several journeys; top is their last-ranked group, best their best.
mj AS MATERIALIZED (
	SELECT *, row_number() OVER () AS jid,
		max(rnk) OVER (PARTITION BY client, area_code, young, synthetic) AS top,
		min(rnk) OVER (PARTITION BY client, area_code, young, synthetic) AS best
	FROM j SEMI JOIN several USING (h)
),
-- A completion while another journey is open is not leaving treatment; a journey triaged in the 6 months after
-- it is a re-presentation.
exits AS (
	SELECT a.client, a.area_code, a.young, a.synthetic, any_value(a.top) AS top, any_value(a.best) AS best, a.dm AS m, a.d AS day,
		NOT coalesce(bool_or(b.t > a.d AND b.t <= a.d + INTERVAL 6 MONTH), false) AS sustained
	FROM mj a LEFT JOIN mj b ON b.client = a.client AND b.area_code = a.area_code AND b.young = a.young AND b.synthetic = a.synthetic AND b.jid <> a.jid
	WHERE a.completed
	GROUP BY a.jid, a.client, a.area_code, a.young, a.synthetic, a.dm, a.d
	HAVING NOT coalesce(bool_or(b.t <= a.d AND (b.d IS NULL OR b.d > a.d)), false)
),
-- Each event's windows less those its previous event of the kind already met: [s, e], disjoint.
exits_prev AS (
	SELECT *, max(m) OVER w AS p6, max(CASE WHEN sustained THEN m END) OVER w AS p7
	FROM exits WINDOW w AS (PARTITION BY client, area_code, young, synthetic ORDER BY m ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
),
starts_prev AS (
	SELECT *, max(tm) OVER w AS p8, max(CASE WHEN early THEN tm END) OVER w AS p9,
		max(CASE WHEN wait_known THEN tm END) OVER w AS p10, max(CASE WHEN waited THEN tm END) OVER w AS p11
	FROM mj WINDOW w AS (PARTITION BY client, area_code, young, synthetic ORDER BY tm ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
),
pieces AS (
	SELECT * FROM (
		SELECT client, area_code, young, synthetic, top, best, 6 AS kind, greatest(m, coalesce(p6 + 12, m)) AS s, m + 11 AS e, day FROM exits_prev
		UNION ALL SELECT client, area_code, young, synthetic, top, best, 7, greatest(m, coalesce(p7 + 12, m)), m + 11, day FROM exits_prev WHERE sustained
		UNION ALL SELECT client, area_code, young, synthetic, top, best, 8, greatest(tm, coalesce(p8 + 12, tm)), tm + 11, t FROM starts_prev
		UNION ALL SELECT client, area_code, young, synthetic, top, best, 9, greatest(tm, coalesce(p9 + 12, tm)), tm + 11, t FROM starts_prev WHERE early
		UNION ALL SELECT client, area_code, young, synthetic, top, best, 10, greatest(tm, coalesce(p10 + 12, tm)), tm + 11, t FROM starts_prev WHERE wait_known
		UNION ALL SELECT client, area_code, young, synthetic, top, best, 11, greatest(tm, coalesce(p11 + 12, tm)), tm + 11, t FROM starts_prev WHERE waited
	) WHERE s <= e
),
-- For people in more than one group: their better groups, each with the next group down.
levels AS (
	SELECT client, area_code, young, synthetic, lvl, next_lvl FROM (
		SELECT client, area_code, young, synthetic, rnk AS lvl, lead(rnk) OVER (PARTITION BY client, area_code, young, synthetic ORDER BY rnk) AS next_lvl
		FROM (SELECT DISTINCT client, area_code, young, synthetic, rnk FROM mj WHERE best < top)
	) WHERE next_lvl IS NOT NULL
),
-- Windows in which a journey ranked at or above the level is in treatment, each less those met before: [s, e].
level_prev AS (
	SELECT mj.client, mj.area_code, mj.young, mj.synthetic, l.lvl, l.next_lvl, mj.tm, mj.dm,
		max(mj.dm) OVER (PARTITION BY mj.client, mj.area_code, mj.young, mj.synthetic, l.lvl ORDER BY mj.tm, mj.dm
			ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS pd
	FROM mj JOIN levels l USING (client, area_code, young, synthetic) WHERE mj.rnk <= l.lvl
),
level_pieces AS (
	SELECT client, area_code, young, synthetic, lvl, next_lvl, greatest(tm, coalesce(pd + 12, tm)) AS s, dm + 11 AS e
	FROM level_prev WHERE greatest(tm, coalesce(pd + 12, tm)) <= dm + 11
),
parts AS (
	SELECT p.area_code, p.young, p.synthetic, p.kind, l.lvl, l.next_lvl, greatest(p.s, l.s) AS s, least(p.e, l.e) AS e, p.day
	FROM (SELECT * FROM pieces WHERE best < top) p JOIN level_pieces l USING (client, area_code, young, synthetic)
	WHERE l.s <= p.e AND p.s <= l.e
),
counted AS (
	SELECT area_code, young, rnk AS g, synthetic, kind, m, n, f, l FROM one_events
	UNION ALL SELECT area_code, young, rnk, synthetic, kind, m + 12, -n, f, l FROM one_events
	UNION ALL SELECT area_code, young, top, synthetic, kind, s, 1, day, day FROM pieces
	UNION ALL SELECT area_code, young, top, synthetic, kind, e + 1, -1, day, day FROM pieces
	UNION ALL SELECT area_code, young, lvl, synthetic, kind, s, 1, day, day FROM parts
	UNION ALL SELECT area_code, young, lvl, synthetic, kind, e + 1, -1, day, day FROM parts
	UNION ALL SELECT area_code, young, next_lvl, synthetic, kind, s, -1, day, day FROM parts
	UNION ALL SELECT area_code, young, next_lvl, synthetic, kind, e + 1, 1, day, day FROM parts
)
SELECT $1, area_code, young,
	['opiate_crack', 'opiate_only', 'crack_only', 'non_opiate_alcohol', 'non_opiate_only', 'alcohol_only'][g],
	synthetic, kind, make_date(CAST(m // 12 AS INTEGER), CAST(m % 12 + 1 AS INTEGER), 1), sum(n), min(f), max(l)
FROM counted
GROUP BY area_code, young, g, synthetic, kind, m
HAVING sum(n) <> 0;
