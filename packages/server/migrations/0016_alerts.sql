-- Alerts and follow-ups (issue 11): risk signals and overdue work that must reach a person. An alert is raised in
-- the same transaction as what caused it, routed to people (alert_recipients), sent to each as a message, open
-- until a clinician records what was done, and escalated to the supervisors when nobody acknowledges it in the
-- organization's time. Neither alerts nor their recipients are ever deleted.

ALTER TABLE organizations
  ADD COLUMN alert_escalation_minutes integer NOT NULL DEFAULT 60
    CHECK (alert_escalation_minutes BETWEEN 5 AND 10080);

CREATE TABLE alerts (
  organization_id uuid NOT NULL REFERENCES organizations (id),
  id uuid NOT NULL DEFAULT uuid_generate_v7(),
  patient_id uuid,
  kind text NOT NULL CHECK (kind IN ('intake_item_overdue', 'break_glass_review', 'risk_signal')),
  severity text NOT NULL CHECK (severity IN ('urgent', 'high', 'routine')),
  -- What a recipient reads on their dashboard; never sent outside Tandem (messages only say that there is one).
  summary text NOT NULL CHECK (length(trim(summary)) BETWEEN 1 AND 500),
  -- What raised it (a record, an intake item of an episode...): one open alert per kind and source.
  source_type text NOT NULL CHECK (length(source_type) BETWEEN 1 AND 64),
  source_key text NOT NULL CHECK (length(source_key) BETWEEN 1 AND 200),
  raised_at timestamptz NOT NULL DEFAULT now(),
  raised_by_user_id uuid REFERENCES users (id),
  acknowledged_at timestamptz,
  acknowledged_by_user_id uuid REFERENCES users (id),
  resolved_at timestamptz,
  resolved_by_user_id uuid REFERENCES users (id),
  resolution text CHECK (resolution IS NULL OR length(trim(resolution)) BETWEEN 10 AND 4000),
  escalated_at timestamptz,
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (organization_id, id),
  FOREIGN KEY (organization_id, patient_id) REFERENCES patients (organization_id, id),
  CHECK ((acknowledged_at IS NULL) = (acknowledged_by_user_id IS NULL)),
  CHECK ((resolved_at IS NULL) = (resolved_by_user_id IS NULL) AND (resolved_at IS NULL) = (resolution IS NULL)),
  CHECK (resolved_at IS NULL OR acknowledged_at IS NOT NULL)
);
CREATE UNIQUE INDEX alerts_one_open_per_source
  ON alerts (organization_id, kind, source_type, source_key) WHERE resolved_at IS NULL;
CREATE INDEX alerts_unacknowledged ON alerts (organization_id, raised_at) WHERE acknowledged_at IS NULL;
CREATE INDEX alerts_patient ON alerts (organization_id, patient_id, raised_at) WHERE patient_id IS NOT NULL;

CREATE TABLE alert_recipients (
  organization_id uuid NOT NULL,
  alert_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users (id),
  reason text NOT NULL CHECK (reason IN ('primary_therapist', 'case_manager', 'group_facilitator', 'prescriber',
    'supervisor', 'program_supervisors', 'program_administrators', 'fallback_supervisors',
    'fallback_administrators', 'escalation')),
  routed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organization_id, alert_id, user_id),
  FOREIGN KEY (organization_id, alert_id) REFERENCES alerts (organization_id, id)
);
CREATE INDEX alert_recipients_user ON alert_recipients (organization_id, user_id, alert_id);

CREATE FUNCTION alerts_refuse_rewrite() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'alerts are never deleted; resolve them with what was done' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_TABLE_NAME = 'alert_recipients' THEN
    RAISE EXCEPTION 'who an alert was routed to is not rewritten' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.resolved_at IS NOT NULL THEN
    RAISE EXCEPTION 'a resolved alert does not change again' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF (NEW.organization_id, NEW.id, NEW.patient_id, NEW.kind, NEW.severity, NEW.summary, NEW.source_type,
      NEW.source_key, NEW.raised_at, NEW.raised_by_user_id)
     IS DISTINCT FROM
     (OLD.organization_id, OLD.id, OLD.patient_id, OLD.kind, OLD.severity, OLD.summary, OLD.source_type,
      OLD.source_key, OLD.raised_at, OLD.raised_by_user_id) THEN
    RAISE EXCEPTION 'what raised an alert is not rewritten' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER alerts_only_move_forward
  BEFORE UPDATE OR DELETE ON alerts
  FOR EACH ROW EXECUTE FUNCTION alerts_refuse_rewrite();
CREATE TRIGGER alert_recipients_append_only
  BEFORE UPDATE OR DELETE ON alert_recipients
  FOR EACH ROW EXECUTE FUNCTION alerts_refuse_rewrite();

-- Alerts are sent to each recipient as a message (the outbox), saying only that there is one.
ALTER TABLE outbox_messages DROP CONSTRAINT outbox_messages_kind_check;
ALTER TABLE outbox_messages ADD CONSTRAINT outbox_messages_kind_check CHECK (kind IN ('invitation', 'alert'));
ALTER TABLE outbox_messages ADD COLUMN alert_id uuid;
ALTER TABLE outbox_messages
  ADD CONSTRAINT outbox_messages_alert FOREIGN KEY (organization_id, alert_id) REFERENCES alerts (organization_id, id);
ALTER TABLE outbox_messages ADD CONSTRAINT outbox_messages_alert_link CHECK ((kind = 'alert') = (alert_id IS NOT NULL));
