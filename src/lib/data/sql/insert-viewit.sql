-- The figures of a ViewIt download (rows checked and chosen by normalise-viewit.sql): each count per area, period
-- and cohort, from the file's Total row where it has one, else the sum of its sex × age group rows. Drug groups
-- map to the cohorts: Total → adults, Opiate → opiate, Alcohol only → alcohol, Non-opiate only + Non-opiate &
-- alcohol → non_opiate (always a sum). A count that is missing in any cell summed is missing, never a partial sum.
INSERT INTO figures BY NAME
WITH cell AS (
	SELECT row_no, area_code, area_name, period_raw, grp, n_used, unnest(cells, recursive := true)
	FROM norm WHERE problem IS NULL AND use_row
),
-- NDTMS rounds local counts to the nearest 5 (England's are exact): an area whose every count is a multiple of 5 is rounded.
area_rounding AS (
	SELECT area_code, coalesce(bool_and(v % 5 = 0), false) AS rounded FROM cell GROUP BY area_code
),
per_group AS (
	SELECT area_code, any_value(area_name) AS area_name, period_raw, grp, col,
		CASE WHEN count(v) = any_value(n_used) THEN sum(v) END AS value,
		any_value(n_used) AS n_cells,
		min(row_no) AS row_no
	FROM cell GROUP BY area_code, period_raw, grp, col
),
per_cohort AS (
	SELECT area_code, any_value(area_name) AS area_name, period_raw, col,
		CASE grp WHEN 'total' THEN 'adults' WHEN 'opiate' THEN 'opiate' WHEN 'alcohol_only' THEN 'alcohol' ELSE 'non_opiate' END AS cohort,
		CASE WHEN count(value) = count(*) THEN sum(value) END AS value,
		count(*) AS n_groups,
		sum(n_cells) AS n_cells,
		min(row_no) AS row_no
	FROM per_group GROUP BY ALL
),
-- The columns read: metric, category (a breakdown of the metric) and what the column counts, in words.
col_map (col, metric, category, label) AS (
	VALUES
		('intreatment_allintx', 'numbers_in_treatment', NULL, 'numbers in treatment'),
		('newpresentation_newtx', 'new_presentations', NULL, 'new presentations'),
		('exits_successfulcompletion_allintx', 'successful_completions', NULL, 'successful completions'),
		('exits_successfulcompletion_allintx', 'treatment_exits', 'successful completion', 'exits from treatment by reason'),
		('exits_died_allintx', 'treatment_exits', 'died', 'exits from treatment by reason'),
		('exits_droppedout_allintx', 'treatment_exits', 'dropped out', 'exits from treatment by reason'),
		('exits_movedaway_allintx', 'treatment_exits', 'moved away', 'exits from treatment by reason'),
		('exits_noappropriatetreatment_allintx', 'treatment_exits', 'no appropriate treatment', 'exits from treatment by reason'),
		('exits_notknown_allintx', 'treatment_exits', 'not known', 'exits from treatment by reason'),
		('exits_other_allintx', 'treatment_exits', 'other', 'exits from treatment by reason'),
		('exits_prison_allintx', 'treatment_exits', 'prison', 'exits from treatment by reason'),
		('exits_transferrednotincustody_allintx', 'treatment_exits', 'transferred, not in custody', 'exits from treatment by reason'),
		('exits_transferredincustody_allintx', 'treatment_exits', 'transferred, in custody', 'exits from treatment by reason'),
		('exits_referredon_allintx', 'treatment_exits', 'referred on', 'exits from treatment by reason'),
		('exits_treatmentdeclined_allintx', 'treatment_exits', 'treatment declined', 'exits from treatment by reason'),
		('exits_treatmentwithdrawn_allintx', 'treatment_exits', 'treatment withdrawn', 'exits from treatment by reason'),
		('exits_inconsistent_allintx', 'treatment_exits', 'inconsistent', 'exits from treatment by reason'),
		('waitsfirst_3weeksandunder_newtx', 'waits_first_intervention', '3 weeks and under', 'new presentations by wait for the first intervention'),
		('waitsfirst_3to6weeks_newtx', 'waits_first_intervention', 'over 3 to 6 weeks', 'new presentations by wait for the first intervention'),
		('waitsfirst_over6weeks_newtx', 'waits_first_intervention', 'over 6 weeks', 'new presentations by wait for the first intervention'),
		('scnr_intreatment_allintx', 'scnr_in_treatment', NULL, 'in treatment, for completions not re-presenting'),
		('scnr_completion_allintx', 'scnr_completions', NULL, 'successful completions, for completions not re-presenting'),
		('scnr_representation_allintx', 'scnr_representations', NULL, 'successful completions who re-presented'),
		('scnr_scrn_allintx', 'scnr_completions_not_representing', NULL, 'successful completions not re-presenting')
)
SELECT
	? AS file_id,
	c.row_no + 1 AS line,
	c.area_code,
	c.area_name,
	m.metric,
	c.cohort,
	m.category,
	c.period_raw,
	'actual' AS kind,
	c.value,
	'count' AS unit,
	CASE
		WHEN c.value IS NULL THEN 'not published (NULL in the download)'
		WHEN c.n_cells = 1 THEN CASE WHEN r.rounded THEN 'rounded to the nearest 5 by NDTMS' END
		ELSE 'sum of ' || c.n_cells || ' published counts ('
			|| CASE WHEN c.n_groups = 2 AND c.n_cells = 2 THEN 'Non-opiate only + Non-opiate & alcohol'
				WHEN c.n_groups = 2 THEN 'sex × age group rows of Non-opiate only and Non-opiate & alcohol'
				ELSE 'sex × age group rows' END
			|| ')' || CASE WHEN r.rounded THEN ', each rounded to the nearest 5 by NDTMS' ELSE '' END
	END AS note,
	'NDTMS ViewIt adult download: ' || m.label || ' (' || m.col || ')' || CASE WHEN r.rounded THEN '; counts rounded to the nearest 5 by NDTMS' ELSE '' END AS source,
	false AS synthetic
FROM per_cohort c
JOIN col_map m USING (col)
JOIN area_rounding r USING (area_code)
-- Non-opiate needs both of its drug groups.
WHERE c.cohort <> 'non_opiate' OR c.n_groups = 2;
