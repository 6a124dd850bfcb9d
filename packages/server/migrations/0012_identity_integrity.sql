-- Identity integrity (security review, issue 12).
--
-- One person, one kind of identity per organization. A sign-in holds one membership per organization
-- (memberships' unique key), and the rows that give it a person's identity there must agree with that role: a
-- staff profile (staff_members.user_id) for a staff role, a patient's record (patients.user_id) for 'patient',
-- a loved one's place (support_contacts.user_id) for 'family_member'. Without this, linking a staff member's
-- sign-in to a patient would let them read that patient's portal (their consents among it) as if they were the
-- patient. Invitations already create a new sign-in for the invitee and refuse anyone signed in
-- (src/invitations/accept.ts); this is the database's own guard against every other path. There is no step
-- that mixes identities: a staff member who is also a patient of the program gets a second sign-in.
--
-- Constraint triggers, DEFERRABLE INITIALLY IMMEDIATE: checked at the end of each statement, and at COMMIT when
-- a restore defers constraints to load tables in any order.

CREATE FUNCTION identity_kinds_mixed(p_organization_id uuid, p_user_id uuid) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT count(DISTINCT kind) > 1 FROM (
    SELECT CASE WHEN role IN ('patient', 'family_member') THEN role ELSE 'staff' END AS kind
      FROM memberships WHERE organization_id = p_organization_id AND user_id = p_user_id
    UNION ALL
    SELECT 'staff' FROM staff_members WHERE organization_id = p_organization_id AND user_id = p_user_id
    UNION ALL
    SELECT 'patient' FROM patients WHERE organization_id = p_organization_id AND user_id = p_user_id
    UNION ALL
    SELECT 'family_member' FROM support_contacts
      WHERE organization_id = p_organization_id AND user_id = p_user_id
  ) AS identities
$$;

CREATE FUNCTION refuse_mixed_identities() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.user_id IS NOT NULL AND identity_kinds_mixed(NEW.organization_id, NEW.user_id) THEN
    RAISE EXCEPTION 'a sign-in holds one kind of identity per organization: staff, patient or loved one'
      USING ERRCODE = 'check_violation', TABLE = TG_TABLE_NAME;
  END IF;
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER memberships_one_identity_kind
  AFTER INSERT OR UPDATE OF role, user_id, organization_id ON memberships
  DEFERRABLE INITIALLY IMMEDIATE FOR EACH ROW EXECUTE FUNCTION refuse_mixed_identities();
CREATE CONSTRAINT TRIGGER staff_members_one_identity_kind
  AFTER INSERT OR UPDATE OF user_id, organization_id ON staff_members
  DEFERRABLE INITIALLY IMMEDIATE FOR EACH ROW EXECUTE FUNCTION refuse_mixed_identities();
CREATE CONSTRAINT TRIGGER patients_one_identity_kind
  AFTER INSERT OR UPDATE OF user_id, organization_id ON patients
  DEFERRABLE INITIALLY IMMEDIATE FOR EACH ROW EXECUTE FUNCTION refuse_mixed_identities();
CREATE CONSTRAINT TRIGGER support_contacts_one_identity_kind
  AFTER INSERT OR UPDATE OF user_id, organization_id ON support_contacts
  DEFERRABLE INITIALLY IMMEDIATE FOR EACH ROW EXECUTE FUNCTION refuse_mixed_identities();

