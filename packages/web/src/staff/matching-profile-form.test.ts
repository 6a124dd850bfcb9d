import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import type { StaffMember } from '../api/types.ts';
import {
  matchingProfileChange,
  matchingProfileValues,
  validateMatchingProfile,
} from './matching-profile-form.ts';

const intl = createIntl({ locale: 'en', messages: {} });

const member: StaffMember = {
  id: '01900000-0000-7000-8000-000000000001',
  organizationId: '01900000-0000-7000-8000-000000000002',
  displayName: 'Rosa Delgado, LCDC',
  email: null,
  role: 'clinician',
  credentials: ['LCDC'],
  licenseNumber: null,
  licenseState: null,
  licenseExpiresOn: null,
  yearsAddictionExperience: 14,
  approaches: ['motivational_interviewing', 'trauma_focused'],
  languages: ['es', 'en'],
  pronouns: 'she/her',
  maxCaseload: null,
  gender: 'woman',
  substanceExperience: { opioids: 12, other_stimulants: 2 },
  conditionExperience: ['ptsd'],
  acceptsNewPatients: true,
  active: true,
  version: 4,
};

describe('the matching profile form', () => {
  it('round-trips a profile, dropping substances without years and sending the version it opened at', () => {
    const values = matchingProfileValues(member);
    expect(values.substanceExperience.opioids).toBe(12);
    expect(values.substanceExperience.alcohol).toBe('');
    expect(values.maxCaseload).toBe('');
    values.substanceExperience.alcohol = 3;
    values.substanceExperience.other_stimulants = 0;
    expect(matchingProfileChange(values, member)).toMatchObject({
      version: 4,
      substanceExperience: { opioids: 12, alcohol: 3 },
      maxCaseload: null,
      gender: 'woman',
    });
  });

  it('puts each message on its field', () => {
    const values = matchingProfileValues(member);
    values.languages = ['Spanish'];
    values.substanceExperience.opioids = 81;
    values.maxCaseload = -1;
    values.yearsAddictionExperience = '';
    expect(validateMatchingProfile(intl, values)).toEqual({
      languages: '“Spanish” is not a language tag such as en or es',
      'substanceExperience.opioids': 'Use whole years from 0 to 80',
      maxCaseload: 'Use a whole number from 0 to 500, or leave empty for the program default',
      yearsAddictionExperience: 'Use whole years from 0 to 80',
    });
    expect(validateMatchingProfile(intl, matchingProfileValues(member))).toEqual({});
  });
});
