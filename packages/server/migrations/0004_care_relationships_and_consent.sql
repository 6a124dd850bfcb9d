-- Who relates to a patient's record, and on what basis: the facts the access policy (packages/core/src/access)
-- decides on. Care team places and supervision (staff), the patient's own sign-in, support contacts (loved
-- ones), 42 CFR Part 2 consents with the accounting of disclosures made under them, and break-the-glass grants.

-- The patient's own portal sign-in, filled when they accept their invitation.
ALTER TABLE patients ADD COLUMN user_id uuid REFERENCES users (id);
CREATE UNIQUE INDEX patients_user ON patients (organization_id, user_id) WHERE user_id IS NOT NULL;

-- A staff member's place on a patient's care team. Never deleted: a place ends (ended_at), which keeps the
-- history of who cared for the patient and when.
CREATE TABLE care_team_members (
  organization_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT uuid_generate_v7(),
  patient_id uuid NOT NULL,
  staff_member_id uuid NOT NULL,
  role text NOT NULL
    CHECK (role IN ('primary_therapist', 'case_manager', 'group_facilitator', 'prescriber', 'supervisor')),
  started_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz CHECK (ended_at IS NULL OR ended_at >= started_at),
  created_by_user_id uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, patient_id) REFERENCES patients (organization_id, id),
  FOREIGN KEY (organization_id, staff_member_id) REFERENCES staff_members (organization_id, id)
);
-- One current holder of each place per person, and one current primary therapist per patient.
CREATE UNIQUE INDEX care_team_members_current
  ON care_team_members (organization_id, patient_id, staff_member_id, role) WHERE ended_at IS NULL;
CREATE UNIQUE INDEX care_team_members_one_primary_therapist
  ON care_team_members (organization_id, patient_id) WHERE ended_at IS NULL AND role = 'primary_therapist';
-- "My caseload" and the policy's relationship lookup start from the staff member.
CREATE INDEX care_team_members_by_staff
  ON care_team_members (organization_id, staff_member_id, patient_id) WHERE ended_at IS NULL;

-- Clinical supervision: a supervisor relates to the patients of the clinicians they supervise.
CREATE TABLE supervisions (
  organization_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT uuid_generate_v7(),
  supervisor_staff_member_id uuid NOT NULL,
  supervisee_staff_member_id uuid NOT NULL CHECK (supervisee_staff_member_id <> supervisor_staff_member_id),
  started_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz CHECK (ended_at IS NULL OR ended_at >= started_at),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, supervisor_staff_member_id) REFERENCES staff_members (organization_id, id),
  FOREIGN KEY (organization_id, supervisee_staff_member_id) REFERENCES staff_members (organization_id, id)
);
CREATE UNIQUE INDEX supervisions_current
  ON supervisions (organization_id, supervisor_staff_member_id, supervisee_staff_member_id) WHERE ended_at IS NULL;
CREATE INDEX supervisions_by_supervisee
  ON supervisions (organization_id, supervisee_staff_member_id) WHERE ended_at IS NULL;

-- A loved one the patient names. Being one opens nothing: what they may see is what an active consent names.
CREATE TABLE support_contacts (
  organization_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT uuid_generate_v7(),
  patient_id uuid NOT NULL,
  -- Their portal sign-in, filled when they accept an invitation.
  user_id uuid REFERENCES users (id),
  name text NOT NULL CHECK (length(trim(name)) > 0),
  relationship text NOT NULL CHECK (length(trim(relationship)) > 0),
  phone text,
  email text CHECK (email = lower(email)),
  took_part_in_admission boolean NOT NULL DEFAULT false,
  may_join_family_sessions boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, patient_id) REFERENCES patients (organization_id, id)
);
CREATE INDEX support_contacts_patient ON support_contacts (organization_id, patient_id);
CREATE UNIQUE INDEX support_contacts_user
  ON support_contacts (organization_id, patient_id, user_id) WHERE user_id IS NOT NULL;

