-- A TOTP code works once: the last time step (Unix time / 30 s) whose code the user signed in or enrolled with.
-- A code is accepted only for a newer step, claimed atomically before better-auth verifies it
-- (src/auth/totp-replay.ts). Null until the first code is accepted. A global row, like users and two_factors.
ALTER TABLE two_factors ADD COLUMN last_totp_step bigint;
