-- Invitations by one-time link, and the outbox their messages wait in.
--
-- An invitation lets one person set a password and join the organization in one role: a staff member (invited by
-- an administrator), a patient, or a patient's support contact (invited by the care team, and only while an
-- active consent names that contact). Accepting it creates the user, the membership, and links the staff_members,
-- patients or support_contacts row; it works once, until expires_at, unless revoked.

CREATE TABLE invitations (
  organization_id uuid NOT NULL REFERENCES organizations (id),
  id uuid NOT NULL DEFAULT uuid_generate_v7(),
  kind text NOT NULL CHECK (kind IN ('staff', 'patient', 'family_member')),
  email text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 320),
  -- The membership role the person gets on acceptance.
  role text NOT NULL
    CHECK (role IN ('admin', 'clinician', 'prescriber', 'front_desk', 'supervisor', 'patient', 'family_member')),
  staff_member_id uuid,
  patient_id uuid,
  support_contact_id uuid,
  -- SHA-256 (hex) of the link's token. The token itself is never stored here: a copy of this table (a backup, a
  -- read replica) cannot be turned into working links. It is random (256 bits), so the hash needs no salt.
  token_hash text NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  expires_at timestamptz NOT NULL DEFAULT now() + interval '7 days',
  accepted_at timestamptz,
  accepted_user_id uuid REFERENCES users (id),
  revoked_at timestamptz,
  revoked_by_user_id uuid REFERENCES users (id),
  created_by_user_id uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, staff_member_id) REFERENCES staff_members (organization_id, id),
  FOREIGN KEY (organization_id, patient_id) REFERENCES patients (organization_id, id),
  FOREIGN KEY (organization_id, support_contact_id) REFERENCES support_contacts (organization_id, id),
  -- Each kind links exactly the row it is about (a family invitation also names the patient, for the care team's
  -- lists and the audit trail) and grants the role that goes with it.
  CHECK (
    CASE kind
      WHEN 'staff' THEN staff_member_id IS NOT NULL AND patient_id IS NULL AND support_contact_id IS NULL
        AND role IN ('admin', 'clinician', 'prescriber', 'front_desk', 'supervisor')
      WHEN 'patient' THEN patient_id IS NOT NULL AND staff_member_id IS NULL AND support_contact_id IS NULL
        AND role = 'patient'
      WHEN 'family_member' THEN support_contact_id IS NOT NULL AND patient_id IS NOT NULL
        AND staff_member_id IS NULL AND role = 'family_member'
    END
  ),
  CHECK ((accepted_at IS NULL) = (accepted_user_id IS NULL)),
  CHECK ((revoked_at IS NULL) = (revoked_by_user_id IS NULL)),
  CHECK (accepted_at IS NULL OR revoked_at IS NULL),
  CHECK (expires_at > created_at)
);
-- Opening a link finds the invitation by its token alone (the organization is not known yet). Tokens are random,
-- so the hash is unique in practice; the unique index keeps it so within an organization and leads with it, as
-- a distributed (Citus) table requires.
CREATE UNIQUE INDEX invitations_token_per_organization ON invitations (organization_id, token_hash);
CREATE INDEX invitations_token ON invitations (token_hash);
-- At most one open (neither accepted nor revoked) invitation per person: inviting again revokes the earlier link
-- in the same transaction, and two simultaneous invitations of one person cannot both be stored.
CREATE UNIQUE INDEX invitations_open_staff_member ON invitations (organization_id, staff_member_id)
  WHERE kind = 'staff' AND accepted_at IS NULL AND revoked_at IS NULL;
CREATE UNIQUE INDEX invitations_open_patient ON invitations (organization_id, patient_id)
  WHERE kind = 'patient' AND accepted_at IS NULL AND revoked_at IS NULL;
CREATE UNIQUE INDEX invitations_open_support_contact ON invitations (organization_id, support_contact_id)
  WHERE kind = 'family_member' AND accepted_at IS NULL AND revoked_at IS NULL;
-- The care team's list of a patient's invitations.
CREATE INDEX invitations_patient ON invitations (organization_id, patient_id, created_at)
  WHERE patient_id IS NOT NULL;

-- Messages for a mail sender to deliver, written in the same transaction as what they announce (so a message
-- exists exactly when its invitation does). No mail server is needed to try Tandem: administrators read the
-- outbox in the app and copy the link. A future sender sends what has sent_at null and sets it.
--
-- What a message may say is decided in packages/core/src/invitations/invitation.ts: never a diagnosis or a
-- clinical word, and a loved one's invitation names neither the clinician nor (unless the patient's consent
-- allows disclosing attendance) the program. The body holds the invitation link, which is a secret until the
-- invitation is accepted, revoked or expired: treat this table, and backups, accordingly.
CREATE TABLE outbox_messages (
  organization_id uuid NOT NULL REFERENCES organizations (id),
  id uuid NOT NULL DEFAULT uuid_generate_v7(),
  kind text NOT NULL CHECK (kind IN ('invitation')),
  recipient text NOT NULL CHECK (recipient = lower(recipient) AND length(recipient) BETWEEN 3 AND 320),
  subject text NOT NULL CHECK (length(trim(subject)) > 0),
  body text NOT NULL CHECK (length(trim(body)) > 0),
  -- What the message is about, so the outbox can say whether its link still works.
  invitation_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, invitation_id) REFERENCES invitations (organization_id, id),
  CHECK ((kind = 'invitation') = (invitation_id IS NOT NULL))
);
CREATE INDEX outbox_messages_by_time ON outbox_messages (organization_id, created_at);
CREATE INDEX outbox_messages_unsent ON outbox_messages (organization_id, created_at) WHERE sent_at IS NULL;
