-- Why a care team place began ("patient asked for a Spanish-speaking therapist", "best fit; caseload has room").
-- change_reason (0008) says why it ended; one column could not hold both without losing the first.
ALTER TABLE care_team_members
  ADD COLUMN assignment_reason text CHECK (assignment_reason IS NULL OR length(trim(assignment_reason)) > 0);
