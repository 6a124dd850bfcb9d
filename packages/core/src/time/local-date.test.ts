import { describe, expect, it } from 'vitest';
import { isLocalDate, localDateAt } from './local-date.ts';

describe('localDateAt', () => {
  it('gives the calendar date where the program is, not in UTC', () => {
    // 05:30 UTC on the 1st is still the evening of the 31st in Portland (UTC-8 in winter).
    const moment = new Date('2026-02-01T05:30:00Z');
    expect(localDateAt(moment, 'UTC')).toBe('2026-02-01');
    expect(localDateAt(moment, 'America/Los_Angeles')).toBe('2026-01-31');
    expect(localDateAt(new Date('2026-01-31T23:30:00Z'), 'Asia/Tokyo')).toBe('2026-02-01');
  });
});

describe('isLocalDate', () => {
  it('accepts real calendar dates only', () => {
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2026-13-01')).toBe(false);
    expect(isLocalDate('2026-1-01')).toBe(false);
    expect(isLocalDate('tomorrow')).toBe(false);
  });
});
