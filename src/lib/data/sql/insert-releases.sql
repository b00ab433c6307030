INSERT INTO releases
SELECT ?, release_id, client_id, area_code, release_date, treatment_need, first_contact_date, synthetic
FROM norm WHERE problem IS NULL;
