import { describe, expect, it } from 'vitest';
import { type AlertTimes, alertStatus, isDueForEscalation } from './alert-status.ts';

const raisedAt = new Date('2026-03-02T10:00:00Z');
const open: AlertTimes = { raisedAt, acknowledgedAt: null, resolvedAt: null, escalatedAt: null };
const clockAt = (iso: string) => ({ now: new Date(iso), timeZone: 'America/Los_Angeles' });

describe('alertStatus', () => {
  it('is open, then acknowledged, then resolved', () => {
    expect(alertStatus(open)).toBe('open');
    expect(alertStatus({ ...open, acknowledgedAt: raisedAt })).toBe('acknowledged');
    expect(alertStatus({ ...open, acknowledgedAt: raisedAt, resolvedAt: raisedAt })).toBe('resolved');
  });
});

describe('isDueForEscalation', () => {
  it('escalates an alert nobody acknowledged within the time, once', () => {
    expect(isDueForEscalation(open, 60, clockAt('2026-03-02T10:59:59Z'))).toBe(false);
    expect(isDueForEscalation(open, 60, clockAt('2026-03-02T11:00:00Z'))).toBe(true);
    expect(isDueForEscalation({ ...open, escalatedAt: raisedAt }, 60, clockAt('2026-03-02T12:00:00Z'))).toBe(
      false,
    );
  });

  it('does not escalate what someone acknowledged or resolved', () => {
    const later = clockAt('2026-03-03T10:00:00Z');
    expect(isDueForEscalation({ ...open, acknowledgedAt: raisedAt }, 60, later)).toBe(false);
    expect(isDueForEscalation({ ...open, resolvedAt: raisedAt, acknowledgedAt: raisedAt }, 60, later)).toBe(
      false,
    );
  });
});
