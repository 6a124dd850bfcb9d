import { describe, expect, it } from 'vitest';
import { substanceClasses, substanceClassIcdCategory } from '../admission/vocabulary.ts';
import {
  findDiagnosis,
  icd10cmRelease,
  isF10ToF19Code,
  substanceClassOfDiagnosis,
  substanceUseDiagnoses,
} from './catalog.ts';

describe('the F10-F19 list', () => {
  it('is the FY2026 ICD-10-CM release from CDC NCHS and CMS', () => {
    expect(icd10cmRelease).toMatchObject({
      classification: 'ICD-10-CM',
      release: 'FY2026',
      effectiveFrom: '2025-10-01',
      sourceFile: 'icd10cm_order_2026.txt',
    });
    expect(icd10cmRelease.publisher).toContain('NCHS');
  });

  // Pinned on purpose: a new release that adds or drops a code changes these, and should be read before it ships.
  it('has every code of each category, billable and header', () => {
    const counts: Record<string, { billable: number; headers: number }> = {};
    for (const { code, billable } of substanceUseDiagnoses) {
      const category = counts[code.slice(0, 3)] ?? { billable: 0, headers: 0 };
      counts[code.slice(0, 3)] = billable
        ? { ...category, billable: category.billable + 1 }
        : { ...category, headers: category.headers + 1 };
    }
    expect(counts).toEqual({
      F10: { billable: 58, headers: 16 },
      F11: { billable: 45, headers: 13 },
      F12: { billable: 39, headers: 13 },
      F13: { billable: 58, headers: 16 },
      F14: { billable: 48, headers: 13 },
      F15: { billable: 48, headers: 13 },
      F16: { billable: 40, headers: 13 },
      F17: { billable: 20, headers: 6 },
      F18: { billable: 39, headers: 13 },
      F19: { billable: 63, headers: 16 },
    });
    expect(substanceUseDiagnoses).toHaveLength(590);
  });

  it('holds the official descriptions of well-known codes', () => {
    const known: [string, string, boolean][] = [
      ['F10.20', 'Alcohol dependence, uncomplicated', true],
      ['F11.20', 'Opioid dependence, uncomplicated', true],
      ['F17.210', 'Nicotine dependence, cigarettes, uncomplicated', true],
      ['F12.10', 'Cannabis abuse, uncomplicated', true],
      ['F10.21', 'Alcohol dependence, in remission', true],
      ['F10.239', 'Alcohol dependence with withdrawal, unspecified', true],
      ['F11.23', 'Opioid dependence with withdrawal', true],
      ['F11.10', 'Opioid abuse, uncomplicated', true],
      ['F13.20', 'Sedative, hypnotic or anxiolytic dependence, uncomplicated', true],
      ['F14.13', 'Cocaine abuse, unspecified with withdrawal', true],
      ['F15.20', 'Other stimulant dependence, uncomplicated', true],
      ['F16.183', 'Hallucinogen abuse with hallucinogen persisting perception disorder (flashbacks)', true],
      ['F18.17', 'Inhalant abuse with inhalant-induced dementia', true],
      ['F19.21', 'Other psychoactive substance dependence, in remission', true],
      ['F10', 'Alcohol related disorders', false],
      ['F10.13', 'Alcohol abuse, with withdrawal', false],
      ['F11.2', 'Opioid dependence', false],
      ['F17', 'Nicotine dependence', false],
    ];
    for (const [code, description, billable] of known) {
      expect(findDiagnosis(code), code).toEqual({ code, description, billable });
    }
  });

  it('keeps the published wording, not a tidied one', () => {
    // Both are as the release prints them: the plural in F13.932, the missing comma in F17.203.
    expect(findDiagnosis('F13.932')?.description).toBe(
      'Sedative, hypnotic or anxiolytic use, unspecified with withdrawal with perceptual disturbances',
    );
    expect(findDiagnosis('F17.203')?.description).toBe('Nicotine dependence unspecified, with withdrawal');
  });

  it('is a consistent tree: codes unique and dotted, billable exactly when a leaf, every parent present', () => {
    const codes = substanceUseDiagnoses.map((diagnosis) => diagnosis.code);
    const known = new Set(codes);
    expect(known.size).toBe(codes.length);
    const parentOf = (code: string) => code.slice(0, -1).replace(/\.$/, '');
    const parents = new Set(codes.filter((code) => code.length > 3).map(parentOf));
    for (const { code, description, billable } of substanceUseDiagnoses) {
      expect(code).toMatch(/^F1[0-9](\.[0-9A-Z]{1,4})?$/);
      expect(description).toBe(description.trim());
      expect(description).not.toMatch(/\s{2}/);
      expect(billable, code).toBe(!parents.has(code));
      if (code.length > 3) expect(known.has(parentOf(code)), `parent of ${code}`).toBe(true);
    }
  });

  it('cannot be changed by a caller', () => {
    expect(Object.isFrozen(substanceUseDiagnoses)).toBe(true);
    expect(Object.isFrozen(substanceUseDiagnoses[0])).toBe(true);
  });
});

