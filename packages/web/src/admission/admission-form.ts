import {
  type AdmissionDraft,
  validateAdmission as validateAdmissionRules,
} from '@tandem/core/admission/admission-rules';
import { admissionSchema } from '@tandem/core/admission/episode-request';
import type {
  AsamEdition,
  CareSetting,
  CoOccurringCondition,
  ReferralSource,
  SubstanceClass,
  UseFrequency,
  UseRoute,
} from '@tandem/core/admission/vocabulary';
import { defineMessage, type IntlShape, type MessageDescriptor } from 'react-intl';
import { hasPath } from '../forms/problem-fields.ts';
import type { TandemFormOptions } from '../forms/use-tandem-form.ts';
import { admissionProblemMessage } from './admission-problems.ts';
import type { Admission } from './api.ts';
import { episodeRequestRuleMessages } from './episode-request-messages.ts';
import { asamLevelNames } from './labels.ts';

export interface SubstanceRow {
  substanceClass: SubstanceClass | '';
  specificSubstance: string;
  route: UseRoute | '';
  frequency: UseFrequency | '';
  ageOfFirstUse: string;
}

export interface AdmissionFormValues {
  admittedOn: string;
  referralSource: ReferralSource | '';
  referralNote: string;
  setting: CareSetting | '';
  asamEdition: AsamEdition | '';
  asamLevel: string;
  substances: SubstanceRow[];
  /** Index of the primary substance in `substances`. */
  primarySubstance: number;
  diagnoses: { code: string; description: string }[];
  /** Code of the primary diagnosis. */
  primaryDiagnosis: string;
  presentingProblems: string;
  coOccurringConditions: CoOccurringCondition[];
}

export const emptySubstance: SubstanceRow = {
  substanceClass: '',
  specificSubstance: '',
  route: '',
  frequency: '',
  ageOfFirstUse: '',
};

export function emptyAdmission(today: string): AdmissionFormValues {
  return {
    admittedOn: today,
    referralSource: '',
    referralNote: '',
    setting: '',
    asamEdition: '4',
    asamLevel: '',
    substances: [{ ...emptySubstance }],
    primarySubstance: 0,
    diagnoses: [],
    primaryDiagnosis: '',
    presentingProblems: '',
    coOccurringConditions: [],
  };
}

const levelOption: MessageDescriptor = defineMessage({
  id: 'admission.admissionForm.asamLevelOption',
  defaultMessage: '{level} — {name}',
});

/** The level codes of an edition, for a select: "2.1 — Intensive outpatient treatment". */
export function asamLevelOptions(
  intl: IntlShape,
  edition: AsamEdition | '',
): { value: string; label: string }[] {
  return Object.entries(asamLevelNames(edition)).map(([value, name]) => ({
    value,
    label: intl.formatMessage(levelOption, { level: value, name: intl.formatMessage(name) }),
  }));
}

/** Field names follow the server's paths (substances.1.route), so that its messages land on the same field. */
export type AdmissionErrors = Record<string, string>;

/**
 * The admission as core's rules read it: choices not made yet stay '', an age that is not a whole number is NaN.
 * The rules are core's (validateAdmission), the same the server runs; the first problem of a field is shown, in
 * the reader's words.
 */
export function validateAdmission(
  intl: IntlShape,
  values: AdmissionFormValues,
  today: string,
): AdmissionErrors {
  const errors: AdmissionErrors = {};
  const draft: AdmissionDraft = {
    admittedOn: values.admittedOn,
    referralSource: values.referralSource,
    setting: values.setting,
    asam: values.asamLevel === '' ? null : { edition: values.asamEdition, level: values.asamLevel },
    substances: values.substances.map((row, index) => {
      const age = row.ageOfFirstUse.trim();
      return {
        substanceClass: row.substanceClass,
        route: row.route,
        frequency: row.frequency,
        isPrimary: index === values.primarySubstance,
        ageOfFirstUse: age === '' ? null : /^\d{1,3}$/.test(age) ? Number(age) : Number.NaN,
      };
    }),
    diagnoses: values.diagnoses.map((diagnosis) => ({
      code: diagnosis.code,
      isPrimary: diagnosis.code === values.primaryDiagnosis,
    })),
  };
  for (const problem of validateAdmissionRules(draft, today)) {
    errors[problem.path] ??= admissionProblemMessage(intl, problem);
  }
  return errors;
}

/**
 * How the admission form checks itself: core's admission schema (the server's) on the body it would send, then
 * core's admission rules in the reader's words (they say "choose" where the schema says "not one of").
 */
export function admissionFormChecks(
  intl: IntlShape,
  today: string,
): Omit<TandemFormOptions<AdmissionFormValues>, 'initialValues'> {
  return {
    schema: admissionSchema,
    toRequest: admissionBody,
    rules: (values) => validateAdmission(intl, values, today),
    messages: episodeRequestRuleMessages,
    // The ASAM level is one object in the request, two selects in the form.
    isField: (path, values) => path === 'asam' || path.startsWith('asam.') || hasPath(values, path),
  };
}

export function admissionBody(values: AdmissionFormValues): Admission {
  return {
    admittedOn: values.admittedOn,
    referralSource: values.referralSource as ReferralSource,
    referralNote: values.referralNote.trim() === '' ? null : values.referralNote.trim(),
    setting: values.setting as CareSetting,
    asam:
      values.asamEdition !== '' && values.asamLevel !== ''
        ? { edition: values.asamEdition, level: values.asamLevel }
        : null,
    substances: values.substances.map((row, index) => ({
      substanceClass: row.substanceClass as SubstanceClass,
      specificSubstance: row.specificSubstance.trim() === '' ? null : row.specificSubstance.trim(),
      route: row.route as UseRoute,
      frequency: row.frequency as UseFrequency,
      isPrimary: index === values.primarySubstance,
      ageOfFirstUse: row.ageOfFirstUse.trim() === '' ? null : Number(row.ageOfFirstUse),
    })),
    diagnoses: values.diagnoses.map((diagnosis) => ({
      code: diagnosis.code,
      isPrimary: values.diagnoses.length === 1 || diagnosis.code === values.primaryDiagnosis,
      verificationStatus: 'confirmed',
    })),
    presentingProblems: values.presentingProblems.trim(),
    coOccurringConditions: values.coOccurringConditions,
  };
}

/** Removes a substance row and keeps the primary mark on the same substance (or the first one). */
export function removeSubstance(values: AdmissionFormValues, index: number): AdmissionFormValues {
  const substances = values.substances.filter((_row, position) => position !== index);
  let primarySubstance = values.primarySubstance;
  if (index === values.primarySubstance) primarySubstance = 0;
  else if (index < values.primarySubstance) primarySubstance -= 1;
  return { ...values, substances, primarySubstance };
}
