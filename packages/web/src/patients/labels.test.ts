import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { ageOn, displayName, formatCalendarDate, listName } from './labels.ts';

const intl = createIntl({ locale: 'en', messages: {} });

const jose = { legalGivenName: 'José', legalFamilyName: 'Nguyễn', preferredName: 'Joe' };
const riley = { legalGivenName: 'Riley', legalFamilyName: 'Thompson', preferredName: null };

describe('patient labels', () => {
  it('addresses people by the name they go by and sorts by the legal family name', () => {
    expect(displayName(jose)).toBe('Joe Nguyễn');
    expect(displayName(riley)).toBe('Riley Thompson');
    expect(listName(jose)).toBe('Nguyễn, José (Joe)');
    expect(listName({ ...riley, preferredName: 'Riley' })).toBe('Thompson, Riley');
  });

  it('counts whole years of age, turning a year older on the birthday itself', () => {
    expect(ageOn('1988-04-12', '2026-04-11')).toBe(37);
    expect(ageOn('1988-04-12', '2026-04-12')).toBe(38);
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
    expect(ageOn('2000-02-29', '2026-03-01')).toBe(26);
  });

  it('formats a calendar date without shifting it by the time zone', () => {
    expect(formatCalendarDate(intl, '1988-01-01')).toMatch(/1988/);
    expect(formatCalendarDate(intl, '1988-01-01')).not.toMatch(/1987/);
  });
});
