-- What each journey is for the recovery outcomes (data/README.md "Recovery outcomes"): `journeys` with four flags,
-- which the file's cube (cube-journeys.sql, kinds 6 to 11) counts as people. Defined here, counted there.
--   completed: discharged as completed (drug free, or occasional user: the ids of SUCCESSFUL_DISCHARGES in lookups.ts);
--     it is leaving treatment successfully when no other journey of the person is open that day (decided in the cube);
--   early: an unplanned exit (incomplete, not a death: dropped out, withdrawn by the provider, retained in custody,
--     declined) under 12 weeks (84 days) after triage;
--   wait_known: a referral date on or before triage; waited: that, and more than 21 days (over 3 weeks) before triage.
-- The reason is looked at only for short journeys: string comparisons are the costly part in wasm.
CREATE OR REPLACE TEMP VIEW journey_outcomes AS
SELECT *,
	discharge_date IS NOT NULL AND coalesce(discharge_reason IN ('completed_drug_free', 'completed'), false) AS completed,
	CASE WHEN discharge_date - triage_date < 84 THEN coalesce(discharge_reason IN ('dropped_out', 'withdrawn', 'retained_in_custody', 'declined'), false) ELSE false END AS early,
	coalesce(referral_date <= triage_date, false) AS wait_known,
	coalesce(referral_date <= triage_date AND triage_date - referral_date > 21, false) AS waited
FROM journeys;
