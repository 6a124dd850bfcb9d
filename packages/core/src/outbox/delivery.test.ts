import { describe, expect, it } from 'vitest';
import { deliveryState, retryDelayMs } from './delivery.ts';

describe('retryDelayMs', () => {
  const policy = { maxAttempts: 4, firstDelayMs: 1000, maxDelayMs: 3000 };

  it('doubles the wait after each failed attempt, up to the cap, then gives up', () => {
    expect([1, 2, 3].map((attempts) => retryDelayMs(attempts, policy))).toEqual([1000, 2000, 3000]);
    expect(retryDelayMs(4, policy)).toBeUndefined();
  });
});

describe('deliveryState', () => {
  const now = new Date('2026-12-06T10:00:00Z');
  const queued = { sentAt: null, failedAt: null, nextAttemptAt: now, claimedUntil: null, attempts: 0 };

  it('tells queued, sending, retrying, sent, failed and never-scheduled messages apart', () => {
    expect(deliveryState(queued, now)).toBe('queued');
    expect(deliveryState({ ...queued, claimedUntil: new Date(now.getTime() + 1000), attempts: 1 }, now)).toBe(
      'sending',
    );
    // A claim that outlived its time (the process died mid-send) is retried.
    expect(deliveryState({ ...queued, claimedUntil: new Date(now.getTime() - 1000), attempts: 1 }, now)).toBe(
      'retrying',
    );
    expect(deliveryState({ ...queued, attempts: 2 }, now)).toBe('retrying');
    expect(deliveryState({ ...queued, sentAt: now, nextAttemptAt: null, attempts: 1 }, now)).toBe('sent');
    expect(deliveryState({ ...queued, failedAt: now, nextAttemptAt: null, attempts: 6 }, now)).toBe('failed');
    expect(deliveryState({ ...queued, nextAttemptAt: null }, now)).toBe('not_sent');
  });
});
