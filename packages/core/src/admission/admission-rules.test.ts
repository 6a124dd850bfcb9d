import { describe, expect, it } from 'vitest';
import {
  type AdmissionDraft,
  billableDiagnosis,
  primaryIndex,
  validateAdmission,
} from './admission-rules.ts';

const today = '2026-03-10';
const admission: AdmissionDraft = {
  admittedOn: '2026-03-09',
  referralSource: 'self',
  setting: 'intensive_outpatient',
  asam: { edition: '4', level: '2.1' },
  substances: [
    { substanceClass: 'opioids', route: 'smoking', frequency: 'daily', isPrimary: true, ageOfFirstUse: 19 },
    { substanceClass: 'alcohol', route: 'oral', frequency: 'daily', isPrimary: false },
  ],
  diagnoses: [
    { code: 'F11.20', isPrimary: true },
    { code: 'f10.10', isPrimary: false },
  ],
};
const paths = (draft: AdmissionDraft) =>
  validateAdmission(draft, today)
    .map((error) => error.path)
    .sort();

describe('validateAdmission', () => {
  it('accepts a complete admission', () => {
    expect(validateAdmission(admission, today)).toEqual([]);
  });

  it('refuses an outpatient admission at ASAM 3.5 on asam.level', () => {
    expect(paths({ ...admission, setting: 'outpatient', asam: { edition: '4', level: '3.5' } })).toEqual([
      'asam.level',
    ]);
  });

  it('refuses a level that is not of its edition without judging its fit', () => {
    const errors = validateAdmission({ ...admission, asam: { edition: '3', level: '2.7' } }, today);
    expect(errors).toEqual([{ path: 'asam.level', rule: 'asamLevelNotOfEdition' }]);
  });

  it('refuses an admission after the program’s today', () => {
    expect(validateAdmission({ ...admission, admittedOn: '2026-03-11' }, today)).toEqual([
      { path: 'admittedOn', rule: 'admittedOnAfterToday', today: '2026-03-10' },
    ]);
  });

  it('names each unfinished choice of the form', () => {
    expect(
      paths({
        ...admission,
        admittedOn: '',
        referralSource: '',
        setting: '',
        substances: [
          { substanceClass: '', route: '', frequency: '', isPrimary: true, ageOfFirstUse: Number.NaN },
        ],
      }),
    ).toEqual([
      'admittedOn',
      'referralSource',
      'setting',
      'substances.0.ageOfFirstUse',
      'substances.0.frequency',
      'substances.0.route',
      'substances.0.substanceClass',
    ]);
    expect(paths({ ...admission, substances: [] })).toEqual(['substances']);
  });

  it('refuses a substance or diagnosis listed twice, two primaries, and codes that may not go on a record', () => {
    expect(
      paths({
        ...admission,
        substances: [
          { substanceClass: 'opioids', route: 'smoking', frequency: 'daily', isPrimary: true },
          { substanceClass: 'opioids', route: 'oral', frequency: 'daily', isPrimary: true },
        ],
        diagnoses: [
          { code: 'F11.20', isPrimary: false },
          { code: 'F11.20', isPrimary: false },
          { code: 'F11.2', isPrimary: false },
          { code: 'F32.9', isPrimary: false },
        ],
      }),
    ).toEqual([
      'diagnoses',
      'diagnoses.1.code',
      'diagnoses.2.code',
      'diagnoses.3.code',
      'substances',
      'substances.1.substanceClass',
    ]);
  });
});

describe('primaryIndex and billableDiagnosis', () => {
  it('takes a single entry as the primary one', () => {
    expect(primaryIndex([{ isPrimary: false }], 'x', 'substance')).toEqual({ index: 0 });
  });

  it('says whether the primary is missing or marked more than once, and of what', () => {
    const two = [{ isPrimary: false }, { isPrimary: false }];
    expect(primaryIndex(two, 'diagnoses', 'diagnosis')).toEqual({
      error: { path: 'diagnoses', rule: 'primaryNotMarked', of: 'diagnosis' },
    });
    expect(primaryIndex([{ isPrimary: true }, { isPrimary: true }], 'substances', 'substance')).toEqual({
      error: { path: 'substances', rule: 'primaryMarkedMoreThanOnce', of: 'substance' },
    });
  });

  it('finds the catalogue entry of a billable code, case-insensitively', () => {
    expect(billableDiagnosis('f11.20', 'code')).toMatchObject({ code: 'F11.20' });
    expect(billableDiagnosis('F11', 'code')).toEqual({
      error: { path: 'code', rule: 'diagnosisIsCategory', code: 'F11' },
    });
    expect(billableDiagnosis('F32.9', 'code')).toEqual({
      error: { path: 'code', rule: 'diagnosisNotSubstanceUse' },
    });
  });
});
