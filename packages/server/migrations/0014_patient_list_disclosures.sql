-- A support contact's patient list (security review finding 1) names each patient whose consent in effect names
-- them, and nothing of what that consent shares: it is accounted as a disclosure of its own channel, under the
-- consent, with no category, because the name the patient goes by is the only thing that left (42 CFR 2.24).
ALTER TABLE disclosures DROP CONSTRAINT disclosures_channel_check;
ALTER TABLE disclosures ADD CONSTRAINT disclosures_channel_check
  CHECK (channel IN ('family_portal', 'export', 'fhir', 'printout', 'patient_list'));
ALTER TABLE disclosures DROP CONSTRAINT disclosures_categories_check;
ALTER TABLE disclosures ADD CONSTRAINT disclosures_categories_check
  CHECK (cardinality(categories) > 0 OR channel = 'patient_list');
