import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import {
  describePage,
  emptyPatientListFilters,
  isFiltered,
  levelOfCareText,
  levelOptions,
  parseLevelValue,
  toPatientListRequest,
} from './list-filters.ts';

const intl = createIntl({ locale: 'en', messages: {} });

describe('toPatientListRequest', () => {
  it('sends only what narrows the list, the search trimmed', () => {
    expect(toPatientListRequest(emptyPatientListFilters, 0)).toEqual({ limit: 50, offset: 0 });
    expect(
      toPatientListRequest(
        {
          search: '  jose nguen ',
          status: 'active',
          setting: 'outpatient',
          level: '4:1.5',
          therapistStaffMemberId: '01900000-0000-7000-8000-000000000002',
        },
        50,
      ),
    ).toEqual({
      limit: 50,
      offset: 50,
      q: 'jose nguen',
      status: 'active',
      setting: 'outpatient',
      asamEdition: '4',
      asamLevel: '1.5',
      therapistStaffMemberId: '01900000-0000-7000-8000-000000000002',
    });
  });
});

describe('parseLevelValue', () => {
  it('reads edition and level, and refuses a level of the other edition', () => {
    expect(parseLevelValue('3:3.7-WM')).toEqual({ edition: '3', level: '3.7-WM' });
    expect(parseLevelValue('4:3.3')).toBeUndefined();
    expect(parseLevelValue('5:1')).toBeUndefined();
    expect(parseLevelValue(null)).toBeUndefined();
  });

  it('round-trips every option of the level select', () => {
    const values = levelOptions(intl).flatMap((group) => group.items.map((item) => item.value));
    expect(values.length).toBe(25);
    for (const value of values) expect(parseLevelValue(value), value).toBeDefined();
  });
});

describe('isFiltered', () => {
  it('is false for the empty list and a blank search, true for any filter', () => {
    expect(isFiltered(emptyPatientListFilters)).toBe(false);
    expect(isFiltered({ ...emptyPatientListFilters, search: '   ' })).toBe(false);
    expect(isFiltered({ ...emptyPatientListFilters, status: 'deceased' })).toBe(true);
  });
});

describe('levelOfCareText', () => {
  it('names the setting and the ASAM level with its edition', () => {
    expect(
      levelOfCareText(intl, {
        admittedOn: '2026-01-05',
        setting: 'outpatient',
        asamEdition: '4',
        asamLevel: '1.5',
      }),
    ).toBe('Outpatient · ASAM 1.5 (4th)');
    expect(
      levelOfCareText(intl, {
        admittedOn: '2026-01-05',
        setting: 'inpatient_residential',
        asamEdition: null,
        asamLevel: null,
      }),
    ).toBe('Inpatient / residential');
    expect(levelOfCareText(intl, null)).toBe('Not admitted');
    // A row without the episode: the caller is not on the care team (the server left the episode out).
    expect(levelOfCareText(intl, undefined)).toBe('Care team only');
  });
});

describe('describePage', () => {
  const items = (count: number) => Array.from({ length: count }, () => ({}) as never);
  it('says which rows are shown of how many, with a + when counting stopped', () => {
    expect(describePage(intl, { items: items(50), total: 1000, totalIsExact: false }, 50)).toBe(
      'Showing 51–100 of 1,000+ patients',
    );
    expect(describePage(intl, { items: items(1), total: 1, totalIsExact: true }, 0)).toBe(
      'Showing 1–1 of 1 patient',
    );
    expect(describePage(intl, { items: [], total: 0, totalIsExact: true }, 0)).toBe('No patients');
  });
});
