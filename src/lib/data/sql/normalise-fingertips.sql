-- OHID Fingertips indicator export (26/27-column layout; older ones add a "Column not used"). Headline rows have an
-- empty Category Type. One export can hold several area-type blocks (counties, districts, ICBs…), each repeating
-- England, and an area of two types (a unitary authority is a county and a district) is in both. A repeat of a row
-- already read (same indicator, area, sex, age, category and period) is set aside in `ignored_rows`, and its area
-- type is added to the first row's, so each area type's ranking still finds it. A row whose Area Code is not an
-- ONS-style code (a practice, a PCN) cannot be placed on the dashboard's areas and is set aside too.
CREATE OR REPLACE TEMP TABLE norm AS
WITH t AS (
	SELECT
		src.row_no,
		upper(nullif(trim(src.area_code), '')) AS area_code,
		nullif(trim(src.area_name), '') AS area_name,
		coalesce(m.metric, 'fingertips_' || trim(src.indicator_id)) AS metric,
		-- Names can hold line feeds inside their quotes: read as one line.
		nullif(regexp_replace(trim(src.indicator_name), '\s+', ' ', 'g'), '') AS indicator_name,
		NULL::VARCHAR AS cohort,
		CASE WHEN nullif(trim(src.category_type), '') IS NOT NULL
			THEN trim(src.category_type) || ': ' || coalesce(trim(src.category), '') END AS category,
		nullif(trim(src.sex), '') AS sex,
		nullif(trim(src.age), '') AS age,
		nullif(trim(src.period), '') AS period_raw,
		p.period_raw IS NOT NULL AS period_ok,
		'actual' AS kind,
		src.value AS value_raw,
		is_marker(src.value) AS value_marker,
		parse_num(src.value) AS value,
		parse_num(src.count) AS numerator,
		parse_num(src.denominator) AS denominator,
		parse_num(src.lower_ci) AS lower_ci,
		parse_num(src.upper_ci) AS upper_ci,
		coalesce(m.unit, 'value') AS unit,
		nullif(trim(src.value_note), '') AS note,
		'Fingertips indicator ' || trim(src.indicator_id) || coalesce(': ' || nullif(regexp_replace(trim(src.indicator_name), '\s+', ' ', 'g'), ''), '') AS source,
		nullif(trim(src.compared_to_england), '') AS compared_to_england,
		false AS synthetic,
		nullif(regexp_replace(trim(src.area_type), '\s+', ' ', 'g'), '') AS area_type,
		upper(nullif(trim(src.parent_code), '')) AS parent_code
	FROM src
	LEFT JOIN fingertips_indicators m ON m.indicator_id = trim(src.indicator_id)
	LEFT JOIN periods p ON p.period_raw = trim(src.period)
),
checked AS (
	SELECT *,
		nullif(concat_ws('; ',
			CASE WHEN nullif(trim(metric), 'fingertips_') IS NULL THEN 'Indicator ID is blank' END,
			CASE WHEN area_code IS NULL THEN 'Area Code is blank' END,
			CASE WHEN period_raw IS NULL THEN 'Time period is blank'
				WHEN NOT period_ok THEN 'Time period "' || left(period_raw, 40) || '" is not a recognised period' END,
			CASE WHEN nullif(trim(value_raw), '') IS NOT NULL AND NOT value_marker AND value IS NULL THEN 'Value "' || left(value_raw, 40) || '" is not a number' END
		), '') AS problem,
		nullif(concat_ws('; ',
			CASE WHEN value_marker THEN 'Value "' || trim(value_raw) || '" read as suppressed' END
		), '') AS warning
	FROM t
),
placed AS (
	SELECT *,
		CASE WHEN problem IS NULL AND NOT is_area_code(area_code) THEN 'Area Code "' || left(area_code, 20) || '"' || coalesce(' (' || left(area_name, 60) || ')', '')
			|| ' is not an ONS area code, so the dashboard cannot place it: row ignored' END AS unplaced
	FROM checked
),
good AS (
	SELECT row_no, area_type, list_value(value, lower_ci, upper_ci, numerator, denominator) AS numbers,
		first_value(row_no) OVER w AS first_row,
		first_value(list_value(value, lower_ci, upper_ci, numerator, denominator)) OVER w AS first_numbers
	FROM placed WHERE problem IS NULL AND unplaced IS NULL
	WINDOW w AS (PARTITION BY metric, area_code, sex, age, category, period_raw ORDER BY row_no)
),
types AS (
	SELECT first_row, string_agg(area_type, '; ' ORDER BY seen) AS area_types
	FROM (SELECT first_row, area_type, min(row_no) AS seen FROM good WHERE area_type IS NOT NULL GROUP BY first_row, area_type)
	GROUP BY first_row
)
SELECT p.* EXCLUDE (area_type, unplaced),
	coalesce(ty.area_types, p.area_type) AS area_type,
	CASE WHEN p.unplaced IS NOT NULL THEN p.unplaced
		WHEN g.first_row <> p.row_no THEN coalesce(p.area_name, p.area_code) || coalesce(' (' || nullif(p.sex, 'Persons') || ')', '')
			|| ' repeated for ' || p.period_raw
			|| CASE WHEN p.area_code <> 'E92000001' AND p.area_type IS NOT NULL THEN ' as ' || p.area_type ELSE ' in another area-type block' END
			|| CASE WHEN g.numbers IS DISTINCT FROM g.first_numbers THEN ', with different numbers' ELSE '' END
			|| ': the first row is used, this one ignored' END AS ignore_reason
FROM placed p LEFT JOIN good g USING (row_no) LEFT JOIN types ty ON ty.first_row = p.row_no;

CREATE OR REPLACE TEMP TABLE ignored_rows AS SELECT row_no, ignore_reason AS reason FROM norm WHERE problem IS NULL AND ignore_reason IS NOT NULL;
DELETE FROM norm WHERE problem IS NULL AND ignore_reason IS NOT NULL;
