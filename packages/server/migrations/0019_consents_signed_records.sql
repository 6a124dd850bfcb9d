-- Consents become signed records (issue 11, ADR 0005). What the patient signed is the content of a signed-record
-- version (record type 'consent'); an amendment is the next version of the same record, with its reason and its
-- field-by-field difference; a revocation is a dated, signed addendum. The consents table keeps one row per signed
-- version: the columns disclosures, the access policy and the patient lists query (who, what, until when, revoked
-- when), now tied to the version they were signed as.

ALTER TABLE consents
  ADD COLUMN signed_record_id uuid,
  ADD COLUMN signed_record_version integer;

-- The content of a consent's signed version, built from its row: the one shape the server writes and the
-- consistency trigger checks. signedAt is the patient's signature (microseconds kept), not the version's.
CREATE FUNCTION consent_signed_content(c consents) RETURNS jsonb
LANGUAGE sql STABLE AS $$
  SELECT jsonb_build_object(
    'recipientKind', c.recipient_kind,
    'supportContactId', c.support_contact_id,
    'recipientName', c.recipient_name,
    'categories', to_jsonb(c.categories),
    'purpose', c.purpose,
    'startsOn', c.starts_on::text,
    'expiresOn', c.expires_on::text,
    'expiryEvent', c.expiry_event,
    'signedName', c.signed_name,
    'signedAt', to_char(c.signed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
  )
$$;

-- Backfill. Every consent becomes a version of a signed record. A chain of amendments (each row naming the one it
-- superseded) becomes the versions of one record, oldest first. Edge cases, decided here:
--   * a consent superseded twice (two rows naming it, possible only by direct SQL): the earliest successor
--     continues the chain, each later one starts a record of its own (its supersedes_consent_id stays as written);
--   * a row naming a consent of another patient as the one it superseded starts a record of its own;
--   * the record's id is the id of the chain's first consent (no new identifier to carry); its author and signer
--     are the witness, its version signed when the row was recorded (created_at);
--   * a revoked consent that no amendment replaced gets a signed addendum saying so, by whoever revoked it, dated
--     when it was revoked; a consent replaced by an amendment is superseded, as the amendment's version says.
CREATE TEMPORARY TABLE consent_chain ON COMMIT DROP AS
WITH RECURSIVE successor AS (
  SELECT DISTINCT ON (n.organization_id, n.supersedes_consent_id)
         n.organization_id, n.id, n.supersedes_consent_id AS previous_id
  FROM consents n
  JOIN consents p
    ON p.organization_id = n.organization_id AND p.id = n.supersedes_consent_id AND p.patient_id = n.patient_id
  ORDER BY n.organization_id, n.supersedes_consent_id, n.created_at, n.id
), chain AS (
  SELECT c.organization_id, c.id, c.id AS record_id, 1 AS number
  FROM consents c
  WHERE NOT EXISTS (SELECT 1 FROM successor s WHERE s.organization_id = c.organization_id AND s.id = c.id)
  UNION ALL
  SELECT s.organization_id, s.id, chain.record_id, chain.number + 1
  FROM chain
  JOIN successor s ON s.organization_id = chain.organization_id AND s.previous_id = chain.id
)
SELECT chain.organization_id, chain.id, chain.record_id, chain.number, s.id AS successor_id
FROM chain
LEFT JOIN successor s ON s.organization_id = chain.organization_id AND s.previous_id = chain.id;

INSERT INTO signed_records (organization_id, id, patient_id, record_type, created_by_user_id, created_at)
SELECT c.organization_id, c.id, c.patient_id, 'consent', c.witnessed_by_user_id, c.created_at
FROM consent_chain ch
JOIN consents c ON c.organization_id = ch.organization_id AND c.id = ch.id
WHERE ch.number = 1;

INSERT INTO signed_record_versions (
  organization_id, record_id, number, status, content, author_user_id, reason, created_at, updated_at,
  signed_at, signed_by_user_id, superseded_at
)
SELECT c.organization_id, ch.record_id, ch.number,
       CASE WHEN ch.successor_id IS NULL THEN 'signed' ELSE 'superseded' END,
       consent_signed_content(c), c.witnessed_by_user_id,
       CASE WHEN ch.number > 1 THEN 'Amended consent (recorded before consents were signed records)' END,
       c.created_at, c.updated_at, c.created_at, c.witnessed_by_user_id,
       next.created_at
FROM consent_chain ch
JOIN consents c ON c.organization_id = ch.organization_id AND c.id = ch.id
LEFT JOIN consents next ON next.organization_id = ch.organization_id AND next.id = ch.successor_id;

INSERT INTO signed_record_addenda (organization_id, record_id, version_number, text, signed_by_user_id, signed_at)
SELECT c.organization_id, ch.record_id, ch.number,
       left('Consent revoked' || coalesce(': ' || nullif(trim(c.revocation_reason), ''), '.'), 8000),
       c.revoked_by_user_id, c.revoked_at
FROM consent_chain ch
JOIN consents c ON c.organization_id = ch.organization_id AND c.id = ch.id
WHERE ch.successor_id IS NULL AND c.revoked_at IS NOT NULL;

-- The link is written once, here, past the trigger that refuses changes to revoked consents; the new trigger
-- below keeps it as immutable as the rest of what was signed.
DROP TRIGGER consents_only_revoked ON consents;

UPDATE consents c
SET signed_record_id = ch.record_id, signed_record_version = ch.number
FROM consent_chain ch
WHERE ch.organization_id = c.organization_id AND ch.id = c.id;

ALTER TABLE consents
  ALTER COLUMN signed_record_id SET NOT NULL,
  ALTER COLUMN signed_record_version SET NOT NULL,
  ADD CONSTRAINT consents_signed_record_version_fkey
    FOREIGN KEY (organization_id, signed_record_id, signed_record_version)
    REFERENCES signed_record_versions (organization_id, record_id, number);
-- One consents row per signed version: two amendments of the same version cannot both land.
CREATE UNIQUE INDEX consents_signed_record_version
  ON consents (organization_id, signed_record_id, signed_record_version);

CREATE OR REPLACE FUNCTION consents_refuse_rewrite() RETURNS trigger
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
      NEW.witnessed_by_user_id, NEW.supersedes_consent_id, NEW.created_at, NEW.signed_record_id,
      NEW.signed_record_version)
     IS DISTINCT FROM
     (OLD.organization_id, OLD.id, OLD.patient_id, OLD.recipient_kind, OLD.support_contact_id, OLD.recipient_name,
      OLD.categories, OLD.purpose, OLD.starts_on, OLD.expires_on, OLD.expiry_event, OLD.signed_name, OLD.signed_at,
      OLD.witnessed_by_user_id, OLD.supersedes_consent_id, OLD.created_at, OLD.signed_record_id,
      OLD.signed_record_version) THEN
    RAISE EXCEPTION 'a signed consent is not rewritten; amend it with a new version'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER consents_only_revoked
  BEFORE UPDATE OR DELETE ON consents
  FOR EACH ROW EXECUTE FUNCTION consents_refuse_rewrite();

