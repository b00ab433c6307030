-- OHID Fingertips indicator export (26/27-column layout). Headline rows have an empty Category Type.
CREATE OR REPLACE TEMP TABLE norm AS
WITH t AS (
	SELECT
		src.row_no,
		upper(nullif(trim(src.area_code), '')) AS area_code,
		nullif(trim(src.area_name), '') AS area_name,
		coalesce(m.metric, 'fingertips_' || trim(src.indicator_id)) AS metric,
		nullif(trim(src.indicator_name), '') AS indicator_name,
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
		'Fingertips indicator ' || trim(src.indicator_id) || coalesce(': ' || nullif(trim(src.indicator_name), ''), '') AS source,
		nullif(trim(src.compared_to_england), '') AS compared_to_england,
		false AS synthetic
	FROM src
	LEFT JOIN fingertips_indicators m ON m.indicator_id = trim(src.indicator_id)
	LEFT JOIN periods p ON p.period_raw = trim(src.period)
)
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
FROM t;
