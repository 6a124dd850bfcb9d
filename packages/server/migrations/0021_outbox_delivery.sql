-- Mail that leaves: when TANDEM_SMTP_URL is set, a delivery worker in each server process sends what waits in the
-- outbox (outbox/delivery.ts). The outbox stays the record of what was sent and what failed, and the fallback when
-- no mail server is configured (administrators read it in the app).
--
-- A message is due while next_attempt_at has passed and it is neither sent nor failed. A worker claims due
-- messages (claim_token, claimed_until: FOR UPDATE SKIP LOCKED in one statement) so that two processes never send
-- one message twice; a claim that outlives claimed_until (a process that died mid-send) may be taken again.
-- A refused or failed send is tried again with exponential backoff, then marked failed with the server's answer.
-- last_error holds only what the mail server or the connection said (an SMTP code and reply, an errno): never the
-- message, its recipient or its link.

ALTER TABLE outbox_messages DROP CONSTRAINT outbox_messages_kind_check;
ALTER TABLE outbox_messages
  ADD CONSTRAINT outbox_messages_kind_check CHECK (kind IN ('invitation', 'alert', 'password_reset'));

-- A password reset link is for one account (users are global, the message is kept in the organization whose
-- administrators may see that it was sent).
ALTER TABLE outbox_messages ADD COLUMN user_id uuid REFERENCES users (id);
ALTER TABLE outbox_messages
  ADD CONSTRAINT outbox_messages_password_reset_user CHECK ((kind = 'password_reset') = (user_id IS NOT NULL));

ALTER TABLE outbox_messages ADD COLUMN attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0);
-- Null: not to be sent (sent, failed, or written before delivery existed).
ALTER TABLE outbox_messages ADD COLUMN next_attempt_at timestamptz DEFAULT now();
ALTER TABLE outbox_messages ADD COLUMN claim_token uuid;
ALTER TABLE outbox_messages ADD COLUMN claimed_until timestamptz;
ALTER TABLE outbox_messages ADD COLUMN last_attempt_at timestamptz;
ALTER TABLE outbox_messages ADD COLUMN last_error text CHECK (length(last_error) BETWEEN 1 AND 500);
ALTER TABLE outbox_messages ADD COLUMN failed_at timestamptz;
ALTER TABLE outbox_messages ADD CONSTRAINT outbox_messages_sent_or_failed CHECK (sent_at IS NULL OR failed_at IS NULL);
ALTER TABLE outbox_messages
  ADD CONSTRAINT outbox_messages_claimed CHECK ((claim_token IS NULL) = (claimed_until IS NULL));

-- Messages written before delivery existed were read by administrators and their links copied by hand: sending
-- them now, perhaps days later, would surprise their recipients.
UPDATE outbox_messages SET next_attempt_at = NULL;

CREATE INDEX outbox_messages_due ON outbox_messages (organization_id, next_attempt_at)
  WHERE next_attempt_at IS NOT NULL;

-- Password reset requests are counted like failed sign-ins, under keys of their own (auth/password-reset-service.ts).
ALTER TABLE sign_in_throttles DROP CONSTRAINT sign_in_throttles_key_check;
ALTER TABLE sign_in_throttles ADD CONSTRAINT sign_in_throttles_key_check CHECK (key ~ '^(reset:)?(account|ip):.+$');
