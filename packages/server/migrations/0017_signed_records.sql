-- Signed clinical records (issue 11): one mechanism for records that are written as a draft, then signed and
-- locked, then changed only by a new version (with its reason) or by a dated, signed addendum, co-signed by a
-- supervisor where the organization requires it. Notes, plans, scored measures and orders keep their content here
-- (jsonb, validated by their feature); the database refuses every delete and every rewrite of what was signed.

ALTER TABLE organizations
  ADD COLUMN cosignature_required_record_types text[] NOT NULL DEFAULT '{}';

CREATE TABLE signed_records (
  organization_id uuid NOT NULL REFERENCES organizations (id),
  id uuid NOT NULL DEFAULT uuid_generate_v7(),
  patient_id uuid NOT NULL,
  record_type text NOT NULL CHECK (record_type ~ '^[a-z][a-z0-9_]{0,62}$'),
  created_by_user_id uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, patient_id) REFERENCES patients (organization_id, id)
);
CREATE INDEX signed_records_patient ON signed_records (organization_id, patient_id, record_type, created_at);

CREATE TABLE signed_record_versions (
  organization_id uuid NOT NULL,
  record_id uuid NOT NULL,
  number integer NOT NULL CHECK (number >= 1),
  status text NOT NULL CHECK (status IN ('draft', 'awaiting_cosignature', 'signed', 'superseded')),
  content jsonb NOT NULL,
  author_user_id uuid NOT NULL REFERENCES users (id),
  -- Why a signed version was changed (every version after the first has one).
  reason text CHECK (reason IS NULL OR length(trim(reason)) BETWEEN 3 AND 2000),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- A draft's own optimistic version: each save names the revision it read.
  revision integer NOT NULL DEFAULT 1,
  signed_at timestamptz,
  signed_by_user_id uuid REFERENCES users (id),
  cosignature_required boolean NOT NULL DEFAULT false,
  cosigned_at timestamptz,
  cosigned_by_user_id uuid REFERENCES users (id),
  superseded_at timestamptz,
  PRIMARY KEY (organization_id, record_id, number),
  FOREIGN KEY (organization_id, record_id) REFERENCES signed_records (organization_id, id),
  CHECK ((number = 1) = (reason IS NULL)),
  CHECK ((status = 'draft') = (signed_at IS NULL)),
  CHECK ((signed_at IS NULL) = (signed_by_user_id IS NULL)),
  CHECK ((cosigned_at IS NULL) = (cosigned_by_user_id IS NULL)),
  CHECK (status <> 'awaiting_cosignature' OR (cosignature_required AND cosigned_at IS NULL)),
  CHECK (NOT cosignature_required OR status IN ('draft', 'awaiting_cosignature') OR cosigned_at IS NOT NULL),
  CHECK ((status = 'superseded') = (superseded_at IS NOT NULL))
);
-- One version of a record is being written at a time (the first draft, or one amendment).
CREATE UNIQUE INDEX signed_record_versions_one_draft
  ON signed_record_versions (organization_id, record_id) WHERE status = 'draft';
CREATE INDEX signed_record_versions_awaiting_cosignature
  ON signed_record_versions (organization_id, signed_at) WHERE status = 'awaiting_cosignature';

CREATE TABLE signed_record_addenda (
  organization_id uuid NOT NULL,
  id uuid NOT NULL DEFAULT uuid_generate_v7(),
  record_id uuid NOT NULL,
  version_number integer NOT NULL,
  text text NOT NULL CHECK (length(trim(text)) BETWEEN 3 AND 8000),
  signed_by_user_id uuid NOT NULL REFERENCES users (id),
  signed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, record_id, version_number)
    REFERENCES signed_record_versions (organization_id, record_id, number)
);
CREATE INDEX signed_record_addenda_record ON signed_record_addenda (organization_id, record_id, signed_at);

CREATE FUNCTION signed_records_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% of % is refused: signed records are never deleted or rewritten', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER signed_records_append_only
  BEFORE UPDATE OR DELETE ON signed_records
  FOR EACH ROW EXECUTE FUNCTION signed_records_refuse_change();
CREATE TRIGGER signed_record_addenda_append_only
  BEFORE UPDATE OR DELETE ON signed_record_addenda
  FOR EACH ROW EXECUTE FUNCTION signed_records_refuse_change();

-- A version moves only forward: a draft is edited and signed; a signed version is co-signed or superseded, and
-- nothing it said changes.
CREATE FUNCTION signed_record_versions_move_forward() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'signed record versions are never deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (NEW.organization_id, NEW.record_id, NEW.number, NEW.author_user_id, NEW.reason, NEW.created_at)
     IS DISTINCT FROM (OLD.organization_id, OLD.record_id, OLD.number, OLD.author_user_id, OLD.reason, OLD.created_at)
  THEN
    RAISE EXCEPTION 'what a version is and who wrote it is not rewritten' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.status = 'draft' AND NEW.status IN ('draft', 'awaiting_cosignature', 'signed') THEN
    RETURN NEW;
  END IF;
  IF NEW.content IS DISTINCT FROM OLD.content OR NEW.signed_at IS DISTINCT FROM OLD.signed_at
     OR NEW.signed_by_user_id IS DISTINCT FROM OLD.signed_by_user_id
     OR NEW.cosignature_required IS DISTINCT FROM OLD.cosignature_required THEN
    RAISE EXCEPTION 'a signed version is not rewritten; amend it with a new version or add an addendum'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.status = 'awaiting_cosignature' AND NEW.status = 'signed' AND NEW.cosigned_at IS NOT NULL THEN
    RETURN NEW;
  END IF;
  IF OLD.status = 'signed' AND NEW.status = 'superseded'
     AND (NEW.cosigned_at, NEW.cosigned_by_user_id) IS NOT DISTINCT FROM (OLD.cosigned_at, OLD.cosigned_by_user_id) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'a signed version moves only forward (% to %)', OLD.status, NEW.status
    USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER signed_record_versions_only_forward
  BEFORE UPDATE OR DELETE ON signed_record_versions
  FOR EACH ROW EXECUTE FUNCTION signed_record_versions_move_forward();
