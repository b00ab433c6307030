INSERT INTO figures (file_id, line, area_code, area_name, metric, indicator_name, cohort, category, sex, age, period_raw, kind,
	value, numerator, denominator, lower_ci, upper_ci, unit, note, source, compared_to_england, synthetic)
SELECT ?, row_no + 1, area_code, area_name, metric, indicator_name, cohort, category, sex, age, period_raw, kind,
	value, numerator, denominator, lower_ci, upper_ci, unit,
	coalesce(note, CASE WHEN value_marker THEN 'suppressed (' || trim(value_raw) || ')' END), source, compared_to_england, synthetic
FROM norm WHERE problem IS NULL;
