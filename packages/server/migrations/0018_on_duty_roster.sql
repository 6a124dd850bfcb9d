-- The on-duty roster (issue 11): who answers for the program, for which duty, over which period. Risk signals
-- reach whoever is on duty now, beside the patient's care team. A shift is ended (or called off before it
-- starts), never deleted or moved: the roster is the record of who was answerable when.

CREATE TABLE on_duty_shifts (
  organization_id uuid NOT NULL REFERENCES organizations (id),
  id uuid NOT NULL DEFAULT uuid_generate_v7(),
  staff_member_id uuid NOT NULL,
  duty text NOT NULL CHECK (duty IN ('clinician_on_call', 'prescriber_on_call', 'supervisor_on_call')),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  -- Ended early (or called off before it started): the shift then lasts until ended_at, or not at all.
  ended_at timestamptz,
  ended_by_user_id uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by_user_id uuid REFERENCES users (id),
  version integer NOT NULL DEFAULT 1,
  -- When the staff member is actually on duty: empty for a shift called off before it started.
  on_duty tstzrange GENERATED ALWAYS AS (
    tstzrange(starts_at, least(ends_at, greatest(starts_at, coalesce(ended_at, ends_at))), '[)')
  ) STORED,
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, staff_member_id) REFERENCES staff_members (organization_id, id),
  CHECK (ends_at > starts_at),
  CHECK (ends_at - starts_at <= interval '7 days'),
  CHECK ((ended_at IS NULL) = (ended_by_user_id IS NULL)),
  -- Nobody holds the same duty twice at once: two overlapping shifts of one person and duty are one too many.
  CONSTRAINT on_duty_shifts_no_overlap EXCLUDE USING gist (
    organization_id WITH =, staff_member_id WITH =, duty WITH =, on_duty WITH &&
  )
);
-- Who is on duty now: the alert routing asks at every risk signal.
CREATE INDEX on_duty_shifts_period ON on_duty_shifts USING gist (organization_id, on_duty);

CREATE FUNCTION on_duty_shifts_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  staff_role text;
  staff_active boolean;
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'on-duty shifts are never deleted; end them' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'UPDATE' THEN
    IF OLD.ended_at IS NOT NULL THEN
      RAISE EXCEPTION 'an ended shift does not change again' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF (NEW.organization_id, NEW.id, NEW.staff_member_id, NEW.duty, NEW.starts_at, NEW.ends_at, NEW.created_at,
        NEW.created_by_user_id)
       IS DISTINCT FROM
       (OLD.organization_id, OLD.id, OLD.staff_member_id, OLD.duty, OLD.starts_at, OLD.ends_at, OLD.created_at,
        OLD.created_by_user_id) THEN
      RAISE EXCEPTION 'a shift is only ended, never rewritten' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
  END IF;
  -- A duty is taken by an active staff member whose job can answer it (core/on-duty/duties.ts).
  SELECT job_role, active INTO staff_role, staff_active
    FROM staff_members WHERE organization_id = NEW.organization_id AND id = NEW.staff_member_id;
  IF NOT coalesce(staff_active, false) OR NOT (
       (NEW.duty = 'clinician_on_call' AND staff_role IN ('clinician', 'supervisor'))
    OR (NEW.duty = 'prescriber_on_call' AND staff_role = 'prescriber')
    OR (NEW.duty = 'supervisor_on_call' AND staff_role = 'supervisor')) THEN
    RAISE EXCEPTION 'this staff member cannot take this duty' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER on_duty_shifts_guarded
  BEFORE INSERT OR UPDATE OR DELETE ON on_duty_shifts
  FOR EACH ROW EXECUTE FUNCTION on_duty_shifts_guard();

-- Alerts routed by the new rules say why each person received them.
ALTER TABLE alert_recipients DROP CONSTRAINT alert_recipients_reason_check;
ALTER TABLE alert_recipients ADD CONSTRAINT alert_recipients_reason_check CHECK (reason IN ('primary_therapist',
  'case_manager', 'group_facilitator', 'prescriber', 'supervisor', 'primary_therapist_supervisors', 'on_duty',
  'program_supervisors', 'program_administrators', 'fallback_supervisors', 'fallback_administrators',
  'escalation'));
