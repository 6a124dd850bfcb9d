-- Sign-in hardening: TOTP two-factor with recovery codes (better-auth's twoFactor plugin, its fields mapped to
-- snake_case in src/auth/auth.ts), which staff roles an organization requires it for, the last activity of each
-- session (idle timeout), and failed sign-in counters (lockout). Like users and sessions these are global rows.

-- better-auth's twoFactorEnabled: set once the user has proved a code from their authenticator app.
ALTER TABLE users ADD COLUMN two_factor_enabled boolean NOT NULL DEFAULT false;

-- One authenticator per user. The secret and the recovery codes are encrypted by better-auth with the auth secret;
-- unverified means enrolment started but no code was proved yet.
CREATE TABLE two_factors (
  id uuid PRIMARY KEY DEFAULT uuid_generate_v7(),
  user_id uuid NOT NULL UNIQUE REFERENCES users (id) ON DELETE CASCADE,
  secret text NOT NULL,
  backup_codes text NOT NULL,
  verified boolean NOT NULL DEFAULT true,
  failed_verification_count integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The staff roles that must use two-step verification in this organization. Empty for a new organization; the
-- demo organization requires it for administrators.
ALTER TABLE organizations ADD COLUMN two_factor_required_roles text[] NOT NULL DEFAULT '{}'
  CHECK (two_factor_required_roles <@ ARRAY['admin', 'clinician', 'prescriber', 'front_desk', 'supervisor']);

-- The last authenticated request of a session as some process last wrote it; each process keeps newer activity in
-- memory and writes it at most once a minute (src/auth/session-activity.ts).
ALTER TABLE sessions ADD COLUMN last_active_at timestamptz NOT NULL DEFAULT now();

-- Failed sign-ins per key: an account (a hash of the email typed, whether or not such an account exists, so the
-- answer never tells) or a client address. A key locks for a while after too many failures in a window.
CREATE TABLE sign_in_throttles (
  key text PRIMARY KEY CHECK (key ~ '^(account|ip):.+$'),
  failures integer NOT NULL CHECK (failures >= 0),
  window_started_at timestamptz NOT NULL,
  locked_until timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);
