import { createHash } from 'node:crypto';

/**
 * Lockout after repeated failed sign-ins, per account and per client address. An account key is a hash of the
 * email as typed (lower-cased), so an address that has no account locks exactly like one that has: the answer
 * never tells whether an account exists. A client address tolerates more failures than one account, since a
 * whole clinic may share one address.
 */
export interface ThrottleRule {
  /** Failures within `windowMs` that lock the key. */
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

const fifteenMinutes = 15 * 60_000;

export const throttleRules = {
  account: { maxFailures: 5, windowMs: fifteenMinutes, lockMs: fifteenMinutes },
  ip: { maxFailures: 20, windowMs: fifteenMinutes, lockMs: fifteenMinutes },
} as const satisfies Record<string, ThrottleRule>;

export type ThrottleKind = keyof typeof throttleRules;

export interface ThrottleState {
  failures: number;
  windowStartedAt: Date;
  lockedUntil: Date | null;
}

export function accountKey(email: string): string {
  return `account:${createHash('sha256').update(email.trim().toLowerCase()).digest('hex')}`;
}

export function ipKey(ip: string): string {
  return `ip:${ip}`;
}

/** An address key (ip:…, and reset:ip:… for password reset requests) or an account key. */
export function ruleFor(key: string): ThrottleRule {
  return key.startsWith('ip:') || key.startsWith('reset:ip:') ? throttleRules.ip : throttleRules.account;
}

/** The state after one more failure: a new window once the old one (or a lock) has run out. */
export function afterFailure(
  current: ThrottleState | undefined,
  now: Date,
  rule: ThrottleRule,
): ThrottleState {
  const expired =
    current === undefined ||
    now.getTime() - current.windowStartedAt.getTime() >= rule.windowMs ||
    (current.lockedUntil !== null && current.lockedUntil.getTime() <= now.getTime());
  const failures = expired ? 1 : current.failures + 1;
  const windowStartedAt = expired ? now : current.windowStartedAt;
  const lockedUntil =
    failures >= rule.maxFailures
      ? new Date(now.getTime() + rule.lockMs)
      : expired
        ? null
        : current.lockedUntil;
  return { failures, windowStartedAt, lockedUntil };
}

export function isLocked(state: Pick<ThrottleState, 'lockedUntil'>, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}