describe('findDiagnosis', () => {
  it('takes the code with or without the dot, in any case, with stray spaces', () => {
    const f1120 = findDiagnosis('F11.20');
    expect(f1120?.description).toBe('Opioid dependence, uncomplicated');
    expect(findDiagnosis('f1120')).toBe(f1120);
    expect(findDiagnosis(' f11.20 ')).toBe(f1120);
  });

  it('finds nothing for a code the release does not have, or a malformed one', () => {
    expect(findDiagnosis('F11.30')).toBeUndefined();
    expect(findDiagnosis('F20.0')).toBeUndefined();
    expect(findDiagnosis('F112.0')).toBeUndefined();
    expect(findDiagnosis('')).toBeUndefined();
  });
});

describe('isF10ToF19Code', () => {
  it('accepts well-formed codes of categories F10 to F19, with or without the dot', () => {
    for (const code of ['F10', 'F19', 'f11.20', 'F1120', 'F17.210', ' F12.10 ', 'F19.99']) {
      expect(isF10ToF19Code(code), code).toBe(true);
    }
  });

  it('rejects other categories and malformed codes', () => {
    for (const code of ['F09', 'F20.0', 'E11.9', 'F1', 'F11.', 'F112.0', 'F11.20000', 'F 11', '', 'opioid']) {
      expect(isF10ToF19Code(code), code).toBe(false);
    }
  });
});

describe('substanceClassOfDiagnosis', () => {
  it('maps each category to the substance class of the admission vocabulary', () => {
    expect(substanceClassOfDiagnosis('F10.20')).toBe('alcohol');
    expect(substanceClassOfDiagnosis('F11.20')).toBe('opioids');
    expect(substanceClassOfDiagnosis('f1210')).toBe('cannabis');
    expect(substanceClassOfDiagnosis('F13.20')).toBe('sedatives');
    expect(substanceClassOfDiagnosis('F14.20')).toBe('cocaine');
    expect(substanceClassOfDiagnosis('F15.20')).toBe('other_stimulants');
    expect(substanceClassOfDiagnosis('F16.20')).toBe('hallucinogens');
    expect(substanceClassOfDiagnosis('F17.210')).toBe('nicotine');
    expect(substanceClassOfDiagnosis('F18.20')).toBe('inhalants');
    expect(substanceClassOfDiagnosis('F19')).toBe('other_psychoactive');
  });

  it('agrees with the vocabulary for every code of the list', () => {
    for (const { code } of substanceUseDiagnoses) {
      const substanceClass = substanceClassOfDiagnosis(code);
      expect(substanceClass, code).not.toBeNull();
      expect(substanceClassIcdCategory[substanceClass ?? 'alcohol']).toBe(code.slice(0, 3));
    }
    const mapped = new Set(substanceUseDiagnoses.map(({ code }) => substanceClassOfDiagnosis(code)));
    expect([...mapped].sort()).toEqual([...substanceClasses].sort());
  });

  it('is null outside F10-F19 and for malformed codes', () => {
    expect(substanceClassOfDiagnosis('F20.0')).toBeNull();
    expect(substanceClassOfDiagnosis('F09')).toBeNull();
    expect(substanceClassOfDiagnosis('Z71.41')).toBeNull();
    expect(substanceClassOfDiagnosis('F11.2.0')).toBeNull();
    expect(substanceClassOfDiagnosis('')).toBeNull();
  });
});
