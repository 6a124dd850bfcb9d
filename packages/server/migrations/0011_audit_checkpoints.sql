-- Signed checkpoints of the audit chains: the hash chain of 0003 shows an edit only to someone who cannot
-- recompute it, and whoever owns the database can. A checkpoint is the chain head (sequence and hash) signed with
-- an Ed25519 key the database never holds (packages/server/src/audit/signing-key.ts); `tandem audit verify`
-- checks each signature and that the chain still has, at each checkpoint's sequence, the hash that was signed.
-- Operators keep copies off the database (`tandem audit checkpoints export`), so that deleting these rows along
-- with a rewrite is caught too. Append-only like the trail.

CREATE TABLE audit_checkpoints (
  organization_id uuid NOT NULL REFERENCES organizations (id),
  -- The chain head that was signed: the event at this sequence had this hash.
  sequence bigint NOT NULL CHECK (sequence > 0),
  head_hash text NOT NULL CHECK (head_hash ~ '^[0-9a-f]{64}$'),
  signed_at timestamptz NOT NULL,
  -- Which key signed: the first 16 hex digits of the SHA-256 of its raw 32-byte public key.
  key_id text NOT NULL CHECK (key_id ~ '^[0-9a-f]{16}$'),
  -- The Ed25519 signature (64 bytes, base64) of the canonical checkpoint (packages/core/src/audit/audit-checkpoint.ts).
  signature text NOT NULL CHECK (length(signature) = 88),
  -- One checkpoint per head: processes that sign the same head at once keep the first.
  PRIMARY KEY (organization_id, sequence)
);

CREATE FUNCTION audit_checkpoints_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit checkpoints are append-only: % on audit_checkpoints is refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_checkpoints_append_only
  BEFORE UPDATE OR DELETE ON audit_checkpoints
  FOR EACH ROW EXECUTE FUNCTION audit_checkpoints_refuse_change();

-- As for audit_events: TRUNCATE of an empty table (a restore into a fresh database) destroys nothing.
CREATE FUNCTION audit_checkpoints_refuse_truncate() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT FROM audit_checkpoints) THEN
    RAISE EXCEPTION 'audit checkpoints are append-only: TRUNCATE on audit_checkpoints is refused'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER audit_checkpoints_no_truncate
  BEFORE TRUNCATE ON audit_checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION audit_checkpoints_refuse_truncate();

-- The app role gets SELECT and INSERT only (`tandem db create-app-role`); PGlite's guard is the trigger.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_checkpoints FROM PUBLIC;
