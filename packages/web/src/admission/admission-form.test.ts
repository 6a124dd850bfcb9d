import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { validateForm } from '../forms/use-tandem-form.ts';
import {
  admissionBody,
  admissionFormChecks,
  asamLevelOptions,
  emptyAdmission,
  removeSubstance,
  type SubstanceRow,
  validateAdmission,
} from './admission-form.ts';

const intl = createIntl({ locale: 'en', messages: {} });

const today = '2026-03-10';
const alcohol: SubstanceRow = {
  substanceClass: 'alcohol',
  specificSubstance: '',
  route: 'oral',
  frequency: 'daily',
  ageOfFirstUse: '16',
};
const filled = {
  ...emptyAdmission(today),
  referralSource: 'self' as const,
  setting: 'outpatient' as const,
  asamEdition: '4' as const,
  asamLevel: '1.5',
  substances: [
    {
      substanceClass: 'alcohol' as const,
      specificSubstance: '',
      route: 'oral' as const,
      frequency: 'one_to_two_times_per_week' as const,
      ageOfFirstUse: '16',
    },
    {
      substanceClass: 'cannabis' as const,
      specificSubstance: 'vape',
      route: 'smoking' as const,
      frequency: 'one_to_two_times_per_week' as const,
      ageOfFirstUse: '',
    },
  ],
  primarySubstance: 1,
  diagnoses: [
    { code: 'F10.20', description: 'Alcohol dependence, uncomplicated' },
    { code: 'F12.10', description: 'Cannabis abuse, uncomplicated' },
  ],
  primaryDiagnosis: 'F12.10',
};

describe('validateAdmission', () => {
  it('accepts a complete admission', () => {
    expect(validateAdmission(intl, filled, today)).toEqual({});
  });

  it('refuses an outpatient admission at ASAM 3.5 before sending, on asam.level', () => {
    const errors = validateAdmission(intl, { ...filled, setting: 'outpatient', asamLevel: '3.5' }, today);
    expect(Object.keys(errors)).toEqual(['asam.level']);
  });

  it('names the field of each problem the way the server does', () => {
    const errors = validateAdmission(
      intl,
      {
        ...filled,
        admittedOn: '2026-03-11',
        asamEdition: '3',
        asamLevel: '1.5',
        substances: [alcohol, { ...alcohol, route: '', ageOfFirstUse: '200' }],
        primaryDiagnosis: '',
      },
      today,
    );
    expect(Object.keys(errors).sort()).toEqual(
      [
        'admittedOn',
        'asam.level',
        'diagnoses',
        'substances.1.ageOfFirstUse',
        'substances.1.route',
        'substances.1.substanceClass',
      ].sort(),
    );
  });
});

describe('admissionBody', () => {
  it('marks exactly one primary substance and diagnosis', () => {
    const body = admissionBody(filled);
    expect(body.substances.map((s) => s.isPrimary)).toEqual([false, true]);
    expect(body.substances[0]?.ageOfFirstUse).toBe(16);
    expect(body.diagnoses.map((d) => d.isPrimary)).toEqual([false, true]);
    expect(body.asam).toEqual({ edition: '4', level: '1.5' });
  });

  it('a single diagnosis is the primary one', () => {
    const body = admissionBody({
      ...filled,
      diagnoses: [filled.diagnoses[0] as never],
      primaryDiagnosis: '',
    });
    expect(body.diagnoses[0]?.isPrimary).toBe(true);
  });
});

describe('removeSubstance', () => {
  it('keeps the primary mark on the same substance', () => {
    const three = {
      ...filled,
      substances: [...filled.substances, filled.substances[0] as never],
      primarySubstance: 2,
    };
    expect(removeSubstance(three, 0).primarySubstance).toBe(1);
    expect(removeSubstance(three, 2).primarySubstance).toBe(0);
  });
});

describe('asamLevelOptions', () => {
  it('lists the levels of the chosen edition only', () => {
    expect(asamLevelOptions(intl, '4').map((option) => option.value)).toContain('2.7');
    expect(asamLevelOptions(intl, '3').map((option) => option.value)).not.toContain('2.7');
    expect(asamLevelOptions(intl, '')).toEqual([]);
  });
});

describe('admissionFormChecks', () => {
  it('checks the lengths the server checks, in the reader’s words', () => {
    const values = {
      ...emptyAdmission('2026-01-10'),
      referralSource: 'self' as const,
      setting: 'outpatient' as const,
      substances: [
        {
          substanceClass: 'alcohol' as const,
          specificSubstance: '',
          route: 'oral' as const,
          frequency: 'one_to_two_times_per_week' as const,
          ageOfFirstUse: '',
        },
      ],
      presentingProblems: 'x'.repeat(5001),
    };
    expect(validateForm(intl, admissionFormChecks(intl, '2026-01-10'), values)).toEqual({
      presentingProblems: 'Keep this under 5000 characters',
    });
  });
});
