-- What the model's parts are computed from, so that a part no loaded or forgotten file can change is kept: this
-- database (an id made once in it, model_db) and the files loaded (id, time of loading, name and rows, so that an id
-- used again after a file is forgotten is another input), in three groups: journeys (the cubes: treatment counts,
-- outcomes, the data date), releases (continuity) and the rest (figures).
WITH f AS (SELECT kind, file_id, concat_ws(' ', file_id, loaded_at, file_name, rows_loaded, rows_rejected) AS load FROM files)
SELECT (SELECT id FROM model_db) AS db,
	coalesce(string_agg(load, ', ' ORDER BY file_id) FILTER (WHERE kind = 'journeys'), '') AS journeys,
	coalesce(string_agg(load, ', ' ORDER BY file_id) FILTER (WHERE kind = 'releases'), '') AS releases,
	coalesce(string_agg(load, ', ' ORDER BY file_id) FILTER (WHERE kind NOT IN ('journeys', 'releases')), '') AS figures
FROM f;
