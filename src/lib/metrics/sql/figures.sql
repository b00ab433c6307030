-- All figures in use with their parsed periods and the file they came from.
SELECT area_code AS area, coalesce(a.area_name, f.area_name) AS area_name, metric, indicator_name, cohort, category, sex, age,
	period_label AS period, strftime(period_start, '%Y-%m-%d') AS start, strftime(period_end, '%Y-%m-%d') AS "end", period_kind,
	kind, value, numerator, denominator, lower_ci, upper_ci, unit, note, source, compared_to_england, synthetic, file_name AS file,
	f.area_type, parent_code
FROM figures_in_use f LEFT JOIN areas a USING (area_code)
ORDER BY area, metric, cohort NULLS FIRST, category NULLS FIRST, period_start, kind;
