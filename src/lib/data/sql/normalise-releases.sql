CREATE OR REPLACE TEMP TABLE norm AS
WITH t AS (
	SELECT
		row_no,
		nullif(trim(release_id), '') AS release_id,
		nullif(trim(client_id), '') AS client_id,
		upper(nullif(trim(area_code), '')) AS area_code,
		release_date AS release_raw,
		parse_date(release_date) AS release_date,
		treatment_need AS need_raw,
		parse_bool(treatment_need) AS treatment_need,
		first_contact_date AS contact_raw,
		parse_date(first_contact_date) AS first_contact_date,
		coalesce(parse_bool(synthetic), false) AS synthetic
	FROM src
)
SELECT *,
	nullif(concat_ws('; ',
		CASE WHEN area_code IS NULL THEN 'area code (LA) is blank'
			WHEN NOT is_area_code(area_code) THEN 'area code (LA) "' || left(area_code, 40) || '" is not an ONS code' END,
		CASE WHEN nullif(trim(release_raw), '') IS NULL THEN 'release date (RELEASE_DATE) is blank'
			WHEN release_date IS NULL THEN 'release date (RELEASE_DATE) "' || left(release_raw, 40) || '" is not a valid date' END,
		CASE WHEN treatment_need IS NULL THEN 'treatment need (TREATMENT_NEED) "' || left(coalesce(need_raw, ''), 40) || '" is not Y or N' END,
		CASE WHEN nullif(trim(contact_raw), '') IS NOT NULL AND first_contact_date IS NULL THEN 'first contact date (FIRST_CONTACT_DATE) "' || left(contact_raw, 40) || '" is not a valid date' END
	), '') AS problem,
	nullif(concat_ws('; ',
		CASE WHEN first_contact_date < release_date THEN 'first contact is before release, counted as not engaged' END,
		CASE WHEN release_date > CAST(now()::TIMESTAMP AS DATE) THEN 'release date is in the future' END
	), '') AS warning
FROM t;
