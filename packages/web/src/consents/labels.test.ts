import { describe, expect, it } from 'vitest';
import { categoryList, consentPeriod, formatDate } from './labels.ts';

describe('consent labels', () => {
  it('keeps calendar dates on their day in every time zone', () => {
    expect(formatDate('2026-03-01')).toMatch(/1/);
    expect(formatDate('2026-03-01')).not.toMatch(/Feb/);
  });

  it('says until when a consent runs, by date, event or whichever comes first', () => {
    expect(consentPeriod({ startsOn: '2026-03-01', expiresOn: null, expiryEvent: 'discharge' })).toMatch(
      /^From .+ until discharge$/,
    );
    expect(
      consentPeriod({ startsOn: '2026-03-01', expiresOn: '2027-03-01', expiryEvent: 'discharge' }),
    ).toMatch(/or discharge, whichever comes first$/);
  });

  it('names the categories as the consent form does', () => {
    expect(categoryList(['attendance', 'drug_test_results'])).toBe(
      'Attendance and appointments, Drug test results',
    );
  });
});
