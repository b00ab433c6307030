-- Typed, validated journeys from the staging view `src` (all text). `problem` is NULL for a good row.
CREATE OR REPLACE TEMP TABLE norm AS
WITH t AS (
	SELECT
		src.row_no,
		nullif(trim(src.client_id), '') AS client_id,
		nullif(trim(src.journey_id), '') AS journey_id,
		upper(nullif(trim(src.area_code), '')) AS area_code,
		src.age AS age_raw,
		coalesce(TRY_CAST(trim(src.age) AS INTEGER), TRY_CAST(parse_num(src.age) AS INTEGER)) AS age,
		CASE upper(trim(src.sex)) WHEN 'M' THEN 'M' WHEN 'MALE' THEN 'M' WHEN '1' THEN 'M'
			WHEN 'F' THEN 'F' WHEN 'FEMALE' THEN 'F' WHEN '2' THEN 'F' END AS sex,
		src.substance AS substance_raw,
		s.substance_group,
		src.referral_date AS referral_raw,
		parse_date(src.referral_date) AS referral_date,
		coalesce(r.referral_source, nullif(lower(trim(src.referral_source)), '')) AS referral_source,
		CASE WHEN r.referral_source IS NULL AND nullif(trim(src.referral_source), '') IS NOT NULL THEN left(trim(src.referral_source), 60) END AS referral_unknown,
		src.triage_date AS triage_raw,
		parse_date(src.triage_date) AS triage_date,
		src.discharge_date AS discharge_raw,
		parse_date(src.discharge_date) AS discharge_date,
		coalesce(d.discharge_reason, nullif(lower(trim(src.discharge_reason)), '')) AS discharge_reason,
		CASE WHEN d.discharge_reason IS NULL AND nullif(trim(src.discharge_reason), '') IS NOT NULL THEN left(trim(src.discharge_reason), 60) END AS discharge_unknown,
		src.rehab_start_date AS rehab_raw,
		parse_date(src.rehab_start_date) AS rehab_start_date,
		coalesce(parse_bool(src.synthetic), false) AS synthetic
	FROM src
	LEFT JOIN substance_labels s ON s.label = lower(trim(src.substance))
	-- Codes and labels are matched as lookups.ts's labelKey() writes them: lower case, each run of punctuation
	-- and spaces read as one space ("Treatment completed - drug free" = "treatment completed drug free").
	LEFT JOIN referral_labels r ON r.label = trim(regexp_replace(lower(src.referral_source), '[^a-z0-9&]+', ' ', 'g'))
	LEFT JOIN discharge_labels d ON d.label = trim(regexp_replace(lower(src.discharge_reason), '[^a-z0-9&]+', ' ', 'g'))
)
-- The raw text is only needed for the messages: leaving it out of `norm` lowers the memory peak.
SELECT * EXCLUDE (age_raw, substance_raw, referral_raw, triage_raw, discharge_raw, rehab_raw, referral_unknown, discharge_unknown),
	nullif(concat_ws('; ',
		CASE WHEN client_id IS NULL THEN 'client id (CLIENTID) is blank' END,
		CASE WHEN area_code IS NULL THEN 'area code (LA) is blank'
			WHEN NOT is_area_code(area_code) THEN 'area code (LA) "' || left(area_code, 40) || '" is not an ONS code' END,
		CASE WHEN nullif(trim(age_raw), '') IS NULL THEN 'age (AGE) is blank'
			WHEN age IS NULL THEN 'age (AGE) "' || left(age_raw, 40) || '" is not a whole number'
			WHEN age < 0 OR age > 120 THEN 'age (AGE) ' || age || ' is out of range' END,
		CASE WHEN substance_group IS NULL THEN 'substance group (SUBSTANCE) "' || left(coalesce(substance_raw, ''), 40) || '" is not recognised' END,
		CASE WHEN nullif(trim(triage_raw), '') IS NULL THEN 'triage date (TRIAGED) is blank'
			WHEN triage_date IS NULL THEN 'triage date (TRIAGED) "' || left(triage_raw, 40) || '" is not a valid date' END,
		CASE WHEN nullif(trim(discharge_raw), '') IS NOT NULL AND discharge_date IS NULL THEN 'discharge date (DISD) "' || left(discharge_raw, 40) || '" is not a valid date'
			WHEN discharge_date < triage_date THEN 'discharge date (DISD) is before the triage date' END,
		CASE WHEN nullif(trim(rehab_raw), '') IS NOT NULL AND rehab_start_date IS NULL THEN 'rehab start (RESRHBST) "' || left(rehab_raw, 40) || '" is not a valid date' END
	), '') AS problem,
	nullif(concat_ws('; ',
		CASE WHEN referral_unknown IS NOT NULL THEN 'referral source (RFLS) "' || referral_unknown || '" not recognised, kept as given (counted as no known source)' END,
		-- Never silently "not died": the value is named, and the row counts as a discharge with no known reason.
		CASE WHEN discharge_unknown IS NOT NULL THEN 'discharge reason (DISRSN) "' || discharge_unknown || '" not recognised, kept as given (counted as no known reason, so never as a death or a completion)' END,
		CASE WHEN nullif(trim(referral_raw), '') IS NOT NULL AND referral_date IS NULL THEN 'referral date (REFLD) is not a valid date, left blank' END,
		CASE WHEN triage_date > CAST(now()::TIMESTAMP AS DATE) THEN 'triage date is in the future' END
	), '') AS warning
FROM t;
