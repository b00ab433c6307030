-- English local authority names → ONS codes (data/la-names.csv), for downloads that name areas without codes
-- (NDTMS ViewIt). One row per name or other spelling; a name is matched ignoring case and punctuation.
CREATE OR REPLACE MACRO la_name_key(s) AS regexp_replace(lower(replace(s, '&', ' and ')), '[^a-z0-9]+', '', 'g');
CREATE TABLE IF NOT EXISTS la_names (
	name_key VARCHAR NOT NULL,
	name VARCHAR NOT NULL,
	code VARCHAR NOT NULL,
	area_name VARCHAR NOT NULL,
	area_type VARCHAR NOT NULL,
	valid_from DATE,
	valid_to DATE
);
