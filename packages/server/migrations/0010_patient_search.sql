-- The patient list and search (packages/server/src/patients/patient-search-repository.ts) on large programs.

-- The list's order: family name, then given name, without accents, so that Ávila sorts with Avila and a page of
-- the list is read straight off the index instead of sorting every patient.
ALTER TABLE patients
  ADD COLUMN sort_name text NOT NULL GENERATED ALWAYS AS (
    immutable_unaccent(lower(legal_family_name || ' ' || legal_given_name))
  ) STORED;
CREATE INDEX patients_sort_name ON patients (organization_id, sort_name, id);

-- MRN search by prefix ("00012" while typing). The unique index (0002) uses the database collation, with which
-- LIKE 'prefix%' cannot use a b-tree unless that collation is C.
CREATE INDEX patients_mrn_prefix ON patients (organization_id, mrn text_pattern_ops);

-- The list filtered by status (1% of a program is deceased: walking the name order to find them reads it all).
CREATE INDEX patients_status_sort_name ON patients (organization_id, status, sort_name, id);

-- The list filtered by the ASAM level of the active episode (the setting has its index in 0008).
CREATE INDEX episodes_of_care_active_asam
  ON episodes_of_care (organization_id, asam_edition, asam_level, patient_id) WHERE status = 'active';
