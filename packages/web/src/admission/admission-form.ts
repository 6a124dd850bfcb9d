import {
  type AsamEdition,
  asamFourthEditionLevels,
  asamThirdEditionLevels,
  type CareSetting,
  type CoOccurringCondition,
  isAsamLevel,
  type ReferralSource,
  type SubstanceClass,
  type UseFrequency,
  type UseRoute,
} from '@tandem/core/admission/vocabulary';
import type { Admission } from './api.ts';

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

/** The level codes of an edition, for a select: "2.1 — Intensive outpatient treatment". */
export function asamLevelOptions(edition: AsamEdition | ''): { value: string; label: string }[] {
  const levels: Record<string, string> =
    edition === '3' ? asamThirdEditionLevels : edition === '4' ? asamFourthEditionLevels : {};
  return Object.entries(levels).map(([value, name]) => ({ value, label: `${value} — ${name}` }));
}

/** Field names follow the server's paths (substances.1.route), so that its messages land on the same field. */
export type AdmissionErrors = Record<string, string>;

export function validateAdmission(values: AdmissionFormValues, today: string): AdmissionErrors {
  const errors: AdmissionErrors = {};
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.admittedOn)) errors.admittedOn = 'Enter the admission date';
  else if (values.admittedOn > today) errors.admittedOn = 'Admission cannot be in the future';
  if (values.referralSource === '') errors.referralSource = 'Choose who referred the patient';
  if (values.setting === '') errors.setting = 'Choose the setting of care';
  if (
    values.asamLevel !== '' &&
    (values.asamEdition === '' || !isAsamLevel(values.asamEdition, values.asamLevel))
  )
    errors['asam.level'] = 'Not a level of care of this ASAM edition';
  if (values.substances.length === 0) errors.substances = 'Record at least the primary substance';
  const seen = new Set<string>();
  values.substances.forEach((row, index) => {
    if (row.substanceClass === '') errors[`substances.${index}.substanceClass`] = 'Choose a substance';
    else if (seen.has(row.substanceClass))
      errors[`substances.${index}.substanceClass`] = 'This substance is listed twice';
    seen.add(row.substanceClass);
    if (row.route === '') errors[`substances.${index}.route`] = 'Choose how it is used';
    if (row.frequency === '') errors[`substances.${index}.frequency`] = 'Choose how often';
    const age = row.ageOfFirstUse.trim();
    if (age !== '' && (!/^\d{1,3}$/.test(age) || Number(age) > 120))
      errors[`substances.${index}.ageOfFirstUse`] = 'Enter an age from 0 to 120';
  });
  if (values.primarySubstance < 0 || values.primarySubstance >= values.substances.length)
    errors.substances = 'Mark the primary substance';
  if (values.diagnoses.length > 1 && !values.diagnoses.some((d) => d.code === values.primaryDiagnosis))
    errors.diagnoses = 'Mark the primary diagnosis';
  return errors;
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
