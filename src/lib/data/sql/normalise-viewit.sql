-- NDTMS ViewIt adult download: one row per reporting period × area (a name) × sex × age group × drug group, one
-- column per count. Validates each row and marks the rows a figure is made from (`use_row`); insert-viewit.sql
-- sums them into figures. Counts: a number, blank or the literal NULL (missing, never 0).
CREATE OR REPLACE TEMP MACRO viewit_blank(s) AS s IS NULL OR trim(s) = '' OR upper(trim(s)) = 'NULL';

CREATE OR REPLACE TEMP TABLE norm AS
WITH cells AS (
	-- Every count column the file has, long: one entry per cell that is not empty.
	SELECT row_no,
		list({'col': col, 'raw': trim(raw), 'v': CASE WHEN NOT viewit_blank(raw) AND NOT is_marker(raw) THEN parse_num(raw) END} ORDER BY col) AS cells
	FROM (
		UNPIVOT (SELECT COLUMNS(* EXCLUDE (period, area_name, sex, age, drug_group)) FROM src)
		ON COLUMNS(* EXCLUDE (row_no)) INTO NAME col VALUE raw
	)
	GROUP BY row_no
),
t AS (
	SELECT
		src.row_no,
		nullif(trim(src.area_name), '') AS area_raw,
		CASE WHEN a.area_type = 'former_county' AND a.cdp_code IS NOT NULL THEN a.cdp_code ELSE l.code END AS area_code,
		l.area_name,
		nullif(trim(src.period), '') AS period_raw,
		p.period_raw IS NOT NULL AS period_ok,
		-- A missing sex or age column, or a blank, is the total.
		CASE WHEN nullif(trim(src.sex), '') IS NULL OR lower(trim(src.sex)) IN ('total', 'persons', 'all') THEN 'total' ELSE trim(src.sex) END AS sex,
		CASE WHEN nullif(trim(src.age), '') IS NULL OR lower(trim(src.age)) IN ('total', 'all ages', 'all') THEN 'total' ELSE trim(src.age) END AS age,
		nullif(trim(src.drug_group), '') AS drug_raw,
		-- Labels differ between downloads and within one (Opiate / opiates / OPIATES, Non-opiate & alcohol / alcohol & non-opiates).
		CASE replace(replace(regexp_replace(lower(src.drug_group), '[^a-z]+', '', 'g'), 'and', ''), 'opiates', 'opiate')
			WHEN 'total' THEN 'total'
			WHEN 'opiate' THEN 'opiate'
			WHEN 'nonopiateonly' THEN 'non_opiate_only'
			WHEN 'nonopiatealcohol' THEN 'non_opiate_alcohol'
			WHEN 'alcoholnonopiate' THEN 'non_opiate_alcohol'
			WHEN 'alcoholonly' THEN 'alcohol_only'
		END AS grp,
		coalesce(c.cells, []) AS cells,
		list_filter(coalesce(c.cells, []), x -> NOT viewit_blank(x.raw) AND NOT is_marker(x.raw) AND (x.v IS NULL OR x.v < 0)) AS bad,
		list_filter(coalesce(c.cells, []), x -> is_marker(x.raw)) AS marked
	FROM src
	LEFT JOIN cells c USING (row_no)
	LEFT JOIN periods p ON p.period_raw = trim(src.period)
	LEFT JOIN la_names l ON l.name_key = la_name_key(src.area_name)
		AND (l.valid_from IS NULL OR p.period_start >= l.valid_from)
		AND (l.valid_to IS NULL OR p.period_start <= l.valid_to)
	LEFT JOIN areas a ON a.area_code = l.code
),
checked AS (
	SELECT *,
		nullif(concat_ws('; ',
			CASE WHEN area_raw IS NULL THEN 'Area is blank'
				WHEN area_code IS NULL THEN 'area "' || left(area_raw, 60) || '" is not a known English local authority name (data/la-names.csv)' END,
			CASE WHEN period_raw IS NULL THEN 'ReportingPeriod is blank'
				WHEN NOT period_ok THEN 'ReportingPeriod "' || left(period_raw, 40) || '" is not a recognised period' END,
			CASE WHEN drug_raw IS NULL THEN 'drug_group is blank'
				WHEN grp IS NULL THEN 'drug_group "' || left(drug_raw, 40) || '" is not one of Total, Opiate, Non-opiate only, Non-opiate & alcohol, Alcohol only' END,
			CASE WHEN len(bad) > 0 THEN array_to_string(list_transform(bad, x -> x.col || ' "' || left(x.raw, 20) || '"'), ', ')
				|| CASE WHEN len(bad) = 1 THEN ' is not a count' ELSE ' are not counts' END END
		), '') AS problem
	FROM t
),
deduped AS (
	SELECT *,
		CASE WHEN problem IS NULL THEN row_number() OVER (PARTITION BY problem IS NULL, area_code, period_raw, sex, age, grp ORDER BY row_no) END AS copy
	FROM checked
),
good AS (
	SELECT * REPLACE (
		CASE WHEN copy > 1 THEN 'repeats an earlier row for the same area, period, sex, age group and drug group' ELSE problem END AS problem)
	FROM deduped
),
-- Which breakdowns the file has: a download without Total rows is summed over its finest cells.
dims AS (
	SELECT coalesce(bool_or(sex <> 'total'), false) AS by_sex, coalesce(bool_or(age <> 'total'), false) AS by_age,
		greatest(count(DISTINCT sex) FILTER (WHERE sex <> 'total'), 1) * greatest(count(DISTINCT age) FILTER (WHERE age <> 'total'), 1) AS n_cells
	FROM good WHERE problem IS NULL
),
levels AS (
	SELECT g.*,
		(g.sex <> 'total' OR NOT d.by_sex) AND (g.age <> 'total' OR NOT d.by_age) AS finest,
		bool_or(g.sex = 'total' AND g.age = 'total') FILTER (WHERE g.problem IS NULL) OVER grp AS has_total,
		count(*) FILTER (WHERE g.problem IS NULL AND (g.sex <> 'total' OR NOT d.by_sex) AND (g.age <> 'total' OR NOT d.by_age)) OVER grp AS n_finest,
		d.n_cells
	FROM good g CROSS JOIN dims d
	WINDOW grp AS (PARTITION BY g.area_code, g.period_raw, g.grp)
),
used AS (
	SELECT *,
		problem IS NULL AND CASE WHEN has_total THEN sex = 'total' AND age = 'total' ELSE finest AND n_finest = n_cells END AS use_row
	FROM levels
)
SELECT row_no, area_code, area_name, period_raw, sex, age, grp, cells, use_row,
	count(*) FILTER (WHERE use_row) OVER (PARTITION BY area_code, period_raw, grp) AS n_used,
	problem,
	nullif(concat_ws('; ',
		CASE WHEN len(marked) > 0 THEN array_to_string(list_transform(marked, x -> x.col || ' "' || x.raw || '"'), ', ') || ' read as suppressed (missing)' END,
		CASE WHEN problem IS NULL AND NOT has_total AND n_finest <> n_cells
			THEN 'no Total row for this area, period and drug group, and not every sex × age group row: no figure is made from them' END
	), '') AS warning,
	false AS synthetic,
	'NDTMS ViewIt adult download' AS source
FROM used;
