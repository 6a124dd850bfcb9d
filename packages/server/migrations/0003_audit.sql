-- The audit trail: who did what to whose record, when, from where, and whether it was allowed. Append-only and
-- tamper-evident: each event carries a SHA-256 hash over the previous event's hash and its own canonical form
-- (packages/core/src/audit/audit-chain.ts), chained per organization in sequence order; `tandem audit verify`
-- finds the first edited, deleted or reordered event.

CREATE TABLE audit_events (
  -- No foreign key of its own: every event is appended through its organization's chain head, whose foreign key
  -- already guarantees the organization (and a per-row check would cost every audited request).
  organization_id uuid NOT NULL,
  -- Position in the organization's chain: 1, 2, 3, ... without gaps (allocated under audit_chain_heads' row lock).
  sequence bigint NOT NULL CHECK (sequence > 0),
  id uuid NOT NULL,
  occurred_at timestamptz NOT NULL,
  -- No foreign keys to users or patients: a denied attempt on a record that does not exist is audited too, and
  -- audit rows must never block (or follow) the deletion of anything.
  actor_user_id uuid,
  actor_role text NOT NULL CHECK (length(actor_role) > 0),
  patient_id uuid,
  action text NOT NULL CHECK (length(action) > 0),
  resource_type text NOT NULL CHECK (length(resource_type) > 0),
  resource_id text,
  -- For writes: the names of the fields changed, never their values.
  fields_changed text[],
  ip_address text,
  user_agent text,
  outcome text NOT NULL CHECK (outcome IN ('allowed', 'denied', 'break_glass')),
  reason text,
  -- 32 bytes of lowercase hex (decode refuses anything that is not hex; cheaper per row than a pattern).
  previous_hash text NOT NULL CHECK (octet_length(decode(previous_hash, 'hex')) = 32 AND previous_hash = lower(previous_hash)),
  hash text NOT NULL CHECK (octet_length(decode(hash, 'hex')) = 32 AND hash = lower(hash)),
  PRIMARY KEY (organization_id, sequence),
  UNIQUE (organization_id, id)
);
-- "Everything that happened to this patient's record", the question a disclosure accounting asks.
CREATE INDEX audit_events_patient ON audit_events (organization_id, patient_id, occurred_at)
  WHERE patient_id IS NOT NULL;

-- The end of each organization's chain. Appending locks this row, so concurrent appends queue and the sequence
-- has no gaps; it also lets verification notice deleted events at the end of the chain.
CREATE TABLE audit_chain_heads (
  organization_id uuid NOT NULL REFERENCES organizations (id),
  last_sequence bigint NOT NULL CHECK (last_sequence >= 0),
  last_hash text NOT NULL CHECK (last_hash ~ '^[0-9a-f]{64}$'),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id)
);

