import type { IntlShape } from 'react-intl';

/**
 * The web side of the idle timeout. The server ends a session whose last authenticated request is older than the
 * idle timeout; the browser keeps the same clock: it counts from the last request the server saw (any API call,
 * or a sign of life sent while the person is using the page), warns shortly before the end, and signs out at the
 * end, so that the person sees why rather than a failed request.
 */
export interface IdleClock {
  /** When the server last saw a request of this session (ms since epoch). */
  lastSeenAt: number;
  idleTimeoutMs: number;
}

/** How long before the end the warning shows: a minute, less for very short timeouts. */
export function warningLeadMs(idleTimeoutMs: number): number {
  return Math.min(60_000, idleTimeoutMs / 3);
}

/** How often, at most, activity on the page is reported to the server. */
export function keepAliveIntervalMs(idleTimeoutMs: number): number {
  return Math.max(1_000, Math.min(30_000, idleTimeoutMs / 10));
}

export function signOutAt(clock: IdleClock): number {
  return clock.lastSeenAt + clock.idleTimeoutMs;
}

export function warnAt(clock: IdleClock): number {
  return signOutAt(clock) - warningLeadMs(clock.idleTimeoutMs);
}

export type IdlePhase = 'active' | 'warning' | 'expired';

export function idlePhase(clock: IdleClock, now: number): IdlePhase {
  if (now >= signOutAt(clock)) return 'expired';
  if (now >= warnAt(clock)) return 'warning';
  return 'active';
}

/** The person is using the page: tell the server, unless it heard from this session a moment ago. */
export function shouldKeepAlive(clock: IdleClock, now: number): boolean {
  return now - clock.lastSeenAt >= keepAliveIntervalMs(clock.idleTimeoutMs);
}

/** "15 minutes", "1 minute", "20 seconds" (in the reader's language): for the warning and the signed-out notice. */
export function durationText(intl: IntlShape, seconds: number): string {
  const inUnit = (value: number, unit: 'minute' | 'second') =>
    intl.formatNumber(value, { style: 'unit', unit, unitDisplay: 'long' });
  if (seconds >= 60 && seconds % 60 === 0) return inUnit(seconds / 60, 'minute');
  return inUnit(Math.max(0, Math.round(seconds)), 'second');
}
