INSERT INTO journeys
SELECT ?, client_id, journey_id, area_code, age, sex, substance_group, referral_date, referral_source,
	triage_date, discharge_date, discharge_reason, rehab_start_date, synthetic
FROM norm WHERE problem IS NULL;
