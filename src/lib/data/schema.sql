-- Canonical tables. Every row remembers the file it came from (file_id) so a file can be forgotten,
-- and whether it is synthetic so every screen and export can say so. Documented in data/README.md.

CREATE TABLE IF NOT EXISTS areas (
	area_code VARCHAR PRIMARY KEY,
	area_name VARCHAR NOT NULL,
	area_type VARCHAR NOT NULL,
	region_code VARCHAR,
	cdp_code VARCHAR,
	sort_order INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS files (
	file_id INTEGER PRIMARY KEY,
	file_name VARCHAR NOT NULL,
	kind VARCHAR NOT NULL,
	rows_loaded INTEGER NOT NULL,
	rows_rejected INTEGER NOT NULL,
	synthetic BOOLEAN NOT NULL,
	embedded BOOLEAN NOT NULL,
	loaded_at TIMESTAMP NOT NULL,
	period_start DATE,
	period_end DATE,
	area_codes VARCHAR[],
	source VARCHAR
);

CREATE TABLE IF NOT EXISTS periods (
	period_raw VARCHAR PRIMARY KEY,
	period_label VARCHAR NOT NULL,
	period_start DATE NOT NULL,
	period_end DATE NOT NULL,
	period_kind VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS figures (
	file_id INTEGER NOT NULL,
	line INTEGER NOT NULL,
	area_code VARCHAR NOT NULL,
	area_name VARCHAR,
	metric VARCHAR NOT NULL,
	indicator_name VARCHAR,
	cohort VARCHAR,
	category VARCHAR,
	sex VARCHAR,
	age VARCHAR,
	period_raw VARCHAR NOT NULL,
	kind VARCHAR NOT NULL,
	value DOUBLE,
	numerator DOUBLE,
	denominator DOUBLE,
	lower_ci DOUBLE,
	upper_ci DOUBLE,
	unit VARCHAR,
	note VARCHAR,
	source VARCHAR,
	compared_to_england VARCHAR,
	synthetic BOOLEAN NOT NULL,
	-- Fingertips only: the Area Type(s) given ('; '-separated when the file repeats the area in several area-type
	-- blocks) and the Parent Code (the region, for most area types).
	area_type VARCHAR,
	parent_code VARCHAR
);

CREATE TABLE IF NOT EXISTS journeys (
	file_id INTEGER NOT NULL,
	client_id VARCHAR NOT NULL,
	journey_id VARCHAR,
	area_code VARCHAR NOT NULL,
	age INTEGER NOT NULL,
	sex VARCHAR,
	substance_group VARCHAR NOT NULL,
	referral_date DATE,
	referral_source VARCHAR,
	triage_date DATE NOT NULL,
	discharge_date DATE,
	discharge_reason VARCHAR,
	rehab_start_date DATE,
	synthetic BOOLEAN NOT NULL
);

-- Derived from `journeys` as each file is stored, and deleted with it (sql/cube-journeys.sql): the file's PEOPLE
-- counted per area, age group (young = under 18), substance group, synthetic flag, kind and calendar month (kind
-- 0: spell starts, 1: spell ends, signed so that window sums count each person once in one group; 2: people
-- starting residential rehab, 3: new presentations, 4: deaths in treatment; 5: journeys triaged, not people),
-- with the first and last date of each. The model sums these (thousands of rows) instead of reading the
-- journeys (millions) again. See data/README.md "Counting people".
CREATE TABLE IF NOT EXISTS journey_cubes (
	file_id INTEGER NOT NULL,
	area_code VARCHAR NOT NULL,
	young BOOLEAN NOT NULL,
	substance_group VARCHAR NOT NULL,
	synthetic BOOLEAN NOT NULL,
	kind INTEGER NOT NULL,
	month DATE NOT NULL,
	n BIGINT NOT NULL,
	first_date DATE NOT NULL,
	last_date DATE NOT NULL
);

CREATE TABLE IF NOT EXISTS releases (
	file_id INTEGER NOT NULL,
	release_id VARCHAR,
	client_id VARCHAR,
	area_code VARCHAR NOT NULL,
	release_date DATE NOT NULL,
	treatment_need BOOLEAN NOT NULL,
	first_contact_date DATE,
	synthetic BOOLEAN NOT NULL
);

-- Lookups for codes and labels (keys are lower-case, trimmed).
CREATE TABLE IF NOT EXISTS substance_labels (label VARCHAR PRIMARY KEY, substance_group VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS referral_labels (label VARCHAR PRIMARY KEY, referral_source VARCHAR NOT NULL);
CREATE TABLE IF NOT EXISTS discharge_labels (label VARCHAR PRIMARY KEY, discharge_reason VARCHAR NOT NULL);

-- Fingertips indicators the charts know; any other indicator is kept as fingertips_<id>.
CREATE TABLE IF NOT EXISTS fingertips_indicators (indicator_id VARCHAR PRIMARY KEY, metric VARCHAR NOT NULL, unit VARCHAR NOT NULL);

-- Numbers as people type them: "1,234", "12,5" (decimal comma), "£3,052,000", "37%".
CREATE OR REPLACE MACRO clean_num(s) AS replace(replace(replace(replace(trim(s), '£', ''), '%', ''), ' ', ''), chr(160), '');
CREATE OR REPLACE MACRO parse_num(s) AS CASE
	WHEN s IS NULL OR trim(s) = '' THEN NULL
	WHEN regexp_full_match(clean_num(s), '-?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?') THEN TRY_CAST(replace(clean_num(s), ',', '') AS DOUBLE)
	WHEN regexp_full_match(clean_num(s), '-?[0-9]+,[0-9]+') THEN TRY_CAST(replace(clean_num(s), ',', '.') AS DOUBLE)
	ELSE TRY_CAST(clean_num(s) AS DOUBLE)
END;
-- Suppression and "not available" markers used by NDTMS, ONS and the devolved statistics offices.
CREATE OR REPLACE MACRO is_marker(s) AS lower(trim(s)) IN ('*', 'x', '..', '-', 'c', ':', 'z', 'u', 'n/a', 'na', 'suppressed', '~');
-- ISO, UK (31/03/2024, 31-03-2024, 31/03/24, and Excel's 31/03/2024 00:00), ISO timestamps and Excel serial day numbers.
CREATE OR REPLACE MACRO parse_date(s) AS COALESCE(
	TRY_CAST(trim(s) AS DATE),
	TRY_CAST(TRY_STRPTIME(trim(s), '%d/%m/%Y') AS DATE),
	TRY_CAST(TRY_STRPTIME(trim(s), ['%d/%m/%Y %H:%M', '%d/%m/%Y %H:%M:%S']) AS DATE),
	TRY_CAST(TRY_STRPTIME(trim(s), '%d-%m-%Y') AS DATE),
	TRY_CAST(TRY_STRPTIME(trim(s), '%d/%m/%y') AS DATE),
	TRY_CAST(TRY_CAST(trim(s) AS TIMESTAMP) AS DATE),
	CASE WHEN regexp_full_match(trim(s), '[0-9]{5}(\.[0-9]+)?') AND TRY_CAST(trim(s) AS DOUBLE) BETWEEN 10000 AND 80000
		THEN DATE '1899-12-30' + CAST(floor(TRY_CAST(trim(s) AS DOUBLE)) AS INTEGER) END
);
CREATE OR REPLACE MACRO parse_bool(s) AS CASE lower(trim(s))
	WHEN 'y' THEN true WHEN 'yes' THEN true WHEN '1' THEN true WHEN 'true' THEN true
	WHEN 'n' THEN false WHEN 'no' THEN false WHEN '0' THEN false WHEN 'false' THEN false END;
CREATE OR REPLACE MACRO is_area_code(s) AS regexp_full_match(s, '[EWSNK][0-9]{8}') OR s = 'northamptonshire';

-- Financial year (by start year) of a date: April to March.
CREATE OR REPLACE MACRO fy_of(d) AS CASE WHEN month(d) >= 4 THEN year(d) ELSE year(d) - 1 END;

-- The CDP an area counts towards: the registry's, else the area itself (any partnership can load its own data).
CREATE OR REPLACE VIEW area_cdp AS
	SELECT area_code, coalesce(cdp_code, area_code) AS cdp_code FROM areas;

-- Record-level data with synthetic rows hidden for any area where real rows are loaded,
-- so a partnership's own extract replaces the illustrative one.
CREATE OR REPLACE VIEW journeys_in_use AS
	SELECT j.*, coalesce(c.cdp_code, j.area_code) AS cdp_code FROM journeys j
	LEFT JOIN area_cdp c USING (area_code)
	WHERE NOT j.synthetic OR j.area_code NOT IN (SELECT area_code FROM journeys WHERE NOT synthetic GROUP BY area_code);
CREATE OR REPLACE VIEW releases_in_use AS
	SELECT r.*, coalesce(c.cdp_code, r.area_code) AS cdp_code FROM releases r
	LEFT JOIN area_cdp c USING (area_code)
	WHERE NOT r.synthetic OR r.area_code NOT IN (SELECT area_code FROM releases WHERE NOT synthetic GROUP BY area_code);

-- Figures with parsed periods; when two files give the same figure, the one loaded last wins.
CREATE OR REPLACE VIEW figures_in_use AS
	SELECT f.*, p.period_label, p.period_start, p.period_end, p.period_kind, fl.file_name
	FROM figures f JOIN periods p USING (period_raw) JOIN files fl USING (file_id)
	QUALIFY row_number() OVER (
		PARTITION BY f.area_code, f.metric, f.cohort, f.category, f.sex, f.age, p.period_label, f.kind
		ORDER BY f.file_id DESC, f.line
	) = 1;
