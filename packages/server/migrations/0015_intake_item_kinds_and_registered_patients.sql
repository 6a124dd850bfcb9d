-- Intake checklist items are clinical (assessments, the treatment plan: clinical staff complete them) or
-- administrative (consents, orientation: any staff). Items an organization added itself count as clinical until
-- an administrator says otherwise: the safe side is that the front desk cannot clear a clinical alert.
ALTER TABLE intake_checklist_items
  ADD COLUMN kind text NOT NULL DEFAULT 'clinical' CHECK (kind IN ('clinical', 'administrative'));
UPDATE intake_checklist_items SET kind = 'administrative' WHERE key IN ('consents_signed', 'orientation');
