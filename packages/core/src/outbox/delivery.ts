/**
 * When the outbox tries a message again, and what state a message is in, as administrators read it. Pure: the
 * server hands in the clock and the message's columns.
 */

export interface RetryPolicy {
  /** Attempts in all, the first included, before a message is marked failed. */
  maxAttempts: number;
  /** The wait after the first failed attempt; each further failure doubles it. */
  firstDelayMs: number;
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  maxAttempts: 6,
  firstDelayMs: 60_000,
  maxDelayMs: 60 * 60_000,
};

/**
 * How long to wait before the next attempt after `attemptsMade` attempts failed for a reason that may pass (a
 * busy server, a dropped connection); undefined once the policy's attempts are used up.
 */
export function retryDelayMs(
  attemptsMade: number,
  policy: RetryPolicy = defaultRetryPolicy,
): number | undefined {
  if (attemptsMade >= policy.maxAttempts) return undefined;
  const exponent = Math.max(0, attemptsMade - 1);
  return Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** exponent);
}

export const deliveryStates = ['queued', 'sending', 'retrying', 'sent', 'failed', 'not_sent'] as const;
export type DeliveryState = (typeof deliveryStates)[number];

export interface DeliveryColumns {
  sentAt: Date | null;
  failedAt: Date | null;
  nextAttemptAt: Date | null;
  claimedUntil: Date | null;
  attempts: number;
}

/**
 * A message's delivery: sent, failed (its last error says why), being sent, waiting for a retry after a failed
 * attempt, queued for its first, or not sent at all (written before mail delivery existed).
 */
export function deliveryState(message: DeliveryColumns, now: Date): DeliveryState {
  if (message.sentAt !== null) return 'sent';
  if (message.failedAt !== null) return 'failed';
  if (message.nextAttemptAt === null) return 'not_sent';
  if (message.claimedUntil !== null && message.claimedUntil.getTime() > now.getTime()) return 'sending';
  return message.attempts > 0 ? 'retrying' : 'queued';
}
