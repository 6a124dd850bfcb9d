import { levelOfCareMisfit } from '@tandem/core/admission/level-of-care-fit';
import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { admissionProblemMessage } from './admission-problems.ts';

const intl = createIntl({ locale: 'en', messages: {} });

describe('admissionProblemMessage', () => {
  it('words a misfit level of care with the settings that fit, in a sentence', () => {
    const misfit = levelOfCareMisfit('outpatient', { edition: '4', level: '2.7' });
    expect(misfit).toBeDefined();
    expect(admissionProblemMessage(intl, misfit as NonNullable<typeof misfit>)).toBe(
      'ASAM level 2.7 is not delivered in outpatient care; it fits intensive outpatient or partial hospitalization',
    );
  });

  it('names what needs its primary marked', () => {
    expect(
      admissionProblemMessage(intl, { path: 'diagnoses', rule: 'primaryNotMarked', of: 'diagnosis' }),
    ).toBe('Mark the primary diagnosis');
    expect(
      admissionProblemMessage(intl, {
        path: 'substances',
        rule: 'primaryMarkedMoreThanOnce',
        of: 'substance',
      }),
    ).toBe('Mark only one substance as primary');
  });

  it('keeps the values of a rule: the date, the code, the age range', () => {
    expect(
      admissionProblemMessage(intl, {
        path: 'admittedOn',
        rule: 'admittedOnAfterToday',
        today: '2026-03-10',
      }),
    ).toBe('Admission cannot be after today (Mar 10, 2026)');
    expect(admissionProblemMessage(intl, { path: 'code', rule: 'diagnosisIsCategory', code: 'F11' })).toBe(
      'F11 is a category; choose one of the specific codes under it',
    );
    expect(
      admissionProblemMessage(intl, { path: 'x', rule: 'ageOfFirstUseOutOfRange', min: 0, max: 120 }),
    ).toBe('Enter an age from 0 to 120');
  });
});