-- Appends events to an organization's chain in one statement (one round trip, atomic on its own or inside the
-- caller's transaction): takes the chain head's row lock (creating the head on first use), reads the clock once
-- the lock is held (so occurred_at never goes backwards along the chain), hashes each event over the previous
-- hash and its canonical form, inserts it, and moves the head. The canonical form and the hash are exactly
-- those of packages/core/src/audit/audit-chain.ts (canonicalAuditEvent, chainHash), which `tandem audit verify`
-- recomputes: JSON with every field in a fixed order, written by to_json, which escapes as JSON.stringify does.
-- p_events: a JSON array of objects with the NewAuditEvent fields (id, actorUserId, actorRole, patientId, action,
-- resourceType, resourceId, fieldsChanged, ipAddress, userAgent, outcome, reason).
-- p_wait_for_flush false lets the transaction's COMMIT return before its WAL reaches disk (synchronous_commit off
-- for this transaction only): the events are committed and visible at once, and on disk within a fraction of a
-- second; a crash of the database server in between loses them, never the chain's integrity. Only the batched
-- audit of reads uses it (docs/adr/0003-audit-of-reads.md); writes and their events always wait.
CREATE FUNCTION append_audit_events(p_organization_id uuid, p_events json, p_wait_for_flush boolean DEFAULT true)
RETURNS TABLE (event_sequence bigint, event_previous_hash text, event_hash text, event_occurred_at text)
LANGUAGE plpgsql AS $$
DECLARE
  chain_sequence bigint;
  chain_hash text;
  at timestamptz;
  at_text text;
  r record;
  canonical text;
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
      "patientId" uuid, action text, "resourceType" text, "resourceId" text, "fieldsChanged" json,
      "ipAddress" text, "userAgent" text, outcome text, reason text)) WITH ORDINALITY AS x (id, "actorUserId",
      "actorRole", "patientId", action, "resourceType", "resourceId", "fieldsChanged", "ipAddress", "userAgent",
      outcome, reason, ordinal)
    ORDER BY x.ordinal
  LOOP
    chain_sequence := chain_sequence + 1;
    canonical := '{"organizationId":' || to_json(p_organization_id)::text
      || ',"sequence":' || chain_sequence::text
      || ',"id":' || to_json(r.id)::text
      || ',"occurredAt":' || to_json(at_text)::text
      || ',"actorUserId":' || coalesce(to_json(r."actorUserId")::text, 'null')
      || ',"actorRole":' || to_json(r."actorRole")::text
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
    INSERT INTO audit_events (organization_id, sequence, id, occurred_at, actor_user_id, actor_role, patient_id,
      action, resource_type, resource_id, fields_changed, ip_address, user_agent, outcome, reason, previous_hash, hash)
    VALUES (p_organization_id, chain_sequence, r.id, at, r."actorUserId", r."actorRole", r."patientId", r.action,
      r."resourceType", r."resourceId", r.fields, r."ipAddress", r."userAgent", r.outcome, r.reason, chain_hash,
      event_hash);
    event_previous_hash := chain_hash;
    chain_hash := event_hash;
    event_sequence := chain_sequence;
    event_occurred_at := at_text;
    RETURN NEXT;
  END LOOP;
  UPDATE audit_chain_heads SET last_sequence = chain_sequence, last_hash = chain_hash, updated_at = now()
  WHERE organization_id = p_organization_id;
END
$$;

-- Nobody changes or removes an audit event, the table owner included: the trigger refuses it on both databases.
-- Investigating tampering in a test means disabling the trigger as the owner, which is itself visible.
CREATE FUNCTION audit_events_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit events are append-only: % on audit_events is refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_events_append_only
  BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_refuse_change();

-- TRUNCATE of an empty audit_events destroys nothing and is let through: restoring a backup over a database that
-- holds no audit events (tandem restore --force) truncates every table. TRUNCATE holds an ACCESS EXCLUSIVE lock
-- by the time the trigger runs, so no insert can slip in between the check and the truncation.
CREATE FUNCTION audit_events_refuse_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  holds_rows boolean;
BEGIN
  EXECUTE format('SELECT EXISTS (SELECT FROM %I.%I)', TG_TABLE_SCHEMA, TG_TABLE_NAME) INTO holds_rows;
  IF holds_rows THEN
    RAISE EXCEPTION 'audit events are append-only: TRUNCATE on audit_events is refused'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER audit_events_no_truncate
  BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_refuse_truncate();

-- A chain head only moves forward: rewinding it would let a later append reuse sequences of the real chain.
CREATE FUNCTION audit_chain_heads_refuse_rewind() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.organization_id <> OLD.organization_id OR NEW.last_sequence < OLD.last_sequence THEN
    RAISE EXCEPTION 'an audit chain head only moves forward' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER audit_chain_heads_forward_only
  BEFORE UPDATE ON audit_chain_heads
  FOR EACH ROW EXECUTE FUNCTION audit_chain_heads_refuse_rewind();

-- PostgreSQL: no privilege to change audit rows for anyone but the owner (whom the trigger still stops). The
-- role the app runs as gets SELECT and INSERT only (`tandem db create-app-role`). PGlite has one user and no
-- privileges to speak of; the trigger is its guard.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM PUBLIC;
REVOKE DELETE, TRUNCATE ON audit_chain_heads FROM PUBLIC;
