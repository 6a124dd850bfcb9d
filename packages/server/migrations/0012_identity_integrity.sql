-- Identity integrity (security review, issue 12, findings 2 and 3).
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

-- Names change without a trace (finding 3): the audit view showed each actor's current name on all their past
-- events. Each event now records the actor's name as it was when it was written (their role already is). The
-- hash covers it when present, right after actorRole (packages/core/src/audit/audit-chain.ts,
-- canonicalAuditEvent); events written before this migration have none and keep their hash. The view shows the
-- recorded name, and the current one only for those older events.
ALTER TABLE audit_events ADD COLUMN actor_name text;

-- append_audit_events of migration 0003, now also taking "actorName" (or, when the caller gives none, the
-- actor's name in users at the time of writing), hashing it as core does and returning it.
DROP FUNCTION append_audit_events(uuid, json, boolean);
CREATE FUNCTION append_audit_events(p_organization_id uuid, p_events json, p_wait_for_flush boolean DEFAULT true)
RETURNS TABLE (event_sequence bigint, event_previous_hash text, event_hash text, event_occurred_at text,
  event_actor_name text)
LANGUAGE plpgsql AS $$
DECLARE
  chain_sequence bigint;
  chain_hash text;
  at timestamptz;
  at_text text;
  r record;
  canonical text;
  actor_name text;
BEGIN
  IF NOT p_wait_for_flush THEN
    PERFORM set_config('synchronous_commit', 'off', true);
  END IF;
  INSERT INTO audit_chain_heads AS head (organization_id, last_sequence, last_hash)
  VALUES (p_organization_id, 0, repeat('0', 64))
  ON CONFLICT (organization_id) DO UPDATE SET last_sequence = head.last_sequence
  RETURNING head.last_sequence, head.last_hash INTO chain_sequence, chain_hash;
  at := date_trunc('microseconds', clock_timestamp());
  at_text := to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"');
  -- The events are parsed once, into typed columns, in their given order.
  FOR r IN
    SELECT x.*, CASE WHEN json_typeof(x."fieldsChanged") = 'array'
        THEN ARRAY(SELECT v FROM json_array_elements_text(x."fieldsChanged") WITH ORDINALITY AS f (v, n) ORDER BY n)
      END AS fields
    FROM ROWS FROM (json_to_recordset(p_events) AS (id uuid, "actorUserId" uuid, "actorRole" text,
      "actorName" text, "patientId" uuid, action text, "resourceType" text, "resourceId" text,
      "fieldsChanged" json, "ipAddress" text, "userAgent" text, outcome text, reason text)) WITH ORDINALITY
      AS x (id, "actorUserId", "actorRole", "actorName", "patientId", action, "resourceType", "resourceId",
      "fieldsChanged", "ipAddress", "userAgent", outcome, reason, ordinal)
    ORDER BY x.ordinal
  LOOP
    chain_sequence := chain_sequence + 1;
    -- The name the caller knew, else the actor's name now, at the moment the event is written.
    actor_name := coalesce(r."actorName", (SELECT u.name FROM users u WHERE u.id = r."actorUserId"));
    canonical := '{"organizationId":' || to_json(p_organization_id)::text
      || ',"sequence":' || chain_sequence::text
      || ',"id":' || to_json(r.id)::text
      || ',"occurredAt":' || to_json(at_text)::text
      || ',"actorUserId":' || coalesce(to_json(r."actorUserId")::text, 'null')
      || ',"actorRole":' || to_json(r."actorRole")::text
      || CASE WHEN actor_name IS NULL THEN '' ELSE ',"actorName":' || to_json(actor_name)::text END
      || ',"patientId":' || coalesce(to_json(r."patientId")::text, 'null')
      || ',"action":' || to_json(r.action)::text
      || ',"resourceType":' || to_json(r."resourceType")::text
      || ',"resourceId":' || coalesce(to_json(r."resourceId")::text, 'null')
      || ',"fieldsChanged":' || coalesce(to_json(r.fields)::text, 'null')
      || ',"ipAddress":' || coalesce(to_json(r."ipAddress")::text, 'null')
      || ',"userAgent":' || coalesce(to_json(r."userAgent")::text, 'null')
      || ',"outcome":' || to_json(r.outcome)::text
      || ',"reason":' || coalesce(to_json(r.reason)::text, 'null')
      || '}';
    event_hash := encode(sha256(convert_to('tandem/audit-event/v1' || E'\n' || chain_hash || E'\n' || canonical, 'UTF8')), 'hex');
    INSERT INTO audit_events (organization_id, sequence, id, occurred_at, actor_user_id, actor_role, actor_name,
      patient_id, action, resource_type, resource_id, fields_changed, ip_address, user_agent, outcome, reason,
      previous_hash, hash)
    VALUES (p_organization_id, chain_sequence, r.id, at, r."actorUserId", r."actorRole", actor_name, r."patientId",
      r.action,
      r."resourceType", r."resourceId", r.fields, r."ipAddress", r."userAgent", r.outcome, r.reason, chain_hash,
      event_hash);
    event_previous_hash := chain_hash;
    chain_hash := event_hash;
    event_sequence := chain_sequence;
    event_occurred_at := at_text;
    event_actor_name := actor_name;
    RETURN NEXT;
  END LOOP;
  UPDATE audit_chain_heads SET last_sequence = chain_sequence, last_hash = chain_hash, updated_at = now()
  WHERE organization_id = p_organization_id;
END
$$;