-- A written consent to disclose (42 CFR 2.31): to whom, what, why, from when until when or what event, signed
-- by the patient and witnessed. Never deleted and never rewritten: the only change a consent takes is its
-- revocation (or the recording that its ending event happened); an amended consent is a new row that names
-- the one it supersedes. `version` counts those changes.
CREATE TABLE consents (
  organization_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT uuid_generate_v7(),
  patient_id uuid NOT NULL,
  recipient_kind text NOT NULL CHECK (recipient_kind IN ('support_contact', 'person', 'organization')),
  support_contact_id uuid,
  recipient_name text NOT NULL CHECK (length(trim(recipient_name)) > 0),
  categories text[] NOT NULL CHECK (
    cardinality(categories) > 0
    AND categories <@ ARRAY['attendance', 'diagnosis', 'medications', 'drug_test_results',
      'progress_notes_summary', 'treatment_plan']::text[]
  ),
  purpose text NOT NULL CHECK (length(trim(purpose)) > 0),
  starts_on date NOT NULL,
  expires_on date CHECK (expires_on IS NULL OR expires_on >= starts_on),
  -- Part 2 requires an expiration date, event or condition: at least one of the two.
  expiry_event text CHECK (expiry_event IS NULL OR length(trim(expiry_event)) > 0),
  signed_name text NOT NULL CHECK (length(trim(signed_name)) > 0),
  signed_at timestamptz NOT NULL,
  witnessed_by_user_id uuid NOT NULL REFERENCES users (id),
  supersedes_consent_id uuid,
  revoked_at timestamptz,
  revoked_by_user_id uuid REFERENCES users (id),
  revocation_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, patient_id) REFERENCES patients (organization_id, id),
  FOREIGN KEY (organization_id, support_contact_id) REFERENCES support_contacts (organization_id, id),
  FOREIGN KEY (organization_id, supersedes_consent_id) REFERENCES consents (organization_id, id),
  CHECK (expires_on IS NOT NULL OR expiry_event IS NOT NULL),
  CHECK ((recipient_kind = 'support_contact') = (support_contact_id IS NOT NULL)),
  CHECK ((revoked_at IS NULL) = (revoked_by_user_id IS NULL))
);
CREATE INDEX consents_patient ON consents (organization_id, patient_id, signed_at);
CREATE INDEX consents_support_contact
  ON consents (organization_id, support_contact_id) WHERE support_contact_id IS NOT NULL AND revoked_at IS NULL;

CREATE FUNCTION consents_refuse_rewrite() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'consents are never deleted; revoke the consent instead' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.revoked_at IS NOT NULL THEN
    RAISE EXCEPTION 'a revoked consent does not change again' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (NEW.organization_id, NEW.id, NEW.patient_id, NEW.recipient_kind, NEW.support_contact_id, NEW.recipient_name,
      NEW.categories, NEW.purpose, NEW.starts_on, NEW.expires_on, NEW.expiry_event, NEW.signed_name, NEW.signed_at,
      NEW.witnessed_by_user_id, NEW.supersedes_consent_id, NEW.created_at)
     IS DISTINCT FROM
     (OLD.organization_id, OLD.id, OLD.patient_id, OLD.recipient_kind, OLD.support_contact_id, OLD.recipient_name,
      OLD.categories, OLD.purpose, OLD.starts_on, OLD.expires_on, OLD.expiry_event, OLD.signed_name, OLD.signed_at,
      OLD.witnessed_by_user_id, OLD.supersedes_consent_id, OLD.created_at) THEN
    RAISE EXCEPTION 'a signed consent is not rewritten; record a new consent that supersedes it'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER consents_only_revoked
  BEFORE UPDATE OR DELETE ON consents
  FOR EACH ROW EXECUTE FUNCTION consents_refuse_rewrite();

-- The accounting of disclosures (42 CFR 2.24): each time something left the treating program under a consent.
-- Append-only, like the audit trail.
CREATE TABLE disclosures (
  organization_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT uuid_generate_v7(),
  patient_id uuid NOT NULL,
  consent_id uuid NOT NULL,
  recipient_name text NOT NULL,
  recipient_user_id uuid REFERENCES users (id),
  categories text[] NOT NULL CHECK (cardinality(categories) > 0),
  channel text NOT NULL CHECK (channel IN ('family_portal', 'export', 'fhir', 'printout')),
  purpose text NOT NULL,
  disclosed_by_user_id uuid REFERENCES users (id),
  disclosed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, patient_id) REFERENCES patients (organization_id, id),
  FOREIGN KEY (organization_id, consent_id) REFERENCES consents (organization_id, id)
);
CREATE INDEX disclosures_patient ON disclosures (organization_id, patient_id, disclosed_at);

CREATE FUNCTION disclosures_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the accounting of disclosures is append-only: % is refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER disclosures_append_only
  BEFORE UPDATE OR DELETE ON disclosures
  FOR EACH ROW EXECUTE FUNCTION disclosures_refuse_change();

-- Break-the-glass: a clinician outside the care team opened the record in an emergency, for a stated reason,
-- until expires_at. Supervisors review each grant.
CREATE TABLE break_glass_grants (
  organization_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT uuid_generate_v7(),
  patient_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users (id),
  reason text NOT NULL CHECK (length(trim(reason)) >= 10),
  granted_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL CHECK (expires_at > granted_at),
  reviewed_by_user_id uuid REFERENCES users (id),
  reviewed_at timestamptz,
  review_note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, patient_id) REFERENCES patients (organization_id, id),
  CHECK ((reviewed_at IS NULL) = (reviewed_by_user_id IS NULL))
);
CREATE INDEX break_glass_grants_lookup ON break_glass_grants (organization_id, patient_id, user_id, expires_at);
CREATE INDEX break_glass_grants_unreviewed
  ON break_glass_grants (organization_id, granted_at) WHERE reviewed_at IS NULL;
