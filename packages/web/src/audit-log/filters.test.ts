import { describe, expect, it } from 'vitest';
import { auditCsvHref, auditQueryParams, dateRangeError, hasFilters, parseAuditSearch } from './filters.ts';

const userId = '01900000-0000-7000-8000-0000000000aa';

describe('audit filters in the URL', () => {
  it('keeps valid filters and drops what the server would refuse', () => {
    expect(
      parseAuditSearch({
        userId,
        patientId: 'Riley Thompson',
        from: '2026-11-01',
        to: '2026-02-30',
        action: 'break_glass',
        outcome: 'maybe',
        resourceType: 'access_log',
        unrelated: 'x',
      }),
    ).toEqual({ userId, from: '2026-11-01', action: 'break_glass', resourceType: 'access_log' });
    expect(parseAuditSearch({ outcome: 'break_glass', from: 20261101 })).toEqual({ outcome: 'break_glass' });
  });

  it('exports exactly the filters on screen, and everything when there are none', () => {
    expect(auditCsvHref({})).toBe('/api/audit-events.csv');
    expect(auditCsvHref({ userId, outcome: 'denied', from: '2026-11-01', to: '2026-11-30' })).toBe(
      `/api/audit-events.csv?userId=${userId}&from=2026-11-01&to=2026-11-30&outcome=denied`,
    );
    expect(auditQueryParams({ action: '', outcome: 'allowed' })).toEqual({ outcome: 'allowed' });
    expect(hasFilters({ action: '' })).toBe(false);
    expect(hasFilters({ patientId: userId })).toBe(true);
  });

  it('catches a date range that runs backwards, and accepts a single day', () => {
    expect(dateRangeError({ from: '2026-11-02', to: '2026-11-01' })?.defaultMessage).toBe(
      'The end date is before the start date',
    );
    expect(dateRangeError({ from: '2026-11-01', to: '2026-11-01' })).toBeUndefined();
    expect(dateRangeError({ from: '2026-11-01' })).toBeUndefined();
  });
});
