import { describe, expect, it } from 'vitest';
import { isEmptySearch, parsePatientSearch } from './search-terms.ts';

describe('parsePatientSearch', () => {
  it('reads name words in lower case, accents kept, commas as spaces', () => {
    expect(parsePatientSearch('  Nguyễn,  José ')).toEqual({
      nameWords: ['nguyễn', 'josé'],
      mrnPrefixes: [],
      datesOfBirth: [],
    });
    expect(parsePatientSearch("O'Brien-Smith").nameWords).toEqual(["o'brien-smith"]);
  });

  it('reads ISO and US month-first dates of birth, with or without leading zeros', () => {
    for (const text of ['1984-03-07', '03/07/1984', '3/7/1984', '03-07-1984', '3.7.1984']) {
      expect(parsePatientSearch(text).datesOfBirth, text).toEqual(['1984-03-07']);
    }
  });

  it('does not take an impossible date for a date', () => {
    expect(parsePatientSearch('02/30/1984')).toEqual({
      nameWords: [],
      mrnPrefixes: ['02/30/1984'],
      datesOfBirth: [],
    });
    expect(parsePatientSearch('1984-13-01').datesOfBirth).toEqual([]);
    expect(parsePatientSearch('2024-02-29').datesOfBirth).toEqual(['2024-02-29']);
    expect(parsePatientSearch('2023-02-29').datesOfBirth).toEqual([]);
  });

  it('reads tokens with digits as MRN beginnings, upper-cased', () => {
    expect(parsePatientSearch('0001234').mrnPrefixes).toEqual(['0001234']);
    expect(parsePatientSearch('ab-12').mrnPrefixes).toEqual(['AB-12']);
  });

  it('splits a mixed search into its parts', () => {
    expect(parsePatientSearch('nguyen 09/30/1975')).toEqual({
      nameWords: ['nguyen'],
      mrnPrefixes: [],
      datesOfBirth: ['1975-09-30'],
    });
  });

  it('knows an empty search', () => {
    expect(isEmptySearch(parsePatientSearch('   '))).toBe(true);
    expect(isEmptySearch(parsePatientSearch('a'))).toBe(false);
  });
});
