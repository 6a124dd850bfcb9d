-- A record the front desk registered is not a patient in treatment until someone admits them: it starts
-- 'registered', and admission makes it 'active' (admit-episode.ts). Records that were never admitted, which the
-- old default called active, become registered.
ALTER TABLE patients DROP CONSTRAINT patients_status_check;
ALTER TABLE patients
  ADD CONSTRAINT patients_status_check CHECK (status IN ('registered', 'active', 'discharged', 'deceased'));
ALTER TABLE patients ALTER COLUMN status SET DEFAULT 'registered';
UPDATE patients p SET status = 'registered'
WHERE p.status = 'active'
  AND NOT EXISTS (
    SELECT 1 FROM episodes_of_care e WHERE e.organization_id = p.organization_id AND e.patient_id = p.id
  );