-- A new consents row is what its signed version says: a signed (never a draft) 'consent' record of the same
-- patient, with the same terms; version n > 1 supersedes the row of version n - 1. Each check holds for as long
-- as the row exists, whatever order the rows are inserted in, so a restore (backup/restore.ts) loads them too: a
-- version signed then is superseded now, and the consents it replaced are in the table before it (its foreign
-- key). A version 1 that names a consent of another record as the one it superseded is the backfill's edge case
-- (ADR 0005); the service never writes one.
CREATE FUNCTION consents_match_signed_version() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  version record;
  previous_record_id uuid;
  previous_version integer;
BEGIN
  SELECT r.record_type, r.patient_id, v.status, v.content INTO version
  FROM signed_record_versions v
  JOIN signed_records r ON r.organization_id = v.organization_id AND r.id = v.record_id
  WHERE v.organization_id = NEW.organization_id AND v.record_id = NEW.signed_record_id
    AND v.number = NEW.signed_record_version;
  IF NOT FOUND OR version.record_type <> 'consent' OR version.patient_id <> NEW.patient_id THEN
    RAISE EXCEPTION 'a consent is recorded from a signed consent record of the same patient'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF version.status = 'draft' THEN
    RAISE EXCEPTION 'a consent is recorded only from a signed version, not a draft'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  IF (version.content - 'signedAt') IS DISTINCT FROM (consent_signed_content(NEW) - 'signedAt')
     OR (version.content ->> 'signedAt')::timestamptz IS DISTINCT FROM NEW.signed_at THEN
    RAISE EXCEPTION 'a consent says what its signed version says'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  SELECT signed_record_id, signed_record_version INTO previous_record_id, previous_version FROM consents
  WHERE organization_id = NEW.organization_id AND id = NEW.supersedes_consent_id;
  IF (NEW.signed_record_version > 1 AND (previous_record_id IS DISTINCT FROM NEW.signed_record_id
        OR previous_version IS DISTINCT FROM NEW.signed_record_version - 1))
     OR (NEW.signed_record_version = 1 AND previous_record_id IS NOT DISTINCT FROM NEW.signed_record_id
        AND NEW.supersedes_consent_id IS NOT NULL) THEN
    RAISE EXCEPTION 'an amended consent supersedes the consent of the version before it'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER consents_match_signed_version
  BEFORE INSERT ON consents
  FOR EACH ROW EXECUTE FUNCTION consents_match_signed_version();
