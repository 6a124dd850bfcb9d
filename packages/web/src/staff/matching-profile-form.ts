import {
  type ClinicianGender,
  type CoOccurringCondition,
  type SubstanceClass,
  substanceClasses,
} from '@tandem/core/admission/vocabulary';
import type { TherapeuticApproach } from '@tandem/core/staff/approaches';
import { defineMessages, type IntlShape } from 'react-intl';
import type { StaffMember } from '../api/types.ts';

/** The matching profile as the form holds it: numbers as typed (empty means none). */
export interface MatchingProfileValues {
  gender: ClinicianGender | null;
  approaches: TherapeuticApproach[];
  languages: string[];
  yearsAddictionExperience: number | '';
  substanceExperience: Record<SubstanceClass, number | ''>;
  conditionExperience: CoOccurringCondition[];
  acceptsNewPatients: boolean;
  maxCaseload: number | '';
}

export type MatchingProfileErrors = Partial<Record<string, string>>;

export function matchingProfileValues(member: StaffMember): MatchingProfileValues {
  const years = Object.fromEntries(
    substanceClasses.map((substance) => [substance, member.substanceExperience[substance] ?? '']),
  ) as Record<SubstanceClass, number | ''>;
  return {
    gender: member.gender,
    approaches: [...member.approaches],
    languages: [...member.languages],
    yearsAddictionExperience: member.yearsAddictionExperience,
    substanceExperience: years,
    conditionExperience: [...member.conditionExperience],
    acceptsNewPatients: member.acceptsNewPatients,
    maxCaseload: member.maxCaseload ?? '',
  };
}

const languageTag = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const wholeYears = (value: number | '') =>
  value === '' || (Number.isInteger(value) && value >= 0 && value <= 80);

const messages = defineMessages({
  noLanguage: { id: 'staff.matchingProfileForm.noLanguage', defaultMessage: 'Name at least one language' },
  wholeYears: { id: 'staff.matchingProfileForm.wholeYears', defaultMessage: 'Use whole years from 0 to 80' },
  maxCaseload: {
    id: 'staff.matchingProfileForm.maxCaseloadRange',
    defaultMessage: 'Use a whole number from 0 to 500, or leave empty for the program default',
  },
});

/** The same rules the server applies, so that messages appear on the field before sending. */
export function validateMatchingProfile(
  intl: IntlShape,
  values: MatchingProfileValues,
): MatchingProfileErrors {
  const errors: MatchingProfileErrors = {};
  if (values.languages.length === 0) errors.languages = intl.formatMessage(messages.noLanguage);
  const badTag = values.languages.find((tag) => !languageTag.test(tag));
  if (badTag !== undefined) {
    errors.languages = intl.formatMessage(
      {
        id: 'staff.matchingProfileForm.badLanguageTag',
        defaultMessage: '“{tag}” is not a language tag such as en or es',
      },
      { tag: badTag },
    );
  }
  if (values.yearsAddictionExperience === '' || !wholeYears(values.yearsAddictionExperience)) {
    errors.yearsAddictionExperience = intl.formatMessage(messages.wholeYears);
  }
  for (const substance of substanceClasses) {
    if (!wholeYears(values.substanceExperience[substance])) {
      errors[`substanceExperience.${substance}`] = intl.formatMessage(messages.wholeYears);
    }
  }
  const max = values.maxCaseload;
  if (max !== '' && (!Number.isInteger(max) || max < 0 || max > 500)) {
    errors.maxCaseload = intl.formatMessage(messages.maxCaseload);
  }
  return errors;
}

/** The PATCH body: only what changed, with the version the form was opened at. */
export function matchingProfileChange(values: MatchingProfileValues, member: StaffMember) {
  const substanceExperience: Partial<Record<SubstanceClass, number>> = {};
  for (const substance of substanceClasses) {
    const years = values.substanceExperience[substance];
    if (years !== '' && years > 0) substanceExperience[substance] = years;
  }
  return {
    version: member.version,
    gender: values.gender,
    approaches: values.approaches,
    languages: values.languages,
    yearsAddictionExperience: values.yearsAddictionExperience === '' ? 0 : values.yearsAddictionExperience,
    substanceExperience,
    conditionExperience: values.conditionExperience,
    acceptsNewPatients: values.acceptsNewPatients,
    maxCaseload: values.maxCaseload === '' ? null : values.maxCaseload,
  };
}
