import type { AdmissionProblem, AdmissionRule } from '@tandem/core/admission/admission-rules';
import { defineMessages, type IntlShape, type MessageDescriptor } from 'react-intl';
import { formatCalendarDate } from '../patients/labels.ts';
import { careSettingLabels, inSentence } from './labels.ts';

/** Core's admission rules say which rule failed; these are their words. */
const messages: Record<AdmissionRule, MessageDescriptor> = defineMessages({
  admittedOnMissing: {
    id: 'admission.problems.admittedOnMissing',
    defaultMessage: 'Enter the admission date',
  },
  admittedOnAfterToday: {
    id: 'admission.problems.admittedOnAfterToday',
    defaultMessage: 'Admission cannot be after today ({today})',
  },
  referralSourceMissing: {
    id: 'admission.problems.referralSourceMissing',
    defaultMessage: 'Choose who referred the patient',
  },
  settingMissing: { id: 'admission.problems.settingMissing', defaultMessage: 'Choose the setting of care' },
  asamLevelNotOfEdition: {
    id: 'admission.problems.asamLevelNotOfEdition',
    defaultMessage: 'Not a level of care of this ASAM edition',
  },
  levelOfCareMisfit: {
    id: 'admission.problems.levelOfCareMisfit',
    defaultMessage: 'ASAM level {level} is not delivered in {setting} care; it fits {fitting}',
  },
  substancesMissing: {
    id: 'admission.problems.substancesMissing',
    defaultMessage: 'Record at least the primary substance',
  },
  primaryNotMarked: {
    id: 'admission.problems.primaryNotMarked',
    defaultMessage: '{of, select, substance {Mark the primary substance} other {Mark the primary diagnosis}}',
  },
  primaryMarkedMoreThanOnce: {
    id: 'admission.problems.primaryMarkedMoreThanOnce',
    defaultMessage:
      '{of, select, substance {Mark only one substance as primary} other {Mark only one diagnosis as primary}}',
  },
  substanceClassMissing: {
    id: 'admission.problems.substanceClassMissing',
    defaultMessage: 'Choose a substance',
  },
  substanceListedTwice: {
    id: 'admission.problems.substanceListedTwice',
    defaultMessage: 'This substance is listed twice',
  },
  routeMissing: { id: 'admission.problems.routeMissing', defaultMessage: 'Choose how it is used' },
  frequencyMissing: { id: 'admission.problems.frequencyMissing', defaultMessage: 'Choose how often' },
  ageOfFirstUseOutOfRange: {
    id: 'admission.problems.ageOfFirstUseOutOfRange',
    defaultMessage: 'Enter an age from {min} to {max}',
  },
  diagnosisNotSubstanceUse: {
    id: 'admission.problems.diagnosisNotSubstanceUse',
    defaultMessage: 'Not an ICD-10-CM code of F10-F19 (substance use disorders)',
  },
  diagnosisIsCategory: {
    id: 'admission.problems.diagnosisIsCategory',
    defaultMessage: '{code} is a category; choose one of the specific codes under it',
  },
  diagnosisListedTwice: {
    id: 'admission.problems.diagnosisListedTwice',
    defaultMessage: 'This diagnosis is listed twice',
  },
});

/** One problem of an admission (or a level-of-care change) as the person reads it. */
export function admissionProblemMessage(intl: IntlShape, problem: AdmissionProblem): string {
  switch (problem.rule) {
    case 'admittedOnAfterToday':
      return intl.formatMessage(messages.admittedOnAfterToday, {
        today: formatCalendarDate(intl, problem.today),
      });
    case 'levelOfCareMisfit':
      return intl.formatMessage(messages.levelOfCareMisfit, {
        level: problem.level,
        setting: inSentence(intl, careSettingLabels[problem.setting]),
        fitting: intl.formatList(
          problem.fitting.map((fit) => inSentence(intl, careSettingLabels[fit])),
          { type: 'disjunction' },
        ),
      });
    case 'primaryNotMarked':
    case 'primaryMarkedMoreThanOnce':
      return intl.formatMessage(messages[problem.rule], { of: problem.of });
    case 'ageOfFirstUseOutOfRange':
      return intl.formatMessage(messages.ageOfFirstUseOutOfRange, {
        min: intl.formatNumber(problem.min),
        max: intl.formatNumber(problem.max),
      });
    case 'diagnosisIsCategory':
      return intl.formatMessage(messages.diagnosisIsCategory, { code: problem.code });
    default:
      return intl.formatMessage(messages[problem.rule]);
  }
}
