-- The project's long "figures and plans" format.
CREATE OR REPLACE TEMP TABLE norm AS
WITH t AS (
	SELECT
		src.row_no,
		CASE WHEN lower(trim(src.area_code)) = 'northamptonshire' THEN 'northamptonshire' ELSE upper(nullif(trim(src.area_code), '')) END AS area_code,
		nullif(trim(src.area_name), '') AS area_name,
		lower(nullif(trim(src.metric), '')) AS metric,
		NULL::VARCHAR AS indicator_name,
		lower(nullif(trim(src.cohort), '')) AS cohort,
		nullif(trim(src.category), '') AS category,
		NULL::VARCHAR AS sex,
		NULL::VARCHAR AS age,
		nullif(trim(src.period), '') AS period_raw,
		p.period_raw IS NOT NULL AS period_ok,
		lower(nullif(trim(src.kind), '')) AS kind,
		src.value AS value_raw,
		is_marker(src.value) AS value_marker,
		parse_num(src.value) AS value,
		parse_num(src.numerator) AS numerator,
		parse_num(src.denominator) AS denominator,
		parse_num(src.lower_ci) AS lower_ci,
		parse_num(src.upper_ci) AS upper_ci,
		lower(nullif(trim(src.unit), '')) AS unit,
		nullif(trim(src.note), '') AS note,
		nullif(trim(src.source), '') AS source,
		NULL::VARCHAR AS compared_to_england,
		coalesce(parse_bool(src.synthetic), false) AS synthetic
	FROM src LEFT JOIN periods p ON p.period_raw = trim(src.period)
)
SELECT *,
	nullif(concat_ws('; ',
		CASE WHEN area_code IS NULL THEN 'area_code is blank'
			WHEN NOT is_area_code(area_code) THEN 'area_code "' || left(area_code, 40) || '" is not an ONS code' END,
		CASE WHEN metric IS NULL THEN 'metric is blank' END,
		CASE WHEN period_raw IS NULL THEN 'period is blank'
			WHEN NOT period_ok THEN 'period "' || left(period_raw, 40) || '" is not a recognised period' END,
		CASE WHEN kind IS NULL THEN 'kind is blank'
			WHEN kind NOT IN ('actual', 'baseline', 'guide_additional', 'local_plan_additional', 'local_plan', 'national_ambition',
				'allocation', 'planned', 'average', 'projected', 'target') THEN 'kind "' || left(kind, 40) || '" is not one of the documented kinds' END,
		CASE WHEN nullif(trim(value_raw), '') IS NOT NULL AND NOT value_marker AND value IS NULL THEN 'value "' || left(value_raw, 40) || '" is not a number' END,
		CASE WHEN value < 0 AND coalesce(unit, 'count') IN ('count', 'percent', 'fte', 'rate_per_100k') THEN 'value ' || value || ' is negative' END,
		CASE WHEN numerator < 0 THEN 'numerator ' || numerator || ' is negative' END,
		CASE WHEN denominator < 0 THEN 'denominator ' || denominator || ' is negative' END,
		CASE WHEN value > 100 AND (unit = 'percent' OR contains(value_raw, '%')) THEN 'percentage ' || value || ' is over 100' END
	), '') AS problem,
	nullif(concat_ws('; ',
		CASE WHEN value_marker THEN 'value "' || trim(value_raw) || '" read as suppressed' END,
		CASE WHEN source IS NULL THEN 'no source given' END
	), '') AS warning
FROM t;
