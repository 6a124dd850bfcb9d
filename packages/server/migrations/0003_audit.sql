-- The audit trail: who did what to whose record, when, from where, and whether it was allowed. Append-only and
-- tamper-evident: each event carries a SHA-256 hash over the previous event's hash and its own canonical form
-- (packages/core/src/audit/audit-chain.ts), chained per organization in sequence order; `tandem audit verify`
-- finds the first edited, deleted or reordered event.

CREATE TABLE audit_events (
  organization_id uuid NOT NULL REFERENCES organizations (id),
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
  previous_hash text NOT NULL CHECK (previous_hash ~ '^[0-9a-f]{64}$'),
  hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
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
