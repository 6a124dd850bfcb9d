-- The audit view (GET /api/audit-events) pages newest first by sequence, narrowed by who, whose record, when and
-- with what outcome; the patient's "who accessed this record" pages the same way over one patient. Each filter
-- gets an index that ends in sequence, so a page is an index range read, not a scan of the organization's trail.
-- Kept to four: every audited request inserts into each of them.

-- "What did this person do?"
CREATE INDEX audit_events_actor ON audit_events (organization_id, actor_user_id, sequence)
  WHERE actor_user_id IS NOT NULL;

-- "Who opened this record?" (the access log, and the audit view's patient filter).
CREATE INDEX audit_events_patient_sequence ON audit_events (organization_id, patient_id, sequence)
  WHERE patient_id IS NOT NULL;

-- Date ranges. occurred_at rises with sequence along the chain, so a range of times is a range of sequences.
CREATE INDEX audit_events_occurred_at ON audit_events (organization_id, occurred_at);

-- Refusals and emergency accesses are what an auditor looks for first, and they are few: a partial index stays
-- small however many allowed reads the trail holds.
CREATE INDEX audit_events_exceptions ON audit_events (organization_id, outcome, sequence)
  WHERE outcome <> 'allowed';
