import { findDiagnosis } from '../diagnoses/catalog.ts';
import type { FieldError } from '../errors/domain-error.ts';
import type { LocalDate } from '../time/local-date.ts';
import { levelOfCareMisfit } from './level-of-care-fit.ts';
import { type CareSetting, isAsamLevel } from './vocabulary.ts';

/**
 * An admission as far as it is filled in: what the admission form holds ('' for a choice not made yet, NaN for
 * an age that is not a number) and what the API receives are both one.
 */
export interface AdmissionDraft {
  admittedOn: string;
  referralSource: string;
  setting: CareSetting | '';
  asam?: { edition: string; level: string } | null | undefined;
  substances: readonly {
    substanceClass: string;
    route: string;
    frequency: string;
    isPrimary: boolean;
    ageOfFirstUse?: number | null | undefined;
  }[];
  diagnoses: readonly { code: string; isPrimary: boolean }[];
}

/**
 * One primary among several (the primary substance, the primary diagnosis). A single entry is primary by
 * itself; several need exactly one marked. Returns the index of the primary, or the field error.
 */
export function primaryIndex(
  entries: readonly { isPrimary: boolean }[],
  path: string,
  what: string,
): { index: number } | { error: FieldError } {
  if (entries.length === 1) return { index: 0 };
  const marked = entries.flatMap((entry, index) => (entry.isPrimary ? [index] : []));
  if (marked.length === 1) return { index: marked[0] as number };
  return {
    error: {
      path,
      message: marked.length === 0 ? `Mark the primary ${what}` : `Mark only one ${what} as primary`,
    },
  };
}

/** The catalogue's entry of a code that may go on a record (billable, F10-F19), or the field error. */
export function billableDiagnosis(
  code: string,
  path: string,
): { code: string; description: string } | { error: FieldError } {
  const diagnosis = findDiagnosis(code);
  if (diagnosis === undefined) {
    return { error: { path, message: 'Not an ICD-10-CM code of F10-F19 (substance use disorders)' } };
  }
  if (!diagnosis.billable) {
    return {
      error: { path, message: `${diagnosis.code} is a category; choose one of the specific codes under it` },
    };
  }
  return { code: diagnosis.code, description: diagnosis.description };
}

/**
 * What is wrong with an admission, field by field (paths as the API names them: `substances.1.route`,
 * `asam.level`), judged against the program's today. The admission form runs it before sending; the server
 * runs it again on what it receives.
 */
export function validateAdmission(admission: AdmissionDraft, today: LocalDate): FieldError[] {
  const errors: FieldError[] = [];
  const error = (path: string, message: string) => errors.push({ path, message });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(admission.admittedOn)) error('admittedOn', 'Enter the admission date');
  else if (admission.admittedOn > today) error('admittedOn', `Admission cannot be after today (${today})`);
  if (admission.referralSource === '') error('referralSource', 'Choose who referred the patient');
  if (admission.setting === '') error('setting', 'Choose the setting of care');
  const asam = admission.asam;
  if (asam !== null && asam !== undefined && asam.level !== '') {
    if (!isAsamLevel(asam.edition, asam.level))
      error('asam.level', 'Not a level of care of this ASAM edition');
    else if (admission.setting !== '') {
      const misfit = levelOfCareMisfit(admission.setting, asam);
      if (misfit !== undefined) errors.push(misfit);
    }
  }

  if (admission.substances.length === 0) error('substances', 'Record at least the primary substance');
  else {
    const primary = primaryIndex(admission.substances, 'substances', 'substance');
    if ('error' in primary) errors.push(primary.error);
  }
  const seen = new Set<string>();
  admission.substances.forEach((substance, index) => {
    const path = `substances.${index}`;
    if (substance.substanceClass === '') error(`${path}.substanceClass`, 'Choose a substance');
    else if (seen.has(substance.substanceClass))
      error(`${path}.substanceClass`, 'This substance is listed twice');
    seen.add(substance.substanceClass);
    if (substance.route === '') error(`${path}.route`, 'Choose how it is used');
    if (substance.frequency === '') error(`${path}.frequency`, 'Choose how often');
    const age = substance.ageOfFirstUse;
    if (age !== null && age !== undefined && !(Number.isInteger(age) && age >= 0 && age <= 120)) {
      error(`${path}.ageOfFirstUse`, 'Enter an age from 0 to 120');
    }
  });

  if (admission.diagnoses.length > 0) {
    const primary = primaryIndex(admission.diagnoses, 'diagnoses', 'diagnosis');
    if ('error' in primary) errors.push(primary.error);
  }
  const codes = new Set<string>();
  admission.diagnoses.forEach((diagnosis, index) => {
    const found = billableDiagnosis(diagnosis.code, `diagnoses.${index}.code`);
    if ('error' in found) errors.push(found.error);
    else if (codes.has(found.code)) error(`diagnoses.${index}.code`, 'This diagnosis is listed twice');
    else codes.add(found.code);
  });
  return errors;
}
